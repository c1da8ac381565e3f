import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 15;

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1, '页码必须大于 0').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, '每页最多 100 条').default(DEFAULT_PAGE_SIZE),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

export function ZPage<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export type TPage<T> = { items: T[]; total: number; page: number; pageSize: number };

export const ZOk = z.object({ ok: z.literal(true) });
