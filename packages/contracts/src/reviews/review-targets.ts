import { kindDeclaration } from '../applications/kinds';
import { VIDEO_SLOT } from '../materials/materials.schema';
import { RECORD_FIELD_ENTRIES, recordTabLabel, type CatalogueEntry, type TRecordListTab, type TRecordTab } from '../institutions/record.catalogue';

/**
 * What a reviewer's note may point at: a field of the record (by its form path) or a material
 * slot. The reviewer picks from these; the unit sees the note next to the field or slot.
 */
export interface ReviewFieldTarget {
  /** form path: `basic.officeAddress`, `report.reason`, `staff`, `staff.0` */
  key: string;
  label: string;
  /** the heading the field sits under (for grouping the picker) */
  section: string;
  /** the tab of the 设立审批 form that holds it */
  tab: TRecordTab;
}

const listTarget = (tab: TRecordListTab): ReviewFieldTarget => ({ key: tab, label: recordTabLabel(tab), section: recordTabLabel(tab), tab });
const fieldTargets = (tab: CatalogueEntry['tab']): ReviewFieldTarget[] =>
  RECORD_FIELD_ENTRIES.filter((e) => e.tab === tab && !e.field.partOf).map((e) => ({ key: e.path, label: e.field.label, section: e.field.section, tab }));

/**
 * Every field of the record a note can name, in the form's order (单位电话 is one field of three
 * inputs), from the field catalogue.
 */
export const REVIEW_FIELD_TARGETS: readonly ReviewFieldTarget[] = [
  ...fieldTargets('basic'),
  ...fieldTargets('report'),
  listTarget('staff'),
  listTarget('facilities'),
  ...fieldTargets('integrity'),
  listTarget('fees'),
];

type ListKey = TRecordListTab;

/** The row counts of the submitted record's lists, so a note may name one row (`staff.1`). */
export interface ReviewedListSizes {
  staff?: number;
  facilities?: number;
  fees?: number;
}

/**
 * The label of a note's target, or null when the key names nothing the application has.
 * `rowName` gives a list row its human name (e.g. the staff member's 姓名).
 */
export function reviewTargetLabel(
  target: 'field' | 'material',
  key: string,
  type: string,
  lists: ReviewedListSizes = {},
  rowName?: (list: ListKey, index: number) => string | undefined,
): string | null {
  if (target === 'material') return reviewMaterialTargets(type).includes(key) ? key : null;
  const own = kindDeclaration(type).reviewTargets.fields;
  if (own) return own.find((f) => f.key === key)?.label ?? null;
  if (!kindDeclaration(type).reviewTargets.recordFields) return null;
  const field = REVIEW_FIELD_TARGETS.find((f) => f.key === key);
  if (field) return field.label;
  const row = /^(staff|facilities|fees)\.(\d{1,4})$/.exec(key);
  if (row) {
    const list = row[1] as ListKey;
    const index = Number(row[2]);
    if (index >= (lists[list] ?? 0)) return null;
    const name = rowName?.(list, index);
    return `${recordTabLabel(list)} 第${index + 1}行${name ? `（${name}）` : ''}`;
  }
  return null;
}

/** The material slots a note may name for a kind (the video slot, if the kind may have one). */
export function reviewMaterialTargets(type: string): string[] {
  const kind = kindDeclaration(type);
  if (!kind.reviewTargets.materials) return [];
  return [...kind.materialSlots.map((s) => s.name), ...(kind.video === 'none' ? [] : [VIDEO_SLOT])];
}
