/**
 * The 查询 list through nginx to one app process and to two (print-only, not a test): the same
 * autocannon load as the `unit-list` scenario, first with nginx sending to process 1 only, then to
 * processes 1 and 2, and the ratio. The processes run the way `npm start` runs them
 * (`node scripts/start.mjs`, NODE_ENV=production), on a fresh database seeded with the demo data and
 * generated institutions, behind nginx configured as docs/deploy.md says (cluster/lib/cluster.ts,
 * the helpers `npm run test:cluster` uses). Everything runs on this machine: the figures say how far
 * a second process helps with the cores there are, not what two hosts would do.
 *
 *   npm run bench:cluster -w @jhrm/bench [-- --quick] [--units N] [--institutions M] [--connections 32]
 *                                      [--duration 10] [--warmup 2] [--admin-url URL]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { createCluster } from '../cluster/lib/cluster';
import { seedClusterDatabase } from '../cluster/lib/seed';
import { generate } from './generate';
import { dropDatabase, recreateDatabase, withDatabase } from './lib/database';
import { DEFAULT_LOAD, type ScenarioResult } from './lib/load';
import { login } from './lib/session';
import { unitList } from './scenarios/unit-list';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    units: { type: 'string' },
    institutions: { type: 'string' },
    connections: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    'admin-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const quick = values.quick ?? false;
const units = Number(values.units ?? (quick ? 500 : 4000));
const institutions = Number(values.institutions ?? (quick ? 2500 : 20_000));
const load = {
  connections: Number(values.connections ?? DEFAULT_LOAD.connections),
  durationS: Number(values.duration ?? (quick ? 5 : DEFAULT_LOAD.durationS)),
  warmupS: Number(values.warmup ?? DEFAULT_LOAD.warmupS),
};
const DATABASE = 'jhrm_bench_cluster';

const line = (label: string, r: ScenarioResult) =>
  `  ${label.padEnd(12)} ${String(r.requestsPerSec).padStart(6)} req/s  p50 ${r.latencyMs.p50} ms  p95 ${r.latencyMs.p95} ms  p99 ${r.latencyMs.p99} ms  (${r.requests} requests, errors ${r.errors}, non-2xx ${r.non2xx})`;

async function main(): Promise<number> {
  const adminUrl = values['admin-url'];
  const databaseUrl = withDatabase(adminUrl, DATABASE);
  console.log(`bench:cluster: the 查询 list through nginx, 1 vs 2 app processes; ${os.cpus().length} cores, ${load.connections} connections × ${load.durationS} s (+${load.warmupS} s warm-up)`);
  await recreateDatabase(adminUrl, DATABASE);
  const cluster = await createCluster({ databaseUrl, processes: 2, pgbouncer: false, entry: 'start', logLevel: 'warn' });
  try {
    const seeded = await seedClusterDatabase(cluster.env, { draft: false });
    console.log(`  seeded in ${(seeded.ms / 1000).toFixed(1)} s; generating ${units} units / ${institutions} institutions`);
    await generate({ databaseUrl, units, institutions, log: () => undefined });
    const [one, two] = cluster.apps as [(typeof cluster.apps)[0], (typeof cluster.apps)[0]];
    await cluster.nginx.upstreams([one.port]);
    console.log(`  app 1 ready in ${await one.start()} ms (node scripts/start.mjs)`);
    const session = await login(cluster.nginx.baseUrl, 'demo_legal');
    const ctx = { baseUrl: cluster.nginx.baseUrl, session, load };
    const single = await unitList.run(ctx);
    console.log(line('1 process', single));
    console.log(`  app 2 ready in ${await two.start()} ms`);
    await cluster.nginx.upstreams([one.port, two.port]);
    const double = await unitList.run(ctx);
    console.log(line('2 processes', double));
    const ratio = single.requestsPerSec > 0 ? Math.round((double.requestsPerSec / single.requestsPerSec) * 100) / 100 : NaN;
    console.log(`  ratio 2 / 1: ${ratio}× req/s on ${os.cpus().length} cores (nginx, both processes, PostgreSQL and autocannon share them)`);
    const failed = [single, double].filter((r) => r.errors > 0 || r.non2xx > 0);
    for (const f of failed) console.log(`FAILED: ${f.errors} errors ${JSON.stringify(f.errorMessages)}, ${f.non2xx} non-2xx ${JSON.stringify(f.statusCodes)}`);
    return failed.length ? 1 : 0;
  } finally {
    await cluster.stop();
    await dropDatabase(adminUrl, DATABASE);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
