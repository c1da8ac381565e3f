import { and, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { AppErrorCode, type TNotification, type TNotificationQuery, type TPage } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import type { DbOrTx } from '../../db/client';
import type { AppDeps } from '../../deps';
import { departments, users } from '../accounts/accounts.table';
import { notifications } from './notifications.table';

type NotificationRow = typeof notifications.$inferSelect;

export interface UnitMessage {
  unitId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

const toView = (r: NotificationRow): TNotification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.createdAt.toISOString(),
  readAt: r.readAt?.toISOString() ?? null,
});

/**
 * 消息中心. A message about a unit's business reaches every active account of that unit (the
 * legal person and the agents), inside the transaction of what it reports.
 */
export async function notifyUnit(tx: DbOrTx, now: Date, msg: UnitMessage): Promise<number> {
  const recipients = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.unitId, msg.unitId), eq(users.status, 'active'), inArray(users.role, ['legal', 'agent'])));
  if (!recipients.length) return 0;
  await tx.insert(notifications).values(
    recipients.map((u) => ({ userId: u.id, unitId: msg.unitId, kind: msg.kind, title: msg.title, body: msg.body, link: msg.link, createdAt: now })),
  );
  return recipients.length;
}

export interface DepartmentMessage {
  /** the 审批部门's code */
  department: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

/**
 * A message to the 审核人员 of a 审批部门 (every active reviewer account whose department it is),
 * inside the transaction of what it reports: one INSERT … SELECT, however many reviewers.
 */
export async function notifyReviewers(tx: DbOrTx, now: Date, msg: DepartmentMessage): Promise<void> {
  await tx.insert(notifications).select(
    tx
      .select({
        id: sql`gen_random_uuid()`.as('id'),
        userId: users.id,
        unitId: sql`NULL::uuid`.as('unit_id'),
        kind: sql`${msg.kind}`.as('kind'),
        title: sql`${msg.title}`.as('title'),
        body: sql`${msg.body}`.as('body'),
        link: sql`${msg.link}`.as('link'),
        createdAt: sql`${now.toISOString()}::timestamptz`.as('created_at'),
        readAt: sql`NULL::timestamptz`.as('read_at'),
      })
      .from(users)
      .innerJoin(departments, eq(departments.id, users.departmentId))
      .where(and(eq(departments.code, msg.department), eq(users.role, 'reviewer'), eq(users.status, 'active'))),
  );
}

/** Messages to named staff accounts (e.g. the inspectors a 抽查 drew), one per user and message. */
export async function notifyUsers(tx: DbOrTx, now: Date, msgs: { userId: string; kind: string; title: string; body: string; link: string | null }[]): Promise<void> {
  if (msgs.length) await tx.insert(notifications).values(msgs.map((m) => ({ ...m, unitId: null, createdAt: now })));
}

/**
 * A reminder round's names per 审批部门: each department's reviewers get one message naming the first
 * five (“甲”、“乙”…等) and counting all; `msg` words it from that list and the count.
 */
export async function notifyReviewersOfNames(
  tx: DbOrTx,
  now: Date,
  rows: { department: string; name: string }[],
  msg: (shown: string, count: number) => Omit<DepartmentMessage, 'department'>,
): Promise<void> {
  const byDepartment = new Map<string, string[]>();
  for (const r of rows) byDepartment.set(r.department, [...(byDepartment.get(r.department) ?? []), r.name]);
  for (const [department, names] of byDepartment) {
    const shown = names.slice(0, 5).map((n) => `“${n}”`).join('、') + (names.length > 5 ? '等' : '');
    await notifyReviewers(tx, now, { department, ...msg(shown, names.length) });
  }
}

/** One user's own messages; another user's id is answered as if it did not exist. */
export class NotificationsService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  async list(userId: string, q: TNotificationQuery): Promise<TPage<TNotification>> {
    const where: SQL[] = [eq(notifications.userId, userId)];
    if (q.unread === '1') where.push(isNull(notifications.readAt));
    const filter = and(...where);
    const [rows, [total]] = await Promise.all([
      this.db
        .select()
        .from(notifications)
        .where(filter)
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      this.db.select({ n: count() }).from(notifications).where(filter),
    ]);
    return { items: rows.map(toView), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return row?.n ?? 0;
  }

  /** Marks one message read (again: no change) and returns it. */
  async markRead(userId: string, id: string): Promise<TNotification> {
    const [own] = await this.db.select().from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
    if (!own) throw new AppError(AppErrorCode.NOT_FOUND, '消息不存在');
    if (own.readAt) return toView(own);
    const [row] = await this.db
      .update(notifications)
      .set({ readAt: this.deps.clock() })
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
      .returning();
    return toView(row!);
  }

  async markAllRead(userId: string): Promise<number> {
    const rows = await this.db
      .update(notifications)
      .set({ readAt: this.deps.clock() })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.length;
  }
}
