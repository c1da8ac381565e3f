import { Fragment, type ReactNode } from 'react';
import { Card, Descriptions, type DescriptionsProps } from 'antd';
import {
  BASIC_SECTIONS,
  DERIVED_LABELS,
  RECORD_FIELD_ENTRIES,
  basicFieldsOf,
  recordTabLabel,
  type CatalogueEntry,
  type TBusinessScope,
  type TInstitutionBasic,
} from '@jhrm/contracts';
import { describeKind } from './application-kind';
import { PagedTable } from './PagedTable';
import { facilityColumns, feeColumns, staffColumns } from './record-columns';
import { displayValue, unitPhone, type FullRecord } from './record-values';
import './record.css';

type Basic = Partial<TInstitutionBasic>;
type Item = NonNullable<DescriptionsProps['items']>[number];
/** label, value, the field's path (for a reviewer's note), columns spanned */
type Pair = [string, unknown, string?, number?];

const COLUMNS = { xs: 1, sm: 1, md: 2, xl: 3 } as const;
/** beside a side panel (the reviewer's decision) the record has half the width */
const NARROW_COLUMNS = { xs: 1, sm: 1, md: 1, lg: 1, xl: 1, xxl: 2 } as const;

export interface RecordViewProps {
  record: FullRecord;
  /** the 审批部门's name (the record holds its code) */
  departmentName?: string;
  /** a reviewer's note per field path (`basic.officeAddress`), shown under the value */
  notes?: ReadonlyMap<string, string>;
  /** laid out for half the page's width */
  narrow?: boolean;
}

/** The whole institution record, read-only, in the six sections of SPEC §3 (查看, and what a reviewer decides on). */
export function RecordView({ record, departmentName, notes, narrow = false }: RecordViewProps) {
  const column = narrow ? NARROW_COLUMNS : COLUMNS;
  const b: Basic = record.basic ?? {};
  const kind = describeKind(b.scopes as TBusinessScope[] | undefined);
  const counts = record.educationCounts;

  const items = (pairs: Pair[]): Item[] =>
    pairs.map(([label, value, path, span]) => {
      const note = path ? notes?.get(path) : undefined;
      const children: ReactNode = note ? (
        <>
          {displayValue(value)}
          <div className="rec-noted" role="note">
            审核意见：{note}
          </div>
        </>
      ) : (
        displayValue(value)
      );
      return { key: label, label, children, ...(span ? { span } : {}) };
    });
  /** A basic field's row: 审批部门 by name, 单位电话 from its three inputs, 申请类型 after 审批部门. */
  const basicRow = (e: CatalogueEntry): Pair[] => {
    const f = e.field;
    const value = f.input === 'department' ? (departmentName ?? b.department) : f.input === 'phone' ? unitPhone(b) : (b as Record<string, unknown>)[e.key];
    const row: Pair = [f.label, value, e.path, f.viewSpan];
    return f.input === 'department' ? [row, [DERIVED_LABELS.kind, kind.kind ? `${kind.kind}（${kind.reason}）` : '']] : [row];
  };
  const fieldRows = (tab: 'report' | 'integrity', values: Record<string, unknown> | undefined): Pair[] =>
    RECORD_FIELD_ENTRIES.filter((e) => e.tab === tab).map((e) => [e.field.label, values?.[e.key], e.path, e.field.viewSpan]);

  const listNote = (path: string) => {
    const note = notes?.get(path);
    return note ? (
      <p className="rec-noted" role="note">
        审核意见：{note}
      </p>
    ) : null;
  };

  return (
    <div className="rec-view">
      <Card size="small" title={recordTabLabel('basic')}>
        {BASIC_SECTIONS.map((section, i) => (
          <Fragment key={section}>
            {i > 0 && <h2 className="rec-section-title">{section}</h2>}
            <Descriptions bordered size="small" column={column} items={items(basicFieldsOf(section).flatMap(basicRow))} />
          </Fragment>
        ))}
      </Card>

      <Card size="small" title={recordTabLabel('report')}>
        <Descriptions
          bordered
          size="small"
          column={1}
          items={items(fieldRows('report', record.report)).map((i) => ({ ...i, children: <div className="rec-pre">{i.children}</div> }))}
        />
      </Card>

      <Card size="small" title={recordTabLabel('staff')}>
        {listNote('staff')}
        <PagedTable columns={staffColumns} rows={record.staff ?? []} scrollX={640} />
      </Card>

      <Card size="small" title={recordTabLabel('facilities')}>
        {listNote('facilities')}
        <PagedTable columns={facilityColumns} rows={record.facilities ?? []} />
      </Card>

      <Card size="small" title={recordTabLabel('integrity')}>
        <Descriptions
          bordered
          size="small"
          column={column}
          items={items([
            ...fieldRows('integrity', record.integrity).slice(0, 1),
            [DERIVED_LABELS.postgraduate, `${counts.postgraduate} 人`],
            [DERIVED_LABELS.bachelor, `${counts.bachelor} 人`],
            [DERIVED_LABELS.collegeOrBelow, `${counts.collegeOrBelow} 人`],
            ...fieldRows('integrity', record.integrity).slice(1),
          ])}
        />
      </Card>

      <Card size="small" title={recordTabLabel('fees')}>
        {listNote('fees')}
        <PagedTable columns={feeColumns} rows={record.fees ?? []} scrollX={760} />
      </Card>
    </div>
  );
}
