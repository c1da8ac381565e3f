import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { TPractitioner } from '@jhrm/contracts';
import { fromForm, toForm } from './practitioner-form';

const loaded: TPractitioner = {
  id: 'p1',
  version: 3,
  name: '刘从业',
  idType: '居民身份证',
  idCard: '22010219900517123X',
  gender: '男',
  birthDate: '1990-05-17',
  politicalStatus: '群众',
  ethnicity: '汉族',
  education: '大学本科',
  graduatedOn: '2012-07-01',
  mobile: '13900003333',
  updatedAt: '2026-11-26T01:00:00.000Z',
};

describe('practitioner form', () => {
  it('starts 新增 with the only 证件类型', () => {
    expect(toForm(null)).toEqual({ idType: '居民身份证' });
  });

  it('loads dates as dayjs and leaves out what is not a column (id, version, derived 性别)', () => {
    const form = toForm(loaded);
    expect(dayjs.isDayjs(form.graduatedOn)).toBe(true);
    expect(form).not.toHaveProperty('gender');
    expect(form).not.toHaveProperty('version');
    expect(form.name).toBe('刘从业');
  });

  it('sends trimmed values, dates as days, the ID upper-cased and blanks left out', () => {
    const body = fromForm({ ...toForm(loaded), idCard: ' 22010219900517123x ', school: '  ', email: undefined, workStartOn: dayjs('2013-03-04') });
    expect(body).toEqual({
      name: '刘从业',
      idType: '居民身份证',
      idCard: '22010219900517123X',
      politicalStatus: '群众',
      ethnicity: '汉族',
      education: '大学本科',
      graduatedOn: '2012-07-01',
      workStartOn: '2013-03-04',
      mobile: '13900003333',
    });
  });
});
