/**
 * Writes (and removes) one article's outputs so that retries, duplicates,
 * crashes, reprocessing and deletes are safe:
 *
 * 1. its document: one line of JSON, the ArticleDocument or the error record, always at the same key
 *    (documents/<article_id>.json), so a retry or a reprocess overwrites it and can leave nothing behind;
 * 2. the manifest, last: the commit point, listing the document with its SHA-256;
 * before both, keys the previous manifest listed that the new one does not (only articles written by
 * the layout before issue 15: json/, csv/<table>/, errors/) are deleted.
 *
 * Two PUTs per article, plus one GET of the previous manifest (GETs cost 1/12.5 of a PUT).
 * Outputs are deterministic, so a duplicate or concurrent delivery rewrites
 * identical bytes and never adds rows. A crash between the two PUTs leaves the
 * old manifest, whose hash then exposes the new document, so readers skip the
 * article rather than mix versions; the queue's retry completes the job.
 */
import { createHash } from 'node:crypto';
import { toDocumentLine, toRows, TABLE_NAMES } from '../datasets/index.js';
import type { ArticleDocument, ErrorRecord } from '../document/schema.js';
import { documentKey, manifestKey, type Manifest } from './layout.js';
import type { ObjectStore } from './store.js';

const JSON_TYPE = 'application/json; charset=utf-8';
/** Newline-delimited JSON: one document per line (here, one line per object). */
const DOCUMENT_TYPE = 'application/x-ndjson; charset=utf-8';

/**
 * Hex SHA-256 of a file body as stored (UTF-8), as recorded in manifests.
 *
 * @example contentSha256('') // → 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 */
export const contentSha256 = (body: string): string => createHash('sha256').update(body, 'utf8').digest('hex');

/** The state of the input object the outputs are made from (S3 inputs), recorded in the manifest. */
export interface InputState {
  etag: string | null;
}

export async function writeArticle(store: ObjectStore, doc: ArticleDocument, input?: InputState): Promise<Manifest> {
  const id = doc.article.article_id;
  const body = toDocumentLine(doc);
  const rows = toRows(doc);
  const manifest: Manifest = {
    article_id: id,
    status: 'ok',
    source: { uri: doc.article.source.uri, version_id: doc.article.source.version_id, sha256: doc.article.sha256, ...etagOf(input) },
    pipeline_version: doc.article.pipeline_version,
    files: [documentKey(id)],
    file_sha256: { [documentKey(id)]: contentSha256(body) },
    rows: Object.fromEntries(TABLE_NAMES.map((t) => [t, rows[t].length])),
  };
  return commit(store, id, body, manifest);
}

export async function writeError(store: ObjectStore, record: ErrorRecord, input?: InputState): Promise<Manifest> {
  const id = record.article_id;
  const body = toDocumentLine(record);
  const manifest: Manifest = {
    article_id: id,
    status: 'error',
    source: { uri: record.source.uri, version_id: null, sha256: null, ...etagOf(input) },
    pipeline_version: record.pipeline_version,
    files: [documentKey(id)],
    file_sha256: { [documentKey(id)]: contentSha256(body) },
    rows: {},
  };
  return commit(store, id, body, manifest);
}

const etagOf = (input?: InputState) => (input ? { etag: input.etag } : {});

async function commit(store: ObjectStore, id: string, body: string, manifest: Manifest): Promise<Manifest> {
  // Stale files go first, while the old manifest still lists them: a crash after this shows readers an
  // incomplete article (never a mix), and the retry finds them listed again. Deleted after the new
  // manifest, a crash in between would orphan them for good.
  const previous = await readManifest(store, id);
  const keep = new Set(manifest.files);
  const stale = (previous?.files ?? []).filter((k) => !keep.has(k) && k !== manifestKey(id));
  if (stale.length > 0) await store.delete(stale);
  await store.put(documentKey(id), body, DOCUMENT_TYPE);
  await store.put(manifestKey(id), `${JSON.stringify(manifest, null, 2)}\n`, JSON_TYPE);
  return manifest;
}

/**
 * Removes an article's outputs (its input is gone): its document, whatever its manifest lists and the
 * manifest, in one request (DeleteObjects). A crash half-way leaves at worst a manifest whose file is
 * missing, which readers skip as incomplete; the retry finishes. Returns the manifest removed, or null.
 */
export async function removeArticle(store: ObjectStore, id: string): Promise<Manifest | null> {
  const manifest = await readManifest(store, id);
  const keys = new Set([documentKey(id), ...(manifest?.files ?? [])]);
  keys.delete(manifestKey(id));
  await store.delete([...keys, manifestKey(id)]);
  return manifest;
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
