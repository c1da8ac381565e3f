import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { STATISTICS_FIELD_ENTRIES } from '@jhrm/contracts';
import { statisticsReports } from './statistics.table';

/** The table stores exactly the catalogue's fields (联系电话 encrypted), with the storage their input asks for. */
describe('statistics_reports follows the field catalogue', () => {
  const columns = getTableColumns(statisticsReports);
  const columnOf = (key: string) => columns[(key === 'fillerPhone' ? 'fillerPhoneEnc' : key) as keyof typeof columns];

  it.each(STATISTICS_FIELD_ENTRIES.map((e) => [e.key, e.field.input] as const))('%s (%s) has its column', (key, input) => {
    const column = columnOf(key);
    expect(column, key).toBeDefined();
    const type = { count: 'PgInteger', year: 'PgInteger', amount: 'PgNumericNumber', multi: 'PgJsonb', date: 'PgDateString' }[input as string] ?? 'PgText';
    expect(column!.columnType).toBe(type);
  });

  it('has no column the catalogue does not name', () => {
    const keys = new Set<string>(STATISTICS_FIELD_ENTRIES.map((e) => (e.key === 'fillerPhone' ? 'fillerPhoneEnc' : e.key)));
    const own = ['applicationId', 'institutionId', 'createdAt', 'updatedAt'];
    expect(Object.keys(columns).filter((k) => !keys.has(k) && !own.includes(k))).toEqual([]);
  });

  it('keeps amounts to 2 decimals', () => {
    expect(columns.annualRevenue.getSQLType()).toBe('numeric(14, 2)');
  });
});
