import type { MaterialSlotDef } from '../materials/materials.schema';
import type { TChangeReason, TRecordTab } from '../institutions/record.catalogue';
import type { TReviewDecision } from '../reviews/decision.schema';
import { ACCEPTANCE_NOTICE_TITLES, ACCEPTANCE_WORKING_DAYS, type TAcceptanceDecision } from '../reviews/acceptance.schema';
import type { ActionContext } from './applications.status';
import { DECISION_WORKING_DAYS } from '../reviews/deadline';
import { STATISTICS } from '../statistics/statistics.schema';
import { PROMISE_SLOT } from '../inspections/inspections.schema';

/**
 * What an application kind is, as data (decision 0022): everything the engine, the reviewer's
 * workbench and the web need to know about a kind without switching on its name. The server adds
 * the behaviour (an adapter, apps/server/src/modules/applications/kinds.ts).
 */
export interface KindDeclaration {
  /** the kind's name, stored in `applications.type` (设立, 变更, 注销 …) */
  name: string;
  /** how its content is stored and shown: `record` (an institution record version) or the kind's own */
  contentType: string;
  /** the tabs of the record form it fills (record kinds), in order */
  sections: readonly TRecordTab[];
  /** its material slots (SPEC §4.2), in the guide's order */
  materialSlots: readonly MaterialSlotDef[];
  /** 场所视频: required, allowed (the submission rules may still ask for it) or none */
  video: 'required' | 'allowed' | 'none';
  /**
   * the decision limit in working days (条例 第十九条: 20), or null for none: from 受理 for a kind with
   * the acceptance step, from 提交 otherwise
   */
  decisionLimitDays: number | null;
  /**
   * The acceptance step of 行政许可法 第三十二条 (decision 0034): the reviewer first decides 受理, 不予受理 or
   * 补正, and decides on the merits only once accepted. The licensing kinds (设立, 变更, 注销) have it.
   */
  acceptance?: boolean;
  /** what the unit's messages call it: `人力资源服务机构设立申请` … */
  notice: { subject: string; what: string };
  /** what a reviewer's note may name: the record's fields (record kinds), its material slots, the video */
  reviewTargets: {
    recordFields: boolean;
    materials: boolean;
    /**
     * The kind's own fields a note may name (a kind whose content is not a record: 统计, 诚信示范):
     * the form path (`answers.badCreditRecord`), label, heading and the form's tab (a problem's `tab`).
     */
    fields?: readonly { key: string; label: string; section: string; tab: string }[];
  };
  /**
   * At most one open application (not yet 审核通过) of the exclusive kinds per institution: an
   * institution is changed or cancelled one application at a time, and never both at once.
   */
  exclusive?: boolean;
  /**
   * The unit may choose 告知承诺 at 提交 (人社部令第50号 第七条; decision 0043) when what it applies for
   * is a 许可: its signed 告知承诺书 replaces the slots an administrator names, and 受理 approves it.
   */
  promise?: boolean;
}

/** A declaration keeping its literal name, so the built-in names stay a type. */
const kind = <N extends string>(k: KindDeclaration & { name: N }): KindDeclaration & { name: N } => k;

/** The record the 设立 form fills, tab by tab. */
const RECORD_SECTIONS: readonly TRecordTab[] = ['basic', 'report', 'staff', 'facilities', 'integrity', 'fees'];

const SUBJECT = '人力资源服务机构';

