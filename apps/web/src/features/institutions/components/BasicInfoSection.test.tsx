import { renderToStaticMarkup } from 'react-dom/server';
import { Form } from 'antd';
import { describe, expect, it } from 'vitest';
import { BASIC_SECTIONS, DERIVED_LABELS, RECORD_FIELD_ENTRIES, REPORT_FIELDS } from '@jhrm/contracts';
import { BasicInfoSection } from './BasicInfoSection';
import { ReportSection } from './OtherSections';

const render = (children: React.ReactNode) =>
  renderToStaticMarkup(
    <Form name="establishment" initialValues={{ basic: { name: '吉林省示例人力资源有限公司', byPost: true } }}>
      {children}
    </Form>,
  );

/** `<label for="…" class="…" title="…">` of the form, by the id it points at */
function labels(html: string): Map<string, { title: string; required: boolean }> {
  const found = new Map<string, { title: string; required: boolean }>();
  for (const m of html.matchAll(/<label for="([^"]+)" class="([^"]*)" title="([^"]*)">/g)) found.set(m[1]!, { title: m[3]!, required: m[2]!.includes('ant-form-item-required') });
  return found;
}

describe('the 设立审批 form from the field catalogue', () => {
  const html = render(<BasicInfoSection departments={[{ code: '220000', name: '吉林省人力资源和社会保障厅' }] as never} />);
  const byId = labels(html);

  it('has every basic field under its label, required as the catalogue says, the label pointing at the control itself', () => {
    const fields = RECORD_FIELD_ENTRIES.filter((e) => e.tab === 'basic' && !e.field.partOf);
    expect(fields.length).toBeGreaterThan(30);
    for (const e of fields) {
      const id = `establishment_basic_${e.key}`;
      expect(byId.get(id), e.key).toEqual({ title: e.field.label, required: !!e.field.required });
      // the control carries the id (Form.Item's props reach it), so the label names it
      expect(html, e.key).toMatch(new RegExp(`<(input|textarea|div)[^>]* id="${id}"`));
    }
    expect(byId.get('establishment_basic_kind')?.title).toBe(DERIVED_LABELS.kind);
    expect(html).toContain('value="吉林省示例人力资源有限公司"');
  });

  it('shows the three sections in order and the inputs of 单位电话 by their catalogue labels', () => {
    const positions = BASIC_SECTIONS.map((s) => html.indexOf(`<h2 class="inst-section-title">${s}</h2>`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain('aria-label="区号"');
    expect(html).toContain('aria-label="分机号"');
    expect(html).toMatch(/maxLength="100" id="establishment_basic_name"/);
  });

  it('has the report fields, both required', () => {
    const report = labels(render(<ReportSection />));
    for (const [key, f] of Object.entries(REPORT_FIELDS)) expect(report.get(`establishment_report_${key}`)).toEqual({ title: f.label, required: true });
  });
});
