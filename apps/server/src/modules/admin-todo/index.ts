import type { FastifyInstance } from 'fastify';
import { PASSWORD_EXPIRY_LIST_LIMIT, PASSWORD_EXPIRY_WARNING_DAYS, ZAdminTodo, type TAdminTodo } from '@jhrm/contracts';
import { zod } from '../../lib/routes';
import type { AppDeps } from '../../deps';
import { AppealsService } from '../accounts/appeals.service';
import { reviewerPasswordsExpiring } from '../accounts/password-age';
import { ImportsService } from '../imports/imports.service';

/**
 * The 管理员 主页's 待办: what waits in 账号申诉处理, whose password is about to expire, and how the
 * last 数据导入 went. A module of its own above accounts and imports (the admin module sits below
 * imports, decision 0021); it only reads, through those modules' own functions.
 */
export async function adminTodoRoutes(app: FastifyInstance, deps: AppDeps) {
  const appeals = new AppealsService(deps);
  const imports = new ImportsService(deps);
  const r = zod(app);

  r.get('/api/admin/todo', {
    // counts, staff accounts and the last batch's file name and row counts: no unit's data
    config: { access: ['admin'] },
    schema: {
      tags: ['admin'],
      summary: `管理员待办（待处理账号申诉数、${PASSWORD_EXPIRY_WARNING_DAYS}天内密码到期的审核人员、最近一次机构导入）`,
      response: { 200: ZAdminTodo },
    },
    handler: async (): Promise<TAdminTodo> => {
      const db = deps.database.db;
      const [pendingAppeals, expiringPasswords, batches] = await Promise.all([
        appeals.pendingCount(),
        reviewerPasswordsExpiring(db, deps.clock(), PASSWORD_EXPIRY_WARNING_DAYS, PASSWORD_EXPIRY_LIST_LIMIT),
        imports.listBatches(1, 1),
      ]);
      return { pendingAppeals, expiringPasswords, lastImport: batches.items[0] ?? null };
    },
  });
}
