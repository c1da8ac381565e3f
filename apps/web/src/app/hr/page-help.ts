import { ACCEPTANCE_WORKING_DAYS, DECISION_WORKING_DAYS, RENEWAL_WINDOW_DAYS, REVIEW_TODO_DUE_SOON_DAYS, type TRole } from '@jhrm/contracts';
import {
  CANCELLATION_LIST_PATH,
  CHANGE_LIST_PATH,
  ESTABLISHMENT_PATH,
  INSTITUTION_QUERY_PATH,
  REISSUE_EDIT_PATTERN,
  REISSUE_NEW_PATH,
  RENEWAL_EDIT_PATTERN,
  RENEWAL_NEW_PATH,
} from '../../features/institutions/paths';
import {
  ADMIN_APPEALS_PATH,
  ADMIN_AUDIT_PATH,
  ADMIN_CALENDAR_PATH,
  ADMIN_DEPARTMENTS_PATH,
  ADMIN_DICTIONARIES_PATH,
  ADMIN_IMPORTS_PATH,
  ADMIN_REVIEWERS_PATH,
  ADMIN_SETTINGS_PATH,
} from '../../features/admin/paths';
import { INSPECTION_DETAIL_PATTERN, INSPECTIONS_PATH, REVIEW_DETAIL_PATTERN, REVIEWS_DONE_PATH, REVIEWS_PENDING_PATH, SPOT_CHECK_DETAIL_PATTERN, SPOT_CHECKS_PATH } from '../../features/reviews/paths';
import { MESSAGES_PATH } from '../../features/notifications/paths';
import { PRACTITIONERS_PATH } from '../../features/practitioners/paths';
import { CREDIT_NEW_PATH, CREDIT_QUERY_PATH } from '../../features/credit/paths';
import { STATISTICS_ENTRY_PATH, STATISTICS_QUERY_PATH } from '../../features/statistics/paths';
import { STATISTICS_ANALYSIS_PATH } from '../../features/statistics-analysis/paths';
import { ACCOUNT_SETTINGS_PATH, AGENTS_PATH, findRoute, HR_BASE, HR_ROUTES, selectedMenuKeys, type HrMenuItem } from './hr-routes';

/**
 * 操作说明: a few steps per page of the business system, in the words of its own buttons and
 * fields, and the two answers of the 操作指南's FAQ where they apply. Keyed by the route paths the
 * menu uses (the page titles come from the route table); the unit test checks that every page of
 * every role's menu has an entry.
 */

/** A question of the 操作指南's FAQ and its answer (adapted where this system differs). */
export interface Faq {
  question: string;
  answer: string;
}

export const FAQS = {
  /** 操作指南 FAQ 1: saving a 变更 fails. */
  changeSaveFails: {
    question: '当做人力资源服务机构变更时保存失败怎么办？',
    answer:
      '有可能该人力资源服务机构信息为导入数据，有些项不全导致。本系统在该机构的“查看”页面列出“办理变更时需补充”的各项信息，' +
      '保存未成功时页面上方也会列出需要修改的各项（点击可前往该项）；按提示补全后仍无法保存的，请联系审批部门。',
  },
  /** 操作指南 FAQ 2: an institution that does not show. */
  institutionNotVisible: {
    question: '为什么已做完人力资源服务机构设立审批看不到信息？',
    answer:
      '有可能所登录账号的单位名称和统一社会信用代码和导入的人力资源服务机构不一致导致的，所以需要二者保持一致才能看到。' +
      '本系统按统一社会信用代码归属机构：代码一致即可看到；单位名称与机构名称不一致时，页面上方会提示“单位名称与机构名称不一致”。',
  },
} as const satisfies Record<string, Faq>;
export type FaqKey = keyof typeof FAQS;

/** What the 操作说明 of one page says. */
export interface PageHelp {
  /** 2–5 short steps, in the page's own labels */
  steps: readonly string[];
  faqs?: readonly FaqKey[];
}

