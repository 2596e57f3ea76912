/** `extract --format`, spawned as a user runs it: which files each format writes; Parquet rows = CSV rows. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../src/datasets/index.js';
import { EXAMPLES, ROOT } from '../helpers/fixtures.js';

const BIN = join(ROOT, 'bin', 'article-export.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
const jsonDocs = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('article-export extract --format', () => {
  it('all writes JSON, CSV and Parquet, and each Parquet table has the rows of its CSV table', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ae-fmt-all-'));
    const r = run('extract', EXAMPLES, '--out', out, '--format', 'all');
    expect(r.status, r.stderr).toBe(0);
    expect(jsonDocs(out)).toHaveLength(readdirSync(EXAMPLES).length);
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    for (const t of TABLE_NAMES) {
      const csv = parse(readFileSync(join(out, 'csv', `${t}.csv`), 'utf8'), { columns: true }) as Record<string, string>[];
      const pq = (await con.runAndReadAll(`SELECT * FROM read_parquet('${join(out, 'parquet', `${t}.parquet`)}')`)).getRowObjectsJson();
      expect(pq.length, t).toBe(csv.length);
    }
    const types = (await con.runAndReadAll(`DESCRIBE SELECT published_at FROM read_parquet('${join(out, 'parquet', 'articles.parquet')}')`)).getRowObjectsJson();
    expect(types[0]!.column_type).toBe('DATE');
    con.closeSync();
  });

  it('parquet writes only the Parquet tables (and error records); csv only the CSV; json only the documents', () => {
    const only = (format: string) => {
      const out = mkdtempSync(join(tmpdir(), `ae-fmt-${format}-`));
      const r = run('extract', EXAMPLES, '--out', out, '--format', format);
      expect(r.status, r.stderr).toBe(0);
      return { json: jsonDocs(out).length > 0, csv: existsSync(join(out, 'csv')), parquet: existsSync(join(out, 'parquet')) };
    };
    expect(only('parquet')).toEqual({ json: false, csv: false, parquet: true });
    expect(only('csv')).toEqual({ json: false, csv: true, parquet: false });
    expect(only('json')).toEqual({ json: true, csv: false, parquet: false });
    expect(only('both')).toEqual({ json: true, csv: true, parquet: false });
  });

  it('rejects an unknown format with exit code 2', () => {
    const bad = run('extract', join(EXAMPLES, 'tram-line-approved.txt'), '--out', mkdtempSync(join(tmpdir(), 'ae-fmt-bad-')), '--format', 'xlsx');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/choices|parquet/);
  });
});
