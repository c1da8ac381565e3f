import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, importHeader, makeUscc, MATERIAL_SLOTS, type TImportColumnKey } from '@jhrm/contracts';
import { createTestContext, solveCaptcha, type TestClient, type TestContext } from '../test/harness';
import { createDemoApplication } from '../test/fixtures';
import { multipart, SAMPLE, type Part } from '../test/multipart';
import { files } from '../modules/files/files.table';
import { importBatches } from '../modules/imports/imports.table';
import { MATERIAL_OWNER, VIDEO_OWNER } from '../modules/materials/materials.repository';
import { buildMp4 } from '../modules/materials/mp4-builder';
import { VIDEO_UPLOAD_PATH } from '../modules/materials/video.service';

/**
 * Every upload path stores an uploaded file's name cleaned the same way (cleanFileName): no path,
 * no control characters, no bidi overrides, the Chinese kept, never empty. Read back through the
 * API a person uses and from the database.
 */

let ctx: TestContext;
let agent: TestClient;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext();
  agent = ctx.client();
  await agent.login('demo_agent');
  admin = ctx.client();
  await admin.login('demo_admin');
});
afterAll(() => ctx?.close());

/** what a probe sent: a path, a terminal colour escape, C0 controls and a right-to-left override around Chinese */
const HOSTILE_NAME = 'C:\\fakepath\\evil\u0001\u001b[31m\u202e营业执照.pdf';
const CLEAN_NAME = 'evil[31m营业执照.pdf';
/** nothing is left of it: named after the type judged from the content */
const EMPTY_NAME = '\u202e\u0001\u200f';

const storedNames = async (ownerType: string, ownerId: string) =>
  (await ctx.database.db.select({ name: files.name }).from(files).where(and(eq(files.ownerType, ownerType), eq(files.ownerId, ownerId)))).map((f) => f.name).sort();