/** The kinds the system has today. */
export const ESTABLISHMENT = kind({
  name: '设立',
  contentType: 'record',
  sections: RECORD_SECTIONS,
  materialSlots: [
    { name: '登记申请表', required: true, template: 'registrationForm' },
    { name: '诚信档案', required: true, template: 'integrityFile' },
    { name: '房产证或购房合同', required: true },
    { name: '工商营业执照', required: true },
    { name: '企业管理制度', required: true },
    { name: '企业章程', required: true },
    { name: '专职人员登记表', required: true, template: 'staffForm' },
    { name: '专职人员学历证书', required: true },
    { name: '专职人员劳动合同', required: true },
    { name: '办公场所证明', required: true },
    { name: '应公开的服务内容等', required: true },
    { name: '人力资源资格证书', required: true },
    { name: '法人身份证正反面', required: true },
    // required instead of the replaced slots when the unit chooses 告知承诺 (the submission check decides)
    { name: PROMISE_SLOT, required: false, template: 'promiseLetter' },
  ],
  video: 'required',
  decisionLimitDays: DECISION_WORKING_DAYS,
  acceptance: true,
  promise: true,
  notice: { subject: SUBJECT, what: '设立申请' },
  reviewTargets: { recordFields: true, materials: true },
});

export const CHANGE = kind({
  name: '变更',
  contentType: 'record',
  sections: RECORD_SECTIONS,
  materialSlots: [
    { name: '工商营业执照(变更)', required: false },
    { name: '人力资源服务许可证(变更)', required: false },
    { name: '许可证变更申请表(变更)', required: false },
    { name: '法人身份证正反面(变更)', required: false },
    { name: '房产证明或租赁合同和住房证明(变更)', required: false },
    { name: '租赁协议或使用证明(变更)', required: false },
    { name: '许可证补办申请表', required: false, template: 'reissueForm' },
  ],
  // only for 变更住所(地址), which the submission rules decide
  video: 'allowed',
  decisionLimitDays: DECISION_WORKING_DAYS,
  acceptance: true,
  notice: { subject: SUBJECT, what: '变更申请' },
  reviewTargets: { recordFields: true, materials: true },
  exclusive: true,
});

const CHANGED_LICENCE = ['工商营业执照(变更)', '人力资源服务许可证(变更)', '许可证变更申请表(变更)'];

/**
 * What a 变更 must carry at 提交, by 变更事由 (guide 1.3): its material slots (the declaration's own
 * are all optional) and whether a new 场所视频 is required (变更住所 only).
 */
export const CHANGE_REQUIREMENTS: Record<TChangeReason, { slots: readonly string[]; video: boolean }> = {
  变更机构名称: { slots: CHANGED_LICENCE, video: false },
  '变更住所(地址)': { slots: [...CHANGED_LICENCE, '房产证明或租赁合同和住房证明(变更)', '租赁协议或使用证明(变更)'], video: true },
  '变更法定代表人(负责人)': { slots: [...CHANGED_LICENCE, '法人身份证正反面(变更)'], video: false },
  变更经营范围: { slots: CHANGED_LICENCE, video: false },
  其他事由: { slots: ['许可证变更申请表(变更)'], video: false },
};

export const CANCELLATION = kind({
  name: '注销',
  contentType: 'record',
  sections: RECORD_SECTIONS,
  materialSlots: [
    { name: '身份证正反照', required: true },
    { name: '注销审批表', required: true, template: 'cancellationForm' },
    { name: '承诺书', required: true, template: 'cancellationUndertaking' },
    { name: '其他文件', required: false },
  ],
  video: 'none',
  decisionLimitDays: DECISION_WORKING_DAYS,
  acceptance: true,
  notice: { subject: SUBJECT, what: '注销申请' },
  reviewTargets: { recordFields: true, materials: true },
  exclusive: true,
});

/**
 * 补办 (decision 0047): a lost (遗失) or damaged (损毁) licence re-issued under the same number with a
 * 补发日期. A record kind whose record nobody edits (as 注销); what the reason asks for is
 * REISSUE_REQUIREMENTS (licences/lifecycle.ts).
 */
export const REISSUE = kind({
  name: '补办',
  contentType: 'record',
  sections: RECORD_SECTIONS,
  materialSlots: [
    { name: '许可证补办申请表', required: true, template: 'reissueForm' },
    { name: '遗失声明', required: false },
    { name: '损毁的许可证原件', required: false },
  ],
  video: 'none',
  decisionLimitDays: DECISION_WORKING_DAYS,
  acceptance: true,
  notice: { subject: '人力资源服务许可证', what: '补办申请' },
  reviewTargets: { recordFields: true, materials: true },
});

