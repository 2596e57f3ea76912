/**
 * ArticleDocument → the files of its datasets: the JSON document and one CSV per
 * table. Storage writes them; this module only decides their content and names.
 */
import type { ArticleDocument, ErrorRecord } from '../document/schema.js';
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

/**
 * The bucket layout's document: the ArticleDocument (or the error record) as ONE line of JSON with a
 * final newline. JSON escapes every line break inside strings, so a JSON SerDe (Athena) or DuckDB's
 * read_json reads the whole article as one row, whatever its text holds.
 */
export function toDocumentLine(record: ArticleDocument | ErrorRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/** A document line (or a pretty-printed document) read back: the article's document, or its error record. */
export type ParsedDocument = { status: 'ok'; doc: ArticleDocument } | { status: 'error'; record: ErrorRecord };

export function parseDocument(text: string): ParsedDocument {
  const value = JSON.parse(text) as ArticleDocument | ErrorRecord;
  return 'error' in value ? { status: 'error', record: value } : { status: 'ok', doc: value };
}

/** The error record as `extract --out` and `download` write it: pretty-printed, final newline. */
export const errorFileBody = (record: ErrorRecord): string => `${JSON.stringify(record, null, 2)}\n`;
