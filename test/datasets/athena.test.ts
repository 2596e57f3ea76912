/**
 * The Athena catalog (src/datasets/athena.ts, docs/athena.sql) executed by DuckDB over documents the
 * real pipeline wrote through the bucket layout: the `documents` table read from the one-line JSON
 * documents, every view created from its SQL, each view's rows equal to the table rows `download`
 * builds (toRows), and the README's Athena queries run as written, with their answers checked.
 *
 * Two dialect differences are bridged, and only these: Trino expands `UNNEST` of an array of rows into
 * one column per field (`AS e` → `e.name`), DuckDB into one struct column (`AS e_rows(e)` → `e.name`);
 * and Trino's `cardinality(array)` is DuckDB's `len`. The JSON SerDe itself, Glue's view storage and
 * Trino's own execution are not run here.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATHENA_VIEWS, documentColumns, duckdbType, renderAthenaSql } from '../../src/datasets/athena.js';
import { TABLE_NAMES, toRows, type Rows } from '../../src/datasets/index.js';
import type { ArticleDocument } from '../../src/document/schema.js';
import { processArticle, writeOutcome } from '../../src/process/process-article.js';
import { BucketDatasets } from '../../src/storage/bucket-datasets.js';
import { FolderStore } from '../../src/storage/folder-store.js';
import { writeArticle } from '../../src/storage/write-outputs.js';
import { ROOT } from '../helpers/fixtures.js';

const EXAMPLES = join(ROOT, 'examples', 'articles');
const enc = (s: string) => new TextEncoder().encode(s);

/** Trino SQL → DuckDB, the two differences named above. */
export function toDuckDb(sql: string): string {
  return sql.replace(/CROSS JOIN UNNEST\(([^()]*)\) AS (\w+)/g, 'CROSS JOIN UNNEST($1) AS $2_rows($2)');
}

let dir: string;
let docs: ArticleDocument[];
let db: DuckDBInstance;
let con: DuckDBConnection;
const rows = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ae-athena-'));
  const bucket = new BucketDatasets(new FolderStore(dir));
  docs = [];
  const inputs: [string, Uint8Array][] = readdirSync(EXAMPLES).map((f) => [f, readFileSync(join(EXAMPLES, f))]);
  // A title over two lines (JSON input), and an input that gets an error record.
  inputs.push(['multiline.json', enc(JSON.stringify({ title: 'Talks in Paris:\nday two', published_at: '2024-10-14', text: 'Angela Merkel met Emmanuel Macron in Paris on Friday.\n\n"We agree on the plan," Merkel said. "It will take time."\n\n"And we will act together," she said on Saturday.' }))]);
  // A scheduled event (possible, on the timeline: events44).
  inputs.push(['scheduled.json', enc(JSON.stringify({ title: 'A visit', published_at: '2024-10-14', text: 'Angela Merkel is to visit Emmanuel Macron in Paris on Friday.' }))]);
  inputs.push(['empty.txt', new Uint8Array()]);
  for (const [name, bytes] of inputs) {
    const outcome = processArticle({ bytes, size: bytes.length }, { kind: 's3', identity: `s3://in/${name}`, name, bucket: 'in', key: name });
    await writeOutcome(bucket, outcome, name);
    if (outcome.status === 'ok') docs.push(outcome.doc);
  }
  // A quotation whose text spans paragraphs. Today's quote stage ends a quotation at a line break, so
  // none of the documents above has one: this one joins two quotations the pipeline found into the
  // span of text that holds both (offsets and text still agree), as a document could carry it.
  const base = docs.find((d) => d.article.title === 'Talks in Paris:\nday two')!;
  const [q1, q2] = base.quotes.filter((q) => q.text.startsWith('It will') || q.text.startsWith('And we will'));
  expect(q1 && q2, 'the pipeline found both quotations').toBeTruthy();
  const text = [...base.article.text].slice(q1!.start, q2!.end).join('');
  expect(text).toContain('\n\n');
  const spanning: ArticleDocument = structuredClone(base);
  spanning.article.article_id = 'a_00000000000000aa';
  spanning.quotes = [{ ...q1!, quote_id: 'q1', text, end: q2!.end, group: null }];
  await writeArticle(bucket.store, spanning);
  docs.push(spanning);

  db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
  // The README's queries name the database: the views live in a schema of that name.
  await con.run('CREATE SCHEMA articleexport; SET schema = \'articleexport\';');
  await con.run('CREATE MACRO cardinality(a) AS len(a);');
  const columns = documentColumns().map((c) => `'${c.name}': '${duckdbType(c.schema)}'`).join(', ');
  await con.run(`CREATE VIEW documents AS SELECT * FROM read_json('${join(dir, 'documents', '*.json')}', format = 'newline_delimited', columns = {${columns}})`);
  for (const v of ATHENA_VIEWS) await con.run(`CREATE VIEW ${v.name} AS ${toDuckDb(v.sql)}`);
}, 60_000);
afterAll(() => con?.closeSync());

