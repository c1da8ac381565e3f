import dayjs, { type Dayjs } from 'dayjs';
import { PRACTITIONER_COLUMNS, type TPractitioner, type TPractitionerColumnKey, type TPractitionerInput } from '@jhrm/contracts';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** The form's values: catalogue columns, dates as dayjs. */
export type PractitionerFormValues = Partial<Record<TPractitionerColumnKey, string | Dayjs | null>>;

const KEYS = Object.keys(PRACTITIONER_COLUMNS) as TPractitionerColumnKey[];
const isDate = (k: TPractitionerColumnKey) => PRACTITIONER_COLUMNS[k].input === 'date';

/** A loaded practitioner (or none: 新增) → the form; 证件类型 defaults to the only choice. */
export function toForm(p: TPractitioner | null): PractitionerFormValues {
  if (!p) return { idType: PRACTITIONER_COLUMNS.idType.options[0] };
  const out: PractitionerFormValues = {};
  for (const k of KEYS) {
    const v = p[k];
    if (v === undefined) continue;
    out[k] = isDate(k) ? (dayjs(v, DATE_FORMAT).isValid() ? dayjs(v, DATE_FORMAT) : null) : v;
  }
  return out;
}

/** The form → the API body: blanks left out, text trimmed, dates as YYYY-MM-DD, the ID upper-cased. */
export function fromForm(values: PractitionerFormValues): TPractitionerInput {
  const out: Record<string, string> = {};
  for (const k of KEYS) {
    const v = values[k];
    if (v === undefined || v === null) continue;
    const text = dayjs.isDayjs(v) ? (v.isValid() ? v.format(DATE_FORMAT) : '') : v.trim();
    if (text !== '') out[k] = k === 'idCard' ? text.toUpperCase() : text;
  }
  return out as TPractitionerInput;
}
