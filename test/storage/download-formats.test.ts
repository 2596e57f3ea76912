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
import { TABLE_NAMES } from '../../src/datasets/index.js';
import { extract } from '../../src/pipeline.js';
import { downloadDatasets } from '../../src/storage/download.js';
import { S3Store } from '../../src/storage/s3.js';
import { writeArticle, writeError } from '../../src/storage/write-outputs.js';
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
});
