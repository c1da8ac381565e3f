/**
 * 双随机抽查 at volume (print-only, not a test; decision 0049): N licensed institutions on PostgreSQL, each
 * rated for its credit level (decision 0048) and weighted, then the administrator's 预估 (province) and a
 * plan drawn and replayed (省人社厅审批办's licences), timed through the server as `npm start` runs it, and
 * the SQL the 预估 route sends EXPLAINed.
 *
 * 1. the database is recreated; a development start from source migrates it and seeds the demo data;
 * 2. N institutions with a licence in force are added in bulk (a third issued by 省人社厅审批办, the rest
 *    spread over the cities), each 设立 approved by demo_reviewer;
 * 3. the 预估 route's statements are captured from the app itself and EXPLAIN (ANALYZE, BUFFERS)ed;
 * 4. the production bundle starts on that database; demo_admin times 预估 (3×), 抽取 (10 %) and 复核抽取.
 *
 *   npm run bench:spot-checks -w @jhrm/bench [-- --institutions N --port P --admin-url URL]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { recreateDatabase, withDatabase } from './lib/database';
import { captureRouteSql, isRead } from './lib/route-sql';
import { login } from './lib/session';
import { startServer } from './lib/server';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const INSTITUTIONS = Number(arg('institutions', '20000'));
const PORT = Number(arg('port', '3970'));
const ADMIN_URL = arg('admin-url', 'postgres://postgres@127.0.0.1:5432/postgres');
const DATABASE = 'jhrm_bench_spot_checks';
const PREVIEW = { label: '双随机抽查 预估, province, 10 % (demo_admin)', url: '/api/spot-checks/preview', account: 'demo_admin', method: 'POST' as const, payload: { ratio: 10 } };

/** N institutions of the demo unit, each with an approved 设立 (decided by demo_reviewer) and a licence in force. */
async function populate(databaseUrl: string, n: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `WITH d AS (SELECT array_agg(code ORDER BY code) AS codes FROM departments WHERE level IN ('province', 'city')),
            u AS (SELECT id FROM units LIMIT 1),
            r AS (SELECT id FROM users WHERE account = 'demo_reviewer'),
            inst AS (
              INSERT INTO institutions (unit_id, name, uscc, kind, review_status, created_at, updated_at)
              SELECT u.id, '抽查样本' || g || '号人力资源有限公司', '91220000BENCH' || lpad(g::text, 5, '0'), '许可', '审核通过', now(), now()
                FROM generate_series(1, $1::int) g, u
              RETURNING id, unit_id, name, uscc),
            numbered AS (SELECT inst.*, row_number() OVER (ORDER BY inst.id) AS k FROM inst),
            apps AS (
              INSERT INTO applications (unit_id, type, institution_id, status, department, submitted_at, accepted_at, accepted_by, decided_at, decided_by, created_at, updated_at)
              SELECT unit_id, '设立', id, '审核通过', '220000', now(), now(), (SELECT id FROM r), now(), (SELECT id FROM r), now(), now() FROM numbered
              RETURNING id, institution_id)
       INSERT INTO licences (number, kind, status, institution_id, unit_id, application_id, institution_name, uscc, scopes, department, department_name, issued_on, created_at)
       SELECT 'BENCH-' || numbered.k, '许可', '有效', numbered.id, numbered.unit_id, apps.id, numbered.name, numbered.uscc, '["职业介绍"]'::jsonb,
              CASE WHEN numbered.k % 3 = 0 THEN '220000' ELSE d.codes[1 + numbered.k % array_length(d.codes, 1)] END,
              '吉林省人力资源和社会保障厅', (now() - (numbered.k % 1500) * interval '1 day')::date, now()
         FROM numbered JOIN apps ON apps.institution_id = numbered.id, d`,
      [n],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

async function timed<T>(what: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await what();
  return { ms: Math.round(performance.now() - t0), value };
}

async function post(baseUrl: string, s: { cookie: string; csrfToken: string }, url: string, body: unknown) {
  const res = await fetch(`${baseUrl}${url}`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(300_000) });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${String(json.message)}`);
  return json;
}

async function main() {
  await recreateDatabase(ADMIN_URL, DATABASE);
  const databaseUrl = withDatabase(ADMIN_URL, DATABASE);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jhrm-bench-spot-checks-'));
  console.log(`双随机抽查: ${INSTITUTIONS} licensed institutions, database ${DATABASE}`);
  try {
    const seeding = await startServer({ databaseUrl, port: PORT, mode: 'seed', dataDir });
    await seeding.stop();
    const filled = await timed(() => populate(databaseUrl, INSTITUTIONS));
    console.log(`  ${INSTITUTIONS} institutions with licences added in ${filled.ms} ms`);

    // the SQL the 预估 route sends, from the app itself, EXPLAINed
    const [route] = await captureRouteSql({ databaseUrl, dataDir, routes: [PREVIEW] });
    if (!route || route.status !== 200) throw new Error(`capturing the 预估 answered ${route?.status}`);
    const client = new pg.Client({ connectionString: databaseUrl, options: '-c jit=off' });
    await client.connect();
    try {
      for (const [i, st] of route.statements.entries()) {
        if (!isRead(st) || /\bfrom\s+"?sessions"?/i.test(st.text)) continue;
        const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${st.text}`, st.params);
        const lines = plan.rows.map((r) => r['QUERY PLAN']);
        console.log(`\n  EXPLAIN #${i + 1}: ${st.text.replace(/\s+/g, ' ').slice(0, 110)}…`);
        for (const line of [...lines.slice(0, 12), ...(lines.length > 12 ? ['…', ...lines.slice(-2)] : [])]) console.log(`    ${line}`);
      }
    } finally {
      await client.end();
    }

    const server = await startServer({ databaseUrl, port: PORT, mode: 'production', dataDir });
    try {
      const admin = await login(server.baseUrl, 'demo_admin');
      const previews: number[] = [];
      let candidates = 0;
      for (let i = 0; i < 3; i++) {
        const p = await timed(() => post(server.baseUrl, admin, '/api/spot-checks/preview', { ratio: 10 }));
        previews.push(p.ms);
        candidates = Number(p.value.candidates);
      }
      console.log(`\n  预估 (province, ${candidates} candidates rated and weighted): ${previews.join(' / ')} ms`);
      const dueOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const drawn = await timed(() => post(server.baseUrl, admin, '/api/spot-checks', { name: '基准测试抽查', department: '220000', ratio: 10, inspectorsPerTask: 1, dueOn, seed: 'bench-1' }));
      console.log(`  抽取 (省人社厅审批办, 10 %): ${drawn.value.drawnCount} of ${drawn.value.candidateCount} drawn, tasks and messages written, in ${drawn.ms} ms`);
      const replay = await timed(async () => {
        const res = await fetch(`${server.baseUrl}/api/spot-checks/${String(drawn.value.id)}/replay`, { headers: { cookie: admin.cookie } });
        return (await res.json()) as { matches: boolean };
      });
      console.log(`  复核抽取: matches ${replay.value.matches}, ${replay.ms} ms`);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
