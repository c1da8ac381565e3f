import type { TRole } from '../accounts/accounts.schema';

/** The application engine's states (SPEC §4.3); every kind (applications/kinds.ts) shares them. */
export const APPLICATION_STATUSES = ['待提交', '待审核', '审核通过', '审核不通过'] as const;
export type TApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_ACTIONS = ['提交', '撤回', '审核通过', '审核不通过'] as const;
export type TApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export interface Transition {
  from: TApplicationStatus;
  action: TApplicationAction;
  to: TApplicationStatus;
  by: readonly TRole[];
  /** a condition beyond the state, checked by the service */
  requires?: 'notAccepted';
}

/**
 * The state machine as data: the server enforces it, the web asks it which buttons to show.
 *   待提交 --提交--> 待审核 --审核通过--> 审核通过
 *      ^               |  \--审核不通过--> 审核不通过 --提交--> 待审核
 *      +----撤回-------+   (撤回 only while no reviewer has opened it)
 */
export const APPLICATION_TRANSITIONS: readonly Transition[] = [
  { from: '待提交', action: '提交', to: '待审核', by: ['agent'] },
  { from: '审核不通过', action: '提交', to: '待审核', by: ['agent'] },
  { from: '待审核', action: '撤回', to: '待提交', by: ['agent'], requires: 'notAccepted' },
  { from: '待审核', action: '审核通过', to: '审核通过', by: ['reviewer'] },
  { from: '待审核', action: '审核不通过', to: '审核不通过', by: ['reviewer'] },
];

export function findTransition(from: TApplicationStatus, action: TApplicationAction): Transition | undefined {
  return APPLICATION_TRANSITIONS.find((t) => t.from === from && t.action === action);
}

/** Only 待提交 and 审核不通过 may be edited (修改, 材料上传, 视频上传, deleting materials). */
export const EDITABLE_STATUSES: readonly TApplicationStatus[] = ['待提交', '审核不通过'];
export const isEditable = (s: TApplicationStatus) => EDITABLE_STATUSES.includes(s);

/** Which actions a role may take on an application now (`accepted`: a reviewer has opened it). */
export function allowedActions(status: TApplicationStatus, role: TRole, accepted: boolean): TApplicationAction[] {
  return APPLICATION_TRANSITIONS.filter((t) => t.from === status && t.by.includes(role) && !(t.requires === 'notAccepted' && accepted)).map((t) => t.action);
}

/** A state no action leaves (审核通过): the application is done. */
export const isFinal = (s: TApplicationStatus) => !APPLICATION_TRANSITIONS.some((t) => t.from === s);
