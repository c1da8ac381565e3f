import { REVIEW_FIELD_TARGETS, kindDeclaration, reviewMaterialTargets, type TRecordReviewContent } from '@jhrm/contracts';

export interface TargetOption {
  /** `field:basic.name` or `material:工商营业执照` */
  value: string;
  label: string;
}
export interface TargetGroup {
  label: string;
  options: TargetOption[];
}

export const targetValue = (target: 'field' | 'material', key: string) => `${target}:${key}`;

export function parseTarget(value: string): { target: 'field' | 'material'; key: string } | null {
  const i = value.indexOf(':');
  if (i < 0) return null;
  const target = value.slice(0, i);
  if (target !== 'field' && target !== 'material') return null;
  return { target, key: value.slice(i + 1) };
}

/**
 * What a note can be attached to, grouped for the picker: a kind's own fields (统计), for a record kind the fields of each
 * section and every row of the submitted lists, then the material slots of the kind (as its
 * declaration allows).
 */
export function noteTargetGroups(type: string, record: TRecordReviewContent['record'] | null): TargetGroup[] {
  const groups: TargetGroup[] = [];
  const push = (label: string, option: TargetOption) => {
    let g = groups.find((x) => x.label === label);
    if (!g) groups.push((g = { label, options: [] }));
    g.options.push(option);
  };
  // a kind with fields of its own (统计, 诚信示范): each of them, grouped by its section
  for (const f of kindDeclaration(type).reviewTargets.fields ?? []) push(f.section, { value: targetValue('field', f.key), label: f.label });
  const fields = record && kindDeclaration(type).reviewTargets.recordFields ? REVIEW_FIELD_TARGETS : [];
  for (const t of fields) {
    push(t.section, { value: targetValue('field', t.key), label: t.label === t.section ? `${t.label}（整体）` : t.label });
    if (t.key === 'staff') (record!.staff ?? []).forEach((s, i) => push(t.section, { value: targetValue('field', `staff.${i}`), label: `第${i + 1}行（${s.name}）` }));
    if (t.key === 'facilities') (record!.facilities ?? []).forEach((f, i) => push(t.section, { value: targetValue('field', `facilities.${i}`), label: `第${i + 1}行（${f.name}）` }));
    if (t.key === 'fees') (record!.fees ?? []).forEach((f, i) => push(t.section, { value: targetValue('field', `fees.${i}`), label: `第${i + 1}行（${f.business}）` }));
  }
  for (const slot of reviewMaterialTargets(type)) push('附件材料', { value: targetValue('material', slot), label: slot });
  return groups;
}
