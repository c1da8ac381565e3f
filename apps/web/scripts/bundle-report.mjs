// Prints the gzip size of the JS and CSS each route needs before first paint, from the Vite
// manifest of the last build: the entry plus its static imports, plus the lazy route chunks (and
// page-config, antd's zh_CN locale, which every lazy route loads with it). The budgets (JS + CSS)
// come from bench/budgets.json, the one file of budgets.
// Usage: npm run build -w @jhrm/web && npm run size -w @jhrm/web   (exits 1 over budget)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const budgets = JSON.parse(readFileSync(new URL('../../../bench/budgets.json', import.meta.url), 'utf8')).web;

const KB = 1024;
const gz = new Map();
function gzipSize(file) {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  return gz.get(file);
}

/** The chunk of `key` and everything it imports statically (what loads with it). */
function closure(key, files = new Set()) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`not in manifest: ${key}`);
  if (files.has(chunk.file)) return files;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const dep of chunk.imports ?? []) closure(dep, files);
  return files;
}

function total(files, ext) {
  return [...files].filter((f) => f.endsWith(ext)).reduce((sum, f) => sum + gzipSize(f), 0);
}

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const lazy = (name) => {
  const key = Object.keys(manifest).find((k) => manifest[k].isDynamicEntry && manifest[k].name === name);
  if (!key) throw new Error(`no lazy chunk named ${name}`);
  return key;
};

const page = (name) => [entry, lazy('page-config'), lazy(name)];
const scenarios = [
  { name: '/login (entry)', keys: [entry], budget: budgets.loginFirstPaintKB },
  { name: '/portal', keys: page('PortalPage') },
  { name: '/hr shell (entry + ProLayout)', keys: page('HrApp'), budget: budgets.signedInShellKB },
  { name: '/hr 主页 (shell + HomePage)', keys: [...page('HrApp'), lazy('HomePage')] },
  { name: '/public/register (公示查询)', keys: page('RegisterSearchPage') },
  { name: '/public/licences/verify', keys: page('LicenceVerifyPage') },
];

let over = false;
console.log('gzip sizes (level 9), JS and CSS loaded before the route paints (budgets: bench/budgets.json):\n');
for (const s of scenarios) {
  const files = new Set();
  for (const k of s.keys) closure(k, files);
  const js = total(files, '.js') / KB;
  const css = total(files, '.css') / KB;
  const sum = js + css;
  const verdict = s.budget ? (sum <= s.budget ? `ok (budget ${s.budget} KB)` : `OVER budget ${s.budget} KB`) : '';
  if (s.budget && sum > s.budget) over = true;
  console.log(`${s.name.padEnd(32)} JS ${js.toFixed(1).padStart(7)} KB   CSS ${css.toFixed(1).padStart(5)} KB   JS+CSS ${sum.toFixed(1).padStart(7)} KB   ${verdict}`);
  for (const f of [...files].filter((f) => f.endsWith('.js'))) console.log(`    ${f.padEnd(44)} ${(gzipSize(f) / KB).toFixed(1)} KB`);
}
process.exit(over ? 1 : 0);
