/**
 * At-least-once delivery on the real handler and s3rver: the same key
 * processed concurrently (in separate execution environments, and twice in one
 * batch) while a proxy jitters every request so the writers interleave; and a
 * message whose processing keeps failing landing in the DLQ after 5 receives,
 * then completed by a redrive.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqsEvent } from '../../src/cli/local-s3.js';
import { processObject, s3ArticleId } from '../../src/process/process-object.js';
import { FolderStore } from '../../src/storage/folder-store.js';
import { S3Store } from '../../src/storage/s3.js';
import { BucketDatasets } from '../../src/storage/bucket-datasets.js';
import { s3NotificationBody, startTestS3, type TestS3 } from '../helpers/local-s3.js';
import { generateArticles } from './articles.js';
import { fastRetryClient, faultHandler } from './clients.js';
import { startFaultProxy } from './fault-proxy.js';
import { SqsEmulator } from './sqs-emulator.js';
import { assertOneConsistentResultPerArticle, assertSameAsReference, listAll } from './verify.js';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';
const IN = 'delivery-in';

let s3: TestS3;
const cleanup: (() => unknown)[] = [];
beforeAll(async () => {
  s3 = await startTestS3([IN, 'concurrent-out', 'dlq-out']);
});
afterAll(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
  await s3?.stop();
});

const client = (endpoint: string) => fastRetryClient(endpoint, cleanup, { baseMs: 5, capMs: 100 });
const record = (key: string): SQSRecord => sqsEvent(s3NotificationBody(IN, key)).Records[0]!;

async function fromReference(keys: string[], bucket: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ae-delivery-ref-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const reference = new FolderStore(dir);
  for (const key of keys) await processObject({ bucket: IN, key }, { client: s3.client, output: new BucketDatasets(reference) });
  const output = new S3Store(s3.client, bucket);
  await assertSameAsReference(output, reference);
  await assertOneConsistentResultPerArticle(output, new Map(keys.map((k) => [s3ArticleId({ bucket: IN, key: k }), 'ok'])));
}

describe('at-least-once delivery', () => {
  it('the same key processed concurrently, by several environments and twice in one batch, gives the bytes of one clean run', async () => {
    const OUT = 'concurrent-out';
    const before = generateArticles(3, 'A', 31);
    const after = generateArticles(6, 'B', 31); // the first 3 keys are rewrites of version A
    for (const a of before) await s3.put(IN, a.key, a.body);
    await faultHandler(s3.client, OUT)({ Records: before.map((a) => record(a.key)) });
    for (const a of after) await s3.put(IN, a.key, a.body);
    const keys = after.map((a) => a.key);

    // Every request delayed 0-15 ms at random, so concurrent writers of one key interleave.
    const proxy = await startFaultProxy({ targetPort: s3.local.port, bucket: OUT, rate: 0, maxFaults: 0, windowMs: 0, latencyMs: 15, seed: 17 });
    cleanup.push(() => proxy.close());
    const jittered = client(proxy.endpoint);
    const results = await Promise.all([
      faultHandler(jittered, OUT)({ Records: keys.map(record) }),
      faultHandler(jittered, OUT)({ Records: [...keys].reverse().map(record) }),
      faultHandler(jittered, OUT)({ Records: [...keys.slice(3), ...keys.slice(0, 3)].map(record) }),
      faultHandler(jittered, OUT)({ Records: [...keys, ...keys].map(record) }), // duplicates inside one batch
    ]);
    for (const r of results) expect(r.batchItemFailures).toEqual([]);
    await fromReference(keys, OUT);
  });

  it('a message that keeps failing lands in the DLQ after 5 receives, and a redrive completes it', async () => {
    const OUT = 'dlq-out';
    const articles = generateArticles(3, 'C', 47);
    for (const a of articles) await s3.put(IN, a.key, a.body);
    // The output bucket fails every request (503 SlowDown / 500) until disarmed.
    const proxy = await startFaultProxy({ targetPort: s3.local.port, bucket: OUT, rate: 1, maxFaults: 10_000, windowMs: 60_000, seed: 1 });
    cleanup.push(() => proxy.close());
    const failing = client(proxy.endpoint);
    const queue = new SqsEmulator(() => faultHandler(failing, OUT), { duplicateRate: 0, visibilityTimeoutMs: 10 });
    for (const a of articles) queue.send(s3NotificationBody(IN, a.key));
    proxy.arm();
    await queue.drain();
    expect(queue.dlq).toHaveLength(3);
    expect(queue.stats).toMatchObject({ deliveries: 15, failedDeliveries: 15, movedToDlq: 3 });
    // No manifest, so no reader sees anything of these articles.
    expect((await listAll(new S3Store(s3.client, OUT))).filter((k) => k.startsWith('manifests/'))).toEqual([]);

    proxy.disarm(); // the store is healthy again: `article-export redrive`
    expect(queue.redrive()).toBe(3);
    await queue.drain();
    expect(queue.dlq).toHaveLength(0);
    await fromReference(articles.map((a) => a.key), OUT);
  });
});
