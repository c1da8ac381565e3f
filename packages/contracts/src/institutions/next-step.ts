import type { TApplicationStatus } from '../applications/applications.status';
import type { TInstitutionListItem } from './institutions.schema';

/** Which page a 下一步 leads to. */
export type TNextStepPage = 'establishment' | 'change' | 'cancellation' | 'view';

/** The application a row's 下一步 is about: an open 注销, else an open 变更, else the 设立. */
export interface TNextStepApplication {
  page: Exclude<TNextStepPage, 'view'>;
  applicationId: string;
  status: TApplicationStatus;
  /** 受理 recorded (decision 0034) */
  accepted: boolean;
}

/** 主页's 下一步 for one institution: what the unit should do now, or what it waits for. */
export interface TNextStep {
  text: string;
  /** todo: the unit acts; wait: the bureau acts; done: nothing is open */
  tone: 'todo' | 'wait' | 'done';
  page: TNextStepPage;
  applicationId: string | null;
}

type Row = Pick<TInstitutionListItem, 'id' | 'reviewStatus' | 'cancelStatus' | 'applicationId' | 'acceptedAt' | 'licenceId' | 'kind' | 'change' | 'cancellation'>;

const PREFIX: Record<TNextStepApplication['page'], string> = { establishment: '', change: '变更', cancellation: '注销' };

export function nextStepApplication(row: Row): TNextStepApplication | null {
  if (row.cancelStatus === '注销') return null;
  if (row.cancellation) return { page: 'cancellation', applicationId: row.cancellation.applicationId, status: row.cancellation.status, accepted: row.cancellation.accepted ?? false };
  if (row.change) return { page: 'change', applicationId: row.change.applicationId, status: row.change.status, accepted: row.change.accepted ?? false };
  if (row.applicationId && row.reviewStatus !== '审核通过') return { page: 'establishment', applicationId: row.applicationId, status: row.reviewStatus, accepted: row.acceptedAt !== null };
  return null;
}

function applicationStep(app: TNextStepApplication, problems: number | null): Pick<TNextStep, 'text' | 'tone'> {
  const what = PREFIX[app.page];
  const status: TApplicationStatus = app.status;
  switch (status) {
    case '待提交':
      return {
        tone: 'todo',
        text: problems === null ? `${what}待提交：请完善后提交` : problems > 0 ? `${what}待提交：还有${problems}处需完善` : `${what}待提交：已可提交`,
      };
    case '审核不通过':
      return { tone: 'todo', text: `${what}审核不通过：请阅读审核意见，修改后重新提交` };
    case '待补正':
      return { tone: 'todo', text: `${what}待补正：请按补正告知书修改后重新提交` };
    case '待审核':
      return { tone: 'wait', text: app.accepted ? `${what}审核中：审批部门已受理` : `${what}待审核：等待审批部门受理（受理前可撤回）` };
    case '不予受理':
      return { tone: 'done', text: `${what}不予受理：请阅读不予受理通知书，可重新申请` };
    case '审核通过':
      return { tone: 'done', text: `${what}审核通过` };
  }
}

/**
 * 下一步 of a row of the unit's institutions (主页): the open application's state and what it
 * needs, with `openProblems` (what 提交 would still report) for one the unit may edit.
 */
export function institutionNextStep(row: Row & Pick<TInstitutionListItem, 'openProblems'>): TNextStep {
  if (row.cancelStatus === '注销') return { tone: 'done', text: '已注销', page: 'view', applicationId: null };
  const app = nextStepApplication(row);
  if (app) return { ...applicationStep(app, row.openProblems), page: app.page, applicationId: app.applicationId };
  if (row.licenceId) return { tone: 'done', text: `已发证：可下载${row.kind === '备案' ? '备案凭证' : '许可证'}`, page: 'view', applicationId: null };
  return { tone: 'done', text: '审核通过', page: 'view', applicationId: null };
}
