import { eq } from 'drizzle-orm';
import { AppErrorCode, SETTING_KEYS, SETTINGS, type TSettingItem, type TSettingKey } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { AppDeps } from '../../deps';
import type { SessionUser } from '../accounts/sessions.service';
import type { RequestMeta } from '../accounts/accounts.service';
import { users } from '../accounts/accounts.table';
import { readSetting, writeSetting } from './settings.service';
import { settings } from './settings.table';

const isSettingKey = (key: string): key is TSettingKey => (SETTING_KEYS as string[]).includes(key);

/** 系统设置: every run-time setting with its current value and default; changes are schema-checked and audited. */
export class SettingsAdminService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  async list(): Promise<TSettingItem[]> {
    const stored = await this.db
      .select({ key: settings.key, updatedAt: settings.updatedAt, updatedBy: users.account })
      .from(settings)
      .leftJoin(users, eq(users.id, settings.updatedBy));
    const meta = new Map(stored.map((s) => [s.key, s]));
    return Promise.all(
      SETTING_KEYS.map(async (key) => ({
        key,
        label: SETTINGS[key].label,
        value: await readSetting(this.db, key),
        default: SETTINGS[key].default,
        updatedAt: meta.get(key)?.updatedAt.toISOString() ?? null,
        updatedBy: meta.get(key)?.updatedBy ?? null,
      })),
    );
  }

  async update(admin: SessionUser, key: string, value: unknown, meta: RequestMeta): Promise<TSettingItem> {
    if (!isSettingKey(key)) throw new AppError(AppErrorCode.NOT_FOUND, '设置项不存在');
    await this.db.transaction(async (tx) => {
      const before = await readSetting(tx, key);
      const after = await writeSetting(tx, key, value, admin.id, this.deps.clock());
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      await this.deps.audit.record(tx, {
        action: 'setting.updated',
        actorId: admin.id,
        actorAccount: admin.account,
        actorRole: admin.role,
        targetType: 'setting',
        targetId: key,
        ip: meta.ip,
        detail: { key, from: before, to: after },
      });
    });
    return (await this.list()).find((s) => s.key === key)!;
  }
}
