#!/usr/bin/env node
// `npm start`: build what changed since the last start (scripts/build.mjs: the web app with Vite,
// the server with esbuild into one file), then run the server (migrations, seed, API and SPA) in this process.
// `--dev` runs Vite's dev server beside the server, which then runs from source through tsx.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildServer, buildWeb, serverDist, webDist } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');

if (dev) {
  const vite = spawn(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js')], { cwd: path.join(root, 'apps/web'), stdio: 'inherit' });
  process.on('exit', () => vite.kill());
  process.chdir(root);
  const { register } = await import('tsx/esm/api');
  register();
  await import('../apps/server/src/server.ts');
} else {
  await buildWeb();
  await buildServer();
  process.env.WEB_DIST ??= webDist;
  process.chdir(root);
  await import(pathToFileURL(path.join(serverDist, 'server.mjs')).href);
}
