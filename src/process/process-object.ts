/**
 * One S3 key → its outputs made to match the object as it is now: processArticle → its datasets or error
 * record when the object exists, its outputs removed (through its manifest) when it does not. Shared by the
 * Lambda handler and local mode, so both behave the same (and the same as `extract`, which calls
 * processArticle on files). Any event for a key — created, removed, a duplicate, a backfill — leads here, so
 * an ObjectRemoved event removes the outputs, and a late one for a key uploaded again since does not: the
 * object exists, so it is processed instead.
 *
 * Events race: an object can be deleted or replaced while it is being processed, or re-uploaded while its
 * outputs are being removed. So after its last write each pass checks the object again (a HEAD): if it is
 * not the state it worked from, another pass makes the outputs match the new state. Whichever run writes
 * last checks last, so the outputs end matching the object.
 *
 * Input problems (empty, binary, too large, not parseable) and extraction bugs
 * end in an error record and are not retried: doing the same again would fail
 * the same way. Storage failures are thrown, so the queue retries the message
 * and, after its retries, moves it to the dead-letter queue.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { articleId } from '../document/ids.js';
import { DEFAULT_MAX_INPUT_BYTES, type SourceInfo } from '../input/index.js';
import { getObject, headObject, sameState, type ObjectState, type S3Object } from '../storage/s3.js';
import type { ObjectDatasets } from '../storage/sink.js';
import { processArticle, processArticles, type ArticleOutcome } from './process-article.js';

export interface ObjectRef {
  bucket: string;
  /** The object key, already URL-decoded. */
  key: string;
}

export type ProcessResult =
  | { status: 'ok'; articleId: string; entities: number; quotes: number; times: number; events: number; ms: number }
  | { status: 'error'; articleId: string; code: string; message: string; ms: number }
  /** The object does not exist: its outputs are removed (`removed`: it had some). */
  | { status: 'gone'; articleId: string; removed: boolean; ms: number };

export interface ProcessOptions {
  client: S3Client;
  /** Where datasets and error records go (Lambda and `local`: BucketDatasets on the output bucket). */
  output: ObjectDatasets;
  maxBytes?: number;
  /** Passes before giving up on an object that keeps changing (the message is then retried). Default 3. */
  maxPasses?: number;
}

/** The article id of an S3 object: stable for the same bucket and key. */
export const s3ArticleId = (ref: ObjectRef) => articleId(`s3://${ref.bucket}/${ref.key}`);

/** The object changed under every pass: thrown so that the queue retries the message later. */
export class ObjectKeptChanging extends Error {}

export async function processObject(ref: ObjectRef, opts: ProcessOptions): Promise<ProcessResult> {
  const [result] = await processObjects([ref], opts);
  if (result!.status === 'rejected') throw result!.reason;
  return result!.value;
}

/**
 * Many keys (a queue batch) → each one's processObject result, or the error that failed it (its
 * message is then retried). The first pass reads every object, puts the articles through the
 * pipeline together (processArticles: stage by stage, less CPU) and writes each one's outputs;
 * a key whose object changed meanwhile gets its further passes alone, as processObject gives them.
 * Each key's outputs are what processObject alone would write.
 */
export async function processObjects(refs: readonly ObjectRef[], opts: ProcessOptions): Promise<PromiseSettledResult<ProcessResult>[]> {
  const t0 = performance.now();
  const reads = await Promise.allSettled(refs.map((ref) => readObject(ref, opts)));
  const outcomes = processFound(reads);
  return Promise.allSettled(
    refs.map(async (ref, i) => {
      const read = reads[i]!;
      if (read.status === 'rejected') throw read.reason;
      let pass = await writePass(ref, read.value, outcomes.get(i) ?? null, opts);
      const passes = opts.maxPasses ?? 3;
      for (let n = 1; ; n++) {
        if (await stillMatches(ref, pass.state, opts)) return { ...pass.result, ms: performance.now() - t0 };
        // Deleted, created or replaced while this pass ran: what it wrote (or removed) may not match any more.
        if (n >= passes) break;
        pass = await followObject(ref, opts);
      }
      throw new ObjectKeptChanging(`s3://${ref.bucket}/${ref.key} changed during each of ${passes} passes; the message will be retried`);
    }),
  );
}

/** An object as read for one pass: null when it does not exist. */
interface ObjectRead {
  obj: S3Object | null;
  source: SourceInfo | null;
}

async function readObject(ref: ObjectRef, opts: ProcessOptions): Promise<ObjectRead> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const obj = await getObject(opts.client, ref.bucket, ref.key, maxBytes);
  if (!obj) return { obj: null, source: null };
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
  return { obj, source };
}

/** The outcomes of the objects that were read and exist, by their index in `reads`, processed together. */
function processFound(reads: PromiseSettledResult<ObjectRead>[]): Map<number, ArticleOutcome> {
  const found: { index: number; obj: S3Object; source: SourceInfo }[] = [];
  reads.forEach((r, index) => {
    if (r.status === 'fulfilled' && r.value.obj) found.push({ index, obj: r.value.obj, source: r.value.source! });
  });
  const outcomes = processArticles(found.map(({ obj, source }) => ({ content: { bytes: obj.bytes, size: obj.size }, source })));
  return new Map(found.map(({ index }, j) => [index, outcomes[j]!]));
}

/** Whether the object is still in the state a pass worked from (null: no object). */
async function stillMatches(ref: ObjectRef, state: ObjectState | null, opts: ProcessOptions): Promise<boolean> {
  const now = await headObject(opts.client, ref.bucket, ref.key);
  return now === null ? state === null : state !== null && sameState(now, state);
}

type Pass = { result: ProcessResult; state: ObjectState | null };

/** One pass alone: the outputs made to match the object as read now; `state` is what was read (null: no object). */
async function followObject(ref: ObjectRef, opts: ProcessOptions): Promise<Pass> {
  const read = await readObject(ref, opts);
  const outcome = read.obj ? processArticle({ bytes: read.obj.bytes, size: read.obj.size }, read.source!) : null;
  return writePass(ref, read, outcome, opts);
}

/** A pass's writes: the outcome's outputs for an object that exists, its outputs removed for one that does not. */
async function writePass(ref: ObjectRef, read: ObjectRead, outcome: ArticleOutcome | null, opts: ProcessOptions): Promise<Pass> {
  const { obj } = read;
  if (!obj || !outcome) {
    // Deleted (an ObjectRemoved event, or any event that arrives after the delete): no outputs either.
    const id = s3ArticleId(ref);
    return { result: { status: 'gone', articleId: id, removed: await opts.output.removeArticle(id), ms: 0 }, state: null };
  }
  const input = { etag: obj.etag };
  if (outcome.status === 'ok') await opts.output.writeArticle(outcome.doc, ref.key, input);
  else await opts.output.writeError(outcome.record, ref.key, input);
  return { result: summarize(outcome, 0), state: { etag: obj.etag, versionId: obj.versionId } };
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
