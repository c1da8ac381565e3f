import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { TRole } from '@jhrm/contracts';
import type { Db, DbOrTx } from '../../db/client';
import type { Config } from '../../config';
import { departments, units, users } from './accounts.table';
import { sessions } from './sessions.table';
import { passwordTooOld } from './password-age';

export interface SessionUser {
  id: string;
  account: string;
  name: string;
  role: TRole;
  unitId: string | null;
  unitName: string | null;
  unitUscc: string | null;
  departmentId: string | null;
  departmentName: string | null;
  mustChangePassword: boolean;
}

export interface AuthContext {
  sessionId: string;
  csrfToken: string;
  user: SessionUser;
}

/** Only the SHA-256 of the cookie's token is stored: a database leak yields no usable session. */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

/** Touching last_seen_at on every request would turn reads into writes; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Every request resolves its session, so the lookup is one prepared statement (parsed and planned
 * once per connection) reading only the columns a session needs.
 */
function prepareLookup(db: Db) {
  return db
    .select({
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      csrfToken: sessions.csrfToken,
      userId: users.id,
      account: users.account,
      name: users.name,
      role: users.role,
      status: users.status,
      unitId: users.unitId,
      departmentId: users.departmentId,
      mustChangePassword: users.mustChangePassword,
      passwordChangedAt: users.passwordChangedAt,
      unitName: units.name,
      unitUscc: units.uscc,
      departmentName: departments.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .limit(1)
    .prepare('session_lookup');
}

export class SessionService {
  private readonly lookupQuery: ReturnType<typeof prepareLookup>;

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly clock: () => Date,
  ) {
    this.lookupQuery = prepareLookup(db);
  }

  idleMs(role: TRole): number {
    const minutes = role === 'reviewer' || role === 'admin' ? this.config.sessionIdleMinutes.staff : this.config.sessionIdleMinutes.unit;
    return minutes * 60_000;
  }

  async create(userId: string, meta: { ip?: string; userAgent?: string }): Promise<{ token: string; csrfToken: string }> {
    const token = newToken();
    const csrfToken = newToken();
    const now = this.clock();
    await this.db.insert(sessions).values({
      id: hashToken(token),
      userId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.config.sessionAbsoluteHours * 3_600_000),
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, csrfToken };
  }

  /**
   * Resolves a cookie token to a live session, ending it if idle or past its absolute lifetime.
   * `touch: false` (background polling) checks the session without counting as activity.
   */
  async lookup(token: string, { touch = true }: { touch?: boolean } = {}): Promise<AuthContext | null> {
    const id = hashToken(token);
    const [row] = await this.lookupQuery.execute({ id });
    if (!row) return null;
    const now = this.clock().getTime();
    if (row.status !== 'active' || now >= row.expiresAt.getTime() || now - row.lastSeenAt.getTime() >= this.idleMs(row.role)) {
      await this.db.delete(sessions).where(eq(sessions.id, id));
      return null;
    }
    if (touch && now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      await this.db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, id));
    }
    return {
      sessionId: id,
      csrfToken: row.csrfToken,
      user: {
        id: row.userId,
        account: row.account,
        name: row.name,
        role: row.role,
        unitId: row.unitId,
        unitName: row.unitName,
        unitUscc: row.unitUscc,
        departmentId: row.departmentId,
        departmentName: row.departmentName,
        // a staff password that passes its 90 days during a session must be changed there and then
        mustChangePassword: row.mustChangePassword || passwordTooOld(row.role, row.passwordChangedAt, new Date(now)),
      },
    };
  }

  async destroy(sessionId: string, tx: DbOrTx = this.db): Promise<void> {
    await tx.delete(sessions).where(eq(sessions.id, sessionId));
  }

  /** Ends every session of a user, or every one but `keep` (after a password change). */
  async destroyAllForUser(userId: string, keep?: string): Promise<void> {
    await this.db.delete(sessions).where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId));
  }

  /** Removes sessions past their absolute lifetime or idle longer than any role allows. */
  async purgeExpired(): Promise<void> {
    const now = this.clock();
    const longestIdle = Math.max(this.config.sessionIdleMinutes.unit, this.config.sessionIdleMinutes.staff) * 60_000;
    await this.db
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - longestIdle))));
  }
}
