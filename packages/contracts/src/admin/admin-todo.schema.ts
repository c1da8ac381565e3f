import { z } from 'zod';
import { ZImportBatch } from '../imports/imports.schema';

/** The 管理员 主页 names the staff passwords that expire (STAFF_PASSWORD_MAX_AGE_DAYS) within this many days. */
export const PASSWORD_EXPIRY_WARNING_DAYS = 14;
/** At most this many of them are named; the total says how many there are. */
export const PASSWORD_EXPIRY_LIST_LIMIT = 10;

/** GET /api/admin/todo: the 管理员 主页's 待办. */
export const ZAdminTodo = z.object({
  /** 账号申诉 still 待处理 */
  pendingAppeals: z.number().int(),
  /** active 审核人员 whose password expires within PASSWORD_EXPIRY_WARNING_DAYS days (or has expired), soonest first */
  expiringPasswords: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.string(),
        account: z.string(),
        name: z.string(),
        departmentName: z.string().nullable(),
        /** the Beijing day the password stops working (YYYY-MM-DD) */
        expiresOn: z.string(),
        expired: z.boolean(),
      }),
    ),
  }),
  /** the latest 数据导入 batch (imports are all or nothing: only a successful one is recorded) */
  lastImport: ZImportBatch.nullable(),
});
export type TAdminTodo = z.infer<typeof ZAdminTodo>;
