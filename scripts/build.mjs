#!/usr/bin/env node
// The builds `npm start` runs before it starts the server: the web app with Vite and the server
// with esbuild into one file (apps/server/dist/server.mjs), each only when its sources changed since
// the last build. `node scripts/build.mjs` builds both; `--server` only the server bundle (what
// `npm run test:cluster` starts its processes from).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const webDist = path.join(root, 'apps/web/dist');
export const serverDist = path.join(root, 'apps/server/dist');

/** A hash over every input of a build, so a build runs only when one of them changed. */
function inputsHash(paths) {
  const h = createHash('sha256');
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name !== 'node_modules' && name !== 'dist') walk(path.join(p, name));
    } else {
      h.update(path.relative(root, p)).update(readFileSync(p));
    }
  };
  for (const p of paths) walk(path.join(root, p));
  return h.digest('hex');
}

/** Runs `build` unless the stamp in `outDir` matches the inputs' hash. */
async function buildIfChanged(label, outDir, inputs, build) {
  const stampFile = path.join(outDir, '.build-stamp');
  const hash = inputsHash(inputs);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return;
  console.log(`Building the ${label} (only when its sources changed)…`);
  const t = Date.now();
  await build();
  writeFileSync(stampFile, hash);
  console.log(`The ${label} was built in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
}

/** The SPA into apps/web/dist (exits the process when Vite fails). */
export async function buildWeb() {
  await buildIfChanged('web app', webDist, ['apps/web', 'packages/contracts/src', 'package-lock.json'], async () => {
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: path.join(root, 'apps/web'), stdio: 'inherit' });
    if (r.status !== 0) {
      console.error('The web build failed; see the errors above.');
      process.exit(r.status ?? 1);
    }
  });
}

/** One ESM file with every npm package left external: starts without transpiling TypeScript. */
export async function buildServer() {
  await buildIfChanged('server', serverDist, ['apps/server/src', 'packages/contracts/src', 'package-lock.json'], async () => {
    const { build } = await import('esbuild');
    rmSync(serverDist, { recursive: true, force: true });
    await build({
      entryPoints: [path.join(root, 'apps/server/src/server.ts')],
      outfile: path.join(serverDist, 'server.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      packages: 'external',
      // the shared package is TypeScript source: compile it in
      alias: { '@jhrm/contracts': path.join(root, 'packages/contracts/src/index.ts') },
      logLevel: 'warning',
    });
    // the migrator reads the SQL files beside the code that runs it
    cpSync(path.join(root, 'apps/server/src/db/migrations'), path.join(serverDist, 'migrations'), { recursive: true });
    // embedded PGlite runs in a worker thread started from its own file, found beside the bundle (decision 0026)
    cpSync(path.join(root, 'apps/server/src/db/pglite-worker.mjs'), path.join(serverDist, 'pglite-worker.mjs'));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv.includes('--server')) await buildWeb();
  await buildServer();
}