describe('uploaded file names', () => {
  it('材料上传 stores the clean name, and 文件.png for a name that cleans to nothing', async () => {
    const { application } = await createDemoApplication(ctx);
    const slot = MATERIAL_SLOTS['设立'][0]!.name;
    const body = multipart([
      { name: 'files', filename: HOSTILE_NAME, content: SAMPLE.pdf, type: 'application/pdf' },
      { name: 'files', filename: EMPTY_NAME, content: SAMPLE.png, type: 'image/png' },
    ]);
    const res = await agent.request('POST', `/api/applications/${application.id}/materials/${encodeURIComponent(slot)}`, body.payload, { 'content-type': body.contentType });
    expect(res.statusCode, res.body).toBe(200);

    const materials = (await agent.get(`/api/applications/${application.id}/materials`)).json() as { slots: { name: string; files: { name: string }[] }[] };
    expect(materials.slots.find((s) => s.name === slot)!.files.map((f) => f.name).sort()).toEqual([CLEAN_NAME, '文件.png'].sort());
    expect(await storedNames(MATERIAL_OWNER, application.id)).toEqual([CLEAN_NAME, '文件.png'].sort());
  });

  it('账号申诉 attachments are stored under the clean name', async () => {
    const c = ctx.client();
    const fields = { account: 'lost_account', uscc: '92220102MA15438D0X', contact: '王联系', phone: '13700137000', description: '法人账号被他人注册，无法登录，请协助核实处理。', ...(await solveCaptcha(ctx, c)) };
    const parts: Part[] = [...Object.entries(fields).map(([name, value]) => ({ name, value })), { name: 'files', filename: HOSTILE_NAME, content: SAMPLE.pdf, type: 'application/pdf' }];
    const body = multipart(parts);
    const res = await c.request('POST', '/api/appeals', body.payload, { 'content-type': body.contentType });
    expect(res.statusCode, res.body).toBe(200);
    const { id } = res.json() as { id: string };

    const list = (await admin.get('/api/admin/appeals')).json() as { items: { id: string; attachments: { name: string }[] }[] };
    expect(list.items.find((a) => a.id === id)!.attachments.map((a) => a.name)).toEqual([CLEAN_NAME]);
    expect(await storedNames('appeal', id)).toEqual([CLEAN_NAME]);
  });

  it('数据导入 reports and records the batch under the clean name, and 文件.csv for a name that cleans to nothing', async () => {
    const values: Partial<Record<TImportColumnKey, string>> = {
      name: '长春市文件名测试人力资源有限公司',
      uscc: makeUscc('91220102900000001'),
      category: '民营性质的服务企业',
      foundedOn: '2012-05-20',
      legalRep: '赵导入',
      legalRepIdCard: '110101197501010039',
      legalRepPhone: '13900001111',
      registeredCapital: '300',
      department: '220000',
      scopes: '职业介绍',
      officeAddress: '吉林省长春市南关区导入路1号',
      postcode: '130022',
      contactPerson: '钱联系',
      contactMobile: '13900002222',
    };
    const csv = Buffer.from(`\uFEFF${IMPORT_COLUMNS.map(importHeader).join(',')}\r\n${IMPORT_COLUMNS.map((c) => values[c.key] ?? '').join(',')}\r\n`);
    const send = (url: string, filename: string) => {
      const body = multipart([{ name: 'file', filename, content: csv }]);
      return admin.request('POST', url, body.payload, { 'content-type': body.contentType });
    };

    const dry = await send('/api/admin/imports/dry-run', 'C:\\fakepath\\存量\u202e机构\u001b.csv');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ fileName: '存量机构.csv', ok: 1 });

    const done = await send('/api/admin/imports', EMPTY_NAME);
    expect(done.statusCode, done.body).toBe(200);
    const { batchId } = done.json() as { batchId: string };
    const batches = (await admin.get('/api/admin/imports')).json() as { items: { id: string; fileName: string }[] };
    expect(batches.items.find((b) => b.id === batchId)!.fileName).toBe('文件.csv');
    const [row] = await ctx.database.db.select({ fileName: importBatches.fileName }).from(importBatches).where(eq(importBatches.id, batchId));
    expect(row!.fileName).toBe('文件.csv');
  });

  it('视频 (tus Upload-Metadata filename) is stored under the clean name, and 文件.mp4 for a name that cleans to nothing', async () => {
    const { application } = await createDemoApplication(ctx);
    for (const [filename, video] of [
      ['D:\\录像\\办公\u202e场所\u0007视频.mp4', buildMp4({ mdatBytes: 100 })],
      [EMPTY_NAME, buildMp4({ mdatBytes: 200 })],
    ] as const) {
      if (!agent.cookies.has('jhrm_csrf')) await agent.get('/api/auth/csrf');
      const headers = { 'tus-resumable': '1.0.0', 'x-csrf-token': agent.cookies.get('jhrm_csrf')! };
      const metadata = Object.entries({ applicationId: application.id, filename, sha256: createHash('sha256').update(video).digest('hex') })
        .map(([k, v]) => `${k} ${Buffer.from(v, 'utf8').toString('base64')}`)
        .join(',');
      const common = { remoteAddress: agent.ip, cookies: Object.fromEntries(agent.cookies) };
      const created = await ctx.app.inject({ method: 'POST', url: VIDEO_UPLOAD_PATH, ...common, headers: { ...headers, 'upload-length': String(video.length), 'upload-metadata': metadata } });
      expect(created.statusCode, created.body).toBe(201);
      const patched = await ctx.app.inject({
        method: 'PATCH',
        url: created.headers.location as string,
        ...common,
        headers: { ...headers, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
        payload: video,
      });
      expect(patched.statusCode, patched.body).toBe(204);
    }
    const videos = (await agent.get(`/api/applications/${application.id}/video`)).json() as { name: string }[];
    expect(videos.map((v) => v.name).sort()).toEqual(['办公场所视频.mp4', '文件.mp4'].sort());
    expect(await storedNames(VIDEO_OWNER, application.id)).toEqual(['办公场所视频.mp4', '文件.mp4'].sort());
  });
});
