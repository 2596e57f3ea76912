/**
 * Exactly one result per object while the output store fails mid-batch.
 *
 * Real s3rver on loopback, the real AWS SDK and the real Lambda handler
 * (createHandler) fed SQS-shaped events by an at-least-once queue emulator
 * (redelivery of batchItemFailures, duplicates, random order, DLQ after 5
 * receives, redrive). 200+ generated articles, 60 of them rewrites of an
 * earlier version, inputs that become or stop being errors, and inputs
 * deleted after they were processed (their ObjectRemoved events must remove
 * their outputs, DeleteObjects failing like the rest). Faults, both in the same batch: a proxy answering 500
 * InternalError / 503 SlowDown (before or after the server applied the
 * request), and the server itself stopped and restarted mid-batch. Afterwards
 * every article must have exactly the bytes a fault-free run produces,
 * consistent with its manifest, and `download` must merge them into the right
 * totals.
 *
 * Every S3 request costs a few ms of CPU on both sides here, so the test runs
 * one batch with both kinds of fault rather than one batch per kind.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../src/cli/local-s3.js';
import { columns, TABLE_NAMES } from '../../src/datasets/index.js';
import { processObject, s3ArticleId } from '../../src/process/process-object.js';
import { downloadDatasets } from '../../src/storage/download.js';
import { FolderStore } from '../../src/storage/folder-store.js';
import { createS3Client, S3Store } from '../../src/storage/s3.js';
import { BucketDatasets } from '../../src/storage/bucket-datasets.js';
import type { ObjectStore } from '../../src/storage/store.js';
import { s3NotificationBody } from '../helpers/local-s3.js';
import { generateArticles } from './articles.js';
import { fastRetryClient, faultHandler } from './clients.js';
import { startFaultProxy } from './fault-proxy.js';
import { RestartableS3 } from './restartable-s3.js';
import { SqsEmulator } from './sqs-emulator.js';
import { assertOneConsistentResultPerArticle, listAll, type VerifiedOutputs } from './verify.js';

process.env.POWERTOOLS_METRICS_DISABLED = 'true';
const IN = 'faults-in';
const OUT = 'faults-out';
const ARTICLES = 200;
const REWRITTEN = 40; // these keys first get version A, then version B
const DELETED = 8; // these keys get an article, then are deleted: their ObjectRemoved events must remove it

const cleanup: (() => unknown)[] = [];
const tmp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

/** The client of the faulty runs: millisecond instead of 100-500 ms backoff, so hundreds of faults fit the test budget. */
const fastClient = (endpoint: string) => fastRetryClient(endpoint, cleanup, { baseMs: 10, capMs: 200 });

let s3: RestartableS3;
let direct: S3Client;
/** Keys of the input bucket the faulty runs process. */
let keys: string[];
/** Keys deleted from the input bucket: the faulty runs get their ObjectRemoved events. */
let deleted: string[];
const expected = new Map<string, 'ok' | 'error'>();
/** Outputs of a fault-free run over the same inputs. */
let reference: FolderStore;
let verified: VerifiedOutputs;

