import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ZInstitutionBasic, ZRecordDraft, type TStaffMember } from '@jhrm/contracts';
import { toFormValues, toRecordDraft, type EstablishmentFormValues } from './draft';

const staff: TStaffMember = {
  name: '张三',
  idType: '居民身份证',
  idCard: '110101197501010039',
  gender: '男',
  politicalStatus: '群众',
  ethnicity: '汉族',
  education: '大学本科',
  mobile: '13111111111',
};

describe('form → API draft', () => {
  it('leaves blank inputs out instead of sending empty strings or nulls', () => {
    const draft = toRecordDraft({
      basic: { name: '  长春某人力资源有限公司 ', shortName: '', uscc: '   ', registeredCapital: null, category: null, scopes: [], byPost: false, foundedOn: null },
      report: { companyProfile: '', reason: '拓展业务' },
      integrity: { annualIncome: null, badRecords: '' },
    });
    expect(draft.basic).toEqual({ name: '长春某人力资源有限公司', byPost: false });
    expect(draft.report).toEqual({ reason: '拓展业务' });
    expect(draft.integrity).toEqual({});
    expect(draft.staff).toEqual([]);
    expect(draft.facilities).toEqual([]);
    expect(draft.fees).toEqual([]);
    expect(ZRecordDraft.safeParse(draft).success).toBe(true);
  });

  it('keeps zero, false and chosen lists, and formats dates as YYYY-MM-DD', () => {
    const draft = toRecordDraft({
      basic: { staffCount: 0, byPost: false, scopes: ['职业介绍'], foundedOn: dayjs('2020-03-05') },
    });
    expect(draft.basic).toEqual({ staffCount: 0, byPost: false, scopes: ['职业介绍'], foundedOn: '2020-03-05' });
  });

  it('drops values the form holds that are not fields of the record', () => {
    const draft = toRecordDraft({ basic: { name: 'A', stray: 'x' } as EstablishmentFormValues['basic'] });
    expect(draft.basic).toEqual({ name: 'A' });
  });

  it('cleans blank optional fields of list rows', () => {
    const draft = toRecordDraft({
      staff: [{ ...staff, school: '', email: '  ' }],
      facilities: [{ name: '电脑', unit: '', quantity: undefined, value: 5000 }],
      fees: [{ business: '职业介绍', content: '', feeStandard: '免费' }],
    });
    expect(draft.staff).toEqual([staff]);
    expect(draft.facilities).toEqual([{ name: '电脑', value: 5000 }]);
    expect(draft.fees).toEqual([{ business: '职业介绍', feeStandard: '免费' }]);
    expect(ZRecordDraft.safeParse(draft).success).toBe(true);
  });
});

describe('API record → form', () => {
  it('round-trips: what is loaded is what 保存 would send back', () => {
    const record = {
      basic: { name: 'A', foundedOn: '2019-12-31', scopes: ['人才测评' as const], byPost: true, registeredCapital: 100 },
      report: { reason: 'r' },
      staff: [staff],
      facilities: [],
      integrity: { annualIncome: 0 },
      fees: [],
    };
    const values = toFormValues(record);
    expect(dayjs.isDayjs(values.basic.foundedOn)).toBe(true);
    expect(toRecordDraft(values)).toEqual(record);
  });

  it('gives every field, blank, for a new application (so setting it replaces the whole form)', () => {
    const values = toFormValues(undefined);
    expect(Object.keys(values.basic)).toHaveLength(Object.keys(ZInstitutionBasic.shape).length);
    expect(Object.values(values.basic).every((v) => v === null)).toBe(true);
    expect(values).toMatchObject({ report: { companyProfile: null, reason: null }, staff: [], facilities: [], integrity: { annualIncome: null, badRecords: null }, fees: [] });
    expect(toRecordDraft(values)).toEqual({ basic: {}, report: {}, staff: [], facilities: [], integrity: {}, fees: [] });
  });
});

describe('what 保存 sends, for the unsaved-changes fingerprint', () => {
  it('is the same draft for blank-only differences', () => {
    expect(toRecordDraft({ basic: { name: 'A', shortName: '' } })).toEqual(toRecordDraft({ basic: { shortName: null, name: 'A ' } }));
  });
});
