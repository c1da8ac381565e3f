#!/usr/bin/env node
// `npm test`: lint and types (side by side), unit tests, API tests on PGlite and, when
// TEST_DATABASE_URL is set, the same API tests on PostgreSQL beside them, and the browser journeys.
// Stops at the first failing step and ends with one summary line of test counts (decision 0035).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureClamd } from './ensure-clamav.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const counts = { passed: 0, failed: 0 };
const timings = [];

function vitestCounts(file) {
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += r.numPassedTests;
  counts.failed += r.numFailedTests;
}
function playwrightCounts(file) {
  if (!existsSync(file)) return;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  counts.passed += s.expected + (s.flaky ?? 0);
  counts.failed += s.unexpected;
}

function step(name, cmd, args, { env = {}, after } = {}) {
  console.log(`\n━━ ${name} ━━`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  after?.();
  timings.push(`${name} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    console.error(`\n✗ ${name} failed.`);
    finish(r.status ?? 1);
  }
}

/**
 * Lanes of commands run one after another within a lane, the lanes side by side. The first lane
 * writes as it goes; the others' output is held and printed whole as each command ends, so lanes
 * never interleave. A command is [cmd, args, { env, after }] (`after` runs when it ends).
 */
async function lanes(name, lanesOfCommands) {
  console.log(`\n━━ ${name} ━━`);
  const t = Date.now();
  const runLane = async (commands, lane) => {
    for (const [cmd, args, { env = {}, after } = {}] of commands) {
      const out = [];
      const status = await new Promise((resolve) => {
        const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: lane === 0 ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
        child.stdout?.on('data', (d) => out.push(d));
        child.stderr?.on('data', (d) => out.push(d));
        child.on('error', (err) => (out.push(Buffer.from(`${err.message}\n`)), resolve(1)));
        child.on('close', (code) => resolve(code ?? 1));
      });
      after?.();
      console.log(`${status === 0 ? '✓' : '✗'} ${path.basename(cmd)} ${args.join(' ')}`);
      if (out.length) process.stdout.write(Buffer.concat(out));
      if (status !== 0) return status;
    }
    return 0;
  };
  const statuses = await Promise.all(lanesOfCommands.map(runLane));
  timings.push(`${name} ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const failed = statuses.find((s) => s !== 0);
  if (failed !== undefined) {
    console.error(`\n✗ ${name} failed.`);
    finish(failed);
  }
}

function finish(code) {
  console.log(`\n${timings.join(' · ')}`);
  console.log(`tests: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(code);
}

const vitestArgs = (project, out) => ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
const vitest = (project, out, env) =>
  step(`${project === 'unit' ? 'unit tests' : `API tests on ${env?.TEST_DB_ENGINE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`}`, bin('vitest'), vitestArgs(project, out), {
    env,
    after: () => vitestCounts(out),
  });
/** an API run as a lane's command: its results counted when it ends */
const apiRun = (engine) => {
  const out = path.join(results, `api-${engine}.json`);
  return [bin('vitest'), vitestArgs('api', out), { env: { TEST_DB_ENGINE: engine, CLAMD_PATH: clamd }, after: () => vitestCounts(out) }];
};

// the same checks as `npm run lint` (with no warning allowed) and `npm run typecheck`, in two lanes of
// about equal CPU time (lint ~18 s + web ~23 s + contracts ~8 s; server ~21 s + bench ~17 s + e2e ~7 s)
const tsc = (project) => [bin('tsc'), ['-p', project]];
await lanes('lint and type-check', [
  [[bin('eslint'), ['.', '--max-warnings=0']], tsc('apps/web'), tsc('packages/contracts')],
  [tsc('apps/server'), tsc('bench'), tsc('e2e'), tsc('cluster')],
]);
vitest('unit', path.join(results, 'unit.json'));
const clamd = ensureClamd();
if (process.env.TEST_DATABASE_URL) {
  // side by side: the PGlite run is CPU-bound in its WASM engines while much of the PostgreSQL run waits on
  // the server (one after the other ~282 + 132 s, together ~374 s, under the same load; decision 0035)
  await lanes('API tests on PGlite and on PostgreSQL', [[apiRun('pglite')], [apiRun('postgres')]]);
} else {
  vitest('api', path.join(results, 'api-pglite.json'), { TEST_DB_ENGINE: 'pglite', CLAMD_PATH: clamd });
  console.log('\n(API tests on PostgreSQL not run: set TEST_DATABASE_URL=postgres://… to run them too; .ci/run does.)');
}
const chromium = ensureChromium();
step('browser journeys', bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts'], {
  env: { CHROMIUM_PATH: chromium },
  after: () => playwrightCounts(path.join(results, 'e2e.json')),
});
finish(counts.failed > 0 ? 1 : 0);
