import { eq } from 'drizzle-orm';
import { AppErrorCode, SETTINGS, type TSettingKey, type TSettingValue } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { DbOrTx } from '../../db/client';
import { settings } from './settings.table';

/** A setting's value: what an admin stored, else its default (contracts' SETTINGS). */
export async function readSetting<K extends TSettingKey>(db: DbOrTx, key: K): Promise<TSettingValue<K>> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  if (row) {
    const parsed = SETTINGS[key].schema.safeParse(row.value);
    if (parsed.success) return parsed.data as TSettingValue<K>;
  }
  return SETTINGS[key].default as TSettingValue<K>;
}

/** Stores a setting after checking it against its schema; the caller audits the change. */
export async function writeSetting<K extends TSettingKey>(db: DbOrTx, key: K, value: unknown, userId: string, now: Date): Promise<TSettingValue<K>> {
  const parsed = SETTINGS[key].schema.safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? '设置值不正确';
    // a field of an object-valued setting is named under `value` (the web form's field), anything else is `value` itself
    const fieldErrors = parsed.error.issues.map((i) => ({ path: typeof i.path[0] === 'string' ? ['value', ...i.path].join('.') : 'value', message: i.message }));
    throw new AppError(AppErrorCode.VALIDATION, message, fieldErrors);
  }
  await db
    .insert(settings)
    .values({ key, value: parsed.data, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: parsed.data, updatedBy: userId, updatedAt: now } });
  return parsed.data as TSettingValue<K>;
}
