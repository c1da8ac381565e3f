import { sql } from 'drizzle-orm';
import { EXPIRY_REMINDER_DAYS, LICENCE_TITLES, beijingDay, chineseDate, type TLicenceKind } from '@jhrm/contracts';
import { queryRows } from '../../db/client';
import type { AppDeps } from '../../deps';
import { notifyUnit } from '../notifications/notifications.service';

/** The texts of one expiry reminder (消息中心 and SMS). */
export function expiryReminder(l: { number: string; kind: TLicenceKind; institutionName: string; validUntil: string; daysLeft: number }): { title: string; body: string; sms: string } {
  const title = LICENCE_TITLES[l.kind];
  const until = chineseDate(l.validUntil);
  return {
    title: `证书到期提醒：${l.institutionName}`,
    body:
      `“${l.institutionName}”的${title}（${l.number}）有效期至${until}，还有${l.daysLeft}天到期。` +
      `需要继续从事人力资源服务的，请在有效期届满前申请许可证延续（人力资源服务机构管理 → 机构查看 → 许可证延续）。`,
    sms: `【吉林智慧人社】您单位“${l.institutionName}”的${title}（${l.number}）将于${until}到期，还有${l.daysLeft}天。如需继续经营，请及时登录吉林人力资源市场管理申请延续。`,
  };
}

/**
 * The daily 有效期至 reminder (the job queue's `licence-expiry-reminders`, decision 0047): every licence
 * in force whose 有效期至 is 90, 30 or 7 days away or less (and not yet past) is reminded at the smallest
 * threshold it has reached: a 消息中心 message to the unit's accounts and an SMS (through the `sms`
 * queue) to its legal person. Each licence, 有效期至 and threshold is sent once
 * (licence_expiry_reminders, INSERT … ON CONFLICT DO NOTHING RETURNING), so a second run, in this
 * process or another at the same moment, sends nothing new; a day the job missed does not send the
 * thresholds it skipped, only the one now reached.
 */
export async function sendExpiryReminders(deps: AppDeps): Promise<{ sent: number }> {
  const now = deps.clock();
  const today = beijingDay(now);
  const thresholds = [...EXPIRY_REMINDER_DAYS].sort((a, b) => a - b);
  return deps.database.db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string; number: string; kind: TLicenceKind; institution_name: string; unit_id: string; institution_id: string; valid_until: string; days: number; days_left: number }>(
      tx,
      sql`WITH due AS (
            SELECT l.id, (l.valid_until - ${today}::date) AS days_left, l.valid_until,
                   (SELECT min(t) FROM unnest(${`{${thresholds.join(',')}}`}::int[]) AS t WHERE t >= l.valid_until - ${today}::date) AS days
              FROM licences l
             WHERE l.status = '有效' AND l.valid_until IS NOT NULL
               AND l.valid_until >= ${today}::date AND l.valid_until - ${today}::date <= ${thresholds.at(-1)!}),
          fresh AS (
            INSERT INTO licence_expiry_reminders (licence_id, valid_until, days, sent_at)
            SELECT id, valid_until, days, ${now.toISOString()}::timestamptz FROM due
            ON CONFLICT DO NOTHING
            RETURNING licence_id, days)
          SELECT l.id, l.number, l.kind, l.institution_name, i.unit_id, l.institution_id, to_char(l.valid_until, 'YYYY-MM-DD') AS valid_until,
                 fresh.days, (l.valid_until - ${today}::date)::int AS days_left
            FROM fresh JOIN licences l ON l.id = fresh.licence_id JOIN institutions i ON i.id = l.institution_id
           ORDER BY l.valid_until, l.number`,
    );
    for (const r of rows) {
      const text = expiryReminder({ number: r.number, kind: r.kind, institutionName: r.institution_name, validUntil: r.valid_until, daysLeft: Number(r.days_left) });
      await notifyUnit(tx, now, { unitId: r.unit_id, kind: 'licence.expiry', title: text.title, body: text.body, link: `/hr/institutions/${r.institution_id}/view` });
      const legal = await queryRows<{ phone_enc: string | null }>(
        tx,
        sql`SELECT phone_enc FROM users WHERE unit_id = ${r.unit_id} AND role = 'legal' AND status = 'active' AND phone_enc IS NOT NULL`,
      );
      for (const l of legal) if (l.phone_enc) await deps.jobs.send(tx, 'sms', { phoneEnc: l.phone_enc, text: text.sms });
    }
    return { sent: rows.length };
  });
}
