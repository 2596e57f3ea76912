/**
 * Rows → CSV text: RFC 4180 (CRLF record delimiter, quotes doubled, header row),
 * UTF-8. Text cells that a spreadsheet would run as a formula (starting with
 * = + - @ tab or CR) get a leading apostrophe via csv-stringify's escape_formulas;
 * numeric cells are written as numbers and left alone, so -5 stays -5.
 */
import { stringify } from 'csv-stringify/sync';
import { columns, type Row, type TableName } from './tables.js';

export const CSV_OPTIONS = {
  record_delimiter: 'windows',
  escape_formulas: true,
  cast: { boolean: (v: boolean) => (v ? 'true' : 'false') },
} as const;

/**
 * @example
 * toCsv('times', []) // 'article_id,time_id,text,start,end,type,value,date_start,date_end\r\n'
 */
export function toCsv<T extends TableName>(table: T, rows: readonly Row<T>[], header = true): string {
  const cols = columns(table);
  // Records handed over as arrays in column order: csv-stringify then reads cell i
  // instead of resolving each column name as a property path for every cell (a
  // third of its time). The same bytes.
  const records = rows.map((r) => {
    const o = r as unknown as Record<string, unknown>;
    return cols.map((c) => o[c]);
  });
  const body = stringify(records, { ...CSV_OPTIONS, header: false });
  return (header ? `${cols.join(',')}\r\n` : '') + body;
}
