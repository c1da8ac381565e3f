import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, type TImportColumnKey } from '@jhrm/contracts';
import { readSheet, type Sheet, type SheetRow as GenericRow, type SheetSpec } from '../../lib/sheets';

/** The admin's institution spreadsheet: IMPORT_COLUMNS read by the shared sheet reader (lib/sheets.ts). */
const DATE_KEYS: ReadonlySet<TImportColumnKey> = new Set(['foundedOn', 'issuedOn']);

const SPEC: SheetSpec<TImportColumnKey> = {
  columns: IMPORT_COLUMNS.map((c) => ({ key: c.key, header: c.header, aliases: c.aliases, required: c.required, date: DATE_KEYS.has(c.key) })),
  maxRows: IMPORT_MAX_ROWS,
};

export type SheetRow = GenericRow<TImportColumnKey>;

export const readInstitutionSheet = (buf: Buffer, name: string): Promise<Sheet<TImportColumnKey>> => readSheet(buf, name, SPEC);
