import { Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { eq } from 'drizzle-orm';
import { CHANGE, CHANGE_REQUIREMENTS, ESTABLISHMENT, PROMISE_SLOT, PROVINCE_DEPARTMENT, STATISTICS, beijingDay, type TBusinessScope, type TRecordDraft } from '@jhrm/contracts';
import { readSetting } from '../modules/admin/settings.service';
import type { AppDeps } from '../deps';
import { departments, units, users } from '../modules/accounts/accounts.table';
import { ApplicationsService } from '../modules/applications/applications.service';
import type { Actor } from '../modules/accounts/actor';
import { pdfBytes, registerCjkFonts } from '../modules/documents/pdf';
import { files } from '../modules/files/files.table';
import { buildMp4 } from '../modules/materials/mp4-builder';
import { MATERIAL_OWNER, VIDEO_OWNER } from '../modules/materials/materials.repository';
import { ReviewsService } from '../modules/reviews/reviews.service';
import { StatisticsService } from '../modules/statistics/statistics.service';
import type { SessionUser } from '../modules/accounts/sessions.service';
import { DEMO_ACCOUNTS, DEMO_UNIT } from './demo';

interface DemoInstitution {
  name: string;
  uscc: string;
  scopes: TBusinessScope[];
}

/** The demo unit's institution in force: licensed, so 查询, 许可证下载, 公示查询 and 许可证验证 have content. */
export const DEMO_LICENSED: DemoInstitution = { name: DEMO_UNIT.name, uscc: DEMO_UNIT.uscc, scopes: ['职业介绍', '人力资源培训'] };
/** …and one submitted to 省人社厅审批办 and waiting, so 审核管理 → 待审核 has something to open. */
// its own code, claimed by the demo unit; never one the guide prints (a reader types those when registering)
export const DEMO_PENDING: DemoInstitution = { name: '长春市博润人才测评服务有限公司', uscc: '91220102MA17BRCP85', scopes: ['人才测评', '人力资源管理咨询'] };

/** …and one licensed under 告知承诺 (decision 0043) on 受理, its 核查 still open in 省人社厅审批办's 核查任务. */
export const DEMO_PROMISE: DemoInstitution = { name: '长春市博润职业介绍有限公司', uscc: '91220104MA17BRGN12', scopes: ['职业介绍', '职业指导服务'] };

function demoRecord(basic: DemoInstitution): TRecordDraft {
  return {
    basic: {
      name: basic.name,
      shortName: '博润',
      uscc: basic.uscc,
      category: '民营性质的服务企业',
      foundedOn: '2019-03-18',
      legalRep: '王博润',
      legalRepIdCard: DEMO_ACCOUNTS[0].idCard,
      legalRepPhone: '13144440001',
      legalRepTitle: '执行董事',
      registeredCapital: 500,
      scopes: basic.scopes,
      staffCount: 12,
      qualifiedCount: 4,
      licenceDelivery: '电子证照',
      contactPerson: '李经办',
      contactMobile: '13144440002',
      byPost: false,
      officeAddress: '吉林省长春市朝阳区人民大街1000号博润大厦12层',
      postcode: '130021',
      premisesArea: 320.5,
      facilitiesValue: 48,
      totalAssets: 860,
      netAssets: 620,
      officeAreaTotal: 320.5,
      officeCount: 1,
    },
    report: {
      companyProfile: '本公司成立于2019年，主要从事人力资源服务，拥有专职工作人员和固定的办公场所。（演示数据）',
      reason: '依法开展人力资源服务业务，特提出申请。（演示数据）',
    },
    staff: [
      { name: '张专职', idType: '居民身份证', idCard: '220105198808150058', gender: '男', politicalStatus: '群众', ethnicity: '汉族', education: '大学本科', mobile: '13900001111', qualificationLevel: '三级', qualificationCertNo: 'HR-2020-0001' },
      { name: '李专职', idType: '居民身份证', idCard: '110101198001010053', gender: '男', politicalStatus: '中共党员', ethnicity: '朝鲜族', education: '硕士研究生', mobile: '13900002222' },
    ],
  };
}

/** A one-page PDF that says what it is: an example file made by the system, not a real document. */
async function demoMaterialPdf(slot: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: `${slot}（演示材料）`, Author: '吉林人力资源市场管理' } });
  const done = pdfBytes(doc);
  registerCjkFonts(doc);
  doc.font('bold').fontSize(20).text(slot, { align: 'center' });
  doc.moveDown().font('regular').fontSize(12).text('演示材料：由系统生成的示例文件，不是真实的证照或文件。', { align: 'center' });
  doc.end();
  return done;
}

