import { applicationKind, type TBusinessScope } from '@jhrm/contracts';

export interface KindDescription {
  /** null while no 申请业务 is chosen: the kind cannot be told yet. */
  kind: '许可' | '备案' | null;
  /** Why, in the words of 《人力资源市场暂行条例》第十八条. */
  reason: string;
  /** The whole header text, e.g. 申请类型：许可（因申请业务含 职业介绍，…）. */
  text: string;
}

const REGULATION = '《人力资源市场暂行条例》第十八条';

/**
 * 申请类型 derived from the chosen 申请业务 (the same rule the server applies): any 职业中介活动
 * needs a 许可, every other service is filed (备案).
 */
export function describeKind(scopes: readonly TBusinessScope[] | null | undefined): KindDescription {
  const chosen = scopes ?? [];
  if (chosen.length === 0) {
    const reason = '请先选择申请业务，系统将据此判断须申请许可还是备案';
    return { kind: null, reason, text: `申请类型：待定（${reason}）` };
  }
  const { kind, because } = applicationKind(chosen);
  const reason =
    kind === '许可'
      ? `因申请业务含 ${because.join('、')}，属职业中介活动，依${REGULATION}须取得许可`
      : `申请业务均不属职业中介活动，依${REGULATION}应自开展业务之日起15日内备案`;
  return { kind, reason, text: `申请类型：${kind}（${reason}）` };
}