/**
 * 延续 (decision 0047): a licence with a validity renewed within its last 90 days; approval extends
 * 有效期至 by the period from the old expiry and re-issues the licence under the same number. Its
 * record is pre-filled from the record in force; the unit confirms or corrects it.
 */
export const RENEWAL = kind({
  name: '延续',
  contentType: 'record',
  sections: RECORD_SECTIONS,
  materialSlots: [{ name: '延续申请表', required: true, template: 'renewalForm' }],
  video: 'none',
  decisionLimitDays: DECISION_WORKING_DAYS,
  acceptance: true,
  notice: { subject: '人力资源服务许可证', what: '延续申请' },
  reviewTargets: { recordFields: true, materials: true },
});

/** The built-in kinds, in the order lists show them. */
export const BUILT_IN_KINDS = [ESTABLISHMENT, CHANGE, CANCELLATION] as const;

/** The built-in kinds' names (the web's lists, the dictionaries); the engine admits any declared kind. */
export const APPLICATION_TYPES = [ESTABLISHMENT.name, CHANGE.name, CANCELLATION.name] as const;
export type TApplicationType = (typeof APPLICATION_TYPES)[number];

/** Material slots per built-in kind (SPEC §4.2), in the guide's order. */
export const MATERIAL_SLOTS = Object.fromEntries(BUILT_IN_KINDS.map((k) => [k.name, k.materialSlots])) as Record<TApplicationType, readonly MaterialSlotDef[]>;

/**
 * The registry: the built-in record kinds, the kinds with content of their own that web and server
 * both know (统计), and any kind the server declares at start (or a test declares).
 */
const declared = new Map<string, KindDeclaration>([...BUILT_IN_KINDS, REISSUE, RENEWAL, STATISTICS].map((k) => [k.name, k]));

/**
 * Declares a kind (the server's registerKind calls this). A name is declared once. Returns what
 * undoes it (a test that declares a kind of its own takes it back; tests share the module).
 */
export function declareKind(kind: KindDeclaration): () => void {
  const known = declared.get(kind.name);
  if (known && known !== kind) throw new Error(`application kind ${kind.name} is already declared`);
  declared.set(kind.name, kind);
  return () => {
    if (!known && declared.get(kind.name) === kind) declared.delete(kind.name);
  };
}

/** Every declared kind, built-in first. */
export function declaredKinds(): KindDeclaration[] {
  return [...declared.values()];
}

export const isDeclaredKind = (name: string): boolean => declared.has(name);

/** The declaration of a kind; an undeclared name is a programming error. */
export function kindDeclaration(name: string): KindDeclaration {
  const kind = declared.get(name);
  if (!kind) throw new Error(`undeclared application kind ${name}`);
  return kind;
}

/** Whether a declared kind has the acceptance step (an undeclared name has none). */
export const hasAcceptanceStep = (type: string): boolean => declared.get(type)?.acceptance === true;

/** The context allowedActions() needs for an application: its kind's acceptance step and its 受理. */
export function actionContext(app: { type: string; acceptedAt: Date | string | null }): ActionContext {
  return { accepted: app.acceptedAt !== null, acceptance: hasAcceptanceStep(app.type) };
}

/** The declared kinds with the acceptance step (the workbench's 待受理). */
export const acceptanceKinds = (): string[] => declaredKinds().filter((k) => k.acceptance === true).map((k) => k.name);

