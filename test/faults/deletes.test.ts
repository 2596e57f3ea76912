/**
 * Deletes propagate, on the real handler, the real AWS SDK and s3rver: an ObjectRemoved event removes the
 * article's outputs through its manifest, and a delete racing a (re)process ends with the outputs of the
 * object as it is at the end — none when it is gone, the new version's when it was uploaded again —
 * whichever way the two interleave. The interleavings are forced by a sink that runs the other party
 * to completion at the worst moment: after the object was read but before its outputs are written, or
 * while outputs are being removed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandler } from '../../functions/extract/handler.js';
import { sqsEvent } from '../../src/cli/local-s3.js';
import type { ArticleDocument, ErrorRecord } from '../../src/document/schema.js';
import { ObjectKeptChanging, processObject, s3ArticleId, type ProcessResult } from '../../src/process/process-object.js';
import { BucketDatasets } from '../../src/storage/bucket-datasets.js';
import { downloadDatasets } from '../../src/storage/download.js';
import { documentKey, manifestKey, type Manifest } from '../../src/storage/layout.js';
import { S3Store } from '../../src/storage/s3.js';
import type { ObjectDatasets } from '../../src/storage/sink.js';
import type { InputState } from '../../src/storage/write-outputs.js';
import { s3NotificationBody, startTestS3, type TestS3 } from '../helpers/local-s3.js';
import { listAll } from './verify.js';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';
const IN = 'deletes-in';
const OUT = 'deletes-out';
const V1 = 'Angela Merkel met Emmanuel Macron in Paris on Friday. "We agree," Merkel said.';
const V2 = 'Olaf Scholz met Giorgia Meloni in Rome on Monday. "We disagree," Scholz said.';

let s3: TestS3;
let out: S3Store;
let bucket: BucketDatasets;
beforeAll(async () => {
  s3 = await startTestS3([IN, OUT]);
  out = new S3Store(s3.client, OUT);
  bucket = new BucketDatasets(out);
});
afterAll(async () => s3?.stop());
beforeEach(async () => {
  const keys = await listAll(out);
  if (keys.length) await out.delete(keys);
});

const del = (key: string) => s3.client.send(new DeleteObjectCommand({ Bucket: IN, Key: key }));
const run = (key: string, output: ObjectDatasets = bucket) => processObject({ bucket: IN, key }, { client: s3.client, output });
const idOf = (key: string) => s3ArticleId({ bucket: IN, key });
const outputsOf = async (key: string) => (await listAll(out)).filter((k) => k.includes(idOf(key)));
const documentOf = async (key: string) => JSON.parse((await out.get(documentKey(idOf(key))))!) as ArticleDocument & ErrorRecord;

/** The bucket sink, with `before` run once ahead of the first write (or removal) it is asked for. */
function racing(hooks: { beforeWrite?: () => Promise<void>; beforeRemove?: () => Promise<void> }): ObjectDatasets & { writes: number; removals: number } {
  const sink = {
    writes: 0,
    removals: 0,
    location: bucket.location,
    close: async () => {},
    async writeArticle(doc: ArticleDocument, name: string, input?: InputState) {
      sink.writes++;
      const h = hooks.beforeWrite;
      hooks.beforeWrite = undefined;
      await h?.();
      return bucket.writeArticle(doc, name, input);
    },
    async writeError(record: ErrorRecord, name: string, input?: InputState) {
      sink.writes++;
      return bucket.writeError(record, name, input);
    },
    async removeArticle(id: string) {
      sink.removals++;
      const h = hooks.beforeRemove;
      hooks.beforeRemove = undefined;
      await h?.();
      return bucket.removeArticle(id);
    },
  };
  return sink;
}

