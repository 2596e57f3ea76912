/**
 * Measures the extraction handler as Lambda runs it — the same code, fed
 * SQS-shaped S3 events in batches of 10, reading from and writing to a real
 * S3-compatible server on loopback — over BBC News articles, and turns the
 * measured durations and the S3 requests the handler actually sent (counted by
 * an SDK middleware, by operation and price tier) into the cost table of the
 * README (Lambda GB-seconds, S3 and SQS requests) beside Amazon Comprehend
 * DetectEntities on the same articles.
 *
 *   npx tsx scripts/measure-lambda.ts [--limit N] [--memory MB]
 *
 * Prices: us-east-1 list prices (no free tier), as published in 2025.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { createHandler } from '../functions/extract/handler.js';
import { LOCAL_CREDENTIALS, s3NotificationBody, sqsEvent, startLocalS3 } from '../src/cli/local-s3.js';
import { createS3Client, S3Store } from '../src/storage/s3.js';
import { BucketDatasets } from '../src/storage/bucket-datasets.js';
import type { ProcessResult } from '../src/process/process-object.js';

const PRICE = {
  lambdaArmGbSecond: 0.0000133334,
  lambdaRequest: 0.2 / 1e6,
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
  sqsRequest: 0.4 / 1e6,
  comprehendUnit: 0.0001, // DetectEntities: per 100 characters, minimum 3 units per request
};

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const limit = arg('--limit', 500);
const memoryMb = arg('--memory', 1769);
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');
process.env.POWERTOOLS_METRICS_DISABLED = 'true';

// Every n-th article of each topic, so the sample spans all five.
const root = join(dataDir, 'bbc-news');
const all: { key: string; body: Buffer }[] = [];
for (const topic of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  for (const f of readdirSync(join(root, topic.name)).sort()) all.push({ key: `${topic.name}/${f}`, body: readFileSync(join(root, topic.name, f)) });
}
const step = Math.max(1, Math.floor(all.length / limit));
const sample = all.filter((_, i) => i % step === 0).slice(0, limit);

const dir = mkdtempSync(join(tmpdir(), 'ae-measure-'));
const local = await startLocalS3({ directory: dir, buckets: ['in', 'out'] });
const client = createS3Client({ endpoint: local.endpoint, credentials: LOCAL_CREDENTIALS });
for (const a of sample) await client.send(new PutObjectCommand({ Bucket: 'in', Key: a.key, Body: a.body }));

// Every S3 request the handler sends, by operation, counted by the SDK itself as each attempt goes out
// (so retries would count too): what S3 bills, rather than a count of output objects.
const requests = new Map<string, number>();
let counting = false;
client.middlewareStack.add(
  (next, context) => async (args) => {
    if (counting) requests.set(context.commandName ?? '?', (requests.get(context.commandName ?? '?') ?? 0) + 1);
    return next(args);
  },
  { step: 'finalizeRequest', name: 'countRequests' },
);
/** S3 request tiers: PUT, COPY, POST and LIST at the PUT price; GET, HEAD and the rest at the GET price; DELETE free. */
const TIER: Record<string, 'put' | 'get' | 'free'> = {
  PutObjectCommand: 'put', CopyObjectCommand: 'put', ListObjectsCommand: 'put', ListObjectsV2Command: 'put',
  // DeleteObjects is a POST: counted at the PUT price to be safe (S3 bills DELETE requests nothing).
  DeleteObjectsCommand: 'put', DeleteObjectCommand: 'free',
  GetObjectCommand: 'get', HeadObjectCommand: 'get',
};

const results: ProcessResult[] = [];
const handler = createHandler({
  client,
  output: new BucketDatasets(new S3Store(client, 'out')),
  logger: new Logger({ logLevel: 'SILENT' }),
  metrics: new Metrics({ namespace: 'measure' }),
  onResult: (_, r) => results.push(r),
});
const body = (key: string) => s3NotificationBody('in', key);

// Warm-up: the first invocation of a fresh Lambda also loads the models (cold start).
const cold0 = performance.now();
await handler(sqsEvent(body(sample[0]!.key)));
const coldMs = performance.now() - cold0;
results.length = 0;

