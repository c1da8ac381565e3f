import type { TRole } from '../accounts/accounts.schema';

/** The application engine's states (SPEC §4.3); every kind (applications/kinds.ts) shares them. */
export const APPLICATION_STATUSES = ['待提交', '待审核', '待补正', '审核通过', '审核不通过', '不予受理'] as const;
export type TApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_ACTIONS = ['提交', '撤回', '受理', '不予受理', '补正', '审核通过', '审核不通过'] as const;
export type TApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/**
 * What besides the state decides whether an action is open (decision 0034): whether the kind has the
 * acceptance step (行政许可法 第三十二条; kinds.ts `acceptance`) and whether the current submission was accepted (受理).
 */
export interface ActionContext {
  /** 受理 recorded for the current submission */
  accepted: boolean;
  /** the kind has the acceptance step (设立, 变更, 注销); others are decided directly */
  acceptance: boolean;
}

export interface Transition {
  from: TApplicationStatus;
  action: TApplicationAction;
  to: TApplicationStatus;
  by: readonly TRole[];
  /**
   * a condition beyond the state: `notAccepted` before 受理, `accepted` after it (a kind without the
   * acceptance step never waits for one)
   */
  requires?: 'notAccepted' | 'accepted';
  /** only for kinds with the acceptance step */
  acceptanceOnly?: boolean;
}

/**
 * The state machine as data: the server enforces it, the web asks it which buttons to show.
 *
 *   待提交 --提交--> 待审核 (未受理) --受理--> 待审核 (已受理) --审核通过--> 审核通过
 *     ^               |  |  \                             \--审核不通过--> 审核不通过 --提交--> 待审核
 *     +----撤回-------+  |   \--不予受理--> 不予受理 (final)
 *      (before 受理)     \--补正--> 待补正 --提交--> 待审核 (未受理, the same round)
 *
 * 受理 / 不予受理 / 补正 exist only for kinds with the acceptance step; a kind without it (统计, 诚信示范)
 * goes from 待审核 straight to the decision, and 撤回 stays possible until then.
 */
export const APPLICATION_TRANSITIONS: readonly Transition[] = [
  { from: '待提交', action: '提交', to: '待审核', by: ['agent'] },
  { from: '审核不通过', action: '提交', to: '待审核', by: ['agent'] },
  { from: '待补正', action: '提交', to: '待审核', by: ['agent'] },
  { from: '待审核', action: '撤回', to: '待提交', by: ['agent'], requires: 'notAccepted' },
  { from: '待审核', action: '受理', to: '待审核', by: ['reviewer'], requires: 'notAccepted', acceptanceOnly: true },
  { from: '待审核', action: '不予受理', to: '不予受理', by: ['reviewer'], requires: 'notAccepted', acceptanceOnly: true },
  { from: '待审核', action: '补正', to: '待补正', by: ['reviewer'], requires: 'notAccepted', acceptanceOnly: true },
  { from: '待审核', action: '审核通过', to: '审核通过', by: ['reviewer'], requires: 'accepted' },
  { from: '待审核', action: '审核不通过', to: '审核不通过', by: ['reviewer'], requires: 'accepted' },
];

export function findTransition(from: TApplicationStatus, action: TApplicationAction): Transition | undefined {
  return APPLICATION_TRANSITIONS.find((t) => t.from === from && t.action === action);
}

/** Why the transition is closed in this context (beyond state and role), or null when it is open. */
export function transitionBlocked(t: Transition, ctx: ActionContext): 'noAcceptanceStep' | 'accepted' | 'notAccepted' | null {
  if (t.acceptanceOnly && !ctx.acceptance) return 'noAcceptanceStep';
  if (t.requires === 'notAccepted' && ctx.accepted) return 'accepted';
  if (t.requires === 'accepted' && ctx.acceptance && !ctx.accepted) return 'notAccepted';
  return null;
}

/** 待提交, 审核不通过 and 待补正 may be edited (修改, 材料上传, 视频上传, deleting materials). */
export const EDITABLE_STATUSES: readonly TApplicationStatus[] = ['待提交', '审核不通过', '待补正'];
export const isEditable = (s: TApplicationStatus) => EDITABLE_STATUSES.includes(s);

/** Which actions a role may take on an application now. */
export function allowedActions(status: TApplicationStatus, role: TRole, ctx: ActionContext): TApplicationAction[] {
  return APPLICATION_TRANSITIONS.filter((t) => t.from === status && t.by.includes(role) && transitionBlocked(t, ctx) === null).map((t) => t.action);
}

/** A state no action leaves (审核通过, 不予受理): the application is done. */
export const isFinal = (s: TApplicationStatus) => !APPLICATION_TRANSITIONS.some((t) => t.from === s);

/** The statuses an application of a kind can reach: without the acceptance step never 待补正 or 不予受理. */
export function statusesOf(acceptance: boolean): readonly TApplicationStatus[] {
  return acceptance ? APPLICATION_STATUSES : APPLICATION_STATUSES.filter((s) => s !== '待补正' && s !== '不予受理');
}
