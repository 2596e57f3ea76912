/**
 * Merges per-article CSV files into one CSV per table (header once), streaming
 * each table to its file as articles arrive: nothing is held but the rows of the
 * timeline, which is re-sorted so each entity's events stay in date order across
 * articles — and those go through an external sort (sorted runs spilled to
 * temporary files past `timelineRowsInMemory`), so a large archive never holds
 * its whole timeline in memory.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { toCsv } from './csv.js';
import { ExternalSorter } from './external-sort.js';
import { columns, TABLE_NAMES, type Row, type TableName } from './tables.js';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Timeline order: by entity, then date, then article and event (the full key, so the order is total). */
const timelineOrder = (a: Row<'timeline'>, b: Row<'timeline'>) =>
  cmp(a.entity_id, b.entity_id) || cmp(a.date_start, b.date_start) || cmp(a.date_end, b.date_end) || cmp(a.article_id, b.article_id) || cmp(a.event_id, b.event_id);

export class CsvMerger {
  private streams = new Map<TableName, WriteStream>();
  private timeline: ExternalSorter<Row<'timeline'>>;
  readonly rows: Record<TableName, number> = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;

  constructor(
    private readonly dir: string,
    { timelineRowsInMemory = 100_000 } = {},
  ) {
    this.timeline = new ExternalSorter(timelineOrder, timelineRowsInMemory);
  }

  /** Appends a per-article CSV (with its header) to the table's merged file. */
  async append(table: TableName, csvWithHeader: string): Promise<void> {
    const headerEnd = csvWithHeader.indexOf('\r\n');
    const header = headerEnd < 0 ? csvWithHeader : csvWithHeader.slice(0, headerEnd);
    if (header !== columns(table).join(',')) throw new Error(`CSV for table ${table} has unexpected columns: ${header}`);
    const body = headerEnd < 0 ? '' : csvWithHeader.slice(headerEnd + 2);
    if (!body) return;
    if (table === 'timeline') {
      const rows = parse(csvWithHeader, { columns: true, skip_empty_lines: true }) as Row<'timeline'>[];
      for (const r of rows) await this.timeline.add(r);
      this.rows.timeline += rows.length;
      return;
    }
    this.rows[table] += countRecords(body);
    const stream = await this.stream(table);
    if (!stream.write(body)) await once(stream, 'drain');
  }

  private async stream(table: TableName): Promise<WriteStream> {
    let s = this.streams.get(table);
    if (!s) {
      await mkdir(this.dir, { recursive: true });
      s = createWriteStream(join(this.dir, `${table}.csv`), 'utf8');
      s.write(`${columns(table).join(',')}\r\n`);
      this.streams.set(table, s);
    }
    return s;
  }

  /** Finishes every table's file; tables without rows get a header-only file so the set is complete. */
  async close(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const table of TABLE_NAMES) {
      if (table === 'timeline') continue;
      if (!this.streams.has(table)) await writeFile(join(this.dir, `${table}.csv`), `${columns(table).join(',')}\r\n`);
    }
    for (const s of this.streams.values()) {
      s.end();
      await once(s, 'finish');
    }
    // The sorted timeline, streamed out in batches of rows.
    const out = createWriteStream(join(this.dir, 'timeline.csv'), 'utf8');
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain');
    };
    await write(toCsv('timeline', []));
    let batch: Row<'timeline'>[] = [];
    for await (const row of this.timeline.sorted()) {
      batch.push(row);
      if (batch.length === 1000) {
        await write(toCsv('timeline', batch, false));
        batch = [];
      }
    }
    if (batch.length > 0) await write(toCsv('timeline', batch, false));
    out.end();
    await once(out, 'finish');
  }
}

/** Records in a CSV body: line breaks outside quoted fields. */
function countRecords(body: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) n++;
  }
  return n;
}
