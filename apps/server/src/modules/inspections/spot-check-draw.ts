import { createHash } from 'node:crypto';

/**
 * The 双随机 draw (decision 0049), a pure function of the seed and the pool, so a plan's record replays it.
 * - Institutions: weighted sampling without replacement (Efraimidis–Spirakis): each candidate's key is
 *   ln(u) / weight with u a uniform number from SHA-256(seed, id); the `count` largest keys are drawn.
 *   A weight twice as large makes a candidate about twice as likely to be drawn at small ratios.
 * - Inspectors: for each drawn institution, its department's reviewers minus those it excludes (who
 *   accepted or approved its applications), ordered by SHA-256(seed, institution, reviewer); the first
 *   `perTask`.
 * Nothing depends on the order of the pool's entries.
 */
export interface DrawPool {
  /** [institution id, weight, department code, excluded reviewer ids] */
  institutions: [string, number, string, string[]][];
  /** department code → its active reviewers' ids */
  reviewers: Record<string, string[]>;
  /** each candidate's credit level when drawn (shown with the plan; the weight is what the draw uses) */
  levels?: Record<string, string>;
}

export interface Drawn {
  institutionId: string;
  department: string;
  /** fewer than asked when the department has fewer eligible reviewers; empty when it has none */
  inspectors: string[];
}

/** A uniform number in (0, 1) from the seed and the parts. */
export function uniform(seed: string, ...parts: string[]): number {
  const h = createHash('sha256').update([seed, ...parts].join('\u0000')).digest();
  return (h.readUIntBE(0, 6) + 0.5) / 2 ** 48;
}

/** How many a ratio (percent) draws from n candidates: rounded up, at least one when there are any. */
export const drawCount = (n: number, ratio: number): number => Math.min(n, Math.ceil((n * ratio) / 100));

export function draw(seed: string, pool: DrawPool, ratio: number, perTask: number): Drawn[] {
  const keyed = pool.institutions.map(([id, weight, department, exclude]) => ({ id, department, exclude, key: Math.log(uniform(seed, 'institution', id)) / weight }));
  keyed.sort((a, b) => b.key - a.key || (a.id < b.id ? -1 : 1));
  return keyed.slice(0, drawCount(keyed.length, ratio)).map((c) => {
    const excluded = new Set(c.exclude);
    const eligible = (pool.reviewers[c.department] ?? []).filter((r) => !excluded.has(r));
    const ordered = eligible.map((r) => ({ r, u: uniform(seed, 'inspector', c.id, r) })).sort((a, b) => a.u - b.u || (a.r < b.r ? -1 : 1));
    return { institutionId: c.id, department: c.department, inspectors: ordered.slice(0, perTask).map((o) => o.r) };
  });
}
