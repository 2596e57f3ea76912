/**
 * Reading one article's outputs the way every reader should: through its
 * manifest, checking each file against the SHA-256 the manifest records.
 *
 * Files are overwritten in place (Athena reads fixed keys), so a reader that
 * fetched the manifest just before a rewrite, or an article whose rewrite
 * crashed half-way (the queue will retry it), could otherwise get some files
 * of one version and some of another. A mismatch means "changing right now":
 * re-read manifest and files a few times, then report the article as
 * incomplete instead of returning a mix.
 */
import { manifestKey, type Manifest } from './layout.js';
import type { ObjectStore } from './store.js';
import { contentSha256 } from './write-outputs.js';

export type ArticleOutputs =
  /** One consistent version: the manifest and each file it lists, in its order. */
  | { status: 'complete'; manifest: Manifest; files: [key: string, body: string][] }
  /** No manifest: never finished, or removed. */
  | { status: 'absent' }
  /** Files do not match the manifest (a rewrite in progress or interrupted). */
  | { status: 'incomplete'; reason: string };

export interface ReadOptions {
  /** Reads of manifest + files before giving up on a changing article (default 3). */
  attempts?: number;
  /** Wait before the second read; doubles each time (default 200 ms). */
  retryDelayMs?: number;
}

/**
 * @example
 * const r = await readArticleOutputs(store, articleId);
 * if (r.status === 'complete') for (const [key, body] of r.files) console.log(key, body.length);
 */
export async function readArticleOutputs(store: ObjectStore, articleId: string, options: ReadOptions = {}): Promise<ArticleOutputs> {
  const attempts = Math.max(1, options.attempts ?? 3);
  let delay = options.retryDelayMs ?? 200;
  let reason = '';
  for (let attempt = 1; ; attempt++) {
    const read = await readOnce(store, articleId);
    if (read.status !== 'incomplete') return read;
    reason = read.reason;
    if (attempt >= attempts) return { status: 'incomplete', reason };
    await new Promise((r) => setTimeout(r, delay));
    delay *= 2;
  }
}

async function readOnce(store: ObjectStore, articleId: string): Promise<ArticleOutputs> {
  const text = await store.get(manifestKey(articleId));
  if (text === null) return { status: 'absent' };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    return { status: 'incomplete', reason: 'its manifest is not valid JSON' };
  }
  if (manifest.article_id !== articleId || !Array.isArray(manifest.files)) {
    return { status: 'incomplete', reason: 'its manifest does not describe this article' };
  }
  const files = await Promise.all(manifest.files.map(async (key) => [key, await store.get(key)] as const));
  for (const [key, body] of files) {
    if (body === null) return { status: 'incomplete', reason: `${key} is listed in its manifest but missing` };
    const expected = manifest.file_sha256?.[key];
    if (expected !== undefined && contentSha256(body) !== expected) {
      return { status: 'incomplete', reason: `${key} does not match the SHA-256 in its manifest` };
    }
  }
  return { status: 'complete', manifest, files: files as [string, string][] };
}
