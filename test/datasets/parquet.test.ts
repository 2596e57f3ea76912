/**
 * The Parquet tables read back by a real engine (DuckDB) hold the same rows as
 * the merged CSV tables of the same articles, with typed columns.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { columns, TABLE_NAMES, toDatasetFiles, type TableName } from '../../src/datasets/index.js';
import { CsvMerger } from '../../src/datasets/merge.js';
import { parquetColumns, toParquetTables, writeParquetTables } from '../../src/datasets/parquet.js';
import type { ArticleDocument } from '../../src/document/schema.js';
import { extract } from '../../src/pipeline.js';
import { EXAMPLES } from '../helpers/fixtures.js';

function exampleTexts(): { name: string; text: string }[] {
  return readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
    .map((f) => ({ name: f, text: readFileSync(join(EXAMPLES, f), 'utf8') }));
}

// Cells that stress a columnar writer: multi-line quotes, a formula-looking alias, emoji, quotes and commas.
const TRICKY =
  'Angela Merkel met Emmanuel Macron in Paris on 3 May 2021.\n\n"We agree on everything, and on more," Merkel said. ' +
  'The group =SUM(A1) and Gazprom 🚀 "met, again" in Berlin on Friday, said Olaf Scholz.';

describe('Parquet tables', () => {
  let dir: string;
  let db: DuckDBInstance;
  let con: DuckDBConnection;
  let docs: ArticleDocument[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ae-parquet-'));
    docs = [
      ...exampleTexts().map(({ name, text }) => extract(text, { sourceIdentity: name, publishedAt: '2025-03-14' })),
      extract(TRICKY, { sourceIdentity: 'tricky.txt', publishedAt: '2021-05-04' }),
      extract('Nothing happened here.', { sourceIdentity: 'empty-ish.txt' }), // no entities, no date
    ];
    // A quotation spanning paragraphs (what splits rows in Athena's CSV reader), set by hand: this tests the writer.
    const tricky = docs.find((d) => d.article.source.uri === 'tricky.txt')!;
    expect(tricky.quotes.length).toBeGreaterThan(0);
    tricky.quotes[0]!.text = 'We agree on everything,\n\nand on more 🚀, "again"';
    // An alias holding the CSV's list separator: only a real list keeps it apart.
    tricky.entities[0]!.aliases = ['A | B', '=x', 'Ünïcode 🚀'];
    const merger = new CsvMerger(join(dir, 'csv'));
    for (const d of docs) {
      const files = toDatasetFiles(d);
      for (const t of TABLE_NAMES) await merger.append(t, files.csv[t]);
    }
    await merger.close();
    await writeParquetTables(join(dir, 'parquet'), docs);
    db = await DuckDBInstance.create(':memory:');
    con = await db.connect();
  });
  afterAll(() => {
    con?.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });

  const read = async (t: TableName) =>
    (await con.runAndReadAll(`SELECT * FROM read_parquet('${join(dir, 'parquet', `${t}.parquet`)}')`)).getRowObjectsJson();
  const csvRows = (t: TableName) =>
    parse(readFileSync(join(dir, 'csv', `${t}.csv`), 'utf8'), { columns: true }) as Record<string, string>[];

  it('writes one file per table', () => {
    for (const t of TABLE_NAMES) expect(statSync(join(dir, 'parquet', `${t}.parquet`)).size).toBeGreaterThan(0);
  });

  it('has the CSV columns with Parquet types: integers, doubles, dates, lists of strings', async () => {
    const types = async (t: TableName) =>
      Object.fromEntries(
        (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${join(dir, 'parquet', `${t}.parquet`)}')`))
          .getRowObjectsJson()
          .map((r) => [r.column_name as string, r.column_type as string]),
      );
    for (const t of TABLE_NAMES) expect(Object.keys(await types(t))).toEqual(columns(t));
    const entities = await types('entities');
    expect(entities).toMatchObject({ aliases: 'VARCHAR[]', roles: 'VARCHAR[]', mention_count: 'INTEGER', latitude: 'DOUBLE', longitude: 'DOUBLE', name: 'VARCHAR' });
    expect(await types('mentions')).toMatchObject({ start: 'INTEGER', end: 'INTEGER', sentence: 'INTEGER' });
    expect(await types('articles')).toMatchObject({ published_at: 'DATE', char_count: 'INTEGER', title: 'VARCHAR' });
    expect(await types('times')).toMatchObject({ date_start: 'DATE', date_end: 'DATE' });
    expect(await types('events')).toMatchObject({ date_start: 'DATE', trigger_start: 'INTEGER' });
    expect(await types('timeline')).toMatchObject({ date_start: 'DATE', date_end: 'DATE' });
    expect(await types('quotes')).toMatchObject({ cue_start: 'INTEGER', text: 'VARCHAR' });
  });

  it('holds the same rows, in the same order, as the merged CSV tables', async () => {
    let compared = 0;
    for (const t of TABLE_NAMES) {
      const csv = csvRows(t);
      const pq = await read(t);
      expect(pq, t).toHaveLength(csv.length);
      const specs = parquetColumns(t);
      pq.forEach((row, i) => {
        for (const c of specs) {
          const v = row[c.name];
          // The CSV's spelling of the typed value: lists joined with " | ", null as an empty cell,
          // and the apostrophe the CSV puts before formula-like text (Parquet keeps the text as it is).
          let expected = v === null ? '' : Array.isArray(v) ? v.join(' | ') : String(v);
          if (c.kind === 'string' || c.kind === 'list') expected = expected.replace(/^([=+\-@\t\r])/, "'$1");
          expect(csv[i]![c.name], `${t}[${i}].${c.name}`).toBe(expected);
          compared++;
        }
      });
    }
    const rows = await read('entities');
    expect(rows.length).toBeGreaterThan(20);
    expect(compared).toBeGreaterThan(1000);
  });

  it('keeps multi-line text, emoji and lists whole', async () => {
    const tricky = docs.find((d) => d.article.source.uri === 'tricky.txt')!;
    const quotes = await read('quotes');
    expect(quotes.map((q) => q.text)).toContain('We agree on everything,\n\nand on more 🚀, "again"');
    const listed = tricky.entities[0]!;
    const e = (await read('entities')).find((r) => r.article_id === tricky.article.article_id && r.entity_id === listed.entity_id)!;
    expect(e.aliases).toEqual(['A | B', '=x', 'Ünïcode 🚀']);
    expect(e.roles).toEqual(listed.roles);
    const texts = (await read('articles')).map((a) => a.char_count);
    expect(texts).toContain(tricky.article.char_count);
  });

  it('lets SQL use the types: dates compare as dates, lists unnest', async () => {
    const p = (t: string) => `read_parquet('${join(dir, 'parquet', `${t}.parquet`)}')`;
    const r = await con.runAndReadAll(
      `SELECT count(*)::INTEGER AS n FROM ${p('times')} WHERE date_start >= DATE '2021-01-01' AND date_start < DATE '2100-01-01'`,
    );
    const expected = docs.flatMap((d) => d.times).filter((t) => t.date_start && t.date_start >= '2021-01-01').length;
    expect(r.getRowObjectsJson()[0]!.n).toBe(expected);
    const aliases = await con.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM (SELECT unnest(aliases) FROM ${p('entities')})`);
    expect(aliases.getRowObjectsJson()[0]!.n).toBe(docs.flatMap((d) => d.entities).reduce((s, e) => s + e.aliases.length, 0));
  });

  it('writes complete files for tables with no rows', async () => {
    const bytes = toParquetTables([extract('Nothing happened here.', { sourceIdentity: 'x.txt' })]);
    const f = join(dir, 'empty-events.parquet');
    await import('node:fs/promises').then((fs) => fs.writeFile(f, bytes.events));
    const r = await con.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${f}')`);
    expect(r.getRowObjectsJson()[0]!.n).toBe(0);
  });
});
