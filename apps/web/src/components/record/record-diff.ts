import { REVIEW_FIELD_TARGETS, maskIdCard, recordTabLabel, type TFacility, type TServiceFee, type TStaffMember } from '@jhrm/contracts';
import { displayValue, unitPhone } from './record-values';
import type { FullRecord } from './record-values';

export interface DiffRow {
  key: string;
  section: string;
  label: string;
  current: string;
  proposed: string;
  changed: boolean;
}

function valueAt(record: FullRecord, path: string): string {
  if (path === 'basic.phoneNumber') return unitPhone(record.basic ?? {});
  const [section, field] = path.split('.') as [keyof FullRecord, string];
  const holder = record[section] as Record<string, unknown> | undefined;
  return displayValue(holder?.[field]);
}

const staffText = (s: TStaffMember) => [s.name, maskIdCard(s.idCard), s.education, s.qualificationCertNo ? `证书${s.qualificationCertNo}` : ''].filter(Boolean).join('，');
const facilityText = (f: TFacility) => [f.name, f.quantity !== undefined ? `${f.quantity}${f.unit ?? ''}` : '', `价值${f.value}元`].filter(Boolean).join('，');
const feeText = (f: TServiceFee) => [f.business, f.feeItem, f.feeStandard].filter(Boolean).join('，');

function listRows<T>(key: string, section: string, current: readonly T[], proposed: readonly T[], text: (row: T) => string): DiffRow[] {
  const rows: DiffRow[] = [];
  for (let i = 0; i < Math.max(current.length, proposed.length); i++) {
    const a = current[i];
    const b = proposed[i];
    rows.push({
      key: `${key}.${i}`,
      section,
      label: `第${i + 1}行`,
      current: a === undefined ? '' : text(a),
      proposed: b === undefined ? '' : text(b),
      changed: JSON.stringify(a ?? null) !== JSON.stringify(b ?? null),
    });
  }
  return rows;
}

/**
 * The record in force against a proposed one (变更), field by field in the form's order, then the
 * lists row by row: what a reviewer compares side by side. `changed` marks every difference,
 * including one hidden by masking (a different ID number with the same visible digits).
 */
export function recordDiff(current: FullRecord, proposed: FullRecord): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const t of REVIEW_FIELD_TARGETS) {
    if (t.key === 'staff' || t.key === 'facilities' || t.key === 'fees') continue;
    const a = valueAt(current, t.key);
    const b = valueAt(proposed, t.key);
    rows.push({ key: t.key, section: t.section, label: t.label, current: a, proposed: b, changed: a !== b });
  }
  rows.push(
    ...listRows('staff', recordTabLabel('staff'), current.staff ?? [], proposed.staff ?? [], staffText),
    ...listRows('facilities', recordTabLabel('facilities'), current.facilities ?? [], proposed.facilities ?? [], facilityText),
    ...listRows('fees', recordTabLabel('fees'), current.fees ?? [], proposed.fees ?? [], feeText),
  );
  return rows;
}
