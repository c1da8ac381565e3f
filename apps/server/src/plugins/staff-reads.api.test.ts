import { Readable } from 'node:stream';
import { and, asc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TApplicationDetail } from '@jhrm/contracts';
import { appeals, units, users } from '../modules/accounts/accounts.table';
import { verifyAuditChain } from '../modules/audit/audit.service';
import { auditLog } from '../modules/audit/audit.table';
import { files } from '../modules/files/files.table';
import { inspectionTasks, spotCheckPlans } from '../modules/inspections/inspections.table';
import { INSPECTION_PHOTO_OWNER } from '../modules/inspections/inspections.service';
import { DEMO_UNIT } from '../seed/demo';
import { createTestContext, type TestClient, type TestContext } from '../test/harness';
import { createInstitution, insertLicence } from '../test/licences';
import { SAMPLE } from '../test/multipart';
import { createReviewer } from '../test/people';
import { submitEstablishment } from '../test/submissions';

/**
 * Staff GET routes that return no unit's data, so reading them leaves no trace — each with why.
 * A new staff read route is either audited (config.staffRead, and a sample read below) or listed
 * here with its reason; otherwise the walk fails.
 */
const NO_UNIT_DATA: Record<string, string> = {
  '/api/auth/me': "the caller's own account",
  '/api/auth/sessions': "the caller's own sessions",
  '/api/departments': 'the 审批部门 dictionary',
  '/api/auth/department': "the caller's own 审批部门",
  '/api/notifications': "messages addressed to the caller (a reviewer's name what arrived in their department, as the 待审核 list will)",
  '/api/notifications/unread-count': 'a number',
  '/api/reviews/todo': "counts of the department's 待审核",
  '/api/inspections/todo': "counts of the department's 核查任务",
  '/api/inspections/backlog': 'counts of 核查任务 per department',
  '/api/spot-checks/scope': "the caller's own planning scope (departments)",
  '/api/admin/todo': 'a count of appeals, reviewer accounts whose password expires, the last import batch',
  '/api/admin/departments': 'departments with counts of reviewers and pending submissions',
  '/api/admin/reviewers': 'staff accounts, not units',
  '/api/admin/settings': 'system settings',
  '/api/admin/calendar': 'the work calendar (法定节假日 and 调休 days)',
  '/api/admin/dictionaries': 'the field dictionaries',
  '/api/admin/audit/actions': 'the names of the actions recorded so far',
  '/api/admin/audit/verify': 'whether the chain is intact, and where it breaks',
  '/api/admin/imports/template.xlsx': 'the empty import template',
  '/api/admin/imports/template.csv': 'the empty import template',
  '/api/admin/imports': 'import batches: file name, row counts and the importing admin, no institution data',
};

interface Sample {
  url: string;
  /** what the audit row must name; null for searches across units */
  target: { type: string; id: string; unitId: string | null } | null;
}

