import { describe, expect, it } from 'vitest';
import { draw, drawCount, uniform, type DrawPool } from './spot-check-draw';

const ids = (n: number, prefix = 'i') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
const pool = (n: number, weight = (_i: number) => 1): DrawPool => ({
  institutions: ids(n).map((id, i) => [id, weight(i), '220200', i % 2 ? ['r1'] : []]),
  reviewers: { '220200': ['r1', 'r2', 'r3', 'r4'] },
});

describe('the 双随机 draw', () => {
  it('is the same for the same seed and pool, whatever order the pool lists them in', () => {
    const p = pool(50);
    const reversed: DrawPool = { ...p, institutions: [...p.institutions].reverse(), reviewers: { '220200': [...p.reviewers['220200']!].reverse() } };
    const a = draw('seed-a', p, 20, 2);
    expect(a).toHaveLength(10);
    expect(draw('seed-a', reversed, 20, 2)).toEqual(a);
    expect(draw('seed-b', p, 20, 2).map((d) => d.institutionId)).not.toEqual(a.map((d) => d.institutionId));
  });

  it('never gives an institution a reviewer it excludes, and no more than asked', () => {
    for (const seed of ['1', '2', '3', '4', '5']) {
      for (const d of draw(seed, pool(30), 100, 3)) {
        expect(d.inspectors.length).toBe(3);
        expect(new Set(d.inspectors).size).toBe(3);
        if (Number(d.institutionId.slice(1)) % 2) expect(d.inspectors).not.toContain('r1');
      }
    }
  });

  it('gives fewer inspectors, or none, when the department has too few it may send', () => {
    const p: DrawPool = { institutions: [['x', 1, '220200', ['r1', 'r2']], ['y', 1, '220300', []]], reviewers: { '220200': ['r1', 'r2', 'r3'] } };
    const byId = new Map(draw('s', p, 100, 2).map((d) => [d.institutionId, d.inspectors]));
    expect(byId.get('x')).toEqual(['r3']);
    expect(byId.get('y')).toEqual([]);
  });

  it('draws a heavier weight more often (D weighted 4 against A 0.5)', () => {
    // half the pool weight 4, half 0.5; a 10% draw over many seeds
    const p = pool(40, (i) => (i < 20 ? 4 : 0.5));
    let heavy = 0;
    let total = 0;
    for (let s = 0; s < 200; s++) {
      for (const d of draw(`w${s}`, p, 10, 1)) {
        total += 1;
        if (Number(d.institutionId.slice(1)) < 20) heavy += 1;
      }
    }
    expect(total).toBe(800);
    // equal weights would give about half; 8:1 weights give far more
    expect(heavy / total).toBeGreaterThan(0.8);
  });

  it('rounds the share up and uniform numbers stay inside (0, 1)', () => {
    expect(drawCount(10, 25)).toBe(3);
    expect(drawCount(10, 100)).toBe(10);
    expect(drawCount(0, 50)).toBe(0);
    expect(drawCount(1, 1)).toBe(1);
    for (const s of ids(100)) {
      const u = uniform('seed', s);
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
    }
  });
});