/** A page whose 操作说明 differs by role (主页). */
interface ByRole {
  byRole: Partial<Record<TRole, PageHelp>>;
}

const WITHDRAW = '提交后、审批部门受理前可以“撤回”后修改；审批部门受理后不能撤回。';
const DEADLINE = `审批部门${ACCEPTANCE_WORKING_DAYS}个工作日内决定是否受理，受理后${DECISION_WORKING_DAYS}个工作日内作出审核结论，均发到“消息中心”并短信通知。`;
const REJECTED = '“审核不通过”按审核意见和各项旁的单项意见修改，“待补正”按补正告知书列明的内容修改，然后重新提交。';

const UNIT_INSTITUTIONS = '“本单位人力资源服务机构”列出本单位的机构及其审核状态、是否发证和注销状态；“下一步”说明每个机构现在该做什么（例如待提交的申请还有几处需完善），点击进入对应页面。';

/** 许可证延续申请, new and saved (opened from the institution's 查看, off the menu). */
const RENEWAL_HELP: PageHelp = {
  steps: [
    `在机构“查看”页的许可证一栏点击“许可证延续”（已保存的申请也从这里继续办理）；有效期届满前${RENEWAL_WINDOW_DAYS}日内才能申请，过期后不能再申请延续。`,
    '核对各页签中按现行机构信息预填的内容，有变化的如实更正，点击“保存”。',
    '点击“附件材料”，下载“人力资源服务许可证延续申请表”，签字盖章后上传到“延续申请表”；再点击“提交”，选择审批部门并确定。',
    `${WITHDRAW}${DEADLINE}`,
    '审核通过后许可证编号不变，有效期自原有效期至起顺延；在机构“查看”页下载新的许可证。',
  ],
};

/** 许可证补办申请, new and saved (opened from the institution's 查看, off the menu). */
const REISSUE_HELP: PageHelp = {
  steps: [
    '在机构“查看”页的许可证一栏点击“许可证补办”（已保存的申请也从这里继续办理）；许可证在有效期内才能补办。',
    '选择审批部门和补办原因（遗失或损毁），填写情况说明，点击“保存”。',
    '点击“附件材料”，上传签字盖章的许可证补办申请表；遗失的上传遗失声明，损毁的上传损毁的许可证原件；再点击“提交”。',
    `${WITHDRAW}${DEADLINE}`,
    '审核通过后许可证编号不变，注明补发日期；原证书扫码核验显示“已补发”，请在机构“查看”页下载补发的许可证。',
  ],
};