let ctx: TestContext;
let samples: Record<string, Sample>;
let staff: Record<'reviewer' | 'admin', { client: TestClient; account: string }>;
let app: TApplicationDetail;
let videoId: string;
let demoUnitId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const { db } = ctx.database;
  demoUnitId = (await db.select({ id: units.id }).from(units).where(eq(units.uscc, DEMO_UNIT.uscc)))[0]!.id;
  const agent = ctx.client();
  await agent.login('demo_agent');
  app = await submitEstablishment(ctx, agent, { department: '220000' });
  const [material] = await db.select().from(files).where(and(eq(files.ownerId, app.id), eq(files.ownerType, 'application_material')));
  const [video] = await db.select().from(files).where(and(eq(files.ownerId, app.id), eq(files.ownerType, 'application_video')));
  videoId = video!.id;
  const { institution } = await createInstitution(ctx, { name: '吉林省博润职业介绍有限公司', unitId: demoUnitId });
  const licence = await insertLicence(ctx, institution, { department: '220000' });
  const [appeal] = await db
    .insert(appeals)
    .values({ account: 'demo_legal', uscc: DEMO_UNIT.uscc, contact: '王博润', phoneEnc: ctx.deps.pii.encrypt('13144440001'), phoneIdx: ctx.deps.pii.blindIndex('13144440001'), description: '忘记法人账号', createdAt: ctx.clock() })
    .returning();
  const blob = await ctx.deps.blobs.put(Readable.from([SAMPLE.pdf]), 1 << 20);
  const [attachment] = await db
    .insert(files)
    .values({ ownerType: 'appeal', ownerId: appeal!.id, sha256: blob.sha256, size: blob.size, mime: 'application/pdf', name: '营业执照.pdf', createdAt: ctx.clock() })
    .returning();

  // a 核查任务 of the reviewer's department (decision 0043) with a photo
  const [task] = await db
    .insert(inspectionTasks)
    .values({ applicationId: app.id, institutionId: app.institutionId, unitId: demoUnitId, department: '220000', dueOn: '2026-12-26', checklist: [], createdAt: ctx.clock(), updatedAt: ctx.clock() })
    .returning();
  const photoBlob = await ctx.deps.blobs.put(Readable.from([SAMPLE.pdf]), 1 << 20);
  const [photo] = await db
    .insert(files)
    .values({ ownerType: INSPECTION_PHOTO_OWNER, ownerId: task!.id, sha256: photoBlob.sha256, size: photoBlob.size, mime: 'application/pdf', name: '现场.pdf', createdAt: ctx.clock() })
    .returning();

  // a 抽查计划 (decision 0049): it names the institutions drawn and their inspectors; of the reviewer's department, so both roles read it
  const [adminUser] = await db.select({ id: users.id }).from(users).where(eq(users.account, 'demo_admin'));
  const [plan] = await db
    .insert(spotCheckPlans)
    .values({ name: '抽查', scopeDepartment: '220000', filter: {}, ratio: 10, inspectorsPerTask: 1, dueOn: '2026-12-31', seed: 'seed', pool: { institutions: [], reviewers: {} }, candidateCount: 0, drawnCount: 0, createdBy: adminUser!.id, createdAt: ctx.clock() })
    .returning();
  const ofPlan = { type: 'spot_check_plan', id: plan!.id, unitId: null };

  const ofApp = { type: 'application', id: app.id, unitId: demoUnitId };
  const ofTask = { type: 'inspection', id: task!.id, unitId: demoUnitId };
  samples = {
    '/api/applications/:id': { url: `/api/applications/${app.id}`, target: ofApp },
    '/api/applications/:id/materials': { url: `/api/applications/${app.id}/materials`, target: ofApp },
    '/api/applications/:id/materials/files/:fileId': { url: `/api/applications/${app.id}/materials/files/${material!.id}?inline=1`, target: ofApp },
    '/api/applications/:id/video': { url: `/api/applications/${app.id}/video`, target: ofApp },
    '/api/applications/:id/video/:fileId': { url: `/api/applications/${app.id}/video/${videoId}`, target: ofApp },
    '/api/applications/:id/templates/:key': { url: `/api/applications/${app.id}/templates/registrationForm`, target: ofApp },
    '/api/reviews': { url: '/api/reviews?tab=待审核', target: null },
    '/api/reviews/export': { url: '/api/reviews/export?tab=已审核', target: null },
    '/api/admin/audit/export': { url: '/api/admin/audit/export?action=auth', target: null },
    '/api/admin/reviewers/export': { url: '/api/admin/reviewers/export?status=active', target: null },
    '/api/statistics-analysis': { url: '/api/statistics-analysis?year=2025', target: null },
    '/api/statistics-analysis/missing': { url: '/api/statistics-analysis/missing?year=2025', target: null },
    '/api/statistics-analysis/export': { url: '/api/statistics-analysis/export?year=2025', target: null },
    '/api/reviews/:id': { url: `/api/reviews/${app.id}`, target: ofApp },
    '/api/licences/:id/pdf': { url: `/api/licences/${licence.id}/pdf`, target: { type: 'licence', id: licence.id, unitId: demoUnitId } },
    '/api/admin/appeals': { url: '/api/admin/appeals?status=待处理', target: null },
    '/api/admin/appeals/:id/files/:fileId': { url: `/api/admin/appeals/${appeal!.id}/files/${attachment!.id}`, target: { type: 'appeal', id: appeal!.id, unitId: demoUnitId } },
    '/api/admin/audit': { url: `/api/admin/audit?unitUscc=${DEMO_UNIT.uscc}`, target: null },
    '/api/inspections': { url: '/api/inspections?status=待核查', target: null },
    '/api/inspections/:id': { url: `/api/inspections/${task!.id}`, target: ofTask },
    '/api/inspections/:id/photos/:fileId': { url: `/api/inspections/${task!.id}/photos/${photo!.id}`, target: ofTask },
    '/api/spot-checks': { url: '/api/spot-checks?page=1', target: null },
    '/api/spot-checks/:id': { url: `/api/spot-checks/${plan!.id}`, target: ofPlan },
    '/api/spot-checks/:id/replay': { url: `/api/spot-checks/${plan!.id}/replay`, target: ofPlan },
  };
  const reviewer = ctx.client();
  await reviewer.login('demo_reviewer');
  const admin = ctx.client();
  await admin.login('demo_admin');
  staff = { reviewer: { client: reviewer, account: 'demo_reviewer' }, admin: { client: admin, account: 'demo_admin' } };
  // 受理 (decision 0034): its notice is a staff read of the unit's application too
  const accepted = await reviewer.post(`/api/reviews/${app.id}/acceptance`, { decision: '受理' });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const acceptanceId = (accepted.json() as { acceptances: { id: string }[] }).acceptances[0]!.id;
  samples['/api/applications/:id/acceptances/:acceptanceId/notice'] = { url: `/api/applications/${app.id}/acceptances/${acceptanceId}/notice`, target: ofApp };
});
afterAll(() => ctx?.close());

const lastAuditId = async () => (await ctx.database.db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id))).at(-1)?.id ?? 0;
const auditSince = (id: number) => ctx.database.db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(asc(auditLog.id));

const staffGetRoutes = () =>
  ctx.app.routeAccess.filter((r) => r.method === 'GET' && r.access !== 'public' && (r.access.includes('reviewer') || r.access.includes('admin')));

