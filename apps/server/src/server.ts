import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { createDeps } from './deps';
import { buildApp } from './app';
import { seedReference } from './seed/reference';
import { jobHandlers } from './jobs/handlers';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_UNIT, seedDemo } from './seed/demo';
import { seedDemoBusiness } from './seed/demo-business';
import { startAuditCheckpoints } from './modules/audit/audit-checkpoints';
import path from 'node:path';

async function main() {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`启动失败 (configuration): ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const database = await openDatabase({
    url: config.databaseUrl,
    directUrl: config.databaseDirectUrl,
    preparedStatements: config.databasePreparedStatements,
    pgliteDir: path.join(config.dataDir, 'pg'),
  });
  const applied = await migrate(database.db);
  await seedReference(database.db);
  const deps = createDeps(config, database);
  const seeded = config.env !== 'production' && (await seedDemo(deps));
  // a fresh development database also gets business to look at: a licensed institution, one to review
  if (seeded) await seedDemoBusiness(deps);
  const app = await buildApp(deps);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await app.close();
      await database.close();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  // session purge, cleanup, deadline reminders and SMS: the PostgreSQL job queue, each job in one
  // process of however many (decision 0041); stopped before the database closes
  await deps.jobs.work(jobHandlers(deps, app.log), app.log, (job, run) => deps.metrics.countRun(job, run));
  app.addHook('onClose', async () => deps.jobs.stop());

  // asked while the port opens: a clamd that is down does not stop the start, it refuses uploads
  const scannerAnswers = config.clamd ? deps.scanner.ping() : Promise.resolve(false);
  // The audit chain's head, signed into its own table and the log stream (decision 0015); once more on a clean shutdown.
  const checkpoints = startAuditCheckpoints({ db: database.db, key: config.secrets.auditKey, clock: deps.clock, log: app.log });
  app.addHook('onClose', async () => {
    await checkpoints.stop();
  });

  // Prometheus metrics on a port of their own, never the public one (decision 0036)
  const metricsServer = config.metrics ? await deps.metrics.serve(config.metrics) : null;
  if (metricsServer) app.addHook('onClose', () => metricsServer.close());
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${path.join(config.dataDir, 'pg')}`;
  const lines = [
    '',
    `吉林人力资源市场管理 is running on http://localhost:${config.port}  (${config.env}, ${where}, ready in ${Date.now() - started} ms)`,
    applied.length ? `  migrations applied: ${applied.join(', ')}` : '  database schema up to date',
    ...(metricsServer && config.metrics ? [`  metrics: http://${config.metrics.host}:${metricsServer.port}/metrics`] : []),
    !config.clamd
      ? `  malware scan: OFF (${config.env === 'production' ? 'MALWARE_SCAN=off' : 'CLAMD_SOCKET unset'}): uploads are stored unscanned`
      : (await scannerAnswers)
        ? `  malware scan: ${deps.scanner.description}`
        : `  malware scan: ${deps.scanner.description} is NOT answering: uploads are refused until it does`,
  ];
  if (config.env !== 'production') {
    lines.push(seeded ? `  demo data created: ${DEMO_UNIT.name} (${DEMO_UNIT.uscc}), one institution licensed and one waiting in 待审核` : '  demo accounts:');
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.account.padEnd(14)} ${DEMO_PASSWORD}   ${a.label}`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((err) => {
  console.error('启动失败:', err);
  process.exit(1);
});
