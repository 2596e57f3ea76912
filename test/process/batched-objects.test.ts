/**
 * A queue batch goes through the pipeline together: the Lambda handler (and so `local`) puts every
 * object of an SQS event through processArticles once, and each object's outputs — documents and
 * error records — are byte for byte what delivering it alone writes. `local`'s queue holds messages
 * while paused and delivers them in batches.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandler } from '../../functions/extract/handler.js';
import { forwardObjectEvents, sqsEvent } from '../../src/cli/local-s3.js';
import * as processArticleModule from '../../src/process/process-article.js';
import { BucketDatasets } from '../../src/storage/bucket-datasets.js';
import { S3Store } from '../../src/storage/s3.js';
import { s3NotificationBody, startTestS3, type TestS3 } from '../helpers/local-s3.js';

vi.mock('../../src/process/process-article.js', async (importOriginal) => {
  const original = await importOriginal<typeof processArticleModule>();
  return { ...original, processArticles: vi.fn(original.processArticles) };
});

process.env.POWERTOOLS_METRICS_DISABLED = 'true';
const IN = 'batch-in';
const ARTICLES: Record<string, string | Uint8Array> = {
  'a.txt': 'Maria Lopez met Tomas Berg in Oslo on Friday. "We agree," Lopez said.',
  'b.txt': 'The council of Dunmore voted on Tuesday to close the bridge, its chairman Ed Park said.',
  'empty.txt': '',
  'c.txt': '"Prices will fall next year," said Ana Reyes, the bank\'s chief economist, on Monday.',
};

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3([IN, 'batch-out', 'alone-out']);
  for (const [key, body] of Object.entries(ARTICLES)) await s3.put(IN, key, body);
}, 30_000);
afterAll(async () => s3?.stop());

const handlerInto = (bucket: string) =>
  createHandler({
    client: s3.client,
    output: new BucketDatasets(new S3Store(s3.client, bucket)),
    logger: new Logger({ logLevel: 'SILENT' }),
    metrics: new Metrics({ namespace: 'test' }),
  });
const record = (key: string) => sqsEvent(s3NotificationBody(IN, key)).Records[0]!;
async function contents(bucket: string): Promise<Record<string, string>> {
  const store = new S3Store(s3.client, bucket);
  const all: Record<string, string> = {};
  for await (const key of store.list('')) all[key] = (await store.get(key))!;
  return all;
}

describe('a queue batch through the pipeline at once', () => {
  it('processes the batch in one processArticles call, each output as when delivered alone', async () => {
    const processArticles = vi.mocked(processArticleModule.processArticles);
    const keys = Object.keys(ARTICLES);
    processArticles.mockClear();
    const res = await handlerInto('batch-out')({ Records: keys.map(record) });
    expect(res.batchItemFailures).toEqual([]);
    expect(processArticles).toHaveBeenCalledTimes(1);
    expect(processArticles.mock.calls[0]![0]).toHaveLength(keys.length);

    const alone = handlerInto('alone-out');
    for (const key of keys) await alone({ Records: [record(key)] });
    const batched = await contents('batch-out');
    expect(Object.values(batched).some((v) => v.includes('"error":{"code"'))).toBe(true); // the empty file's record is kept
    expect(batched).toEqual(await contents('alone-out'));
  });

  it('local queue: messages held while paused go out together in batches of batchSize', async () => {
    const events: SQSEvent[] = [];
    const queue = forwardObjectEvents(s3.local, IN, async (e) => void events.push(e), { batchSize: 3 });
    queue.pause();
    for (const key of ['d.txt', 'e.txt', 'f.txt', 'g.txt']) await s3.put(IN, key, 'Some text.');
    expect(events).toHaveLength(0);
    queue.resume();
    await queue.idle();
    queue.stop();
    expect(events.map((e) => e.Records.length)).toEqual([3, 1]);
  });
});