/** The texts the unit gets when the reviewer decides on 受理 (消息中心 and SMS), naming the notice to download. */
export function acceptanceNotice(
  kind: KindDeclaration,
  d: { decision: TAcceptanceDecision; name: string; departmentName: string; decidedAt: string; noticeNumber: string; reason?: string; items: number; dueOn?: string | null },
): { title: string; body: string; sms: string } {
  const what = `${kind.notice.subject}${kind.notice.what}`;
  const notice = `《${ACCEPTANCE_NOTICE_TITLES[d.decision]}》（${d.noticeNumber}）`;
  const head = `${d.departmentName}于${d.decidedAt}`;
  switch (d.decision) {
    case '受理':
      return {
        title: `已受理：${d.name}`,
        body: `${head}受理了“${d.name}”的${kind.notice.what}，出具${notice}。${d.dueOn ? `审批部门将于${d.dueOn}前作出审核结论。` : ''}受理后不能再撤回。`,
        sms: `【吉林智慧人社】您单位“${d.name}”的${what}已受理。请登录吉林人力资源市场管理查看并下载受理通知书。`,
      };
    case '不予受理':
      return {
        title: `不予受理：${d.name}`,
        body: `${head}决定对“${d.name}”的${kind.notice.what}不予受理，出具${notice}。理由：${d.reason ?? ''}。如不服，可依法申请行政复议或者提起行政诉讼；也可重新申请。`,
        sms: `【吉林智慧人社】您单位“${d.name}”的${what}不予受理。请登录吉林人力资源市场管理查看理由并下载不予受理通知书。`,
      };
    case '补正':
      return {
        title: `需补正：${d.name}`,
        body: `${head}审查“${d.name}”的${kind.notice.what}后，一次性告知需要补正的全部内容（共${d.items}项），出具${notice}。请按补正告知书修改后重新提交。`,
        sms: `【吉林智慧人社】您单位“${d.name}”的${what}需补正材料（共${d.items}项）。请登录吉林人力资源市场管理查看补正告知书，修改后重新提交。`,
      };
  }
}

/** The texts the unit gets when one of its applications is decided (消息中心 and SMS). */
export function decisionNotice(
  kind: KindDeclaration,
  d: { decision: TReviewDecision; name: string; departmentName: string; decidedAt: string; round: number; opinion?: string; notes: number; outcome?: string },
): { title: string; body: string; sms: string } {
  const outcome = d.outcome ?? '';
  const rejected = d.decision === '审核不通过';
  return {
    title: `${d.decision}：${d.name}`,
    body:
      `${d.departmentName}于${d.decidedAt}对“${d.name}”的${kind.notice.what}（第${d.round}轮）作出审核结论：${d.decision}。` +
      (d.opinion ? `审核意见：${d.opinion}` : '') +
      (d.notes ? `${d.opinion ? '；' : ''}另有${d.notes}项具体意见已标注在相应字段或材料旁。` : '') +
      outcome +
      (rejected ? '请按意见修改后重新提交。' : ''),
    sms:
      `【吉林智慧人社】您单位“${d.name}”的${kind.notice.subject}${kind.notice.what}${rejected ? '未通过审核' : '已审核通过'}。` +
      outcome +
      `请登录吉林人力资源市场管理查看${rejected ? '审核意见并修改后重新提交' : '详情'}。`,
  };
}

/**
 * The message the reviewers of the 审批部门 get in 消息中心 when a submission of any kind arrives
 * there (each round: a resubmission after 审核不通过 arrives again).
 */
export function submissionNotice(kind: KindDeclaration, d: { name: string; round: number; corrected?: boolean }): { title: string; body: string } {
  const what = `${kind.notice.subject}${kind.notice.what}`;
  const again = d.corrected ? '（补正后重新提交）' : d.round > 1 ? `（第${d.round}轮，重新提交）` : '';
  const todo = kind.acceptance ? `请在${ACCEPTANCE_WORKING_DAYS}个工作日内作出是否受理的决定。` : '请及时审核。';
  return {
    title: `收到新的${kind.notice.what}：${d.name}`,
    body: `收到新的${what}${again}：${d.name}，${todo}`,
  };
}
