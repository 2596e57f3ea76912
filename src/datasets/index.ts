/**
 * ArticleDocument → the files of its datasets: the JSON document and one CSV per
 * table. Storage writes them; this module only decides their content and names.
 */
import type { ArticleDocument } from '../document/schema.js';
import { toCsv } from './csv.js';
import { TABLE_NAMES, toRows, type Rows, type TableName } from './tables.js';

export { TABLES, TABLE_NAMES, columns, toRows, type Row, type Rows, type TableName } from './tables.js';
export { toCsv, CSV_OPTIONS } from './csv.js';

export interface DatasetFiles {
  /** The JSON document, pretty-printed, with a final newline. */
  json: string;
  /** One CSV (with header) per table. Tables with no rows are included with just their header. */
  csv: Record<TableName, string>;
  /** The rows behind the CSVs. */
  rows: Rows;
}

/** Deterministic: the same document always gives the same bytes. */
export function toDatasetFiles(doc: ArticleDocument): DatasetFiles {
  const rows = toRows(doc);
  const csv = Object.fromEntries(TABLE_NAMES.map((t) => [t, toCsv(t, rows[t] as never)])) as Record<TableName, string>;
  return { json: `${JSON.stringify(doc, null, 2)}\n`, csv, rows };
}
