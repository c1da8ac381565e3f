import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, solveCaptcha, type TestClient, type TestContext } from '../test/harness';
import { createDemoApplication } from '../test/fixtures';
import { EICAR, EICAR_SIGNATURE } from '../test/clamd';
import { multipart, SAMPLE, type Part } from '../test/multipart';
import { sha256, tusHelpers } from '../test/tus';
import { buildMp4 } from '../modules/materials/mp4-builder';
import { MAX_FILES_PER_SLOT } from '../modules/materials/materials.service';
import { appeals } from '../modules/accounts/accounts.table';
import { auditLog } from '../modules/audit/audit.table';
import { files } from '../modules/files/files.table';
import { importBatches } from '../modules/imports/imports.table';
import { SCANNER_UNAVAILABLE } from './uploads';

/** EICAR inside a file that starts like a PDF, as the outside probe sent it. */
const EICAR_PDF = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj<<>>stream\n'), Buffer.from(EICAR), Buffer.from('\nendstream endobj\n%%EOF\n')]);
/** A well-formed MP4 (it would pass the container check) carrying EICAR in its media data. */
function eicarMp4(): Buffer {
  const mp4 = buildMp4({ mdatBytes: 8192 });
  Buffer.from(EICAR).copy(mp4, mp4.length - 500);
  return mp4;
}
const CLEAN_CSV = Buffer.from('\uFEFF机构名称(全称),统一社会信用代码\n');

/** Every file under the context's blob root: stored blobs, temp (quarantine) files, tus uploads. */
function blobTree(ctx: TestContext): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) walk(path.join(dir, e.name), path.join(rel, e.name));
      else out.push(path.join(rel, e.name));
    }
  };
  walk(ctx.deps.config.blobDir, '');
  return out.sort();
}

/** Runs `act` and expects the blob root to hold exactly what it held before. */
async function leavesNoBytes<T>(ctx: TestContext, act: () => Promise<T>): Promise<T> {
  const before = blobTree(ctx);
  const result = await act();
  expect(blobTree(ctx)).toEqual(before);
  return result;
}

function uploadMaterial(c: TestClient, appId: string, slot: string, parts: Part[]) {
  const body = multipart(parts);
  return c.request('POST', `/api/applications/${appId}/materials/${encodeURIComponent(slot)}`, body.payload, { 'content-type': body.contentType });
}
const pdfPart = (filename: string, content: Buffer = SAMPLE.pdf): Part => ({ name: 'files', filename, content, type: 'application/pdf' });

const appealFields = { account: 'lost_account', uscc: '92220102MA15438D0X', contact: '王联系', phone: '13700137000', description: '法人账号被他人注册，无法登录，请协助核实处理。' };
async function fileAppeal(ctx: TestContext, fields: Record<string, string>, parts: Part[]) {
  const c = ctx.client();
  const captcha = await solveCaptcha(ctx, c);
  const body = multipart([...Object.entries({ ...fields, ...captcha }).map(([name, value]) => ({ name, value })), ...parts]);
  return c.request('POST', '/api/appeals', body.payload, { 'content-type': body.contentType });
}

function importFile(c: TestClient, url: '/api/admin/imports' | '/api/admin/imports/dry-run', filename: string, content: Buffer) {
  const body = multipart([{ name: 'file', filename, content, type: 'text/csv' }]);
  return c.request('POST', url, body.payload, { 'content-type': body.contentType });
}

const SLOT = '企业章程';
const materialRows = async (ctx: TestContext, appId: string) =>
  (await ctx.database.db.select({ n: count() }).from(files).where(and(eq(files.ownerType, 'application_material'), eq(files.ownerId, appId))))[0]!.n;
const videoRows = async (ctx: TestContext, appId: string) =>
  (await ctx.database.db.select({ n: count() }).from(files).where(and(eq(files.ownerType, 'application_video'), eq(files.ownerId, appId))))[0]!.n;
const appealCount = async (ctx: TestContext) => (await ctx.database.db.select({ n: count() }).from(appeals))[0]!.n;
const batchCount = async (ctx: TestContext) => (await ctx.database.db.select({ n: count() }).from(importBatches))[0]!.n;

