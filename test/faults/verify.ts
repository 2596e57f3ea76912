/**
 * The "exactly one complete, consistent result per object" checks, from the
 * outside:
 * - assertOneConsistentResultPerArticle: every key belongs to the layout and
 *   to an expected article; each manifest lists exactly the files present,
 *   with a SHA-256 for each that matches; the JSON validates against the
 *   published schema; the document is one line, and the tables it implies
 *   (CSV parsed back) have as many rows as the manifest says; error records validate.
 * - assertSameAsReference: the same keys as a fault-free run and the same
 *   manifests, byte for byte — with hash-checked reads (download), that makes
 *   every file byte-identical too.
 */
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { TABLE_NAMES, toDatasetFiles, toDocumentLine, type TableName } from '../../src/datasets/index.js';
import type { ArticleDocument } from '../../src/document/schema.js';
import { articleIdOfKey, documentKey, manifestKey } from '../../src/storage/layout.js';
import { readArticleOutputs } from '../../src/storage/read-outputs.js';
import type { ObjectStore } from '../../src/storage/store.js';
import { contentSha256 } from '../../src/storage/write-outputs.js';
import { assertValid, validateDocument, validateErrorRecord } from '../helpers/schema.js';

export async function listAll(store: ObjectStore, prefix = ''): Promise<string[]> {
  const keys: string[] = [];
  for await (const k of store.list(prefix)) keys.push(k);
  return keys.sort();
}

export interface VerifiedOutputs {
  ok: number;
  error: number;
  rows: Record<TableName, number>;
}

/** Keys grouped by the article they belong to; fails on any key outside the layout. */
async function keysByArticle(store: ObjectStore): Promise<Map<string, string[]>> {
  const byArticle = new Map<string, string[]>();
  for (const k of await listAll(store)) {
    const id = articleIdOfKey(k);
    expect(id, `unexpected key ${k}`).not.toBeNull();
    if (!byArticle.has(id!)) byArticle.set(id!, []);
    byArticle.get(id!)!.push(k);
  }
  return byArticle;
}

export async function assertOneConsistentResultPerArticle(store: ObjectStore, expected: Map<string, 'ok' | 'error'>): Promise<VerifiedOutputs> {
  const byArticle = await keysByArticle(store);
  expect([...byArticle.keys()].sort()).toEqual([...expected.keys()].sort());
  const rows = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
  const result: VerifiedOutputs = { ok: 0, error: 0, rows };
  const ids = [...expected.keys()];
  for (let i = 0; i < ids.length; i += 16) {
    await Promise.all(ids.slice(i, i + 16).map((id) => checkArticle(store, id, expected.get(id)!, byArticle.get(id)!, result)));
  }
  return result;
}

async function checkArticle(store: ObjectStore, id: string, status: 'ok' | 'error', present: string[], acc: VerifiedOutputs) {
  const read = await readArticleOutputs(store, id, { attempts: 1 });
  expect(read.status, `${id}: ${read.status === 'incomplete' ? read.reason : read.status}`).toBe('complete');
  if (read.status !== 'complete') return;
  const { manifest, files } = read;
  expect(manifest.status, id).toBe(status);
  // Exactly the listed files exist: nothing missing, no orphan, no duplicate; each has its hash.
  expect([...manifest.files, manifestKey(id)].sort()).toEqual([...present].sort());
  expect(new Set(manifest.files).size).toBe(manifest.files.length);
  const body = new Map(files);
  expect(Object.keys(manifest.file_sha256 ?? {}).sort()).toEqual([...manifest.files].sort());
  for (const [k, b] of files) expect(manifest.file_sha256?.[k]).toBe(contentSha256(b));
  expect(manifest.files).toEqual([documentKey(id)]);
  const line = body.get(documentKey(id))!;
  // One line: what a JSON SerDe reads as one row.
  expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n'), `${id}: one line`).toBe(true);
  expect(line).toBe(toDocumentLine(JSON.parse(line) as ArticleDocument));
  if (status === 'error') {
    acc.error++;
    assertValid(validateErrorRecord, JSON.parse(line));
    return;
  }
  acc.ok++;
  const doc = JSON.parse(line) as ArticleDocument;
  assertValid(validateDocument, doc);
  expect(doc.article.article_id).toBe(id);
  // The tables are what this document implies, with as many rows as the manifest says (CSV parsed back).
  const derived = toDatasetFiles(doc);
  for (const table of TABLE_NAMES) {
    const parsed = parse(derived.csv[table], { columns: true }) as Record<string, string>[];
    expect(parsed.length, `${id} ${table}`).toBe(manifest.rows[table]);
    acc.rows[table] += parsed.length;
  }
}

/** Same keys and byte-identical manifests as the reference store. */
export async function assertSameAsReference(output: ObjectStore, reference: ObjectStore): Promise<void> {
  const keys = await listAll(output);
  expect(keys).toEqual(await listAll(reference));
  const manifests = keys.filter((k) => k.startsWith('manifests/'));
  for (let i = 0; i < manifests.length; i += 32) {
    await Promise.all(
      manifests.slice(i, i + 32).map(async (k) => {
        expect(await output.get(k), `${k} differs from the fault-free run`).toBe(await reference.get(k));
      }),
    );
  }
}
