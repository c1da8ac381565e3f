import { and, asc, eq } from 'drizzle-orm';
import { AppErrorCode, maskIdCard, maskMobile, passwordProblems, type TAgent, type TAuditAction, type TCreateAgentRequest } from '@jhrm/contracts';
import { AppError } from '../../lib/app-error';
import { hashPassword } from '../../lib/passwords';
import { uniqueViolation } from '../../lib/pg-errors';
import type { AppDeps } from '../../deps';
import type { SessionUser } from './sessions.service';
import { sessions } from './sessions.table';
import { findUserByAccount } from './accounts.repository';
import { invalid, type RequestMeta } from './accounts.service';
import { users } from './accounts.table';

const sameIdCard = (account: string | null) =>
  invalid([{ path: 'idCard', message: account ? `该身份证号已是本单位经办人（账号 ${account}），无需重复新增；停用的账号可重新启用` : '该身份证号已是本单位经办人，无需重复新增' }]);

/** 经办人管理: the legal person manages its own unit's agents, and only those. */
export class AgentsService {
  constructor(private readonly deps: AppDeps) {}

  private get db() {
    return this.deps.database.db;
  }

  /** The unit's agents, oldest first; a page of them when `paging` is given (导出 reads it page by page). */
  async list(unitId: string, paging?: { page: number; pageSize: number }): Promise<TAgent[]> {
    const query = this.db
      .select()
      .from(users)
      .where(and(eq(users.unitId, unitId), eq(users.role, 'agent')))
      // the account breaks ties, so pages neither repeat nor skip a row
      .orderBy(asc(users.createdAt), asc(users.account))
      .$dynamic();
    const rows = paging ? await query.limit(paging.pageSize).offset((paging.page - 1) * paging.pageSize) : await query;
    return rows.map((u) => ({
      id: u.id,
      account: u.account,
      name: u.name,
      idCard: u.idCardEnc ? maskIdCard(this.deps.pii.decrypt(u.idCardEnc)) : '',
      phone: u.phoneEnc ? maskMobile(this.deps.pii.decrypt(u.phoneEnc)) : '',
      status: u.status,
      mustChangePassword: u.mustChangePassword,
      createdAt: u.createdAt.toISOString(),
    }));
  }

  async create(legal: SessionUser, input: TCreateAgentRequest, meta: RequestMeta): Promise<{ id: string }> {
    const { idCard, phone } = input;
    if (await findUserByAccount(this.db, input.account)) throw invalid([{ path: 'account', message: '该账号已被使用，请更换' }]);
    const idCardIdx = this.deps.pii.blindIndex(idCard);
    const [same] = await this.db
      .select({ account: users.account })
      .from(users)
      .where(and(eq(users.unitId, legal.unitId!), eq(users.role, 'agent'), eq(users.idCardIdx, idCardIdx)));
    if (same) throw sameIdCard(same.account);
    const passwordHash = await hashPassword(input.initialPassword);
    try {
      return await this.db.transaction(async (tx) => {
        const [agent] = await tx
          .insert(users)
          .values({
            account: input.account,
            passwordHash,
            role: 'agent',
            name: input.name,
            unitId: legal.unitId,
            idCardEnc: this.deps.pii.encrypt(idCard),
            idCardIdx,
            phoneEnc: this.deps.pii.encrypt(phone),
            phoneIdx: this.deps.pii.blindIndex(phone),
            mustChangePassword: true,
            createdBy: legal.id,
          })
          .returning({ id: users.id });
        await this.audit(tx, legal, 'agent.created', agent!.id, meta, { account: input.account, name: input.name });
        return { id: agent!.id };
      });
    } catch (err) {
      const constraint = uniqueViolation(err);
      // the same person added twice at once: the second insert meets the first under the index
      if (constraint?.includes('users_agent_id_card_per_unit_uq')) throw sameIdCard(null);
      if (constraint) throw invalid([{ path: 'account', message: '该账号已被使用，请更换' }]);
      throw err;
    }
  }

  /** Disabling also ends the agent's sessions at once. */
  async setStatus(legal: SessionUser, agentId: string, status: 'active' | 'disabled', meta: RequestMeta): Promise<void> {
    await this.db.transaction(async (tx) => {
      const agent = await this.ownAgent(tx, legal, agentId);
      if (agent.status === status) return;
      await tx.update(users).set({ status }).where(eq(users.id, agentId));
      if (status === 'disabled') await tx.delete(sessions).where(eq(sessions.userId, agentId));
      await this.audit(tx, legal, status === 'disabled' ? 'agent.disabled' : 'agent.enabled', agentId, meta, { account: agent.account });
    });
    this.deps.sessions.forgetUser(agentId);
  }

  /** A reset password is an initial password again: the agent must change it at the next login. */
  async resetPassword(legal: SessionUser, agentId: string, newPassword: string, meta: RequestMeta): Promise<void> {
    const [row] = await this.db.select().from(users).where(and(eq(users.id, agentId), eq(users.unitId, legal.unitId!), eq(users.role, 'agent')));
    if (!row) throw new AppError(AppErrorCode.NOT_FOUND, '经办人不存在');
    const problems = passwordProblems(newPassword, {
      account: row.account,
      idCard: row.idCardEnc ? this.deps.pii.decrypt(row.idCardEnc) : null,
      phone: row.phoneEnc ? this.deps.pii.decrypt(row.phoneEnc) : null,
    });
    if (problems.length) throw invalid(problems.map((message) => ({ path: 'newPassword', message })));
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, mustChangePassword: true, passwordChangedAt: this.deps.clock() }).where(eq(users.id, agentId));
      await tx.delete(sessions).where(eq(sessions.userId, agentId));
      await this.audit(tx, legal, 'agent.password_reset', agentId, meta, { account: row.account });
    });
    this.deps.sessions.forgetUser(agentId);
  }

  /** An agent of the legal person's own unit, or 404: another unit's agents do not exist for it. */
  private async ownAgent(tx: Parameters<Parameters<typeof this.db.transaction>[0]>[0], legal: SessionUser, agentId: string) {
    const [agent] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, agentId), eq(users.unitId, legal.unitId!), eq(users.role, 'agent')))
      .for('update');
    if (!agent) throw new AppError(AppErrorCode.NOT_FOUND, '经办人不存在');
    return agent;
  }

  private audit(tx: Parameters<Parameters<typeof this.db.transaction>[0]>[0], legal: SessionUser, action: TAuditAction, agentId: string, meta: RequestMeta, detail: Record<string, unknown>) {
    return this.deps.audit.record(tx, { action, actorId: legal.id, actorAccount: legal.account, actorRole: legal.role, unitId: legal.unitId, targetType: 'user', targetId: agentId, ip: meta.ip, detail });
  }
}