describe('staff reads of a unit’s data (SPEC §9)', () => {
  it('audits every GET route a reviewer or an admin may call, unless it is on the commented allow-list of routes without unit data', async () => {
    const routes = staffGetRoutes();
    expect(routes.length).toBeGreaterThan(20);
    const unaccounted = routes.map((r) => r.url).filter((url) => !(url in NO_UNIT_DATA) && !(url in samples));
    expect(unaccounted, 'staff GET routes that are neither audited with a sample read here nor allow-listed').toEqual([]);
    for (const url of [...Object.keys(NO_UNIT_DATA), ...Object.keys(samples)]) expect(routes.some((r) => r.url === url), `stale entry ${url}`).toBe(true);

    for (const route of routes.filter((r) => r.url in samples)) {
      const sample = samples[route.url]!;
      for (const role of ['reviewer', 'admin'] as const) {
        if (route.access === 'public' || !route.access.includes(role)) continue;
        const { client, account } = staff[role];
        const before = await lastAuditId();
        const res = await client.get(sample.url);
        const what = `${account} GET ${route.url}`;
        expect(res.statusCode, what).toBe(200);
        const rows = (await auditSince(before)).filter((r) => r.actorAccount === account);
        expect(rows, what).toHaveLength(1);
        expect(rows[0], what).toMatchObject({
          actorRole: role,
          ip: client.ip,
          unitId: sample.target?.unitId ?? null,
          targetType: sample.target?.type ?? null,
          targetId: sample.target?.id ?? null,
        });
        if (!sample.target) expect(rows[0]!.detail, what).toHaveProperty('query');
      }
    }
  });

  it('names what was read in the row: the file, the template, the search conditions', async () => {
    const before = await lastAuditId();
    await staff.reviewer.client.get(samples['/api/applications/:id/templates/:key']!.url);
    await staff.reviewer.client.get(`/api/reviews?tab=待审核&uscc=${DEMO_UNIT.uscc}`);
    const rows = await auditSince(before);
    expect(rows.map((r) => [r.action, r.detail])).toEqual([
      ['template.generated', { key: 'registrationForm' }],
      ['review.listed', { query: expect.objectContaining({ tab: '待审核', uscc: DEMO_UNIT.uscc }) }],
    ]);
  });

  it('leaves no read trace when the unit reads its own data, or when staff are refused', async () => {
    const agent = ctx.client();
    await agent.login('demo_agent');
    await createReviewer(ctx, '220100', 'reviewer_reads_220100');
    const elsewhere = ctx.client();
    await elsewhere.login('reviewer_reads_220100');
    const before = await lastAuditId();
    for (const url of ['/api/applications/:id', '/api/applications/:id/materials', '/api/applications/:id/video', '/api/applications/:id/templates/:key']) {
      expect((await agent.get(samples[url]!.url)).statusCode, url).toBe(200);
    }
    expect((await elsewhere.get(`/api/applications/${app.id}`)).statusCode).toBe(404);
    expect((await elsewhere.get(`/api/applications/${app.id}/materials`)).statusCode).toBe(404);
    expect(await auditSince(before)).toEqual([]);
  });

  it("records a video viewing once: the player's later ranges continue it", async () => {
    const reviewer = staff.reviewer.client;
    const url = `/api/applications/${app.id}/video/${videoId}`;
    const before = await lastAuditId();
    expect((await reviewer.get(url, { range: 'bytes=0-99' })).statusCode).toBe(206);
    expect((await reviewer.get(url, { range: 'bytes=100-199' })).statusCode).toBe(206);
    expect((await reviewer.get(url, { range: 'bytes=200-' })).statusCode).toBe(206);
    expect((await auditSince(before)).map((r) => r.action)).toEqual(['video.played']);
  });

  it('records each of many parallel reads, in one unbroken chain', async () => {
    const before = await lastAuditId();
    const answers = await Promise.all(Array.from({ length: 24 }, () => staff.reviewer.client.get(`/api/applications/${app.id}`)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: 24 }, () => 200));
    const rows = await auditSince(before);
    expect(rows.filter((r) => r.action === 'application.viewed')).toHaveLength(24);
    expect((await verifyAuditChain(ctx.database.db, ctx.deps.config.secrets.auditKey)).ok).toBe(true);
  });

  it('sends no data when the read cannot be recorded', async () => {
    const audit = ctx.deps.audit;
    const original = audit.record.bind(audit);
    audit.record = async () => {
      throw new Error('audit log unavailable');
    };
    try {
      const detail = await staff.reviewer.client.get(`/api/applications/${app.id}`);
      expect(detail.statusCode).toBe(500);
      expect(detail.body).not.toContain('吉林省博润人才服务有限公司');
      const file = await staff.reviewer.client.get(samples['/api/applications/:id/materials/files/:fileId']!.url);
      expect(file.statusCode).toBe(500);
      expect(file.body).not.toContain('%PDF');
    } finally {
      audit.record = original;
    }
    expect((await staff.reviewer.client.get(`/api/applications/${app.id}`)).statusCode).toBe(200);
  });
});
