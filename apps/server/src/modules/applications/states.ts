import { APPLICATION_TRANSITIONS, type TApplicationAction, type TApplicationStatus } from '@jhrm/contracts';

/** The state `action` leads to (the table gives every action one target; 受理 stays in 待审核). */
export function stateAfter(action: TApplicationAction): TApplicationStatus {
  return APPLICATION_TRANSITIONS.find((t) => t.action === action)!.to;
}

/** States named by the action that leads to them, for the queries and reads that filter on them. */
export const DRAFT = stateAfter('撤回');
export const AWAITING_DECISION = stateAfter('提交');
export const APPROVED = stateAfter('审核通过');
export const CORRECTION = stateAfter('补正');
export const NOT_ACCEPTED = stateAfter('不予受理');
