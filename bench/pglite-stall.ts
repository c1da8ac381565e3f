/**
 * PGlite stalls: how long the embedded database keeps the whole server from answering while it runs
 * one 公示查询 search, at 100 000 institutions. PGlite inside the server's own thread held every
 * other request (and the event loop) for as long as a statement ran; in a worker thread (decision
 * 0026) it holds only the requests that need the database, which has one connection.
 *
 * 1. `npm start` as it is (scripts/start.mjs: bundled server, PGlite under a temporary DATA_DIR,
 *    migrations and demo data), then stopped;
 * 2. the institutions, their records and licences written straight into that PGlite directory
 *    (generate_series, names from two words of a list so a word pair is as selective as a real name
 *    part), then VACUUM ANALYZE;
 * 3. `npm start` again; for each search shape, 20 searches one after another while two probers ask,
 *    every 2 ms each on its own connection: `GET /api/auth/csrf` (no database: it waits only for the
 *    event loop) and `GET /api/health` (`SELECT 1`: it also waits for the one PGlite connection).
 *    The stall of a search, per prober, is the longest answer seen while it ran, less that prober's
 *    median with no search running. With PGlite in the server's thread both are the same wait; with
 *    PGlite in a worker (decision 0026) the first is the event loop's stall, the second adds the
 *    queue for the database, which one connection still runs one statement at a time;
 * 4. throughput of a plain list: the register's first page (no keyword) from 8 connections for
 *    10 s, each request from its own visitor address, with both probers beside it.
 *
 *   npm run bench:pglite -w @jhrm/bench [-- --institutions N --port P --data-dir DIR]
 *
 * `--data-dir DIR` keeps the generated DATA_DIR and reuses it on the next run (steps 1 and 2 once), so
 * two builds of the server can be measured back to back on the same data.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../apps/server/src/db/client';
import { startServer, sleep } from './lib/server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const INSTITUTIONS = arg('institutions', 100_000);
const PORT = arg('port', 3950);
const ROUNDS = 20;
const CITIES = ['长春', '吉林', '四平', '辽源', '通化', '白山', '松原', '白城', '延边'];
const WORDS = ['博润', '华信', '众成', '远航', '金桥', '英才', '瑞达', '智联', '鼎盛', '恒通', '宏图', '汇才', '嘉禾', '启明', '德润', '锦程', '卓越', '天成', '同心', '聚贤'];

const SEARCHES: { label: string; query: string }[] = [
  { label: 'keyword, 3 characters (金桥英)', query: `keyword=${encodeURIComponent('金桥英')}` },
  { label: 'keyword, word pair (长春金桥英才)', query: `keyword=${encodeURIComponent('长春金桥英才')}` },
  { label: 'keyword, USCC', query: 'keyword=91220100GENR000457' },
  { label: 'keyword, licence number', query: `keyword=${encodeURIComponent('吉人社服证字〔2026〕000457')}` },
  { label: 'keyword in every name (人力资源)', query: `keyword=${encodeURIComponent('人力资源')}` },
  { label: 'no keyword (first page of the register)', query: '' },
];

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : 0;
};

async function generate(dataDir: string) {
  const database = await openDatabase({ pgliteDir: path.join(dataDir, 'pg') });
  const db = database.db as unknown as { execute(q: string): Promise<unknown> };
  const arr = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;
  const t0 = performance.now();
  await db.execute(`INSERT INTO units (name, uscc, legal_type)
    SELECT '停顿测试单位' || u, '91220000GENU' || lpad(u::text, 6, '0'), '企业法人' FROM generate_series(1, ${Math.ceil(INSTITUTIONS / 5)}) u`);
  await db.execute(`INSERT INTO institutions (unit_id, name, uscc, legal_rep, kind, review_status, created_at, updated_at)
    SELECT u.id, (${arr(CITIES)})[1 + g % 9] || (${arr(WORDS)})[1 + (g / 9) % 20] || (${arr(WORDS)})[1 + (g / 180) % 20] || '人力资源有限公司' || g,
           '91220100GENR' || lpad(g::text, 6, '0'), '法人' || g, '许可', CASE WHEN g % 10 = 0 THEN '待审核' ELSE '审核通过' END,
           now() - make_interval(mins => g), now()
    FROM generate_series(1, ${INSTITUTIONS}) g
    JOIN (SELECT id, row_number() OVER (ORDER BY uscc) AS n FROM units WHERE uscc LIKE '91220000GENU%') u ON u.n = 1 + g % ${Math.ceil(INSTITUTIONS / 5)}`);
  await db.execute(`INSERT INTO institution_records (institution_id, version, name, uscc, department, scopes, created_at, updated_at)
    SELECT id, 1, name, uscc, '220000', '["职业介绍"]'::jsonb, created_at, created_at FROM institutions WHERE uscc LIKE '91220100GENR%'`);
  await db.execute(`UPDATE institutions i SET current_record_id = r.id FROM institution_records r
    WHERE r.institution_id = i.id AND i.review_status = '审核通过' AND i.uscc LIKE '91220100GENR%'`);
  await db.execute(`INSERT INTO licences (number, kind, institution_id, unit_id, institution_name, uscc, legal_rep, scopes, department, department_name, issued_on, created_at)
    SELECT '吉人社服证字〔2026〕' || right(uscc, 6), '许可', id, unit_id, name, uscc, legal_rep, '["职业介绍"]'::jsonb, '220000', '省人社厅审批办',
           date '2026-01-01' + (right(uscc, 6)::int % 300), created_at
    FROM institutions WHERE review_status = '审核通过' AND uscc LIKE '91220100GENR%'`);
  await db.execute('VACUUM ANALYZE');
  await database.close();
  return performance.now() - t0;
}

async function timed(url: string, headers: Record<string, string> = {}) {
  const t = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - t;
}

/** The prober's paths: the event loop only, and the event loop plus the database. */
const LOOP = '/api/auth/csrf';
const DB = '/api/health';

