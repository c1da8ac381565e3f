import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { MATERIAL_SLOTS, type TApplicationDetail, type TRecordDraft, type TReviewDetail } from '@jhrm/contracts';
import { files } from '../modules/files/files.table';
import { licences } from '../modules/licences/licences.table';
import type { TestClient, TestContext } from './harness';
import { buildMp4 } from '../modules/materials/mp4-builder';
import { SAMPLE } from './multipart';

/** A 设立 draft that passes every submission rule (a 备案 by its scopes unless `over` says otherwise). */
export const completeDraft = (over: Partial<TRecordDraft> = {}): TRecordDraft => ({
  basic: {
    name: '吉林省博润人才服务有限公司',
    shortName: '博润人才',
    uscc: '92220102MA15438D0X',
    category: '民营性质的服务企业',
    foundedOn: '2020-05-01',
    legalRep: '王博润',
    legalRepIdCard: '110101197501010039',
    legalRepPhone: '13144440001',
    legalRepTitle: '总经理',
    registeredCapital: 200,
    scopes: ['职业指导服务', '人力资源培训'],
    staffCount: 3,
    qualifiedCount: 1,
    licenceDelivery: '电子证照',
    contactPerson: '李经办',
    contactMobile: '13144440002',
    byPost: false,
    officeAddress: '长春市南关区人民大街1号',
    postcode: '130000',
    premisesArea: 120,
    facilitiesValue: 30,
    totalAssets: 500,
    netAssets: 300,
    officeAreaTotal: 120,
    officeCount: 1,
  },
  report: { companyProfile: '本公司成立于2020年，专注于人力资源服务。', reason: '拓展人力资源培训与职业指导业务。' },
  staff: [
    { name: '张一', idType: '居民身份证', idCard: '110101199003074936', gender: '男', politicalStatus: '群众', ethnicity: '汉族', education: '大学本科', mobile: '13900000001', qualificationLevel: '三级', qualificationCertNo: 'HR-2023-001' },
    { name: '李二', idType: '居民身份证', idCard: '110101197501010039', gender: '男', politicalStatus: '中共党员', ethnicity: '朝鲜族', education: '硕士研究生', mobile: '13900000002' },
  ],
  ...over,
});

/** The same draft with 职业介绍 among its scopes: a 许可. */
export const licensedDraft = (name = '吉林省博润职业介绍有限公司'): TRecordDraft => {
  const d = completeDraft();
  return { ...d, basic: { ...d.basic, name, scopes: ['职业介绍', '人力资源培训'] } };
};

/**
 * Every 设立 material slot with one real PDF and a real (tiny) MP4 video, stored in the blob store,
 * so downloads and playback work.
 */
export async function attachAllMaterials(ctx: TestContext, applicationId: string): Promise<void> {
  const pdf = await ctx.deps.blobs.put(Readable.from([SAMPLE.pdf]), 1 << 20);
  const mp4Bytes = buildMp4({ mdatBytes: 4_000 });
  const mp4 = await ctx.deps.blobs.put(Readable.from([mp4Bytes]), 1 << 20);
  const now = ctx.clock();
  await ctx.database.db.insert(files).values([
    ...MATERIAL_SLOTS['设立'].map((s) => ({ ownerType: 'application_material', ownerId: applicationId, slot: s.name, sha256: pdf.sha256, size: pdf.size, mime: 'application/pdf', name: `${s.name}.pdf`, createdAt: now })),
    { ownerType: 'application_video', ownerId: applicationId, slot: null, sha256: mp4.sha256, size: mp4.size, mime: 'video/mp4', name: '场所视频.mp4', durationSeconds: 5, createdAt: now },
  ]);
}

let keys = 0;
export const requestKey = () => `key-${process.pid}-${Date.now()}-${++keys}`;

/** Creates a complete 设立 draft as `agent`, attaches every material and submits it to `department`. */
export async function submitEstablishment(ctx: TestContext, agent: TestClient, opts: { department?: string; draft?: TRecordDraft } = {}): Promise<TApplicationDetail> {
  const created = await agent.post('/api/applications/establishments', opts.draft ?? completeDraft());
  if (created.statusCode !== 200) throw new Error(`create failed: ${created.statusCode} ${created.body}`);
  const app = created.json() as TApplicationDetail;
  await attachAllMaterials(ctx, app.id);
  const res = await agent.post(`/api/applications/${app.id}/submit`, { version: app.version, department: opts.department ?? '220000', requestKey: requestKey() });
  if (res.statusCode !== 200) throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
  return res.json() as TApplicationDetail;
}

/**
 * 受理 of a submission by `reviewer` through the API (decision 0034: a kind with the acceptance step is
 * decided only once accepted). Returns the review detail after it, with the version to decide on.
 */
export async function acceptSubmission(_ctx: TestContext, reviewer: TestClient, id: string): Promise<TReviewDetail> {
  const res = await reviewer.post(`/api/reviews/${id}/acceptance`, { decision: '受理' });
  if (res.statusCode !== 200) throw new Error(`受理 failed: ${res.statusCode} ${res.body}`);
  return res.json() as TReviewDetail;
}

/** A 设立 (a 许可) through the real API, accepted and approved by `reviewer`: an institution in force with its licence. */
export async function approvedInstitution(ctx: TestContext, agent: TestClient, reviewer: TestClient, name: string) {
  const establishment = await submitEstablishment(ctx, agent, { draft: licensedDraft(name) });
  const accepted = await acceptSubmission(ctx, reviewer, establishment.id);
  const approved = await reviewer.post(`/api/reviews/${establishment.id}/decision`, { version: accepted.version, decision: '审核通过' });
  if (approved.statusCode !== 200) throw new Error(`approve failed: ${approved.body}`);
  const [licence] = await ctx.database.db.select().from(licences).where(eq(licences.institutionId, establishment.institutionId));
  return { establishment, institutionId: establishment.institutionId, licence: licence! };
}
