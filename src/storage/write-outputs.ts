/**
 * Writes one article's outputs so that retries and reprocessing are safe:
 * data files first, the manifest last, then whatever the previous manifest
 * listed that this run no longer produced is deleted. Outputs are deterministic,
 * so a duplicate delivery rewrites identical bytes and never adds rows.
 */
import { toDatasetFiles, toRows, TABLE_NAMES } from '../datasets/index.js';
import type { ArticleDocument, ErrorRecord } from '../document/schema.js';
import { csvKey, errorKey, jsonKey, manifestKey, type Manifest } from './layout.js';
import type { ObjectStore } from './store.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const CSV_TYPE = 'text/csv; charset=utf-8; header=present';

export async function writeArticle(store: ObjectStore, doc: ArticleDocument): Promise<Manifest> {
  const id = doc.article.article_id;
  const files = toDatasetFiles(doc);
  const rows = toRows(doc);
  const writes: [string, string, string][] = [[jsonKey(id), files.json, JSON_TYPE]];
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
    rows: counts,
  };
  return commit(store, id, writes, manifest);
}

export async function writeError(store: ObjectStore, record: ErrorRecord): Promise<Manifest> {
  const id = record.article_id;
  const manifest: Manifest = {
    article_id: id,
    status: 'error',
    source: { uri: record.source.uri, version_id: null, sha256: null },
    pipeline_version: record.pipeline_version,
    files: [errorKey(id)],
    rows: {},
  };
  return commit(store, id, [[errorKey(id), `${JSON.stringify(record, null, 2)}\n`, JSON_TYPE]], manifest);
}

async function commit(store: ObjectStore, id: string, writes: [string, string, string][], manifest: Manifest): Promise<Manifest> {
  const previous = await readManifest(store, id);
  // Bounded parallelism keeps a Lambda's sockets and the store's rate limits in check.
  for (let i = 0; i < writes.length; i += 4) {
    await Promise.all(writes.slice(i, i + 4).map(([k, body, type]) => store.put(k, body, type)));
  }
  await store.put(manifestKey(id), `${JSON.stringify(manifest, null, 2)}\n`, JSON_TYPE);
  const keep = new Set(manifest.files);
  const stale = new Set((previous?.files ?? []).filter((k) => !keep.has(k)));
  // Without a previous manifest (a crash before it was written) sweep every place this article could have written.
  if (!previous) for (const k of allKeys(id)) if (!keep.has(k)) stale.add(k);
  if (stale.size > 0) await store.delete([...stale]);
  return manifest;
}

function allKeys(id: string): string[] {
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
