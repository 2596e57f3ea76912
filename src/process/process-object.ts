/**
 * One input object → its datasets or an error record. Shared by the Lambda
 * handler and local mode, so both behave the same.
 *
 * Input problems (empty, binary, too large, not parseable) and extraction bugs
 * end in an error record and are not retried: doing the same again would fail
 * the same way. Storage failures are thrown, so the queue retries the message
 * and, after its retries, moves it to the dead-letter queue.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { articleId } from '../document/ids.js';
import type { ErrorRecord } from '../document/schema.js';
import { DEFAULT_MAX_INPUT_BYTES, InputError, readArticle, tooLarge } from '../input/index.js';
import { extract } from '../pipeline.js';
import { getObject } from '../storage/s3.js';
import type { ObjectStore } from '../storage/store.js';
import { writeArticle, writeError } from '../storage/write-outputs.js';
import { PIPELINE_VERSION } from '../version.js';

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
  output: ObjectStore;
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
  const fail = async (code: string, message: string) => {
    const record: ErrorRecord = {
      article_id: id,
      source: { uri: `s3://${ref.bucket}/${ref.key}`, bucket: ref.bucket, key: ref.key, bytes: obj.size },
      error: { code, message, retryable: false },
      pipeline_version: PIPELINE_VERSION,
    };
    await writeError(opts.output, record);
    return { status: 'error' as const, articleId: id, code, message, ms: performance.now() - t0 };
  };
  let doc;
  try {
    if (obj.bytes === null) throw tooLarge(obj.size, maxBytes);
    const input = readArticle(obj.bytes, {
      kind: 's3',
      identity: `s3://${ref.bucket}/${ref.key}`,
      name: ref.key,
      bucket: ref.bucket,
      key: ref.key,
      versionId: obj.versionId,
      contentType: obj.contentType,
      metadata: obj.metadata,
      maxBytes,
    });
    doc = extract(input.text, input.metadata);
  } catch (e) {
    if (e instanceof InputError) return fail(e.code, e.message);
    return fail('EXTRACTION_FAILED', `Extraction failed: ${(e as Error).message ?? String(e)}`);
  }
  await writeArticle(opts.output, doc);
  return {
    status: 'ok',
    articleId: id,
    entities: doc.entities.length,
    quotes: doc.quotes.length,
    times: doc.times.length,
    events: doc.events.length,
    ms: performance.now() - t0,
  };
}
