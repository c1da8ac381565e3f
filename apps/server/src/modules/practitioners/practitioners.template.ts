import {
  IMPORT_EXAMPLE_PREFIX,
  IMPORT_SKIP_MARK,
  PRACTITIONER_COLUMNS,
  PRACTITIONER_IMPORT_MAX_ROWS,
  type ListColumn,
  type TPractitionerColumnKey,
} from '@jhrm/contracts';
import type { SheetSpec } from '../../lib/sheets';
import { listValidation, templateWorkbook, xlsxBuffer, type TemplateColumn } from '../../lib/sheet-template';

/** 批量导入 of practitioners: the template's columns are the catalogue's 专职工作人员 columns, headed by their labels. */

const EXAMPLES: Record<TPractitionerColumnKey, string> = {
  name: '张三',
  idType: '居民身份证',
  idCard: '110101199003074936',
  politicalStatus: '群众',
  ethnicity: '汉族',
  qualificationLevel: '',
  qualificationCertNo: '',
  education: '大学本科',
  graduatedOn: '2012-07-01',
  school: '吉林大学',
  major: '人力资源管理',
  workStartOn: '2012-08-01',
  workEndOn: '',
  mobile: '13900000000',
  email: 'zhangsan@example.com',
  postcode: '130000',
  householdRegion: '吉林省长春市',
};

function noteOf(c: ListColumn): string {
  if (c.input === 'select') return `从可选值中选择（见下拉列表）`;
  if (c.input === 'date') return '日期，格式 YYYY-MM-DD';
  if (c.masking === 'idCard') return '18位居民身份证号；同一机构内不得重复；性别、出生日期由身份证号自动生成';
  if (c.masking === 'mobile') return '11位手机号码';
  return [c.extra, c.maxLength ? `最多${c.maxLength}个字` : ''].filter(Boolean).join('；');
}

const COLUMNS = (Object.entries(PRACTITIONER_COLUMNS) as [TPractitionerColumnKey, ListColumn][]).map(([key, c]) => ({
  key,
  header: c.label,
  required: !!c.required,
  note: noteOf(c),
  example: EXAMPLES[key],
  values: c.options,
  text: !!(c.masking || c.numeric),
  date: c.input === 'date',
})) satisfies (TemplateColumn & { key: TPractitionerColumnKey; date: boolean })[];

export const PRACTITIONER_SHEET: SheetSpec<TPractitionerColumnKey> = { columns: COLUMNS, maxRows: PRACTITIONER_IMPORT_MAX_ROWS };

const USAGE = [
  '1. 第1行为列名，请勿修改；带 * 的列必须填写。',
  `2. 第2行为示例（以“${IMPORT_EXAMPLE_PREFIX}”开头），不会被导入，可保留或删除；以“${IMPORT_SKIP_MARK}”开头的行都不导入。`,
  `3. 每个文件最多 ${PRACTITIONER_IMPORT_MAX_ROWS} 行，文件不超过 10 MB。`,
  '4. 身份证号、手机号码、邮政编码列已设为文本格式，请勿改为数字（Excel 会丢失末几位）。',
  '5. 导入前请先“校验”：系统逐行列出问题；任何一行有问题时不会导入任何数据。',
];

export async function practitionerTemplateXlsx(): Promise<Buffer> {
  const example = (c: (typeof COLUMNS)[number]) => (c.key === 'name' ? `${IMPORT_EXAMPLE_PREFIX}${c.example}` : c.example);
  const { wb, ws, list } = templateWorkbook('从业人员信息', COLUMNS, example, USAGE);
  for (const c of COLUMNS) {
    if (!c.values) continue;
    const range = list(`${c.header} 可选值`, [c.header], c.values.map((v) => [v]));
    listValidation(ws, c.key, PRACTITIONER_IMPORT_MAX_ROWS + 1, range, c.header);
  }
  return xlsxBuffer(wb);
}
