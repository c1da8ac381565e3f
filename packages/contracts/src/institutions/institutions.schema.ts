import { z } from 'zod';
import { REVIEW_STATUSES, CANCEL_STATUSES } from './institutions.status';

/** One row of the unit's institution list (主页 and 人力资源服务机构查询). */
export const ZInstitutionListItem = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  uscc: z.string(),
  licensed: z.boolean(),
  reviewStatus: z.enum(REVIEW_STATUSES),
  cancelStatus: z.enum(CANCEL_STATUSES),
});
export type TInstitutionListItem = z.infer<typeof ZInstitutionListItem>;
