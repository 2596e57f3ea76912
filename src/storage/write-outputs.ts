/**
 * Writes one article's outputs so that retries, duplicates, crashes and
 * reprocessing are safe:
 *
 * 1. data files (JSON + one CSV per non-empty table, or the error record);
 * 2. the manifest, last: the commit point, listing every file with its SHA-256;
 * 3. every key of the layout this article could have written that the new
 *    manifest does not list is deleted (this covers whatever the previous
 *    manifest listed, and files a crashed earlier run left unlisted).
 *
 * Outputs are deterministic, so a duplicate or concurrent delivery rewrites
 * identical bytes and never adds rows. A crash anywhere leaves either the old
 * manifest (whose hashes then expose any file already overwritten, so readers
 * skip rather than mix) or the new one; the queue's retry completes the job.
 */
import { createHash } from 'node:crypto';
import { toDatasetFiles, TABLE_NAMES } from '../datasets/index.js';
import type { ArticleDocument, ErrorRecord } from '../document/schema.js';
import { csvKey, errorKey, jsonKey, manifestKey, type Manifest } from './layout.js';
import type { ObjectStore } from './store.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8; header=present';

/**
 * Hex SHA-256 of a file body as stored (UTF-8), as recorded in manifests.
 *
 * @example contentSha256('') // → 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export const contentSha256 = (body: string): string => createHash('sha256').update(body, 'utf8').digest('hex');

type Write = [key: string, body: string, contentType: string];

export async function writeArticle(store: ObjectStore, doc: ArticleDocument): Promise<Manifest> {
  const id = doc.article.article_id;
  const files = toDatasetFiles(doc);
  const { rows } = files;
  const writes: Write[] = [[jsonKey(id), files.json, JSON_TYPE]];
  const counts: Manifest['rows'] = {};
  for (const table of TABLE_NAMES) {
    counts[table] = rows[table].length;
    if (rows[table].length > 0) writes.push([csvKey(table, id), files.csv[table], CSV_TYPE]);
  }
  const manifest: Manifest = {
    article_id: id,
    status: 'ok',
    source: { uri: doc.article.source.uri, version_id: doc.article.source.version_id, sha256: doc.article.sha256 },
    pipeline_version: doc.article.pipeline_version,
    files: writes.map(([k]) => k),
    file_sha256: hashes(writes),
    rows: counts,
  };
  return commit(store, id, writes, manifest);
}

export async function writeError(store: ObjectStore, record: ErrorRecord): Promise<Manifest> {
  const id = record.article_id;
  const writes: Write[] = [[errorKey(id), `${JSON.stringify(record, null, 2)}\n`, JSON_TYPE]];
  const manifest: Manifest = {
    article_id: id,
    status: 'error',
    source: { uri: record.source.uri, version_id: null, sha256: null },
    pipeline_version: record.pipeline_version,
    files: [errorKey(id)],
    file_sha256: hashes(writes),
    rows: {},
  };
  return commit(store, id, writes, manifest);
}

const hashes = (writes: Write[]) => Object.fromEntries(writes.map(([k, body]) => [k, contentSha256(body)]));

async function commit(store: ObjectStore, id: string, writes: Write[], manifest: Manifest): Promise<Manifest> {
  // Bounded parallelism keeps a Lambda's sockets and the store's rate limits in check.
  for (let i = 0; i < writes.length; i += 4) {
    await Promise.all(writes.slice(i, i + 4).map(([k, body, type]) => store.put(k, body, type)));
  }
  await store.put(manifestKey(id), `${JSON.stringify(manifest, null, 2)}\n`, JSON_TYPE);
  // Sweep the whole layout (one request): every file a previous manifest could list is in it, and so
  // is anything a run that crashed before its manifest left behind.
  const keep = new Set(manifest.files);
  const stale = allKeys(id).filter((k) => !keep.has(k));
  if (stale.length > 0) await store.delete(stale);
  return manifest;
}

/** Every key of the layout an article could have written (manifest excluded). */
export function allKeys(id: string): string[] {
  return [jsonKey(id), errorKey(id), ...TABLE_NAMES.map((t) => csvKey(t, id))];
}

export async function readManifest(store: ObjectStore, id: string): Promise<Manifest | null> {
  const text = await store.get(manifestKey(id));
  if (text === null) return null;
  try {
    return JSON.parse(text) as Manifest;
  } catch {
    return null;
  }
}