beforeAll(async () => {
  s3 = new RestartableS3([IN, OUT]);
  await s3.start();
  cleanup.push(() => s3.dispose());
  direct = createS3Client({ endpoint: s3.endpoint, credentials: LOCAL_CREDENTIALS });
  cleanup.push(() => direct.destroy());
  const put = (key: string, body: string | Uint8Array) => direct.send(new PutObjectCommand({ Bucket: IN, Key: key, Body: body }));
  const good = 'Angela Merkel met Emmanuel Macron in Paris on Friday. "We agree," Merkel said.';

  // Before: version A of some articles, one that will be emptied, an empty one that will be fixed.
  const before: [string, string][] = [
    ...generateArticles(REWRITTEN, 'A', 11).map((a) => [a.key, a.body] as [string, string]),
    ['incoming/bad/emptied.txt', good],
    ['incoming/bad/fixed.txt', ''],
    ...Array.from({ length: DELETED }, (_, i) => [`incoming/deleted/${i}.txt`, `${good} Olaf Scholz agreed on day ${i + 1}.`] as [string, string]),
  ];
  await inBatches(before, ([k, body]) => put(k, body));
  const clean = new SqsEmulator(() => faultHandler(direct, OUT), { duplicateRate: 0 });
  for (const [k] of before) clean.send(s3NotificationBody(IN, k));
  await clean.drain();
  expect(clean.stats.failedDeliveries).toBe(0);
  deleted = before.map(([k]) => k).filter((k) => k.startsWith('incoming/deleted/'));
  expect((await listAll(new S3Store(direct, OUT))).filter((k) => deleted.some((d) => k.includes(s3ArticleId({ bucket: IN, key: d }))))).toHaveLength(2 * DELETED);
  await inBatches(deleted, (k) => direct.send(new DeleteObjectCommand({ Bucket: IN, Key: k })));

  // Now: version B everywhere, inputs that become errors, one that becomes an article.
  const now: [string, string | Uint8Array][] = [
    ...generateArticles(ARTICLES, 'B', 11).map((b) => [b.key, b.body] as [string, string]),
    ['incoming/bad/emptied.txt', ''],
    ['incoming/bad/fixed.txt', good],
    ['incoming/bad/binary.bin', new Uint8Array(2000).map((_, i) => (i * 131 + 7) % 256)],
  ];
  await inBatches(now, ([k, body]) => put(k, body));
  keys = now.map(([k]) => k);
  for (const k of keys) expected.set(s3ArticleId({ bucket: IN, key: k }), k === 'incoming/bad/emptied.txt' || k.endsWith('.bin') ? 'error' : 'ok');

  reference = new FolderStore(tmp('ae-faults-ref-'));
  await inBatches([...keys, ...deleted], (key) => processObject({ bucket: IN, key }, { client: direct, output: new BucketDatasets(reference) }));
  // The reference itself must be right: checked in full on local disk, where reads are cheap.
  verified = await assertOneConsistentResultPerArticle(reference, expected);
  expect(verified).toMatchObject({ ok: keys.length - 2, error: 2 });
});
afterAll(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** Runs the queue until empty, redriving the DLQ (as `article-export redrive` would) until nothing is left. */
async function runToCompletion(queue: SqsEmulator) {
  for (const k of keys) queue.send(s3NotificationBody(IN, k));
  for (const k of deleted) queue.send(s3NotificationBody(IN, k, 'ObjectRemoved:Delete'));
  await queue.drain();
  for (let i = 0; i < 3 && queue.dlq.length > 0; i++) {
    queue.redrive();
    await queue.drain();
  }
  expect(queue.dlq).toHaveLength(0);
}

async function assertRecovered() {
  const s3Output = new S3Store(direct, OUT);
  // Same keys as the fault-free run: no orphan, nothing missing.
  expect(await listAll(s3Output)).toEqual(await listAll(reference));
  // Download reads every manifest and checks every file against the SHA-256 its manifest records;
  // the manifests it read must be the fault-free run's, so every byte is the same.
  const manifests = new Map<string, string>();
  const output: ObjectStore = {
    location: s3Output.location,
    list: (p) => s3Output.list(p),
    put: (k, b, t) => s3Output.put(k, b, t),
    delete: (k) => s3Output.delete(k),
    get: async (k) => {
      const body = await s3Output.get(k);
      if (k.startsWith('manifests/') && body !== null) manifests.set(k, body);
      return body;
    },
  };
  const dir = tmp('ae-faults-dl-');
  const summary = await downloadDatasets(output, dir);
  expect(summary.incomplete).toEqual([]);
  expect(manifests.size).toBe(keys.length);
  for (const [k, body] of manifests) expect(body, `${k} differs from the fault-free run`).toBe(await reference.get(k));
  expect({ articles: summary.articles, errors: summary.errors }).toEqual({ articles: verified.ok, errors: verified.error });
  expect(summary.rows).toEqual(verified.rows);
  for (const table of TABLE_NAMES) {
    const csv = readFileSync(join(dir, 'csv', `${table}.csv`), 'utf8');
    const header = columns(table).join(',');
    expect(csv.split('\r\n').filter((line) => line === header), table).toHaveLength(1);
    expect((parse(csv, { columns: true }) as unknown[]).length, table).toBe(verified.rows[table]);
  }
  // The merged download equals the download of the fault-free run, file for file.
  const refDir = tmp('ae-faults-dl-ref-');
  await downloadDatasets(reference, refDir);
  const files = (d: string) => (readdirSync(d, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(d.length)).sort();
  expect(files(dir)).toEqual(files(refDir));
  for (const f of files(dir)) expect(readFileSync(join(dir, f), 'utf8'), f).toBe(readFileSync(join(refDir, f), 'utf8'));
}

describe(`output store failing mid-batch (${ARTICLES + 3} objects, ${DELETED} deletes)`, () => {
  it('500 InternalError / 503 SlowDown from a proxy and a server stop/restart: every object ends with exactly one consistent result', async () => {
    const proxy = await startFaultProxy({ targetPort: s3.port, bucket: OUT, rate: 0.2, maxFaults: 300, windowMs: 20_000, seed: 5 });
    try {
      const viaProxy = fastClient(proxy.endpoint);
      let done = 0;
      let outage: Promise<void> | null = null;
      const onResult = () => {
        if (++done === 70) outage = s3.outage(400); // mid-batch, while the proxy is still failing requests
      };
      const queue = new SqsEmulator(() => faultHandler(viaProxy, OUT, onResult), { seed: 3 });
      proxy.arm();
      const t0 = performance.now();
      await runToCompletion(queue);
      await outage;
      console.info(`[faults] ${Math.round(performance.now() - t0)} ms; proxy ${JSON.stringify(proxy.stats)}; queue ${JSON.stringify(queue.stats)}`);
      expect(s3.outages).toBe(1);
      expect(proxy.stats.upstreamDown).toBeGreaterThan(0);
      expect(proxy.stats.faults).toBeGreaterThan(50);
      expect(proxy.stats.byCode.InternalError).toBeGreaterThan(0);
      expect(proxy.stats.byCode.SlowDown).toBeGreaterThan(0);
      expect(proxy.stats.afterApplied).toBeGreaterThan(0);
      expect(queue.stats.failedDeliveries).toBeGreaterThan(0); // some faults outlasted the SDK's retries
      expect(queue.stats.duplicates).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
    await assertRecovered();
  });
});

async function inBatches<T>(items: readonly T[], f: (item: T) => Promise<unknown>, size = 16): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(f));
}
