import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { makeIdCard, ZStaffMember } from '@jhrm/contracts';
import { educationCounts, staffFromForm, staffToForm } from './staff';

const MALE = '110101197501010039';
const FEMALE = makeIdCard('22010219900215002');

describe('专职工作人员 derived fields', () => {
  it('counts staff by education for 诚信档案', () => {
    const rows = ['博士研究生', '硕士研究生', '大学本科', '大学本科', '大学专科', '高中'].map((education) => ({ education }) as never);
    expect(educationCounts(rows)).toEqual({ postgraduate: 2, bachelor: 2, collegeOrBelow: 2 });
    expect(educationCounts([])).toEqual({ postgraduate: 0, bachelor: 0, collegeOrBelow: 0 });
  });
});

describe('staff modal ↔ row', () => {
  it('builds a valid row: blanks dropped, ID upper-cased, 性别 from the ID, dates formatted', () => {
    const row = staffFromForm({
      name: '李四',
      idType: '居民身份证',
      idCard: FEMALE.toLowerCase(),
      politicalStatus: '群众',
      ethnicity: '朝鲜族',
      education: '大学专科',
      mobile: '13900000000',
      school: '',
      graduatedOn: dayjs('2012-07-01'),
      workEndOn: null,
    });
    expect(row).toEqual({
      name: '李四',
      idType: '居民身份证',
      idCard: FEMALE.toUpperCase(),
      gender: '女',
      politicalStatus: '群众',
      ethnicity: '朝鲜族',
      education: '大学专科',
      mobile: '13900000000',
      graduatedOn: '2012-07-01',
    });
    expect(ZStaffMember.safeParse(row).success).toBe(true);
  });

  it('opens an existing row with dates as dayjs and without the derived 性别 input', () => {
    const form = staffToForm({ name: '张三', idType: '居民身份证', idCard: MALE, gender: '男', politicalStatus: '群众', ethnicity: '汉族', education: '大学本科', mobile: '13111111111', workStartOn: '2000-01-01' });
    expect(form).not.toHaveProperty('gender');
    expect(form.workStartOn?.format('YYYY-MM-DD')).toBe('2000-01-01');
    expect(form.graduatedOn).toBeNull();
    expect(staffToForm(undefined)).toEqual({ idType: '居民身份证' });
  });
});
