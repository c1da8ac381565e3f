import { Card, Descriptions } from 'antd';
import { STATISTICS_SECTIONS, statisticsFieldsOf, maskMobile, type StatisticsField } from '@jhrm/contracts';
import './statistics.css';

/** A value as the read-only view shows it: counts as they are, amounts with 2 decimals, lists joined. */
export function shownValue(field: StatisticsField, value: unknown, departmentName?: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (field.input === 'department') return departmentName ?? String(value);
  if (field.input === 'amount' && typeof value === 'number') return value.toFixed(2);
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

/**
 * 业务基本情况, read-only, section by section of the field catalogue (the reviewer's content and the
 * unit's 查看). `masked` shows 联系电话 as the lists do.
 */
export function StatisticsView({ values, departmentName, masked = false }: { values: Record<string, unknown>; departmentName?: string; masked?: boolean }) {
  return (
    <div className="stats-view">
      {STATISTICS_SECTIONS.map((section) => (
        <Card key={section} size="small" title={section} className="stats-view-section">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={statisticsFieldsOf(section).map(({ key, field }) => {
              const shown = shownValue(field, values[key], departmentName);
              return { key, label: field.label, children: masked && field.masking === 'mobile' ? maskMobile(shown) : shown, span: field.full ? ('filled' as const) : 1 };
            })}
          />
        </Card>
      ))}
    </div>
  );
}
