/**
 * 人力资源从业人员 批量导入 at volume (print-only, not a test): a 10 000-row XLSX imported into the demo
 * institution on PostgreSQL, dry run (校验) and the all-or-nothing import, each timed end to end (upload,
 * scan, parse, check, encrypt, insert). Goal: the import under 20 s.
 *
 * 1. the database is recreated and a development start from source migrates it and seeds the demo data;
 * 2. demo_agent signs in and finds the demo institution through the 查询 route;
 * 3. the file is built with the template's headers (the catalogue's labels) and uploaded twice.
 *
 *   npm run bench:practitioners -w @jhrm/bench [-- --rows N --port P --admin-url URL]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PRACTITIONER_COLUMNS, importHeader, isGuideSampleValue, makeIdCard } from '@jhrm/contracts';
import { recreateDatabase, withDatabase } from './lib/database';
import { login } from './lib/session';
import { startServer } from './lib/server';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const ROWS = Number(arg('rows', '10000'));
const PORT = Number(arg('port', '3960'));
const ADMIN_URL = arg('admin-url', 'postgres://postgres@127.0.0.1:5432/postgres');
const DATABASE = 'jhrm_bench_practitioners';

/** `n` distinct valid 身份证号 (none of the guide's samples), birth dates spread over 1960-1999. */
function idCards(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const day = new Date(Date.UTC(1960, 0, 1) + (i % 14_600) * 86_400_000);
    const ymd = day.toISOString().slice(0, 10).replace(/-/g, '');
    const id = makeIdCard(`220102${ymd}${String(Math.floor(i / 14_600) + 100).padStart(3, '0')}`);
    if (!isGuideSampleValue(id)) out.push(id);
  }
  return out;
}

async function workbook(n: number): Promise<Buffer> {
  const columns = Object.entries(PRACTITIONER_COLUMNS);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('从业人员信息');
  ws.addRow(columns.map(([, c]) => importHeader({ header: c.label, required: !!c.required })));
  const ids = idCards(n);
  for (let i = 0; i < n; i++) {
    const values: Record<string, string> = {
      name: `从业人员${i + 1}`,
      idType: '居民身份证',
      idCard: ids[i]!,
      politicalStatus: '群众',
      ethnicity: '汉族',
      education: '大学本科',
      graduatedOn: '2012-07-01',
      school: '吉林大学',
      major: '人力资源管理',
      mobile: `139${String(10_000_000 + i).slice(-8)}`,
      email: `p${i + 1}@example.com`,
      postcode: '130000',
    };
    ws.addRow(columns.map(([k]) => values[k] ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(baseUrl: string, cookie: string, csrf: string, url: string, file: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([file]), '从业人员.xlsx');
  const started = performance.now();
  const res = await fetch(`${baseUrl}${url}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf }, body: form, signal: AbortSignal.timeout(300_000) });
  const seconds = (performance.now() - started) / 1000;
  const body = (await res.json()) as { total?: number; ok?: number; errors?: number; imported?: number; message?: string };
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body.message}`);
  return { seconds, body };
}

async function main() {
  await recreateDatabase(ADMIN_URL, DATABASE);
  const databaseUrl = withDatabase(ADMIN_URL, DATABASE);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jhrm-bench-practitioners-'));
  console.log(`practitioners import: ${ROWS} rows, database ${DATABASE}`);
  const server = await startServer({ databaseUrl, port: PORT, mode: 'seed', dataDir });
  try {
    const agent = await login(server.baseUrl, 'demo_agent');
    const found = await fetch(`${server.baseUrl}/api/practitioners/institutions`, { headers: { cookie: agent.cookie } });
    const institution = ((await found.json()) as { items: { id: string; name: string }[] }).items[0];
    if (!institution) throw new Error('the demo unit has no institution in force');
    const file = await workbook(ROWS);
    console.log(`  file: ${(file.length / 1024 / 1024).toFixed(1)} MiB, into ${institution.name}`);
    const base = `/api/institutions/${institution.id}/practitioners/import`;
    const dry = await upload(server.baseUrl, agent.cookie, agent.csrfToken, `${base}?dryRun=1`, file);
    console.log(`  dry run (校验): ${dry.seconds.toFixed(2)} s, ${dry.body.ok}/${dry.body.total} rows importable`);
    const real = await upload(server.baseUrl, agent.cookie, agent.csrfToken, base, file);
    const verdict = real.seconds < 20 ? 'within' : 'OVER';
    console.log(`  import: ${real.seconds.toFixed(2)} s for ${real.body.imported} rows (goal < 20 s: ${verdict})`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
