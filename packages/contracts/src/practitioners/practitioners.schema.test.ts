import { describe, expect, it } from 'vitest';
import { STAFF_COLUMNS } from '../institutions/record.catalogue';
import { idCardDerived } from '../validators/id-card';
import { PRACTITIONER_COLUMNS, ZPractitionerInput } from './practitioners.schema';

const valid = {
  name: '刘从业',
  idType: '居民身份证',
  idCard: '220102199203150042',
  politicalStatus: '群众',
  ethnicity: '汉族',
  education: '大学本科',
  mobile: '13900003333',
};

const messages = (input: unknown) => {
  const r = ZPractitionerInput.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe('practitioner fields', () => {
  it('are the 专职工作人员 columns less 性别, in the catalogue’s order', () => {
    expect(Object.keys(PRACTITIONER_COLUMNS)).toEqual(Object.keys(STAFF_COLUMNS).filter((k) => k !== 'gender'));
  });

  it('derive 性别 and 出生日期 from a valid 身份证号 only', () => {
    expect(idCardDerived(' 220102199203150042 ')).toEqual({ gender: '女', birthDate: '1992-03-15' });
    expect(idCardDerived('220102199203150043')).toEqual({ gender: null, birthDate: null });
    expect(idCardDerived(undefined)).toEqual({ gender: null, birthDate: null });
  });

  it('accept a complete row and normalise the ID', () => {
    const r = ZPractitionerInput.safeParse({ ...valid, idCard: ' 11010519491231109x ' });
    expect(r.success && r.data.idCard).toBe('11010519491231109X');
  });

  it('report every bad column at once with its Chinese message', () => {
    expect(messages({ ...valid, idCard: '220102199203150043', mobile: '', education: '大学', email: 'x@', postcode: '12' })).toEqual({
      idCard: '身份证号校验位不正确',
      mobile: '请输入手机号码',
      education: '请选择学历',
      email: '电子邮件格式不正确',
      postcode: expect.stringContaining('邮政编码'),
    });
  });

  it('let optional formatted columns stay blank, and refuse an end before the start', () => {
    expect(messages({ ...valid, email: '', postcode: undefined })).toEqual({});
    expect(messages({ ...valid, workStartOn: '2020-01-02', workEndOn: '2020-01-01' })).toEqual({ workEndOn: '工作终止日期不能早于工作开始日期' });
  });
});
