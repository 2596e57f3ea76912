/**
 * `download` by format, from a real S3-compatible server: which files each
 * --format writes, and Parquet tables that hold the same rows as the CSV ones.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_FORMATS, formatParts } from '../../src/datasets/formats.js';
import { TABLE_NAMES, toDatasetFiles } from '../../src/datasets/index.js';
import { extract } from '../../src/pipeline.js';
import { downloadDatasets } from '../../src/storage/download.js';
import { S3Store } from '../../src/storage/s3.js';
import { contentSha256, writeArticle, writeError } from '../../src/storage/write-outputs.js';
import { FolderDatasets } from '../../src/storage/folder-datasets.js';
import { FolderStore } from '../../src/storage/folder-store.js';
import { PIPELINE_VERSION } from '../../src/version.js';
import { startTestS3, type TestS3 } from '../helpers/local-s3.js';

describe('download --format', () => {
  let s3: TestS3;
  let store: S3Store;
  beforeAll(async () => {
    s3 = await startTestS3(['out']);
    store = new S3Store(s3.client, 'out');
    await writeArticle(store, extract('Angela Merkel met Emmanuel Macron in Paris on 3 May 2021. "We agree," Merkel said.', { sourceIdentity: 's3://in/a.txt', publishedAt: '2021-05-04' }));
    await writeArticle(store, extract('Olaf Scholz spoke in Berlin on Friday, the chancellery said.', { sourceIdentity: 's3://in/b.txt', publishedAt: '2021-06-04' }));
    await writeError(store, {
      article_id: 'a_00000000000000ee', source: { uri: 's3://in/c.pdf', bucket: 'in', key: 'c.pdf', bytes: 4 },
      error: { code: 'BINARY_INPUT', message: 'not text', retryable: false }, pipeline_version: PIPELINE_VERSION,
    });
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it.each(DATASET_FORMATS)('%s writes exactly its parts, and error records always', async (format) => {
    const dir = mkdtempSync(join(tmpdir(), `ae-dl-${format}-`));
    const s = await downloadDatasets(store, dir, undefined, format);
    expect(s.articles).toBe(2);
    expect(s.errors).toBe(1);
    const parts = formatParts(format);
    expect(existsSync(join(dir, 'json')) && readdirSync(join(dir, 'json')).length === 2).toBe(parts.json);
    expect(existsSync(join(dir, 'csv', 'quotes.csv'))).toBe(parts.csv);
    expect(existsSync(join(dir, 'parquet', 'quotes.parquet'))).toBe(parts.parquet);
    expect(readdirSync(join(dir, 'errors'))).toEqual(['a_00000000000000ee.json']);
  });

  it('all: the Parquet tables hold the rows of the CSV tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ae-dl-all-'));
    const s = await downloadDatasets(store, dir, undefined, 'all');
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    for (const t of TABLE_NAMES) {
      const csv = parse(readFileSync(join(dir, 'csv', `${t}.csv`), 'utf8'), { columns: true }) as Record<string, string>[];
      const pq = (await con.runAndReadAll(`SELECT * FROM read_parquet('${join(dir, 'parquet', `${t}.parquet`)}')`)).getRowObjectsJson();
      expect(pq.length, t).toBe(csv.length);
      expect(pq.length, t).toBe(s.rows[t]);
      for (let i = 0; i < pq.length; i++) expect(String(pq[i]!.article_id ?? pq[i]!.entity_id)).toBe(csv[i]!.article_id ?? csv[i]!.entity_id);
    }
    expect(s.rows.mentions).toBeGreaterThan(3);
    con.closeSync();
  });

  it('builds the same files as extract from the documents, and reads articles of the layout before issue 15 alike', async () => {
    const docs = [
      extract('Angela Merkel met Emmanuel Macron in Paris on 3 May 2021.\n\n"We agree," Merkel said.', { sourceIdentity: 's3://in/x.txt', publishedAt: '2021-05-04', title: 'Talks in Paris:\nday two' }),
      extract('Olaf Scholz spoke in Berlin on Friday, the chancellery said.', { sourceIdentity: 's3://in/y.txt', publishedAt: '2021-06-04' }),
    ].sort((a, b) => (a.article.article_id < b.article.article_id ? -1 : 1)); // download goes in manifest (article id) order
    const bucket = new FolderStore(mkdtempSync(join(tmpdir(), 'ae-dl-same-')));
    await writeArticle(bucket, docs[0]!);
    // The second as the old layout left it: JSON document + per-table CSVs, listed by its manifest.
    const old = docs[1]!;
    const id = old.article.article_id;
    const files = toDatasetFiles(old);
    const legacyKeys: [string, string][] = [[`json/${id}.json`, files.json], ...TABLE_NAMES.map((t) => [`csv/${t}/${id}.csv`, files.csv[t]] as [string, string])];
    for (const [k, b] of legacyKeys) await bucket.put(k, b, 'text/plain');
    await bucket.put(`manifests/${id}.json`, JSON.stringify({ article_id: id, status: 'ok', files: legacyKeys.map(([k]) => k), file_sha256: Object.fromEntries(legacyKeys.map(([k, b]) => [k, contentSha256(b)])), rows: {} }), 'application/json');

    const dir = mkdtempSync(join(tmpdir(), 'ae-dl-same-out-'));
    const s = await downloadDatasets(bucket, dir, undefined, 'both');
    expect(s.articles).toBe(2);
    const viaExtract = mkdtempSync(join(tmpdir(), 'ae-dl-same-ref-'));
    const folder = new FolderDatasets(viaExtract, 'both');
    for (const d of docs) await folder.writeArticle(d, `json/${d.article.article_id}`);
    await folder.close();
    for (const d of docs) {
      const k = `json/${d.article.article_id}.json`;
      expect(readFileSync(join(dir, k), 'utf8'), k).toBe(readFileSync(join(viaExtract, k), 'utf8'));
    }
    for (const t of TABLE_NAMES) expect(readFileSync(join(dir, 'csv', `${t}.csv`), 'utf8'), t).toBe(readFileSync(join(viaExtract, 'csv', `${t}.csv`), 'utf8'));
    // The title spanning lines is one CSV record, the line break inside its cell.
    const articles = parse(readFileSync(join(dir, 'csv', 'articles.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(articles.map((a) => a.title)).toContain('Talks in Paris:\nday two');
  });
});
