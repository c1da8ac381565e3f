#!/usr/bin/env node
// `npm test`: lint, types, unit tests, API tests on PGlite, the same API tests on PostgreSQL when
// TEST_DATABASE_URL is set, and the browser journeys. Stops at the first failing step and ends
// with one summary line of test counts.
import { spawnSync } from 'node:child_process';
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

function finish(code) {
  console.log(`\n${timings.join(' · ')}`);
  console.log(`tests: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(code);
}

const vitest = (project, out, env) =>
  step(`${project === 'unit' ? 'unit tests' : `API tests on ${env?.TEST_DB_ENGINE === 'postgres' ? 'PostgreSQL' : 'PGlite'}`}`, bin('vitest'), [
    'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`,
  ], { env, after: () => vitestCounts(out) });

step('lint', bin('eslint'), ['.', '--max-warnings=0']);
step('type-check', 'npm', ['run', '--silent', 'typecheck']);
vitest('unit', path.join(results, 'unit.json'));
const clamd = ensureClamd();
vitest('api', path.join(results, 'api-pglite.json'), { TEST_DB_ENGINE: 'pglite', CLAMD_PATH: clamd });
if (process.env.TEST_DATABASE_URL) {
  vitest('api', path.join(results, 'api-postgres.json'), { TEST_DB_ENGINE: 'postgres', CLAMD_PATH: clamd });
} else {
  console.log('\n(API tests on PostgreSQL not run: set TEST_DATABASE_URL=postgres://… to run them too; .ci/run does.)');
}
const chromium = ensureChromium();
step('browser journeys', bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts'], {
  env: { CHROMIUM_PATH: chromium },
  after: () => playwrightCounts(path.join(results, 'e2e.json')),
});
finish(counts.failed > 0 ? 1 : 0);
