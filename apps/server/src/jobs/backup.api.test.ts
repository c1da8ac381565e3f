import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { createDeps } from '../deps';
import { migrate, readMigrations } from '../db/migrate';
import { LocalBlobStore } from '../lib/blob-store';
import { files } from '../modules/files/files.table';
import { verifyAuditLog } from '../modules/audit/audit-checkpoints';
import { createTestContext, openTestDatabase, TEST_ENGINE, TestClient, testConfig, type TestContext } from '../test/harness';
import { submitEstablishment } from '../test/submissions';
import { backup, BackupError, restore } from './backup';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  // a submitted 设立 with every material and its video: rows that name blobs, and audit entries
  const agent = ctx.client();
  await agent.login('demo_agent');
  await submitEstablishment(ctx, agent);
});
afterAll(() => ctx?.close());

const tempDir = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));

describe('npm run backup / npm run restore', () => {
  if (TEST_ENGINE === 'pglite') {
    it('say that the embedded database is backed up by copying DATA_DIR with the server stopped', async () => {
      const out = tempDir('jhrm-backup-');
      await expect(backup({ databaseUrl: undefined, blobs: ctx.deps.blobs, out })).rejects.toThrow(BackupError);
      await expect(backup({ databaseUrl: undefined, blobs: ctx.deps.blobs, out })).rejects.toThrow(/停止 npm start，再复制整个 DATA_DIR/);
    });
    return;
  }

  it('restore into a new database where the server starts, the audit chain verifies and every file reads back', async () => {
    const out = path.join(tempDir('jhrm-backup-'), 'backup');
    const manifest = await backup({ databaseUrl: ctx.database.url, blobs: ctx.deps.blobs, out });
    expect(manifest.migrations).toEqual(readMigrations().map((m) => m.tag).sort());
    expect(manifest.blobs.count).toBeGreaterThanOrEqual(2); // the material PDF and the video

    // a new empty database on the same server
    const database = await openTestDatabase();
    const blobs = new LocalBlobStore(tempDir('jhrm-restored-blobs-'));
    try {
      const restored = await restore({ databaseUrl: database.url, blobs, from: out, knownMigrations: readMigrations().map((m) => m.tag) });
      expect(restored.blobs).toEqual(manifest.blobs);
      // nothing left to migrate; the audit chain verifies with the same key
      expect(await migrate(database.db)).toEqual([]);
      expect((await verifyAuditLog(database.db, ctx.deps.config.secrets.auditKey)).ok).toBe(true);
      // every file of the restored records reads back whole
      const rows = await database.db.select({ sha256: files.sha256, size: files.size }).from(files);
      expect(rows.length).toBeGreaterThan(0);
      expect(restored.filesChecked).toBe(new Set(rows.map((r) => r.sha256)).size);
      for (const r of rows) {
        const hash = createHash('sha256');
        let size = 0;
        for await (const chunk of blobs.get(r.sha256)) {
          hash.update(chunk as Buffer);
          size += (chunk as Buffer).length;
        }
        expect(hash.digest('hex')).toBe(r.sha256);
        expect(size).toBe(r.size);
      }
      // the server starts on it with the same keys: ready, and the demo agent signs in and sees the submission
      const deps = createDeps(testConfig({ secrets: ctx.deps.config.secrets, blobDir: ctx.deps.config.blobDir }), database);
      const app = await buildApp({ ...deps, blobs });
      try {
        expect((await app.inject({ method: 'GET', url: '/api/health/ready' })).statusCode).toBe(200);
        const agent = new TestClient(app);
        await agent.login('demo_agent');
        const list = await agent.get('/api/institutions?page=1&pageSize=15');
        expect(list.statusCode).toBe(200);
        expect(list.json().items.map((i: { name: string }) => i.name)).toContain('吉林省博润人才服务有限公司');
      } finally {
        await app.close();
      }
      // a second restore into the now populated database is refused
      await expect(restore({ databaseUrl: database.url, blobs, from: out, knownMigrations: readMigrations().map((m) => m.tag) })).rejects.toThrow(/目标数据库不是空的/);
    } finally {
      await database.close();
    }
  });

  it('refuse a backup of a newer version, a folder that is not a backup, and a backup folder that is not empty', async () => {
    const out = path.join(tempDir('jhrm-backup-'), 'backup');
    await backup({ databaseUrl: ctx.database.url, blobs: ctx.deps.blobs, out });
    await expect(backup({ databaseUrl: ctx.database.url, blobs: ctx.deps.blobs, out })).rejects.toThrow(/不是空的/);
    const known = readMigrations()
      .map((m) => m.tag)
      .slice(0, -1);
    await expect(restore({ databaseUrl: ctx.database.url, blobs: ctx.deps.blobs, from: out, knownMigrations: known })).rejects.toThrow(/更新的版本/);
    await expect(restore({ databaseUrl: ctx.database.url, blobs: ctx.deps.blobs, from: tempDir('jhrm-not-a-backup-'), knownMigrations: [] })).rejects.toThrow(/不是备份目录/);
  });
});