describe('deletes', () => {
  it('an ObjectRemoved event through the handler removes that article, and only it, through its manifest', async () => {
    const handler = createHandler({ client: s3.client, output: bucket, logger: new Logger({ logLevel: 'SILENT' }), metrics: new Metrics({ namespace: 'test' }) });
    await s3.put(IN, 'keep.txt', V1);
    await s3.put(IN, 'gone.txt', V2);
    await s3.put(IN, 'bad.txt', '');
    const created = await handler({ Records: ['keep.txt', 'gone.txt', 'bad.txt'].map((k) => sqsEvent(s3NotificationBody(IN, k)).Records[0]!) });
    expect(created.batchItemFailures).toEqual([]);
    expect(await outputsOf('gone.txt')).toHaveLength(2);
    expect(await outputsOf('bad.txt')).toHaveLength(2); // its error record and manifest

    await del('gone.txt');
    await del('bad.txt');
    const removed = await handler({
      Records: ['gone.txt', 'bad.txt'].map((k) => sqsEvent(s3NotificationBody(IN, k, 'ObjectRemoved:Delete')).Records[0]!),
    });
    expect(removed.batchItemFailures).toEqual([]);
    expect(await listAll(out)).toEqual([documentKey(idOf('keep.txt')), manifestKey(idOf('keep.txt'))]);
    const dir = mkdtempSync(join(tmpdir(), 'ae-deletes-dl-'));
    const summary = await downloadDatasets(out, dir);
    expect([summary.articles, summary.errors]).toEqual([1, 0]);

    // A repeated delete event is harmless, and so is one for a key that never had outputs.
    expect((await run('gone.txt')).status).toBe('gone');
    expect(await run('never.txt')).toMatchObject({ status: 'gone', removed: false });
    expect(await listAll(out)).toHaveLength(2);
  });

  it('removes the files an article of the 0.2.0 layout listed in its manifest', async () => {
    const id = idOf('legacy.txt');
    const files = [`json/${id}.json`, `csv/entities/${id}.csv`, `csv/quotes/${id}.csv`];
    for (const k of files) await out.put(k, 'old', 'text/plain');
    await out.put(manifestKey(id), JSON.stringify({ article_id: id, status: 'ok', files }), 'application/json');
    expect(await run('legacy.txt')).toMatchObject({ status: 'gone', removed: true });
    expect(await listAll(out)).toEqual([]);
  });

  it('a delete while the object is being processed: the outputs written after it are removed again', async () => {
    await s3.put(IN, 'a.txt', V1);
    let deleteResult: ProcessResult | undefined;
    // Read, extracted, about to write — when the object is deleted and its ObjectRemoved event processed.
    const sink = racing({
      beforeWrite: async () => {
        await del('a.txt');
        deleteResult = await run('a.txt');
      },
    });
    const r = await run('a.txt', sink);
    expect(deleteResult).toMatchObject({ status: 'gone', removed: false }); // nothing to remove yet
    expect(sink.writes).toBe(1);
    expect(sink.removals).toBe(1); // the second pass, after the check found the object gone
    expect(r).toMatchObject({ status: 'gone', removed: true });
    expect(await outputsOf('a.txt')).toEqual([]);
  });

  it('a late delete event for a key uploaded again since does not remove the new outputs', async () => {
    await s3.put(IN, 'b.txt', V1);
    await run('b.txt');
    await del('b.txt');
    await s3.put(IN, 'b.txt', V2);
    const r = await run('b.txt'); // the ObjectRemoved event of the first version, delivered now
    expect(r.status).toBe('ok');
    expect((await documentOf('b.txt')).article.text).toBe(V2);
  });

  it('an upload while the outputs are being removed: the new version is processed, not lost', async () => {
    await s3.put(IN, 'c.txt', V1);
    await run('c.txt');
    await del('c.txt');
    // The delete run found the object gone and is about to remove the outputs — when the key is
    // uploaded again and that upload is processed completely.
    const sink = racing({
      beforeRemove: async () => {
        await s3.put(IN, 'c.txt', V2);
        expect((await run('c.txt')).status).toBe('ok');
      },
    });
    const r = await run('c.txt', sink);
    expect(sink.removals).toBe(1);
    expect(sink.writes).toBe(1); // the second pass, after the check found the new object
    expect(r.status).toBe('ok');
    expect((await documentOf('c.txt')).article.text).toBe(V2);
    const manifest = JSON.parse((await out.get(manifestKey(idOf('c.txt'))))!) as Manifest;
    expect(manifest.files).toEqual([documentKey(idOf('c.txt'))]);
  });

  it('a replacement while the old version is being processed: the stale outputs are rewritten from the new one', async () => {
    await s3.put(IN, 'd.txt', V1);
    const sink = racing({
      beforeWrite: async () => {
        await s3.put(IN, 'd.txt', V2);
        expect((await run('d.txt')).status).toBe('ok'); // the new version's event, processed first
      },
    });
    const r = await run('d.txt', sink);
    expect(sink.writes).toBe(2); // V1 (stale, over V2's outputs), then V2 again
    expect(r.status).toBe('ok');
    expect((await documentOf('d.txt')).article.text).toBe(V2);
    const head = await s3.client.send(new HeadObjectCommand({ Bucket: IN, Key: 'd.txt' }));
    expect((JSON.parse((await out.get(manifestKey(idOf('d.txt'))))!) as Manifest).source.etag).toBe(head.ETag);
  });

  it('an object that changes during every pass fails the message, so the queue retries it later', async () => {
    await s3.put(IN, 'e.txt', V1);
    let n = 0;
    const flapping: ObjectDatasets = {
      ...racing({}),
      writeArticle: async (doc, name, input) => {
        await s3.put(IN, 'e.txt', `${V2} ${n++}`);
        return bucket.writeArticle(doc, name, input);
      },
    };
    await expect(processObject({ bucket: IN, key: 'e.txt' }, { client: s3.client, output: flapping, maxPasses: 2 })).rejects.toBeInstanceOf(ObjectKeptChanging);
    expect(n).toBe(2);
    expect((await run('e.txt')).status).toBe('ok'); // the retry, once it holds still
    expect((await documentOf('e.txt')).article.text).toBe(`${V2} 1`);
  });
});
