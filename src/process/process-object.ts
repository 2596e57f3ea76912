/**
 * One S3 object → processArticle → its datasets or error record, written
 * through a DatasetSink. Shared by the Lambda handler and local mode, so both
 * behave the same (and the same as `extract`, which calls processArticle on files).
 *
 * Input problems (empty, binary, too large, not parseable) and extraction bugs
 * end in an error record and are not retried: doing the same again would fail
 * the same way. Storage failures are thrown, so the queue retries the message
 * and, after its retries, moves it to the dead-letter queue.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { articleId } from '../document/ids.js';
import { DEFAULT_MAX_INPUT_BYTES, type SourceInfo } from '../input/index.js';
import { getObject } from '../storage/s3.js';
import type { DatasetSink } from '../storage/sink.js';
import { processArticle, writeOutcome, type ArticleOutcome } from './process-article.js';

export interface ObjectRef {
  bucket: string;
  /** The object key, already URL-decoded. */
  key: string;
}

export type ProcessResult =
  | { status: 'ok'; articleId: string; entities: number; quotes: number; times: number; events: number; ms: number }
  | { status: 'error'; articleId: string; code: string; message: string; ms: number }
  | { status: 'gone'; articleId: string; ms: number };

export interface ProcessOptions {
  client: S3Client;
  /** Where datasets and error records go (Lambda and `local`: BucketDatasets on the output bucket). */
  output: DatasetSink;
  maxBytes?: number;
}

/** The article id of an S3 object: stable for the same bucket and key. */
export const s3ArticleId = (ref: ObjectRef) => articleId(`s3://${ref.bucket}/${ref.key}`);

export async function processObject(ref: ObjectRef, opts: ProcessOptions): Promise<ProcessResult> {
  const t0 = performance.now();
  const id = s3ArticleId(ref);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const obj = await getObject(opts.client, ref.bucket, ref.key, maxBytes);
  if (!obj) return { status: 'gone', articleId: id, ms: performance.now() - t0 }; // deleted since the event: nothing to export
  const source: SourceInfo = {
    kind: 's3',
    identity: `s3://${ref.bucket}/${ref.key}`,
    name: ref.key,
    bucket: ref.bucket,
    key: ref.key,
    versionId: obj.versionId,
    contentType: obj.contentType,
    metadata: obj.metadata,
    maxBytes,
  };
  const outcome = processArticle({ bytes: obj.bytes, size: obj.size }, source);
  await writeOutcome(opts.output, outcome, ref.key);
  return summarize(outcome, performance.now() - t0);
}

/** What a log line or metric needs to know about an outcome. */
export function summarize(outcome: ArticleOutcome, ms: number): ProcessResult {
  if (outcome.status === 'error') {
    const { article_id, error } = outcome.record;
    return { status: 'error', articleId: article_id, code: error.code, message: error.message, ms };
  }
  const doc = outcome.doc;
  return {
    status: 'ok',
    articleId: doc.article.article_id,
    entities: doc.entities.length,
    quotes: doc.quotes.length,
    times: doc.times.length,
    events: doc.events.length,
    ms,
  };
}
