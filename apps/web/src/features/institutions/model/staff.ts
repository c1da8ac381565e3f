import dayjs, { type Dayjs } from 'dayjs';
import { EDUCATION_LEVELS, idCardDerived, type TStaffMember } from '@jhrm/contracts';
import { cleanObject, DATE_FORMAT } from './draft';

/** 诚信档案's counts by education, as the server derives them from the staff list. */
export function educationCounts(staff: readonly Pick<TStaffMember, 'education'>[] | null | undefined) {
  const [phd, master, bachelor] = EDUCATION_LEVELS;
  const levels = (staff ?? []).map((s) => s.education);
  return {
    postgraduate: levels.filter((l) => l === phd || l === master).length,
    bachelor: levels.filter((l) => l === bachelor).length,
    collegeOrBelow: levels.filter((l) => l !== phd && l !== master && l !== bachelor).length,
  };
}

const DATE_KEYS = ['graduatedOn', 'workStartOn', 'workEndOn'] as const;
type DateKey = (typeof DATE_KEYS)[number];

/** The staff modal's values: dates as dayjs; 性别 is not an input (derived). */
export type StaffFormValues = Partial<Omit<TStaffMember, DateKey | 'gender'> & Record<DateKey, Dayjs | null>>;

export function staffToForm(s: TStaffMember | undefined): StaffFormValues {
  if (!s) return { idType: '居民身份证' };
  const { gender: _gender, ...rest } = s;
  const out: StaffFormValues = { ...rest } as StaffFormValues;
  for (const k of DATE_KEYS) {
    const d = s[k] ? dayjs(s[k], DATE_FORMAT) : null;
    out[k] = d?.isValid() ? d : null;
  }
  return out;
}

/** The modal's (validated) values → one staff row: blanks dropped, ID upper-cased, 性别 from the ID. */
export function staffFromForm(values: StaffFormValues): TStaffMember {
  const row = cleanObject(values as Record<string, unknown>) as Partial<TStaffMember>;
  const idCard = (row.idCard ?? '').toUpperCase();
  const { gender } = idCardDerived(idCard);
  return { ...row, idCard, ...(gender ? { gender } : {}) } as TStaffMember;
}