/** A row as text, for comparing row sets: lists joined as in the CSV tables, null as empty. */
const key = (r: Record<string, unknown>, cols: string[]) =>
  JSON.stringify(cols.map((c) => (Array.isArray(r[c]) ? (r[c] as string[]).join(' | ') : (r[c] ?? null))));

describe('the Athena catalog on DuckDB', () => {
  it('reads one row per document, a quotation spanning paragraphs and a title over two lines included', async () => {
    const files = readdirSync(join(dir, 'documents'));
    expect(files.length).toBe(docs.length + 1); // + the error record
    for (const f of files) expect(readFileSync(join(dir, 'documents', f), 'utf8').split('\n')).toHaveLength(2); // one line each
    expect(await rows('SELECT count(*)::INTEGER AS n FROM documents')).toEqual([{ n: files.length }]);
    const q = await rows(`SELECT text FROM quotes WHERE article_id = 'a_00000000000000aa'`);
    expect(q).toEqual([{ text: expect.stringContaining('time."\n\n"And we will act') }]);
    expect((await rows('SELECT title FROM articles')).map((r) => r.title)).toContain('Talks in Paris:\nday two');
    expect(await rows('SELECT code, source_uri FROM errors')).toEqual([{ code: 'EMPTY_INPUT', source_uri: 's3://in/empty.txt' }]);
  });

  it('gives every view exactly the rows of its table, columns in CSV order', async () => {
    const expected = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as Record<string, unknown>[]])) as unknown as Rows;
    for (const d of docs) {
      const r = toRows(d);
      for (const t of TABLE_NAMES) (expected[t] as unknown[]).push(...r[t]);
    }
    for (const v of ATHENA_VIEWS.filter((x) => x.name !== 'errors')) {
      const t = v.name as (typeof TABLE_NAMES)[number];
      const got = await rows(`SELECT * FROM ${v.name}`);
      const cols = v.columns.map((c) => c.name);
      expect(Object.keys(got[0] ?? {}), v.name).toEqual(cols);
      const want = (expected[t] as Record<string, unknown>[]).map((r) => key(r, cols)).sort();
      expect(got.map((r) => key(r, cols)).sort(), v.name).toEqual(want);
      expect(want.length, `${v.name} has rows`).toBeGreaterThan(0);
    }
  });

  it("runs the README's Athena queries as written, with the answers the tables give", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /Query the datasets with Athena[\s\S]*?```sql\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block, 'the README has the Athena queries').toBeDefined();
    const queries = block!.split(';').map((q) => q.trim()).filter((q) => /\bSELECT\b/i.test(q));
    expect(queries.length).toBe(3);
    const all = docs.map(toRows);
    const [speakers, perMonth, together] = await Promise.all(queries.map((q) => rows(q)));

    const counts = new Map<string, number>();
    for (const r of all.flatMap((x) => x.quotes)) if (r.speaker_name) counts.set(r.speaker_name, (counts.get(r.speaker_name) ?? 0) + 1);
    expect(new Map(speakers!.map((r) => [r.speaker_name as string, Number(r.quotes)]))).toEqual(counts);

    const months = new Map<string, number>();
    for (const x of all) {
      for (const e of x.events) {
        const place = x.entities.find((l) => l.entity_id === e.location_entity_id);
        if (!e.date_start || !place) continue;
        const k = `${place.country_code} ${e.date_start.slice(0, 7)}`;
        months.set(k, (months.get(k) ?? 0) + 1);
      }
    }
    expect(new Map(perMonth!.map((r) => [`${r.country_code} ${r.month}`, Number(r.events)]))).toEqual(months);
    expect(months.size).toBeGreaterThan(0);

    const pairs = new Map<string, Set<string>>();
    for (const x of all) {
      for (const a of x.entities) for (const b of x.entities) {
        if (a.entity_id >= b.entity_id) continue;
        const k = JSON.stringify([a.name, b.name]);
        if (!pairs.has(k)) pairs.set(k, new Set());
        pairs.get(k)!.add(a.article_id);
      }
    }
    const top = [...pairs.values()].map((s) => s.size).sort((p, q) => q - p).slice(0, 50);
    expect(together!.map((r) => Number(r.articles))).toEqual(top);
    for (const r of together!) expect(pairs.get(JSON.stringify(Object.values(r).slice(0, 2)))?.size).toBe(Number(r.articles));
  });

  it('docs/athena.sql is the rendered catalog, so the file, the stack and this test share one SQL', () => {
    expect(readFileSync(join(ROOT, 'docs', 'athena.sql'), 'utf8')).toBe(renderAthenaSql());
  });
});