/** Materials in `slots` (and a 场所视频 when asked), stored as an upload would store them. */
async function attachMaterials(deps: AppDeps, applicationId: string, slots: readonly string[], withVideo: boolean): Promise<void> {
  const now = deps.clock();
  const rows: (typeof files.$inferInsert)[] = [];
  for (const slot of slots) {
    const blob = await deps.blobs.put(Readable.from([await demoMaterialPdf(slot)]), 1 << 20);
    rows.push({ ownerType: MATERIAL_OWNER, ownerId: applicationId, slot, sha256: blob.sha256, size: blob.size, mime: 'application/pdf', name: `${slot}（演示）.pdf`, createdAt: now });
  }
  if (withVideo) {
    const video = await deps.blobs.put(Readable.from([buildMp4({ timescale: 1000, duration: 5000, mdatBytes: 4096 })]), 1 << 20);
    rows.push({ ownerType: VIDEO_OWNER, ownerId: applicationId, slot: null, sha256: video.sha256, size: video.size, mime: 'video/mp4', name: '场所视频（演示，无画面）.mp4', durationSeconds: 5, createdAt: now });
  }
  await deps.database.db.insert(files).values(rows);
}

async function sessionUser(deps: AppDeps, account: string): Promise<SessionUser> {
  const [row] = await deps.database.db
    .select({ user: users, unitName: units.name, unitUscc: units.uscc, departmentName: departments.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.account, account));
  if (!row) throw new Error(`demo account ${account} is missing`);
  const u = row.user;
  return { id: u.id, account: u.account, name: u.name, role: u.role, unitId: u.unitId, unitName: row.unitName, unitUscc: row.unitUscc, departmentId: u.departmentId, departmentName: row.departmentName, mustChangePassword: false };
}

/**
 * Business on top of the demo accounts, made through the real services (so snapshots, licence
 * numbers, messages and audit entries are what the system itself produces): the demo unit's
 * institution submitted and approved with its 人力资源服务许可证, then changed once (变更法定代表人(负责人):
 * a new 法人职务, approved, the licence re-issued) and its 业务基本情况 of last year approved, and a second one waiting in 省人社厅审批办's 待审核,
 * not yet accepted (待受理). Development starts only, right after seedDemo; tests seed what they need.
 */
