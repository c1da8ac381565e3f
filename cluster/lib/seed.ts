/**
 * Seeds a fresh cluster database before the production processes start (production never seeds
 * demo data): migrations, reference data, the demo accounts and business of a development start
 * (seed/demo.ts, seed/demo-business.ts) and, for the cluster test, a 设立 draft of the demo unit
 * with every material but its 场所视频, which the test uploads by tus. Runs in the caller's process on
 * the same keys and object storage the app processes get, so they read what it wrote.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { ESTABLISHMENT, MATERIAL_SLOTS } from '@jhrm/contracts';
import { loadConfig } from '../../apps/server/src/config';
import { openDatabase } from '../../apps/server/src/db/client';
import { migrate } from '../../apps/server/src/db/migrate';
import { createDeps } from '../../apps/server/src/deps';
import { seedReference } from '../../apps/server/src/seed/reference';
import { seedDemo } from '../../apps/server/src/seed/demo';
import { seedDemoBusiness } from '../../apps/server/src/seed/demo-business';
import { ApplicationsService } from '../../apps/server/src/modules/applications/applications.service';
import { departments, units, users } from '../../apps/server/src/modules/accounts/accounts.table';
import { files } from '../../apps/server/src/modules/files/files.table';
import { MATERIAL_OWNER } from '../../apps/server/src/modules/materials/materials.repository';
import { completeDraft } from '../../apps/server/src/test/submissions';
import { SAMPLE } from '../../apps/server/src/test/multipart';

export interface SeedResult {
  /** a 待提交 设立 of the demo unit with every material but the video, made by demo_agent */
  draftApplicationId?: string;
  ms: number;
}

/**
 * `env` is the app processes' environment (keys, S3_*, DATABASE_DIRECT_URL or DATABASE_URL); the
 * seed runs as a development start would (which is what seeds demo data) on the direct connection.
 */
export async function seedClusterDatabase(env: Record<string, string>, opts: { draft: boolean }): Promise<SeedResult> {
  const started = performance.now();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jhrm-cluster-seed-'));
  // development reads its keys from DATA_DIR/secrets.json: the production processes' keys
  const keys = ['JHRM_PII_ENC_KEY', 'JHRM_PII_MAC_KEY', 'JHRM_PII_INDEX_KEY', 'JHRM_AUDIT_KEY'];
  writeFileSync(path.join(dataDir, 'secrets.json'), JSON.stringify(Object.fromEntries(keys.map((k) => [k, env[k]]))), { mode: 0o600 });
  const config = loadConfig({ ...env, NODE_ENV: 'development', DATA_DIR: dataDir, DATABASE_URL: env.DATABASE_DIRECT_URL ?? env.DATABASE_URL, LOG_LEVEL: 'silent' });
  const database = await openDatabase({ url: config.databaseUrl });
  try {
    await migrate(database.db);
    await seedReference(database.db);
    const deps = createDeps(config, database);
    if (!(await seedDemo(deps))) throw new Error('the cluster database was not empty');
    await seedDemoBusiness(deps);
    let draftApplicationId: string | undefined;
    if (opts.draft) draftApplicationId = await draftWithMaterials(deps);
    return { draftApplicationId, ms: Math.round(performance.now() - started) };
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** demo_agent's 设立 draft (the API tests' complete draft) with one PDF in every material slot. */
async function draftWithMaterials(deps: ReturnType<typeof createDeps>): Promise<string> {
  const { db } = deps.database;
  const [row] = await db
    .select({ user: users, unitName: units.name, unitUscc: units.uscc, departmentName: departments.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.account, 'demo_agent'));
  if (!row) throw new Error('demo_agent is missing');
  const u = row.user;
  const actor = {
    user: { id: u.id, account: u.account, name: u.name, role: u.role, unitId: u.unitId, unitName: row.unitName, unitUscc: row.unitUscc, departmentId: u.departmentId, departmentName: row.departmentName, mustChangePassword: false },
    ip: '127.0.0.1',
  };
  const draft = await new ApplicationsService(deps).create(actor, ESTABLISHMENT.name, completeDraft());
  const pdf = await deps.blobs.put(Readable.from([SAMPLE.pdf]), 1 << 20);
  const now = deps.clock();
  await db
    .insert(files)
    .values(MATERIAL_SLOTS['设立'].map((s) => ({ ownerType: MATERIAL_OWNER, ownerId: draft.id, slot: s.name, sha256: pdf.sha256, size: pdf.size, mime: 'application/pdf', name: `${s.name}.pdf`, createdAt: now })));
  return draft.id;
}
