import { AUDIT_DETAIL_LABELS, AUDIT_DETAIL_VALUES, auditActionName, type TAuditVerifyResult } from '@jhrm/contracts';

/** The query the audit list sends (all optional; empty ones are left out). */
export interface AuditFilters {
  from?: string;
  to?: string;
  action?: string;
  actorAccount?: string;
  unitUscc?: string;
  targetType?: string;
  targetId?: string;
}

/** What the filter form holds: the date range as anything with format(), e.g. dayjs. */
export interface AuditFilterValues {
  range?: [{ format(f: string): string } | null, { format(f: string): string } | null] | null;
  action?: string;
  actorAccount?: string;
  unitUscc?: string;
  targetType?: string;
  targetId?: string;
}

export function toAuditFilters(v: AuditFilterValues): AuditFilters {
  const out: AuditFilters = {};
  const [from, to] = v.range ?? [null, null];
  if (from) out.from = from.format('YYYY-MM-DD');
  if (to) out.to = to.format('YYYY-MM-DD');
  for (const key of ['action', 'actorAccount', 'targetType', 'targetId'] as const) {
    const s = v[key]?.trim();
    if (s) out[key] = s;
  }
  const uscc = v.unitUscc?.trim().toUpperCase();
  if (uscc) out.unitUscc = uscc;
  return out;
}

/** 登录 (auth.login); unknown actions as recorded. */
export function actionLabel(action: string): string {
  return auditActionName(action);
}

/**
 * The filter's options: each recorded action by its Chinese name, sorted by it; `code` lets one
 * search by the code too (the select filters on both).
 */
export function actionOptions(actions: readonly string[]): { value: string; label: string; code: string }[] {
  return actions.map((a) => ({ value: a, label: auditActionName(a), code: a })).sort((x, y) => x.label.localeCompare(y.label, 'zh-CN'));
}

/** The select's search: the Chinese name or the code. */
export function matchesAction(input: string, option?: { label?: unknown; code?: unknown }): boolean {
  const q = input.trim().toLowerCase();
  return [option?.label, option?.code].some((v) => typeof v === 'string' && v.toLowerCase().includes(q));
}

/** 对象 and its kind: one wording for the list and its 导出 (contracts). */
export { auditTargetTypeLabel as targetTypeLabel, auditObjectText as objectText } from '@jhrm/contracts';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** One detail value as text: codes by their names, times in Beijing time, lists joined, objects as labelled pairs. */
export function detailValue(key: string, value: unknown, formatTime: (iso: string) => string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return AUDIT_DETAIL_VALUES[key]?.[value] ?? (ISO_TIME.test(value) ? formatTime(value) : value);
  if (Array.isArray(value)) return value.length ? value.map((v) => detailValue(key, v, formatTime)).join('、') : '—';
  if (typeof value === 'object') {
    const pairs = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${detailLabel(k)}：${detailValue(k, v, formatTime)}`);
    return pairs.length ? pairs.join('；') : '—';
  }
  return String(value);
}

/** 原因 (reason); a key without a label as it is. */
export function detailLabel(key: string): string {
  return AUDIT_DETAIL_LABELS[key] ?? key;
}

/** 详情 as labelled fields, in the order stored. */
export function detailFields(detail: Record<string, unknown>, formatTime: (iso: string) => string): { key: string; label: string; value: string }[] {
  return Object.entries(detail).map(([key, value]) => ({ key, label: detailLabel(key), value: detailValue(key, value, formatTime) }));
}

export interface VerifyMessage {
  type: 'success' | 'error';
  title: string;
  description: string;
}

/** 日志链完整（共N条） or 第N条记录被篡改, with the detail an investigation needs. */
export function verifyMessage(r: TAuditVerifyResult, formatTime: (iso: string) => string): VerifyMessage {
  const took = r.durationMs < 1000 ? `${r.durationMs} 毫秒` : `${(r.durationMs / 1000).toFixed(1)} 秒`;
  const when = `校验时间 ${formatTime(r.checkedAt)}，用时 ${took}`;
  const anchor = r.lastCheckpoint
    ? `最近的检查点 ${formatTime(r.lastCheckpoint.at)} 锚定记录编号 ${r.lastCheckpoint.seq}，其后 ${r.unanchored} 条记录尚待下一个检查点。`
    : '尚无检查点。';
  if (r.ok) return { type: 'success', title: `日志链完整（共${r.count}条）`, description: `每条记录的内容与哈希一致，且前后相连；检查点记录的末尾记录都在。${anchor}${when}。` };
  const titles: Record<NonNullable<TAuditVerifyResult['problem']>, string> = {
    tampered: `第${r.brokenPosition}条记录被篡改`,
    removed: `第${r.brokenPosition}条记录之前的日志链断开`,
    truncated: '日志末尾的记录被删除',
    checkpoint: '检查点的签名不正确',
  };
  return {
    type: 'error',
    title: r.problem ? titles[r.problem] : '校验失败',
    description: `记录编号 ${r.brokenAt}：${r.reason ?? '校验失败'}。哈希链上 ${r.count} 条记录校验通过。${when}。`,
  };
}