/** The catalogue, by menu path (and the working pages off the menu: the review page, 许可证延续申请). */
export const PAGE_HELP: Readonly<Record<string, PageHelp | ByRole>> = {
  [HR_BASE]: {
    byRole: {
      agent: {
        steps: [
          '核对“单位信息”中的单位名称和统一社会信用代码。',
          UNIT_INSTITUTIONS,
          '从左侧菜单办理业务：人力资源服务机构管理（查询、设立审批、变更、注销、从业人员信息补录）、人力资源市场统计、人力资源诚信体系管理。',
          '审核结论发到“消息中心”，同时短信通知。',
        ],
        faqs: ['institutionNotVisible'],
      },
      legal: {
        steps: [
          '法人账号用于管理经办人；办理业务请使用经办人账号登录。',
          '点击“新增经办人”，填写姓名、身份证号、手机号码、账号和初始密码；经办人首次登录时须修改初始密码。',
          UNIT_INSTITUTIONS,
        ],
        faqs: ['institutionNotVisible'],
      },
      reviewer: {
        steps: [
          `“待办”显示本部门的待审核、${REVIEW_TODO_DUE_SOON_DAYS}个工作日内到期和已超期的申请，点击数字进入已按剩余工作日筛选的“待审核”。`,
          '“部门信息”显示所属审批部门；只能审核提交到本部门的申请。',
          '每件提交到本部门的申请也会发到“消息中心”。',
        ],
      },
      admin: {
        steps: [
          '“待办”显示待处理账号申诉、密码即将到期的审核人员和最近一次机构导入，点击可前往处理。',
          '从左侧菜单“系统管理”维护审批部门、审核人员、系统设置、节假日、数据导入和账号申诉。',
        ],
      },
    },
  },
  [MESSAGES_PATH]: {
    steps: [
      '选择“全部消息”或“未读消息”。',
      '点击行首的展开按钮查看消息全文；点击标题或“前往查看”打开相关业务。',
      '点击“全部标为已读”清除未读提示。',
    ],
  },
  [INSTITUTION_QUERY_PATH]: {
    steps: [
      '填写查询条件（如机构名称、统一社会信用代码、审核状态），点击“查询”；“清空”恢复默认条件，“导出”下载当前结果（Excel）。',
      '在“操作”列中：“查看”显示机构全部信息；待提交或审核不通过的申请可“修改”“提交”“材料上传”“视频上传”。',
      `待审核的申请可“撤回”，撤回后可继续修改并重新提交；审批部门受理后不能撤回。${DEADLINE}`,
      '审核通过后可“许可证下载”或“备案凭证下载”。法人账号只能查看和下载，办理业务请使用经办人账号。',
    ],
    faqs: ['institutionNotVisible'],
  },
  [ESTABLISHMENT_PATH]: {
    steps: [
      '依次填写机构基本信息、申请报告、专职工作人员等各项，点击“保存”；“下一项”进入下一项，“清空”清除本页已填写的内容（附件材料不受影响）。',
      '保存后点击“附件材料”上传材料、点击“视频材料”上传场所视频；“登记预览”可查看并打印登记申请表。',
      '点击“提交”，选择审批部门后确定提交；未填完整的各项会列出，点击即可前往修改。',
      `${WITHDRAW}${DEADLINE}`,
      REJECTED,
    ],
  },
  [CHANGE_LIST_PATH]: {
    steps: [
      '查询到要变更的机构，在“操作”列点击“变更”；已有未完成的变更申请的，点击“变更”“材料上传”“视频上传”继续办理。',
      '在“机构变更申请”中选择变更事由（只有该事由涉及的信息可以修改）并填写工商变更登记日期，修改后点击“保存”。',
      '变更名称、住所、法定代表人的，应自工商变更登记之日起15日内报告；变更住所(地址)须上传新的场所视频。',
      `上传“附件材料”后点击“变更”，选择审批部门并确定提交。${WITHDRAW}`,
    ],
    faqs: ['changeSaveFails'],
  },
  [REISSUE_NEW_PATH]: REISSUE_HELP,
  [REISSUE_EDIT_PATTERN]: REISSUE_HELP,
  [RENEWAL_NEW_PATH]: RENEWAL_HELP,
  [RENEWAL_EDIT_PATTERN]: RENEWAL_HELP,
  [CANCELLATION_LIST_PATH]: {
    steps: [
      '查询到要注销的机构，在“操作”列点击“注销”；已有未提交的注销申请的，点击“注销”“材料上传”继续办理。',
      '在“机构注销申请”中选择审批部门，填写注销原因、选择注销类别，点击“保存”。',
      '点击“附件材料”上传身份证正反照、注销审批表和承诺书，再点击“注销”提交。',
      `${WITHDRAW}${DEADLINE}`,
    ],
  },
  [PRACTITIONERS_PATH]: {
    steps: [
      '按机构名称“查询”审核通过的人力资源服务机构，在该机构一行点击“从业人员信息”。',
      '点击“新增”逐人填写，或点击“批量导入”：下载导入模板，填好后“选择文件并校验”，全部可导入后点击“确认导入”。',
      '在人员一行点击“变更”修改信息、点击“删除”删除（删除后不可恢复）；性别和出生日期根据身份证号自动生成。',
    ],
  },
  [STATISTICS_ENTRY_PATH]: {
    steps: [
      '选择填报机构（本单位审核通过的服务机构），机构信息自动带出；每个机构每个服务年度只能新增一次。',
      '填写业务基本情况各项，点击“保存”；“清空”清除本页已填写的内容。',
      `点击“提交”，选择审批部门后确定提交。${WITHDRAW}`,
      REJECTED,
    ],
  },
  [STATISTICS_QUERY_PATH]: {
    steps: [
      '按服务年度、填表日期、审批状态等条件点击“查询”；“清空”恢复默认条件。',
      '点击“查看”查看已填报的报表；待提交或审核不通过的可点击“修改”后重新提交。',
      '法人账号只能查看；填报请使用经办人账号在“业务基本情况录入”中办理。',
    ],
  },
  [CREDIT_QUERY_PATH]: {
    steps: [
      '按机构名称、申报年度、审批状态点击“查询”；“清空”恢复默认条件。',
      '点击“新增”申请人力资源诚信示范机构；待提交或审核不通过的申请可“修改”“上传材料”，其余可“查看”。',
      '审核通过后，“审批结果”显示诚信示范机构及其年度。',
    ],
  },
  [CREDIT_NEW_PATH]: {
    steps: [
      '选择机构（本单位审核通过且未注销的机构）；每个机构每年只能申请一次。',
      '填写各项后点击“保存”，再点击“上传材料”上传证明材料；“重置”清除本页已填写的内容。',
      `点击“提交”，选择审批部门后确定提交。${WITHDRAW}`,
      `${DEADLINE}${REJECTED}`,
    ],
  },
  [STATISTICS_ANALYSIS_PATH]: {
    steps: [
      '选择服务年度，查看本辖区审核通过的业务基本情况报告的主要指标及同比。',
      '“按地区”“按机构类型”分别以表格和图表列出各项指标。',
      '“未报送的持证机构”列出尚未填报、未提交或审核不通过的机构；点击“导出”下载 Excel。',
    ],
  },
  [REVIEWS_PENDING_PATH]: {
    steps: [
      '列表按期限排序；可按业务类型、机构名称、统一社会信用代码、提交日期、受理（待受理/已受理）、剩余工作日“查询”，“导出”下载当前结果。',
      '在“操作”列点击“审核”打开申请；打开只是查看，须点击“受理”“补正”或“不予受理”作出决定，受理后申请单位不能再撤回。',
      `设立、变更、注销申请自提交之日起${ACCEPTANCE_WORKING_DAYS}个工作日内决定是否受理（受理期限），受理之日起${DECISION_WORKING_DAYS}个工作日内作出审核结论（办理期限，按节假日设置计算）；已超期的申请突出显示。`,
    ],
  },
  [REVIEWS_DONE_PATH]: {
    steps: [
      '列出本部门已作出审核结论或不予受理的申请；可按业务类型、机构名称、统一社会信用代码、提交日期“查询”。',
      '在“操作”列点击“查看”查看申请内容、审核记录和核发的证书。',
      '点击“导出”下载当前查询结果（Excel）。',
    ],
  },
  [INSPECTIONS_PATH]: {
    steps: [
      '以告知承诺方式取得许可的机构，发证后由审批部门在核查期限内逐项核查其承诺；双随机抽查抽中的机构，由抽中的检查人员在完成期限内检查。逾期未办结的任务以红色显示。',
      '可按任务类型、状态（待核查、整改中、已完成）和机构名称“查询”；在“操作”列点击“核查”进入任务。',
      '管理员在列表上方可看到各审批部门待核查、整改中和已逾期的任务数。',
    ],
  },
  [SPOT_CHECKS_PATH]: {
    steps: [
      '管理员可抽查全省，市级审批部门的审核人员可抽查本市及所辖县（市、区）发证的机构；其他审核人员办理抽中的抽查任务。',
      '点击“新建抽查计划”，选择抽查范围（审批部门、许可/备案、服务范围、信用等级）、抽查比例、每个机构的检查人员数和完成期限；信用等级低的机构被抽中的概率更高。',
      '可先点击“预估抽取数量”；点击“抽取”并确认后，系统按随机种子抽取机构，并从机构所属审批部门的审核人员中随机抽取检查人员（不含曾受理、审批该机构的人员），生成抽查任务并通知检查人员。',
      '抽取结果和随机种子记录在计划中，不能修改；在计划详情中点击“复核抽取”可按记录重新抽取并比对。抽查结果办结后在公示查询中向社会公开。',
    ],
  },
  [SPOT_CHECK_DETAIL_PATTERN]: {
    steps: ['查看抽查范围、随机种子、抽中的机构、检查人员和办理状态；点击“复核抽取”按记录的随机种子和候选名单重新抽取，核对结果是否一致。'],
  },
  [INSPECTION_DETAIL_PATTERN]: {
    steps: [
      '逐项选择“属实”或“不属实”并填写说明，填写“核查情况”，可“上传照片”。',
      '全部属实：点击“核查属实，办结”；有不属实的：填写“整改要求”和“整改期限”，点击“不属实，责令限期整改”，系统通知申请单位。',
      '整改到位后点击“整改完成”办结；整改期限届满仍未整改的，可“撤销许可”，许可证作废，公示查询显示已撤销，并记入失信记录。',
      '双随机抽查任务只能由抽中的检查人员办理：全部符合的“抽查合格，办结”；有不符合的，选择“责令整改”（填写整改要求和期限）或“立案”。结果办结后在公示查询中公开。',
    ],
  },
  [REVIEW_DETAIL_PATTERN]: {
    steps: [
      '逐项查看申请内容、附件材料和视频材料；变更申请可在“变更对比”中查看改动。打开申请不会受理。',
      '设立、变更、注销申请先在“受理”中决定：材料齐全、符合法定形式的点击“受理”；需补正的点击“补正”，一次性列明全部补正内容（已填的审查意见自动带入）；不予受理须填写理由。每项决定都出具通知书，申请单位可下载。',
      '受理后，在“审核结论”中选择“审核通过”或“审核不通过”；审核不通过时须填写审核意见，也可“添加单项意见”标注到具体字段或材料。',
      '审核通过将核发许可证或备案凭证，请核对发证日期；点击“提交审核结论”并确认。',
      '审核结论提交后不能撤销，申请单位将收到站内消息和短信通知。',
    ],
  },
  [AGENTS_PATH]: {
    steps: [
      '点击“新增经办人”，填写姓名、身份证号、手机号码、账号和初始密码，并把账号和初始密码告知本人。',
      '经办人首次登录时须修改初始密码。',
      '在“操作”列中可“停用”（立即退出登录且无法登录）、“启用”或“重置密码”。',
    ],
  },
  [ACCOUNT_SETTINGS_PATH]: {
    steps: [
      '在“修改密码”中填写原密码、新密码和确认新密码，点击“确认修改”；修改后所有设备上的登录都将退出，请用新密码重新登录。',
      '“登录会话”列出本账号当前已登录的设备；有不认识的登录，请点击“结束会话”并修改密码。',
    ],
  },
  [ADMIN_DEPARTMENTS_PATH]: {
    steps: [
      '审批部门分为省级、市（州）级、县（市、区）级；在上级部门一行点击“新增下级部门”。',
      '点击“修改”修改部门名称。',
      '部门不能删除，只能“停用”：停用后单位提交申请时不再能选择；有待审核申请的部门不能停用，停用上级部门前须先停用其下级部门。',
    ],
  },
  [ADMIN_REVIEWERS_PATH]: {
    steps: [
      '按审批部门、状态、关键字点击“查询”；“清空”恢复默认条件。',
      '点击“新增审核人员”并分配审批部门；审核人员只能看到本部门收到的申请。',
      '在“操作”列中可“调整部门”“重置密码”（新的初始密码只显示一次）、“停用”或“启用”。',
    ],
  },
  [ADMIN_SETTINGS_PATH]: {
    steps: [
      '证书编号规则须包含 {year}、{dept} 和 {seq:N}；修改后查看示例编号，点击“保存”并确认。已发放的证书编号不变。',
      '“撤销修改”恢复当前规则，“填入默认规则”填入系统默认值。',
      '还可设置诚信示范机构的审核标准和业务基本情况审核截止日期，修改后点击“保存”。',
    ],
  },
  [ADMIN_CALENDAR_PATH]: {
    steps: [
      `办理期限（${DECISION_WORKING_DAYS}个工作日）和剩余工作日按此日历计算。`,
      '选择日期、类型（休：法定节假日放假；班：调休上班）并填写名称，点击“保存”。',
      '用“上一年”“下一年”切换年份；在日期一行点击“修改”或“删除”。',
    ],
  },
  [ADMIN_DICTIONARIES_PATH]: {
    steps: [
      '此处列出各数据字典的选项、依据和使用位置，只读。',
      '审批部门在“审批部门管理”中维护，证书编号规则在“系统设置”中维护。',
    ],
  },
  [ADMIN_AUDIT_PATH]: {
    steps: [
      '按时间、操作、操作人账号、单位统一社会信用代码、对象类型、对象编号点击“查询”；“清空”恢复默认条件。',
      '点击“详情”查看一条记录的完整内容；“导出”下载当前查询结果（Excel）。',
      '点击“校验日志链”逐条校验全部记录是否被篡改。',
    ],
  },
  [ADMIN_APPEALS_PATH]: {
    steps: [
      '按状态（待处理、已处理）点击“查询”，可下载申诉附件。',
      '在待处理的申诉一行点击“处理”，选择处理方式并填写处理意见，点击“提交处理意见”。',
      '处理意见以短信发送给申诉人，提交后不能修改。',
    ],
  },
  [ADMIN_IMPORTS_PATH]: {
    steps: [
      '点击“下载模板（XLSX）”或“下载模板（CSV）”，按模板填写本系统上线前已取得许可或备案的机构。',
      '点击“选择文件”（XLSX 或 CSV，不超过 10 MB），再点击“校验”，按结果表修改有问题的行。',
      '全部行可导入后点击“导入”并确认；任何一行有问题时不会导入任何数据。',
      '机构按统一社会信用代码归属到单位；“变更时需补充”列出这些机构以后办理变更时须补填的信息。',
    ],
  },
};

/** The entry for a catalogue key and role, if any. */
export function helpEntry(key: string, role: TRole): PageHelp | undefined {
  const entry = PAGE_HELP[key];
  if (!entry) return undefined;
  return 'byRole' in entry ? entry.byRole[role] : entry;
}

/** The 操作说明 of the page at `pathname` and the page's title (from the route table). */
export interface ShownHelp extends PageHelp {
  title: string;
}

/**
 * The help for the page at `pathname`: its route's own entry (the review page), else the entry of
 * the menu item it belongs to (a saved 变更 under 人力资源服务机构变更), else none.
 */
export function helpFor(pathname: string, role: TRole, menu: readonly HrMenuItem[]): ShownHelp | undefined {
  const route = findRoute(pathname);
  const keys = [route?.path, ...selectedMenuKeys(menu, pathname)].filter((k): k is string => !!k);
  for (const key of keys) {
    const help = helpEntry(key, role);
    const title = HR_ROUTES.find((r) => r.path === key)?.name;
    if (help && title) return { ...help, title };
  }
  return undefined;
}
