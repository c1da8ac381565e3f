/**
 * 导出 of a list's filtered rows (every page, not the current one): the cap, the note past it,
 * the file's name, and the column titles of lists whose titles the web and the export share.
 */
export const LIST_EXPORT_MAX_ROWS = 50_000;

export const listExportCapNote = (cap: number) => `仅导出前 ${cap} 条，其余未导出；请缩小查询条件后分批导出`;

/** `人力资源服务机构_20261206-0930.xlsx`, Beijing time. */
export function listExportFileName(list: string, now: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
      .formatToParts(now)
      .map((x) => [x.type, x.value]),
  );
  return `${list}_${p.year}${p.month}${p.day}-${p.hour}${p.minute}.xlsx`;
}

/** 人力资源服务机构查询's 人力资源服务机构基本情况: the column titles (操作 aside), table and file alike. */
export const INSTITUTION_LIST_TITLES = {
  name: '机构名称(全称)',
  shortName: '机构名称(简称)',
  licensed: '是否发证',
  reviewStatus: '审核状态',
  cancelStatus: '注销状态',
  kind: '申请类型',
} as const;

/** 审核管理's 待审核 / 已审核 list: the column titles (操作 aside), table and file alike. */
export const REVIEW_INBOX_TITLES = {
  type: '业务类型',
  institutionName: '机构名称',
  uscc: '统一社会信用代码',
  kind: '申请类型',
  round: '轮次',
  submittedAt: '提交时间',
  // 待审核
  acceptedAt: '受理',
  dueOn: '办理期限',
  daysLeft: '剩余工作日',
  // 已审核
  decision: '审核结果',
  decidedAt: '审核时间',
  status: '当前状态',
} as const;

/** 审计日志: the column titles (详情 aside), table and file alike. */
export const AUDIT_LOG_TITLES = {
  at: '时间',
  action: '操作',
  actor: '操作人',
  target: '对象',
  unit: '单位',
  ip: 'IP 地址',
} as const;

/** 人力资源服务机构公示查询: the column titles, table and file alike. */
export const REGISTER_TITLES = {
  name: '机构名称',
  uscc: '统一社会信用代码',
  legalRep: '法定代表人(负责人)',
  licence: '许可证/备案凭证编号',
  kind: '类型',
  scopes: '服务范围',
  departmentName: '审批部门',
  status: '状态',
  creditYears: '诚信示范',
  creditLevel: '信用等级',
} as const;

/** An account's 状态 as the account lists show it (经办人管理, 审核人员管理), table and file alike. */
export const ACCOUNT_STATUS_TEXT = { active: '正常', disabled: '已停用' } as const;

/** 经办人管理: the column titles (操作 aside), table and file alike. */
export const AGENT_LIST_TITLES = {
  name: '姓名',
  account: '账号',
  idCard: '身份证号',
  phone: '手机号码',
  status: '状态',
  mustChangePassword: '首次登录改密',
  createdAt: '创建时间',
} as const;

/** 审核人员管理: the column titles (操作 aside), table and file alike. */
export const REVIEWER_LIST_TITLES = {
  name: '姓名',
  account: '账号',
  phone: '手机号码',
  department: '审批部门',
  status: '状态',
  mustChangePassword: '须修改密码',
  passwordChangedAt: '密码修改时间',
  createdAt: '创建时间',
} as const;

/** 审核人员管理's 审批部门 in words: the department, marked when it is deactivated; 未分配 without one. */
export function reviewerDepartmentText(department: { name: string; active: boolean } | null): string {
  if (!department) return '未分配';
  return department.active ? department.name : `${department.name}（部门已停用）`;
}
