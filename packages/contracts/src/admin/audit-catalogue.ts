import { ROLE_LABELS } from '../accounts/accounts.schema';
import { DEPARTMENT_LEVEL_LABELS } from './admin.schema';

/**
 * 审计日志's one catalogue: the Chinese name of every action the server records, the object types
 * an entry may name, and the labels of the detail keys the entries carry. The server's audit writer
 * takes `TAuditAction`, so a new code without a name here fails type-checking, and
 * apps/server/src/modules/audit/audit-actions.test.ts scans the server sources for codes this
 * catalogue misses. Keep names of codes no longer written: old entries still show them.
 */
export const AUDIT_ACTION_NAMES = {
  // accounts and sign-in
  'account.seeded': '初始化账号',
  'account.registered': '法人注册',
  'account.password_changed': '修改密码',
  'account.password_expired': '密码超期须修改',
  'account.password_reset_by_appeal': '申诉处理：重置法人密码',
  'account.phone_changed_by_appeal': '申诉处理：更换法人手机号',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.login_failed': '登录失败',
  'auth.account_locked': '账号锁定',
  'auth.session_ended': '结束会话',
  'auth.qr_confirmed': '扫码登录确认',
  'auth.qr_cancelled': '扫码登录取消',
  'sms.code_sent': '发送短信验证码',
  'agent.created': '新增经办人',
  'agent.disabled': '停用经办人',
  'agent.enabled': '启用经办人',
  'agent.password_reset': '重置经办人密码',
  'appeal.filed': '提交账号申诉',
  'appeal.handled': '处理账号申诉',
  // applications
  'application.created': '新建申请',
  'application.saved': '保存申请',
  'application.cleared': '清空申请',
  'application.submitted': '提交申请',
  'application.withdrawn': '撤回申请',
  'application.accepted': '受理申请',
  'application.not_accepted': '不予受理',
  'application.correction_requested': '告知补正',
  'application.approved': '审核通过',
  'application.rejected': '审核不通过',
  'material.uploaded': '上传材料',
  'material.deleted': '删除材料',
  'video.uploaded': '上传场所视频',
  'video.deleted': '删除场所视频',
  // 告知承诺 核查 (decision 0043)
  'inspection.created': '生成核查任务',
  'inspection.verified': '核查属实',
  'inspection.rectification_ordered': '限期整改（核查不属实或抽查责令整改）',
  // 双随机抽查 (decision 0049)
  'inspection.passed': '抽查合格',
  'inspection.case_opened': '抽查立案',
  'spot_check.drawn': '创建抽查计划并随机抽取',
  'spot_check.viewed': '查看抽查计划',
  'inspection.rectified': '整改完成',
  'inspection.revoked': '撤销许可',
  'inspection.photo_uploaded': '上传核查照片',
  'inspection.viewed': '查看核查任务',
  'practitioner.created': '新增从业人员',
  'practitioner.updated': '修改从业人员',
  'practitioner.deleted': '删除从业人员',
  'practitioner.imported': '批量导入从业人员',
  // 系统管理
  'department.created': '新增审批部门',
  'department.renamed': '修改审批部门名称',
  'department.deactivated': '停用审批部门',
  'department.activated': '启用审批部门',
  'reviewer.created': '新增审核人员',
  'reviewer.disabled': '停用审核人员',
  'reviewer.enabled': '启用审核人员',
  'reviewer.password_reset': '重置审核人员密码',
  'reviewer.department_changed': '调整审核人员部门',
  'setting.updated': '修改系统设置',
  'calendar.day.added': '添加节假日/调休上班日',
  'calendar.day.updated': '修改节假日/调休上班日',
  'calendar.day.removed': '删除节假日/调休上班日',
  'import.completed': '导入存量机构',
  'upload.infected': '拒收未通过安全检查的文件',
  'statistics.urged': '一键催报业务基本情况',
  // staff reads of a unit's data (SPEC §9)
  'application.viewed': '查看申请',
  'material.listed': '查看材料列表',
  'material.downloaded': '查看/下载材料',
  'video.listed': '查看视频列表',
  'video.played': '播放视频',
  'template.generated': '生成登记表/模板',
  'licence.downloaded': '下载许可证',
  'acceptance.notice.downloaded': '下载受理/不予受理通知书或补正告知书',
  'review.listed': '查询审核列表',
  'appeal.listed': '查看账号申诉',
  'appeal.attachment.downloaded': '下载申诉附件',
  'audit.searched': '查询审计日志',
  'statistics.analysis.viewed': '查看统计分析',
  'statistics.missing.listed': '查看未报送机构',
  'statistics.exported': '导出统计分析',
  // 导出 of a list's filtered rows
  'institution.list.exported': '导出人力资源服务机构查询',
  'review.list.exported': '导出审核列表',
  'audit.exported': '导出审计日志',
  'register.exported': '导出公示查询',
  'agent.list.exported': '导出经办人列表',
  'reviewer.list.exported': '导出审核人员列表',
} as const satisfies Record<string, string>;

