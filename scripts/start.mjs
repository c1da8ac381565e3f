#!/usr/bin/env node
// `npm start`: build the web app when its sources changed since the last build, then run the
// server (migrations, seed, API and SPA) in this process. `--dev` runs Vite's dev server beside it.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'apps/web/dist');
const stampFile = path.join(dist, '.build-stamp');
const dev = process.argv.includes('--dev');

/** A hash over every input of the web build: sources, shared contracts, config and the lockfile. */
function webSourcesHash() {
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
  for (const p of ['apps/web', 'packages/contracts/src', 'package-lock.json']) walk(path.join(root, p));
  return h.digest('hex');
}

if (!dev) {
  const hash = webSourcesHash();
  const built = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash && existsSync(path.join(dist, 'index.html'));
  if (!built) {
    console.log('Building the web app (only when its sources changed)…');
    const t = Date.now();
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: path.join(root, 'apps/web'),
      stdio: 'inherit',
    });
    if (r.status !== 0) {
      console.error('The web build failed; see the errors above.');
      process.exit(r.status ?? 1);
    }
    writeFileSync(stampFile, hash);
    console.log(`Web app built in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
  }
  process.env.WEB_DIST ??= dist;
} else {
  const vite = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js')], { cwd: path.join(root, 'apps/web'), stdio: 'inherit' });
  process.on('exit', () => vite.kill());
}

process.chdir(root);
const { register } = await import('tsx/esm/api');
register();
await import('../apps/server/src/server.ts');
