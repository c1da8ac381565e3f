import { AUDIT_ACTION_LABELS, type TAuditVerifyResult } from '@jhrm/contracts';

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
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** The filter's options: each recorded action by its Chinese name, the code kept for searching. */
export function actionOptions(actions: readonly string[]): { value: string; label: string }[] {
  return actions.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] ? `${AUDIT_ACTION_LABELS[a]}（${a}）` : a }));
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