/** A code the server records; the audit writer's `action`. */
export type TAuditAction = keyof typeof AUDIT_ACTION_NAMES;

export function isAuditAction(code: string): code is TAuditAction {
  return Object.hasOwn(AUDIT_ACTION_NAMES, code);
}

/** 查看申请; a code no longer (or not yet) catalogued as it is. */
export function auditActionName(code: string): string {
  return isAuditAction(code) ? AUDIT_ACTION_NAMES[code] : code;
}

/** The kinds of object an entry names (`target_type`), for 对象 and its filter. */
export const AUDIT_TARGET_TYPES: Record<string, string> = {
  user: '账号',
  unit: '单位',
  institution: '机构',
  application: '申请',
  appeal: '账号申诉',
  licence: '许可证',
  department: '审批部门',
  setting: '系统设置',
  practitioner: '从业人员',
  import_batch: '导入批次',
  qr_login: '扫码登录',
  calendar_day: '节假日设置',
  inspection: '核查任务',
  spot_check_plan: '抽查计划',
};

/** 申请 / 账号 …; an unknown type as recorded. */
export function auditTargetTypeLabel(type: string | null): string {
  return type ? (AUDIT_TARGET_TYPES[type] ?? type) : '';
}

/** 对象 as a reader says it (the list and its 导出): its kind and name, the id when the server could not name it. */
export function auditObjectText(e: { targetType: string | null; targetId: string | null; objectName: string | null }): string {
  if (!e.targetType) return '';
  return `${auditTargetTypeLabel(e.targetType)}：${e.objectName ?? e.targetId ?? ''}`;
}

/** 操作人 as the list says it: the account and its role, or 系统 / 未登录. */
export function auditActorText(e: { actorAccount: string | null; actorRole: string | null }): string {
  if (!e.actorAccount) return '系统 / 未登录';
  const role = e.actorRole && Object.hasOwn(ROLE_LABELS, e.actorRole) ? ROLE_LABELS[e.actorRole as keyof typeof ROLE_LABELS] : (e.actorRole ?? '');
  return `${e.actorAccount}（${role}）`;
}

/**
 * 详情: the Chinese label of each key the entries' details carry (a staff read's `query` holds the
 * list's own filter names, labelled here too where they recur). Keys not listed show as they are.
 */
export const AUDIT_DETAIL_LABELS: Record<string, string> = {
  account: '账号',
  action: '处理方式',
  appealId: '申诉编号',
  attachments: '附件数',
  awardedOn: '列入日期',
  changed: '修改的项目',
  claimedUnit: '认领已有单位',
  code: '部门代码',
  corrected: '补正后重新提交',
  date: '日期',
  department: '审批部门',
  durationSeconds: '时长（秒）',
  failures: '连续失败次数',
  fileId: '文件编号',
  fileName: '文件名',
  format: '文件格式',
  from: '修改前',
  handle: '会话',
  institution: '机构',
  institutionId: '机构编号',
  institutions: '机构数',
  items: '补正项目',
  noticeNumber: '文书编号',
  dueOn: '办理期限',
  key: '设置项',
  kind: '类型',
  legalType: '法人类型',
  level: '级别',
  licenceId: '证书记录编号',
  licenceNumber: '证书编号',
  licences: '证书数',
  maxAgeDays: '密码有效期（天）',
  method: '登录方式',
  mime: '文件类型',
  name: '名称',
  notes: '批注',
  number: '证书编号',
  opinion: '审核意见',
  parentCode: '上级部门代码',
  passwordChangedAt: '上次修改密码时间',
  phone: '手机号码',
  previousName: '原单位名称',
  purpose: '用途',
  query: '查询条件',
  reason: '原因',
  role: '角色',
  round: '审核轮次',
  rows: '行数',
  sections: '保存的栏目',
  serviceYear: '服务年度',
  sha256: 'SHA-256',
  signature: '病毒特征',
  size: '文件大小（字节）',
  slot: '材料名称',
  to: '修改后',
  type: '申请类型',
  unitName: '单位名称',
  unitsCreated: '新建单位数',
  until: '锁定至',
  uscc: '统一社会信用代码',
  year: '年度',
  // common filter names inside `query`
  page: '页码',
  pageSize: '每页条数',
  status: '状态',
  tab: '列表',
  keyword: '关键词',
  actorAccount: '操作人账号',
  unitUscc: '单位统一社会信用代码',
  targetType: '对象类型',
  targetId: '对象编号',
};

/** Stored detail values that are codes themselves, by key (登录失败's reason, 登录's method …), named from their catalogues. */
export const AUDIT_DETAIL_VALUES: Record<string, Record<string, string>> = {
  reason: { wrong_password: '密码错误', unknown_account: '账号不存在', disabled: '账号已停用', locked: '账号已锁定' },
  method: { password: '账号密码', qr: '扫码' },
  purpose: { register: '法人注册', appeal: '账号申诉' },
  format: { xlsx: 'XLSX', csv: 'CSV' },
  role: ROLE_LABELS,
  level: DEPARTMENT_LEVEL_LABELS,
};