export async function seedDemoBusiness(deps: AppDeps): Promise<void> {
  const agent: Actor = { user: await sessionUser(deps, 'demo_agent'), ip: '127.0.0.1' };
  const reviewer: Actor = { user: await sessionUser(deps, 'demo_reviewer'), ip: '127.0.0.1' };
  const applications = new ApplicationsService(deps);
  const reviews = new ReviewsService(deps);

  const submit = async (basic: DemoInstitution, key: string) => {
    const draft = await applications.create(agent, ESTABLISHMENT.name, demoRecord(basic));
    await attachMaterials(deps, draft.id, ESTABLISHMENT.materialSlots.map((slot) => slot.name).filter((name) => name !== PROMISE_SLOT), true);
    return applications.submit(agent, draft.id, { version: draft.version, department: PROVINCE_DEPARTMENT.code, requestKey: key });
  };

  // the licensing kinds are accepted (受理, with its 受理通知书) before they are decided (decision 0034)
  const licensed = await submit(DEMO_LICENSED, 'demo-licensed');
  const licensedAccepted = await reviews.acceptance(reviewer, licensed.id, { decision: '受理' });
  await reviews.decide(reviewer, licensed.id, { version: licensedAccepted.version, decision: '审核通过', opinion: '材料齐全，符合设立条件，准予许可。（演示数据）', notes: [] });

  // one approved change in its history, reported within the 15 days of 条例 第二十一条
  const reason = '变更法定代表人(负责人)' as const;
  const record = demoRecord(DEMO_LICENSED);
  const change = await applications.create(agent, CHANGE.name, {
    institutionId: licensed.institutionId,
    reason,
    registeredOn: beijingDay(new Date(deps.clock().getTime() - 3 * 86_400_000)),
    record: { ...record, basic: { ...record.basic, legalRepTitle: '董事长' } },
  });
  await attachMaterials(deps, change.id, CHANGE_REQUIREMENTS[reason].slots, false);
  const changed = await applications.submit(agent, change.id, { version: change.version, department: PROVINCE_DEPARTMENT.code, requestKey: 'demo-change' });
  const changeAccepted = await reviews.acceptance(reviewer, changed.id, { decision: '受理' });
  await reviews.decide(reviewer, changed.id, { version: changeAccepted.version, decision: '审核通过', opinion: '变更材料齐全，准予变更。（演示数据）', notes: [] });

  // last year's 业务基本情况 (人力资源市场统计), started from what 业务基本情况录入 pre-fills, approved
  const [start] = (await new StatisticsService(deps).institutions(agent)).filter((i) => i.id === licensed.institutionId);
  const report = await applications.create(agent, STATISTICS.name, {
    ...start!.prefill,
    institutionId: licensed.institutionId,
    phoneAreaCode: '0431',
    phoneNumber: '88886666',
    staffTotal: 12,
    staffCollege: 10,
    staffBachelor: 6,
    staffPostgrad: 1,
    staffQualified: 4,
    recruitmentSites: 1,
    websites: 1,
    totalAssets: 860,
    annualRevenue: 326.5,
    passThroughRevenue: 120.25,
    employersServed: 86,
    personsServed: 1530,
    personsCollege: 940,
    personsBachelor: 410,
    personsPostgrad: 35,
    seekersRegistered: 2100,
    personsPlaced: 1280,
    employersState: 12,
    employersPrivate: 61,
    employersForeign: 4,
    employersOther: 9,
    fairsHeld: 6,
    fairsMigrant: 2,
    fairsGraduate: 2,
    fairEmployers: 240,
    fairPositions: 3600,
    fairSeekers: 5200,
    trainingSessions: 8,
    trainees: 320,
    statisticsOfficer: '赵统计',
    filler: '李经办',
    fillerPhone: '13144440002',
  });
  const reported = await applications.submit(agent, report.id, { version: report.version, department: PROVINCE_DEPARTMENT.code, requestKey: 'demo-statistics' });
  await reviews.decide(reviewer, reported.id, { version: reported.version, decision: '审核通过', opinion: '数据填报完整。（演示数据）', notes: [] });
  await submit(DEMO_PENDING, 'demo-pending');

  // 告知承诺: the signed 告知承诺书 instead of the slots it replaces; 受理 issues the licence and opens the 核查
  const replaced = await readSetting(deps.database.db, 'promise.replacedSlots');
  const promiseDraft = await applications.create(agent, ESTABLISHMENT.name, demoRecord(DEMO_PROMISE));
  const promiseSlots = ESTABLISHMENT.materialSlots.filter((slot) => slot.required && !replaced.includes(slot.name)).map((slot) => slot.name);
  await attachMaterials(deps, promiseDraft.id, [...promiseSlots, PROMISE_SLOT], true);
  const promised = await applications.submit(agent, promiseDraft.id, { version: promiseDraft.version, department: PROVINCE_DEPARTMENT.code, requestKey: 'demo-promise', procedure: '告知承诺' });
  await reviews.acceptance(reviewer, promised.id, { decision: '受理' });
}
