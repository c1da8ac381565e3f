import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DERIVED_LABELS, RECORD_FIELD_ENTRIES, RECORD_TABS, STAFF_COLUMNS } from '@jhrm/contracts';
import { RecordView } from './RecordView';
import type { FullRecord } from './record-values';

const record = {
  basic: { name: '吉林省示例人力资源有限公司', officeAddress: '长春市示例路1号', phoneAreaCode: '0431', phoneNumber: '88886666', registeredCapital: 500, byPost: false },
  report: { reason: '拓展业务' },
  integrity: {},
  staff: [{ name: '张三', idType: '居民身份证', idCard: '110101197501010039', gender: '男', politicalStatus: '群众', ethnicity: '汉族', education: '本科', mobile: '13144440001' }],
  facilities: [],
  fees: [],
  educationCounts: { postgraduate: 0, bachelor: 1, collegeOrBelow: 0 },
} as unknown as FullRecord;

describe('the read-only record from the field catalogue', () => {
  const html = renderToStaticMarkup(<RecordView record={record} departmentName="吉林省人力资源和社会保障厅" notes={new Map([['basic.officeAddress', '与营业执照不一致']])} />);
  const text = html.replace(/<[^>]+>/g, '\n');
  const shown = new Set(text.split('\n').filter(Boolean));

  it('shows every field by its label, every tab as a card and the derived counts', () => {
    for (const e of RECORD_FIELD_ENTRIES.filter((x) => !x.field.partOf)) expect(shown.has(e.field.label), e.path).toBe(true);
    for (const t of RECORD_TABS) expect(shown.has(t.label), t.key).toBe(true);
    for (const label of Object.values(DERIVED_LABELS).filter((l) => l !== DERIVED_LABELS.birthDate)) expect(shown.has(label), label).toBe(true);
  });

  it('shows the values, 单位电话 from its parts, a reviewer note under its field and personal data masked', () => {
    expect(shown.has('0431-88886666')).toBe(true);
    expect(shown.has('500')).toBe(true);
    expect(shown.has('否')).toBe(true);
    expect(text).toContain('审核意见：与营业执照不一致');
    expect(shown.has(STAFF_COLUMNS.idCard.label)).toBe(true);
    expect(html).toContain('110101********0039');
    expect(html).not.toContain('110101197501010039');
  });
});