const batchMs: number[] = [];
let peakRss = 0;
counting = true;
for (let i = 0; i < sample.length; i += 10) {
  const records = sample.slice(i, i + 10).map((a) => sqsEvent(body(a.key)).Records[0]!);
  const t0 = performance.now();
  const res = await handler({ Records: records });
  batchMs.push(performance.now() - t0);
  if (res.batchItemFailures.length) throw new Error(`batch failures: ${JSON.stringify(res.batchItemFailures)}`);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
counting = false;
let outputObjects = 0;
for await (const _ of new S3Store(client, 'out').list('')) outputObjects++;
await local.close();
rmSync(dir, { recursive: true, force: true });

const per = results.map((r) => r.ms).sort((a, b) => a - b);
const q = (p: number) => per[Math.min(per.length - 1, Math.floor(p * per.length))]!;
const meanBatch = batchMs.reduce((a, b) => a + b, 0) / batchMs.length;
const chars = sample.map((a) => a.body.toString('utf8').length);
const meanChars = chars.reduce((a, b) => a + b, 0) / chars.length;

console.log(`${sample.length} BBC articles (mean ${meanChars.toFixed(0)} characters), batches of 10, one core, handler + s3rver on loopback`);
// Records of a batch run concurrently (their I/O overlaps), so a record's own time includes waiting for the others:
// the batch's wall time is what Lambda bills.
console.log(`per batch of 10 (billed duration): mean ${meanBatch.toFixed(0)} ms, max ${Math.max(...batchMs).toFixed(0)} ms → ${(meanBatch / 10).toFixed(1)} ms per article`);
console.log(`record latency inside a batch: p50 ${q(0.5).toFixed(0)} ms, p95 ${q(0.95).toFixed(0)} ms; first invocation (model load) ${coldMs.toFixed(0)} ms`);
console.log(`peak RSS ${(peakRss / 1e6).toFixed(0)} MB`);

const okCount = results.filter((r) => r.status === 'ok').length;
const perArticle = (tier: 'put' | 'get' | 'free') =>
  [...requests].filter(([op]) => (TIER[op] ?? 'put') === tier).reduce((n, [, c]) => n + c, 0) / results.length;
const putsPerArticle = perArticle('put'); // requests the handler wrote, per article
const getsPerArticle = perArticle('get');
const gbSeconds = (meanBatch / 10 / 1000) * (memoryMb / 1024);
const lambdaPerArticle = gbSeconds * PRICE.lambdaArmGbSecond + PRICE.lambdaRequest / 10;
const s3PerArticle = (1 /* the upload */ + putsPerArticle) * PRICE.s3Put + getsPerArticle * PRICE.s3Get;
const sqsPerArticle = (1 /* S3 → SQS */ + 2 / 10 /* receive + delete per batch */) * PRICE.sqsRequest;
const comprehendPerArticle = chars.reduce((n, c) => n + Math.max(3, Math.ceil(c / 100)) * PRICE.comprehendUnit, 0) / chars.length;
const ours = lambdaPerArticle + s3PerArticle + sqsPerArticle;
const money = (x: number) => (x >= 100 ? `$${x.toFixed(0)}` : x >= 1 ? `$${x.toFixed(2)}` : `$${x.toFixed(4)}`);
console.log(`\nS3 requests by the handler: ${[...requests].map(([op, n]) => `${op.replace(/Command$/, '')} ${n}`).join(', ')}; ${outputObjects} output objects`);
console.log(`per article: ${putsPerArticle.toFixed(2)} written (PUT tier) + the upload = ${(putsPerArticle + 1).toFixed(2)}; ${getsPerArticle.toFixed(2)} read (GET tier)`);
console.log(`ok ${okCount}/${results.length}; Lambda ${memoryMb} MB arm64: ${(gbSeconds * 1000).toFixed(2)} GB-ms per article\n`);
console.log('| per | Lambda (GB-s + requests) | S3 requests | SQS requests | article-export total | Comprehend DetectEntities |');
console.log('|---|---|---|---|---|---|');
for (const n of [1000, 1_000_000]) {
  console.log(`| ${n.toLocaleString('en')} articles | ${money(lambdaPerArticle * n)} | ${money(s3PerArticle * n)} | ${money(sqsPerArticle * n)} | ${money(ours * n)} | ${money(comprehendPerArticle * n)} |`);
}
