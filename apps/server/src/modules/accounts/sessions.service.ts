import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne, or, sql } from 'drizzle-orm';
import type { TRole } from '@jhrm/contracts';
import type { Database, Db, DbOrTx } from '../../db/client';
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

type LookupRow = NonNullable<Awaited<ReturnType<ReturnType<typeof prepareLookup>['execute']>>[number]>;

/** How long a cached lookup is trusted without news from the database (decision 0018). */
export const SESSION_CACHE_MS = 10_000;
const SESSION_CACHE_MAX = 10_000;
/** The channel the migration session_change_notify's triggers NOTIFY. */
export const SESSION_CHANGES_CHANNEL = 'jhrm_session_changes';

/**
 * Session lookups cached for SESSION_CACHE_MS in this process, and only while its LISTEN on
 * SESSION_CHANGES_CHANNEL is live: database triggers announce every ended or changed session, user,
 * unit or department name at commit, whichever process wrote it, and each process forgets what the
 * news touches. A lookup read while news arrived is not kept (`epoch`), so a read racing a logout
 * never caches the session it ended.
 */
class SessionCache {
  private readonly entries = new Map<string, { row: LookupRow; at: number }>();
  private live = false;
  private epoch = 0;
  private readonly waiters: (() => void)[] = [];

  get(id: string, now: number): LookupRow | undefined {
    const e = this.live ? this.entries.get(id) : undefined;
    if (e && now - e.at < SESSION_CACHE_MS && now >= e.at) return e.row;
    if (e) this.entries.delete(id);
    return undefined;
  }

  /** The epoch to hand back to `put` after reading the database. */
  mark(): number {
    return this.epoch;
  }

  put(id: string, row: LookupRow, now: number, epoch: number) {
    if (!this.live || epoch !== this.epoch) return;
    if (this.entries.size >= SESSION_CACHE_MAX) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, { row, at: now });
  }

  forget(id: string) {
    this.epoch++;
    this.entries.delete(id);
  }

  forgetUser(userId: string) {
    this.epoch++;
    for (const [id, e] of this.entries) if (e.row.userId === userId) this.entries.delete(id);
  }

  clear() {
    this.epoch++;
    this.entries.clear();
  }

  setLive(live: boolean) {
    this.clear();
    this.live = live;
  }

  onNotify(payload: string) {
    if (payload.startsWith('s:')) for (const id of payload.slice(2).split(',')) this.forget(id);
    else if (payload.startsWith('u:')) this.forgetUser(payload.slice(2));
    else this.clear();
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves once this process has handled its next piece of news (tests wait on it). */
  nextNotification(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  get size() {
    return this.entries.size;
  }
}

export class SessionService {
  private readonly lookupQuery: ReturnType<typeof prepareLookup>;
  readonly cache = new SessionCache();
  private stopListening: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly clock: () => Date,
  ) {
    this.lookupQuery = prepareLookup(db);
  }

  /** Starts caching lookups, for as long as news of session changes can be heard (decision 0018). */
  async startCache(database: Pick<Database, 'listen'>): Promise<void> {
    if (this.stopListening) return;
    this.stopListening = await database.listen(SESSION_CHANGES_CHANNEL, {
      onNotify: (payload) => this.cache.onNotify(payload),
      onLive: (live) => this.cache.setLive(live),
    });
  }

  async stopCache(): Promise<void> {
    const stop = this.stopListening;
    this.stopListening = undefined;
    this.cache.setLive(false);
    await stop?.();
  }

  /**
   * Forgets a user's cached sessions in this process at once. Other processes hear it from the
   * database's triggers; callers that end sessions in a transaction call this after it, so this
   * process does not wait for its own notification.
   */
  forgetUser(userId: string): void {
    this.cache.forgetUser(userId);
  }

  /** Forgets every cached session in this process (a name sessions show changed). */
  forgetAll(): void {
    this.cache.clear();
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
    const now = this.clock().getTime();
    const ended = (r: LookupRow) => r.status !== 'active' || now >= r.expiresAt.getTime() || now - r.lastSeenAt.getTime() >= this.idleMs(r.role);
    let row = this.cache.get(id, now);
    // a cached row that looks ended may only be stale (another process touched it): the database decides
    if (!row || ended(row)) {
      const epoch = this.cache.mark();
      [row] = await this.lookupQuery.execute({ id });
      if (!row) return null;
      if (ended(row)) {
        this.cache.forget(id);
        await this.db.delete(sessions).where(eq(sessions.id, id));
        return null;
      }
      this.cache.put(id, row, now, epoch);
    }
    if (touch && now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      await this.db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, id));
      // the cached row is this object: later hits see the touch
      row.lastSeenAt = new Date(now);
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
    this.cache.forget(sessionId);
  }

  /** Ends every session of a user, or every one but `keep` (after a password change). */
  async destroyAllForUser(userId: string, keep?: string): Promise<void> {
    await this.db.delete(sessions).where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId));
    this.cache.forgetUser(userId);
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
