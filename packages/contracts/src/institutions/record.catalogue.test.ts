import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, IMPORT_COLUMN_KEYS } from '../imports/imports.schema';
import { REVIEW_FIELD_TARGETS } from '../reviews/review-targets';
import {
  BASIC_FIELDS,
  BASIC_SECTIONS,
  CHANGE_REASONS,
  FACILITY_COLUMNS,
  FEE_COLUMNS,
  INTEGRITY_FIELDS,
  RECORD_FIELD_ENTRIES,
  RECORD_LISTS,
  RECORD_TABS,
  REPORT_FIELDS,
  STAFF_COLUMNS,
  basicFieldsOf,
  fieldsChangedBy,
  pdfFieldsOf,
} from './record.catalogue';
import { ZApplicationReport, ZFacility, ZInstitutionBasic, ZIntegrityFile, ZServiceFee, ZStaffMember } from './record.schema';

describe('the field catalogue of the institution record', () => {
  it('is the zod record schema: every field and column, with the catalogue validator itself', () => {
    const groups = [
      [BASIC_FIELDS, ZInstitutionBasic],
      [REPORT_FIELDS, ZApplicationReport],
      [INTEGRITY_FIELDS, ZIntegrityFile],
      [STAFF_COLUMNS, ZStaffMember],
      [FACILITY_COLUMNS, ZFacility],
      [FEE_COLUMNS, ZServiceFee],
    ] as const;
    for (const [catalogue, schema] of groups) {
      expect(Object.keys(schema.shape)).toEqual(Object.keys(catalogue));
      for (const [key, field] of Object.entries(catalogue)) expect((schema.shape as Record<string, unknown>)[key]).toBe(field.validator);
    }
  });

  it('makes each validator speak of its field by its label, without the unit', () => {
    expect(ZInstitutionBasic.shape.registeredCapital.safeParse(-1).error?.issues[0]?.message).toBe('注册资金不能为负数');
    expect(ZInstitutionBasic.shape.name.safeParse('名'.repeat(101)).error?.issues[0]?.message).toBe('机构名称不能超过100个字');
    expect(ZInstitutionBasic.shape.category.safeParse('私营企业').error?.issues[0]?.message).toBe('请选择机构类别');
    expect(ZInstitutionBasic.shape.phoneAreaCode.safeParse('12').error?.issues[0]?.message).toBe('区号格式不正确');
    expect(ZFacility.shape.area.safeParse(-1).error?.issues[0]?.message).toBe('面积不能为负数');
    expect(ZStaffMember.shape.name.safeParse('').error?.issues[0]?.message).toBe('请输入姓名');
  });

  it('has unique labels within the record and within each list', () => {
    const labels = RECORD_FIELD_ENTRIES.map((e) => e.field.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const columns of Object.values(RECORD_LISTS)) {
      const own = Object.values(columns).map((c) => c.label);
      expect(new Set(own).size).toBe(own.length);
    }
  });

  it('gives the reviewer every field (单位电话 once for its three inputs) and every list, in the form order', () => {
    const expected = [
      ...RECORD_FIELD_ENTRIES.filter((e) => e.tab !== 'integrity' && !e.field.partOf).map((e) => [e.path, e.field.label, e.field.section, e.tab]),
      ['staff', '专职工作人员', '专职工作人员', 'staff'],
      ['facilities', '现有设施情况', '现有设施情况', 'facilities'],
      ...RECORD_FIELD_ENTRIES.filter((e) => e.tab === 'integrity').map((e) => [e.path, e.field.label, e.field.section, e.tab]),
      ['fees', '服务及收费标准', '服务及收费标准', 'fees'],
    ];
    expect(REVIEW_FIELD_TARGETS.map((t) => [t.key, t.label, t.section, t.tab])).toEqual(expected);
    expect(REVIEW_FIELD_TARGETS.map((t) => t.key)).not.toContain('basic.phoneAreaCode');
    expect(new Set(REVIEW_FIELD_TARGETS.map((t) => t.tab))).toEqual(new Set(RECORD_TABS.map((t) => t.key)));
  });

  it('puts every basic field in one of the three sections of 机构基本信息', () => {
    const inSections = BASIC_SECTIONS.flatMap((s) => basicFieldsOf(s).map((e) => e.key));
    const shown = Object.entries(BASIC_FIELDS)
      .filter(([, f]) => !('partOf' in f))
      .map(([k]) => k);
    expect(inSections).toEqual(shown);
    // the 登记表 keeps its own order: 获取许可证方式 just before 备注
    const pdf = pdfFieldsOf('机构基本信息').map((e) => e.key);
    expect(pdf.slice(-2)).toEqual(['licenceDelivery', 'remarks']);
    expect([...pdf].sort()).toEqual(basicFieldsOf('机构基本信息').map((e) => e.key).sort());
  });

  it('is the import template: each imported field is a column, headed as the catalogue says, its label accepted too', () => {
    const imported = RECORD_FIELD_ENTRIES.filter((e) => e.field.import);
    for (const e of imported) {
      const column = IMPORT_COLUMNS.find((c) => c.key === (e.field.import!.column ?? e.key))!;
      expect(column.header).toBe(e.field.import!.header ?? e.field.label);
      expect(column.required).toBe(e.field.import!.required);
      if (column.header !== e.field.label && e.field.import!.labelIsAlias !== false) expect(column.aliases).toContain(e.field.label);
      if (e.field.options) expect(column.values).toBe(e.field.options);
    }
    // the other columns are the licence already issued
    expect(IMPORT_COLUMNS.filter((c) => !imported.some((e) => (e.field.import!.column ?? e.key) === c.key)).map((c) => c.key)).toEqual(['licenceNumber', 'issuedOn']);
    expect(IMPORT_COLUMNS.map((c) => c.key)).toEqual([...IMPORT_COLUMN_KEYS]);
    expect(IMPORT_COLUMNS.find((c) => c.key === 'registeredCapital')).toMatchObject({ header: '注册资本(万元)', aliases: expect.arrayContaining(['注册资金(万元)', '注册资金']) });
    expect(IMPORT_COLUMNS.find((c) => c.key === 'contactMobile')?.aliases).not.toContain('手机号码');
  });

  it('says which fields each 变更事由 may change', () => {
    expect(fieldsChangedBy('变更机构名称')).toEqual(['basic.name', 'basic.shortName']);
    expect(fieldsChangedBy('变更住所(地址)')).toEqual(['basic.postcode', 'basic.officeAddress']);
    expect(fieldsChangedBy('变更法定代表人(负责人)')).toEqual(['basic.legalRep', 'basic.legalRepIdCard', 'basic.legalRepPhone', 'basic.legalRepTitle']);
    expect(fieldsChangedBy('变更经营范围')).toEqual(['basic.scopes']);
    expect(fieldsChangedBy('其他事由')).toEqual([
      'report.companyProfile',
      'report.reason',
      'integrity.annualIncome',
      'integrity.badRecords',
      'staff',
      'facilities',
      'fees',
    ]);
    // nothing may change the 统一社会信用代码 or the 审批部门
    const changeable = new Set(CHANGE_REASONS.flatMap(fieldsChangedBy));
    expect(changeable.has('basic.uscc')).toBe(false);
    expect(changeable.has('basic.department')).toBe(false);
  });
});
