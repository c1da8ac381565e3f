import dayjs, { type Dayjs } from 'dayjs';
import {
  ZInstitutionBasic,
  type TFacility,
  type TInstitutionBasic,
  type TRecordDraft,
  type TServiceFee,
  type TStaffMember,
} from '@jhrm/contracts';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** 机构基本信息 as the form holds it: dates as dayjs, cleared inputs as null or ''. */
export type BasicFormValues = Partial<{
  [K in keyof TInstitutionBasic]: (K extends 'foundedOn' ? Dayjs : TInstitutionBasic[K]) | null;
}>;

/** The whole 设立审批 form; the three lists are form fields too (edited through their modals). */
export interface EstablishmentFormValues {
  basic: BasicFormValues;
  report: { companyProfile?: string | null; reason?: string | null };
  staff: TStaffMember[];
  facilities: TFacility[];
  integrity: { annualIncome?: number | null; badRecords?: string | null };
  fees: TServiceFee[];
}

export const BASIC_KEYS = Object.keys(ZInstitutionBasic.shape) as (keyof TInstitutionBasic)[];

/** Blank input is "not filled in": trimmed '' , null and [] become undefined. */
export function cleanValue(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? undefined : t;
  }
  if (dayjs.isDayjs(v)) return v.isValid() ? v.format(DATE_FORMAT) : undefined;
  if (Array.isArray(v)) return v.length ? v : undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  return v;
}

/** An object without its blank fields (keys with undefined values are left out entirely). */
export function cleanObject<T extends object>(obj: T | null | undefined, keys?: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  if (!obj) return out;
  for (const k of keys ?? (Object.keys(obj) as (keyof T)[])) {
    const v = cleanValue(obj[k]);
    if (v !== undefined) out[k] = v as T[keyof T];
  }
  return out;
}

/**
 * Form → the API's draft. Every section is sent (the server replaces the sections sent), so
 * a cleared field is cleared on the server too; blank fields are left out, never sent as ''.
 */
export function toRecordDraft(values: Partial<EstablishmentFormValues>): Required<TRecordDraft> {
  return {
    basic: cleanObject(values.basic as Record<string, unknown> | undefined, BASIC_KEYS as string[]) as TRecordDraft['basic'] & object,
    report: cleanObject(values.report, ['companyProfile', 'reason']) as NonNullable<TRecordDraft['report']>,
    staff: (values.staff ?? []).map((s) => cleanObject(s) as TStaffMember),
    facilities: (values.facilities ?? []).map((f) => cleanObject(f) as TFacility),
    integrity: cleanObject(values.integrity, ['annualIncome', 'badRecords']) as NonNullable<TRecordDraft['integrity']>,
    fees: (values.fees ?? []).map((f) => cleanObject(f) as TServiceFee),
  };
}

/**
 * The API's record → form values (dates to dayjs; every list present). Every field of the
 * sections is present (null when blank), so setting these values replaces the whole form.
 */
export function toFormValues(record: TRecordDraft | null | undefined): EstablishmentFormValues {
  const blankBasic = Object.fromEntries(BASIC_KEYS.map((k) => [k, null])) as BasicFormValues;
  const { foundedOn, ...basic } = record?.basic ?? {};
  const founded = foundedOn ? dayjs(foundedOn, DATE_FORMAT) : null;
  return {
    basic: { ...blankBasic, ...basic, foundedOn: founded?.isValid() ? founded : null },
    report: { companyProfile: null, reason: null, ...(record?.report ?? {}) },
    staff: [...(record?.staff ?? [])],
    facilities: [...(record?.facilities ?? [])],
    integrity: { annualIncome: null, badRecords: null, ...(record?.integrity ?? {}) },
    fees: [...(record?.fees ?? [])],
  };
}
