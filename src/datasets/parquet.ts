/**
 * The eight tables as Parquet, one file per table, with typed columns: the CSV
 * tables' columns (src/datasets/tables.ts) in the same order, but integers as
 * INT32, coordinates as DOUBLE, dates as DATE, and `aliases` / `roles` as
 * LIST<STRING> instead of " | "-joined text. Nullable columns are OPTIONAL, the
 * rest REQUIRED, exactly as the row schemas say.
 *
 * Written with hyparquet-writer (pure JavaScript, ~60 kB bundled, Snappy, one
 * dependency); see the commit that introduced it for the comparison with
 * parquet-wasm and @dsnp/parquetjs.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ArticleDocument } from '../document/schema.js';
import { PIPELINE_VERSION } from '../version.js';
import { columns, TABLE_NAMES, TABLES, toRows, type Rows, type TableName } from './tables.js';

type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]['schema']>[number];
type ColumnKind = 'string' | 'int' | 'double' | 'date' | 'list';

/** Columns that hold ISO dates in the CSV and DATE in Parquet. */
const DATE_COLUMNS = new Set(['published_at', 'date_start', 'date_end']);
/** Columns that are " | "-joined lists in the CSV and LIST<STRING> in Parquet. */
const LIST_COLUMNS = new Set(['aliases', 'roles']);

interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  nullable: boolean;
}

/** The Parquet column types of a table, read off its TypeBox row schema. */
export function parquetColumns(table: TableName): ColumnSpec[] {
  const props = TABLES[table].properties as Record<string, { type?: string; anyOf?: { type: string }[] }>;
  return columns(table).map((name) => {
    const p = props[name]!;
    const nullable = !!p.anyOf?.some((s) => s.type === 'null');
    const json = p.type ?? p.anyOf!.find((s) => s.type !== 'null')!.type;
    const kind: ColumnKind = LIST_COLUMNS.has(name) ? 'list'
      : DATE_COLUMNS.has(name) ? 'date'
        : json === 'integer' ? 'int'
          : json === 'number' ? 'double'
            : 'string';
    return { name, kind, nullable };
  });
}

function schemaOf(table: TableName): SchemaElement[] {
  const cols = parquetColumns(table);
  const out: SchemaElement[] = [{ name: 'root', num_children: cols.length }];
  for (const c of cols) {
    const repetition_type = c.nullable ? 'OPTIONAL' : 'REQUIRED';
    if (c.kind === 'list') {
      // The standard three-level LIST (parquet-format LogicalTypes.md), which DuckDB, pyarrow and Athena read as an array.
      out.push(
        { name: c.name, repetition_type, converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      );
    } else if (c.kind === 'int') out.push({ name: c.name, type: 'INT32', repetition_type });
    else if (c.kind === 'double') out.push({ name: c.name, type: 'DOUBLE', repetition_type });
    else if (c.kind === 'date') out.push({ name: c.name, type: 'INT32', converted_type: 'DATE', repetition_type });
    else out.push({ name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type });
  }
  return out;
}

const DAY_MS = 86_400_000;
/** 'YYYY-MM-DD' → days since 1970-01-01, Parquet's DATE. */
function epochDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: "${iso}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/**
 * Gathers the rows of many articles, one at a time, for writing once at the end
 * (Parquet files are written whole). Keeps the entities' aliases and roles as
 * lists, which the CSV rows join into text.
 */
export class ParquetTables {
  readonly rows = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as Rows;
  readonly lists = new Map<string, { aliases: string[]; roles: string[] }>();

  add(doc: ArticleDocument): void {
    const r = toRows(doc);
    for (const t of TABLE_NAMES) (this.rows[t] as unknown[]).push(...r[t]);
    for (const e of doc.entities) this.lists.set(listKey(doc.article.article_id, e.entity_id), { aliases: e.aliases, roles: e.roles });
  }

  /** One Parquet file's bytes per table; tables without rows still get a file with the schema, so a set is always complete. */
  toBuffers(): Record<TableName, Uint8Array> {
    // Across articles each entity's events stay in date order, as in the merged timeline.csv.
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    this.rows.timeline.sort(
      (a, b) => cmp(a.entity_id, b.entity_id) || cmp(a.date_start, b.date_start) || cmp(a.date_end, b.date_end) || cmp(a.article_id, b.article_id) || cmp(a.event_id, b.event_id),
    );
    return Object.fromEntries(TABLE_NAMES.map((t) => [t, tableBuffer(t, this)])) as Record<TableName, Uint8Array>;
  }

  /** Writes `dir/<table>.parquet` for the eight tables; returns the rows per table. */
  async write(dir: string): Promise<Record<TableName, number>> {
    const buffers = this.toBuffers();
    await mkdir(dir, { recursive: true });
    const counts = {} as Record<TableName, number>;
    for (const t of TABLE_NAMES) {
      await writeFile(join(dir, `${t}.parquet`), buffers[t]);
      counts[t] = this.rows[t].length;
    }
    return counts;
  }
}

const listKey = (articleId: string, entityId: string) => `${articleId}\u0000${entityId}`;

function tableBuffer(table: TableName, { rows, lists }: ParquetTables): Uint8Array {
  const data = rows[table] as unknown as Record<string, unknown>[];
  const columnData = parquetColumns(table).map((c) => {
    let values: unknown[];
    if (c.kind === 'list') {
      values = data.map((r) => lists.get(listKey(r.article_id as string, r.entity_id as string))![c.name as 'aliases' | 'roles']);
    } else if (c.kind === 'date') {
      values = data.map((r) => (r[c.name] == null || r[c.name] === '' ? null : epochDay(r[c.name] as string)));
    } else values = data.map((r) => r[c.name] ?? null);
    return { name: c.name, data: values };
  });
  const buf = parquetWriteBuffer({
    columnData,
    schema: schemaOf(table),
    createdBy: `article-export ${PIPELINE_VERSION}`,
  });
  return new Uint8Array(buf);
}

/** ArticleDocuments → one Parquet file's bytes per table. */
export function toParquetTables(docs: Iterable<ArticleDocument>): Record<TableName, Uint8Array> {
  const tables = new ParquetTables();
  for (const d of docs) tables.add(d);
  return tables.toBuffers();
}

/** Writes `dir/<table>.parquet` for the eight tables; returns the rows per table. */
export async function writeParquetTables(dir: string, docs: Iterable<ArticleDocument>): Promise<Record<TableName, number>> {
  const tables = new ParquetTables();
  for (const d of docs) tables.add(d);
  return tables.write(dir);
}