/** GET `path` every 2 ms until stopped; the latencies it saw. */
function probe(baseUrl: string, path: string) {
  const seen: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      seen.push(await timed(`${baseUrl}${path}`));
      await sleep(2);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return seen;
    },
  };
}

/** Both probers at once. */
function probeBoth(baseUrl: string) {
  const loop = probe(baseUrl, LOOP);
  const db = probe(baseUrl, DB);
  return { stop: async () => ({ loop: await loop.stop(), db: await db.stop() }) };
}

/** Requests a second for the register's first page from 8 connections, and the health answers meanwhile. */
async function throughput(baseUrl: string) {
  let visitor = 1;
  const p = probeBoth(baseUrl);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: baseUrl,
        connections: 8,
        duration: 10,
        requests: [
          {
            method: 'GET',
            path: '/api/public/register?page=1&pageSize=15',
            setupRequest: (req: autocannon.Request) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': `10.10.${(visitor >> 8) & 255}.${visitor++ & 255}` } }),
          },
        ],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
  });
  const seen = await p.stop();
  const non2xx = result.non2xx + result.errors + result.timeouts;
  console.log(`  plain list (register page 1, 8 connections, 10 s): ${result.requests.average.toFixed(0)} req/s, latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms${non2xx ? `, ${non2xx} failed` : ''}`);
  for (const [label, xs] of [[`${LOOP} (event loop)`, seen.loop], [`${DB} (SELECT 1)`, seen.db]] as const) {
    console.log(`    ${label} beside it: p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`);
  }
}

async function main() {
  // --data-dir DIR: generate into DIR once and keep it; later runs (another build of the server) reuse it
  const kept = process.argv.includes('--data-dir') ? path.resolve(process.argv[process.argv.indexOf('--data-dir') + 1]!) : undefined;
  const dataDir = kept ?? mkdtempSync(path.join(tmpdir(), 'jhrm-pglite-stall-'));
  const generated = path.join(dataDir, `.generated-${INSTITUTIONS}`);
  // the register's per-address limit (60 a minute): each search comes from its own X-Forwarded-For
  process.env.TRUST_PROXY = '127.0.0.1';
  try {
    let server: Awaited<ReturnType<typeof startServer>>;
    if (kept && existsSync(generated)) {
      console.log(`[1-2/3] reusing ${dataDir} (${INSTITUTIONS} institutions generated before)`);
    } else {
      console.log(`[1/3] npm start on PGlite (DATA_DIR ${dataDir}): migrations and demo data`);
      server = await startServer({ mode: 'npm-start', dataDir, port: PORT });
      console.log(`  ready in ${server.startMs} ms`);
      await server.stop();

      console.log(`[2/3] writing ${INSTITUTIONS} institutions with records and licences into PGlite`);
      console.log(`  ${(await generate(dataDir) / 1000).toFixed(1)} s (with VACUUM ANALYZE)`);
      writeFileSync(generated, '');
    }

    server = await startServer({ mode: 'npm-start', dataDir, port: PORT });
    console.log(`[3/3] npm start again (ready in ${server.startMs} ms); ${ROUNDS} searches per shape, both probers beside them`);
    try {
      const idle = probeBoth(server.baseUrl);
      await sleep(2000);
      const quiet = await idle.stop();
      const baseline = { loop: percentile(quiet.loop, 50), db: percentile(quiet.db, 50) };
      console.log(`  with no search running: ${LOOP} median ${baseline.loop.toFixed(2)} ms, ${DB} median ${baseline.db.toFixed(2)} ms`);
      console.log(`  stall = longest answer during a search less that median; ms`);
      console.log(
        `  ${'search'.padEnd(42)} ${'p50'.padStart(7)} ${'max'.padStart(7)} | ${'loop: max'.padStart(9)} ${'p95'.padStart(7)} ${'p50'.padStart(7)} | ${'db: max'.padStart(9)} ${'p95'.padStart(7)} ${'p50'.padStart(7)}`,
      );
      const col = (x: number, w = 7) => x.toFixed(1).padStart(w);
      let visitor = 1;
      for (const s of SEARCHES) {
        const took: number[] = [];
        const stalls = { loop: [] as number[], db: [] as number[] };
        for (let i = 0; i < ROUNDS; i++) {
          const p = probeBoth(server.baseUrl);
          await sleep(5);
          took.push(await timed(`${server.baseUrl}/api/public/register?${s.query}${s.query ? '&' : ''}page=1&pageSize=15`, { 'x-forwarded-for': `10.9.${visitor >> 8}.${visitor++ & 255}` }));
          const seen = await p.stop();
          stalls.loop.push(Math.max(0, Math.max(...seen.loop) - baseline.loop));
          stalls.db.push(Math.max(0, Math.max(...seen.db) - baseline.db));
        }
        const three = (xs: number[]) => `${col(Math.max(...xs), 9)} ${col(percentile(xs, 95))} ${col(percentile(xs, 50))}`;
        console.log(`  ${s.label.padEnd(42)} ${col(percentile(took, 50))} ${col(Math.max(...took))} | ${three(stalls.loop)} | ${three(stalls.db)}`);
      }
      await throughput(server.baseUrl);
    } finally {
      await server.stop();
    }
  } finally {
    if (!kept) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