describe('malware scan on every upload path (a real clamd with the EICAR signature)', () => {
  let ctx: TestContext;
  let agent: TestClient;
  let admin: TestClient;
  const tus = tusHelpers(() => ctx);
  beforeAll(async () => {
    ctx = await createTestContext();
    agent = ctx.client();
    await agent.login('demo_agent');
    admin = ctx.client();
    await admin.login('demo_admin');
  });
  afterAll(() => ctx?.close());

  it('材料上传: refuses EICAR in a PDF with 422 and a Chinese message, stores nothing of the request (not even its clean file), audits the detection', async () => {
    const { application } = await createDemoApplication(ctx);
    const res = await leavesNoBytes(ctx, () => uploadMaterial(agent, application.id, SLOT, [pdfPart('章程.pdf'), pdfPart('章程附件.pdf', EICAR_PDF)]));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toEqual({ code: 'UNSAFE_FILE', message: '文件“章程附件.pdf”未通过安全检查（发现病毒或恶意代码），已拒收' });
    expect(await materialRows(ctx, application.id)).toBe(0);
    const [audit] = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'upload.infected'), eq(auditLog.targetId, application.id)));
    expect(audit).toMatchObject({ actorAccount: 'demo_agent', targetType: 'application' });
    expect(audit!.detail).toMatchObject({ name: '章程附件.pdf', signature: EICAR_SIGNATURE, sha256: sha256(EICAR_PDF), size: EICAR_PDF.length });

    // a clean file passes, lands in the store and can be read back
    const ok = await uploadMaterial(agent, application.id, SLOT, [pdfPart('章程.pdf')]);
    expect(ok.statusCode, ok.body).toBe(200);
    const fileId = ok.json().files[0].id as string;
    const dl = await agent.get(`/api/applications/${application.id}/materials/files/${fileId}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(SAMPLE.pdf)).toBe(true);
  });

  it('账号申诉: refuses an EICAR attachment with 422; no appeal is filed and nothing is stored', async () => {
    const before = await appealCount(ctx);
    const res = await leavesNoBytes(ctx, () => fileAppeal(ctx, appealFields, [pdfPart('营业执照.pdf', EICAR_PDF)]));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().message).toBe('文件“营业执照.pdf”未通过安全检查（发现病毒或恶意代码），已拒收');
    expect(await appealCount(ctx)).toBe(before);
    const clean = await fileAppeal(ctx, appealFields, [pdfPart('营业执照.pdf')]);
    expect(clean.statusCode, clean.body).toBe(200);
    expect(await appealCount(ctx)).toBe(before + 1);
  });

  it('数据导入: refuses an EICAR file on the dry run and the import before parsing it; a clean file is read', async () => {
    const before = await batchCount(ctx);
    for (const url of ['/api/admin/imports/dry-run', '/api/admin/imports'] as const) {
      const res = await leavesNoBytes(ctx, () => importFile(admin, url, '机构.csv', EICAR_PDF));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toEqual({ code: 'UNSAFE_FILE', message: '文件“机构.csv”未通过安全检查（发现病毒或恶意代码），已拒收' });
    }
    expect(await batchCount(ctx)).toBe(before);
    const clean = await importFile(admin, '/api/admin/imports/dry-run', '机构.csv', CLEAN_CSV);
    // past the scan, the parser has its say (a header-only file is refused by it, in its own words)
    expect(clean.statusCode).not.toBe(422);
    expect(clean.statusCode).toBeLessThan(500);
  });

  it('视频上传: refuses an MP4 carrying EICAR at completion (and a PDF carrying it) with 422; no video row, no blob, nothing left in the upload area', async () => {
    const { application } = await createDemoApplication(ctx);
    for (const [file, filename] of [
      [eicarMp4(), '办公场所视频.mp4'],
      [EICAR_PDF, '伪装视频.mp4'],
    ] as const) {
      const { res, url } = await leavesNoBytes(ctx, () => tus.uploadVideo(agent, application.id, file, { filename, chunks: 2 }));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toEqual({ code: 'UNSAFE_FILE', message: `文件“${filename}”未通过安全检查（发现病毒或恶意代码），已拒收` });
      expect((await tus.tusRequest(agent, 'HEAD', url)).statusCode).toBe(404);
    }
    expect(await videoRows(ctx, application.id)).toBe(0);
    // the same container without EICAR is accepted and playable
    const clean = buildMp4({ mdatBytes: 8192 });
    const { res } = await tus.uploadVideo(agent, application.id, clean);
    expect(res.statusCode, res.body).toBe(204);
    expect(await ctx.deps.blobs.size(sha256(clean))).toBe(clean.length);
  });
});

describe('scanner configured but not answering: uploads are refused (503), nothing is stored', () => {
  let ctx: TestContext;
  let agent: TestClient;
  let admin: TestClient;
  const tus = tusHelpers(() => ctx);
  beforeAll(async () => {
    const nowhere = path.join(mkdtempSync(path.join(tmpdir(), 'jhrm-no-clamd-')), 'clamd.sock');
    ctx = await createTestContext({ config: { clamd: { address: nowhere, timeoutMs: 1000 } } });
    agent = ctx.client();
    await agent.login('demo_agent');
    admin = ctx.client();
    await admin.login('demo_admin');
  });
  afterAll(() => ctx?.close());

  const unavailable = { code: 'UNAVAILABLE', message: SCANNER_UNAVAILABLE };

  it('材料上传, 账号申诉 and 数据导入 answer 503 文件安全检查暂不可用 and keep nothing', async () => {
    const { application } = await createDemoApplication(ctx);
    const material = await leavesNoBytes(ctx, () => uploadMaterial(agent, application.id, SLOT, [pdfPart('章程.pdf')]));
    expect(material.statusCode).toBe(503);
    expect(material.json()).toEqual(unavailable);
    expect(await materialRows(ctx, application.id)).toBe(0);

    const appeal = await leavesNoBytes(ctx, () => fileAppeal(ctx, appealFields, [pdfPart('营业执照.pdf')]));
    expect(appeal.statusCode).toBe(503);
    expect(appeal.json()).toEqual(unavailable);
    expect(await appealCount(ctx)).toBe(0);

    const imported = await importFile(admin, '/api/admin/imports', '机构.csv', CLEAN_CSV);
    expect(imported.statusCode).toBe(503);
    expect(imported.json()).toEqual(unavailable);
    expect(await batchCount(ctx)).toBe(0);
  });

  it('视频上传 answers 503 at completion and deletes the upload', async () => {
    const { application } = await createDemoApplication(ctx);
    const { res, url } = await leavesNoBytes(ctx, () => tus.uploadVideo(agent, application.id, buildMp4({ mdatBytes: 4096 })));
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual(unavailable);
    expect((await tus.tusRequest(agent, 'HEAD', url)).statusCode).toBe(404);
    expect(await videoRows(ctx, application.id)).toBe(0);
  });

  it('an appeal without attachments needs no scan and is filed', async () => {
    const res = await fileAppeal(ctx, appealFields, []);
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('refused uploads leave no bytes behind (blobs, temp files, uploads)', () => {
  let ctx: TestContext;
  let agent: TestClient;
  const tus = tusHelpers(() => ctx);
  beforeAll(async () => {
    ctx = await createTestContext({ config: { maxVideoBytes: 64 * 1024 } });
    agent = ctx.client();
    await agent.login('demo_agent');
  });
  afterAll(() => ctx?.close());

  it('a file of the wrong type, even after a valid file of the same request', async () => {
    const { application } = await createDemoApplication(ctx);
    const res = await leavesNoBytes(ctx, () => uploadMaterial(agent, application.id, SLOT, [pdfPart('a.pdf'), pdfPart('伪装.pdf', SAMPLE.html)]));
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toContain('伪装.pdf');
    expect(await materialRows(ctx, application.id)).toBe(0);
  });

  it('a file over 20 MB, after a valid file of the same request', async () => {
    const { application } = await createDemoApplication(ctx);
    const big = Buffer.concat([SAMPLE.pdf, Buffer.alloc(20 * 1024 * 1024 + 10)]);
    const res = await leavesNoBytes(ctx, () => uploadMaterial(agent, application.id, SLOT, [pdfPart('a.pdf'), pdfPart('big.pdf', big)]));
    expect(res.statusCode).toBe(413);
    expect(await materialRows(ctx, application.id)).toBe(0);
  });

  it('a slot already full: the files were received and scanned, the transaction refuses them', async () => {
    const { application } = await createDemoApplication(ctx);
    await ctx.database.db.insert(files).values(
      Array.from({ length: MAX_FILES_PER_SLOT }, (_, i) => ({ ownerType: 'application_material', ownerId: application.id, slot: SLOT, sha256: 'b'.repeat(64), size: 1, mime: 'application/pdf', name: `${i}.pdf`, createdAt: ctx.clock() })),
    );
    const res = await leavesNoBytes(ctx, () => uploadMaterial(agent, application.id, SLOT, [pdfPart('one-too-many.pdf', Buffer.concat([SAMPLE.pdf, Buffer.from('slot-full')]))]));
    expect(res.statusCode).toBe(409);
    expect(await materialRows(ctx, application.id)).toBe(MAX_FILES_PER_SLOT);
  });

  it('two parallel uploads of the same bytes into the last free place: one is refused, and the accepted one keeps its bytes', async () => {
    const { application } = await createDemoApplication(ctx);
    await ctx.database.db.insert(files).values(
      Array.from({ length: MAX_FILES_PER_SLOT - 1 }, (_, i) => ({ ownerType: 'application_material', ownerId: application.id, slot: SLOT, sha256: 'c'.repeat(64), size: 1, mime: 'application/pdf', name: `${i}.pdf`, createdAt: ctx.clock() })),
    );
    const same = Buffer.concat([SAMPLE.pdf, Buffer.from('same-bytes-twice')]);
    const results = await Promise.all([1, 2].map(() => uploadMaterial(agent, application.id, SLOT, [pdfPart('同一文件.pdf', same)])));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const accepted = results.find((r) => r.statusCode === 200)!.json().files.find((f: { name: string }) => f.name === '同一文件.pdf');
    const dl = await agent.get(`/api/applications/${application.id}/materials/files/${accepted.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(same)).toBe(true);
    expect(blobTree(ctx).filter((f) => f.startsWith('tmp'))).toEqual([]);
  });

  it('an appeal whose fields are refused after its attachments arrived, and one whose captcha is wrong', async () => {
    const content = Buffer.concat([SAMPLE.pdf, Buffer.from('appeal-refused')]);
    const invalid = await leavesNoBytes(ctx, () => fileAppeal(ctx, { ...appealFields, phone: '1' }, [pdfPart('营业执照.pdf', content)]));
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().fieldErrors.map((e: { path: string }) => e.path)).toEqual(['phone']);

    const body = multipart([
      ...Object.entries({ ...appealFields, captchaId: '00000000-0000-4000-8000-000000000000', captcha: 'XXXX' }).map(([name, value]) => ({ name, value })),
      pdfPart('营业执照.pdf', content),
    ]);
    const wrongCaptcha = await leavesNoBytes(ctx, () => ctx.client().request('POST', '/api/appeals', body.payload, { 'content-type': body.contentType }));
    expect(wrongCaptcha.statusCode).toBe(400);
    expect(await appealCount(ctx)).toBe(0);
  });

  it('a video refused at completion: wrong checksum, not an MP4', async () => {
    const { application } = await createDemoApplication(ctx);
    const mp4 = buildMp4({ mdatBytes: 4096 });
    const badSum = await leavesNoBytes(ctx, () => tus.uploadVideo(agent, application.id, mp4, { sha: sha256(Buffer.from('other')) }));
    expect(badSum.res.statusCode).toBe(460);
    const notMp4 = await leavesNoBytes(ctx, () => tus.uploadVideo(agent, application.id, SAMPLE.pdf));
    expect(notMp4.res.statusCode).toBe(415);
    expect(await videoRows(ctx, application.id)).toBe(0);
  });
});
