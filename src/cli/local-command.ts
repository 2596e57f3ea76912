/**
 * `article-export local`: the whole serverless path on this machine. An
 * embedded S3 server gets an input and an output bucket; every object created
 * or deleted in the input bucket is delivered, as the SQS message S3 would send, to the
 * same handler code that runs in Lambda; the datasets are then downloaded and
 * merged into ./out and summarised.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { createHandler } from '../../functions/extract/handler.js';
import type { ArticleDocument } from '../document/schema.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../input/index.js';
import { BucketDatasets } from '../storage/bucket-datasets.js';
import { downloadDatasets } from '../storage/download.js';
import { createS3Client, S3Store } from '../storage/s3.js';
import { collectInputs } from './files.js';
import { forwardObjectEvents, LOCAL_CREDENTIALS, startLocalS3 } from './local-s3.js';
import { serveReport } from '../report/serve.js';
import { formatSummary } from './summary.js';

export interface LocalOptions {
  articles: string[];
  out: string;
  port?: number;
  serve?: boolean;
  /** Port of the live report while serving (default: a free one). */
  reportPort?: number;
  inputBucket: string;
  outputBucket: string;
  maxBytes?: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.json': 'application/json',
};

export async function localCommand(opts: LocalOptions, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<{ endpoint: string; reportUrl?: string; close(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'article-export-s3-'));
  const local = await startLocalS3({ directory: dataDir, buckets: [opts.inputBucket, opts.outputBucket], port: opts.port });
  const client = createS3Client({ endpoint: local.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  const output = new S3Store(client, opts.outputBucket);
  process.env.POWERTOOLS_METRICS_DISABLED = 'true'; // no EMF lines on a laptop
  const handler = createHandler({
    client,
    output: new BucketDatasets(output),
    maxBytes: opts.maxBytes ?? DEFAULT_MAX_INPUT_BYTES,
    logger: new Logger({ serviceName: 'article-export', logLevel: 'ERROR' }),
    metrics: new Metrics({ namespace: 'ArticleExport', serviceName: 'article-export' }),
    onResult: (ref, r) =>
      log(
        r.status === 'ok'
          ? `  processed s3://${ref.bucket}/${ref.key} → ${r.articleId}: ${r.entities} entities, ${r.quotes} quotes, ${r.times} times, ${r.events} events (${r.ms.toFixed(0)} ms)`
          : r.status === 'error'
            ? `  rejected  s3://${ref.bucket}/${ref.key} → errors/${r.articleId}.json: ${r.message}`
            : r.removed
              ? `  deleted   s3://${ref.bucket}/${ref.key} → ${r.articleId}: its outputs removed`
              : `  skipped   s3://${ref.bucket}/${ref.key}: no longer exists`,
      ),
  });
  let afterDelivery = () => {}; // set once serving: refresh ./out
  const queue = forwardObjectEvents(local, opts.inputBucket, async (event) => {
    await handler(event);
    afterDelivery();
  });
  log(`Local S3 server on ${local.endpoint} (buckets ${opts.inputBucket}, ${opts.outputBucket}; data in ${dataDir})`);

  const files = await collectInputs(opts.articles);
  log(`Uploading ${files.length} articles to s3://${opts.inputBucket}/ …`);
  // Their messages wait for the uploads to finish, then go in full batches (less CPU per article).
  queue.pause();
  for (const f of files) {
    const ext = f.relative.slice(f.relative.lastIndexOf('.')).toLowerCase();
    await client.send(
      new PutObjectCommand({ Bucket: opts.inputBucket, Key: f.relative, Body: await readFile(f.path), ContentType: CONTENT_TYPES[ext] ?? 'application/octet-stream' }),
    );
  }
  queue.resume();
  await queue.idle();
  const out = resolve(opts.out);
  const refresh = async () => {
    for (const sub of ['json', 'csv', 'errors']) await rm(join(out, sub), { recursive: true, force: true });
    const summary = await downloadDatasets(output, out);
    const docs = await readDocuments(join(out, 'json'));
    return { summary, docs };
  };
  const { summary, docs } = await refresh();
  log(`\nDatasets in ${out}/ (${summary.articles} articles, ${summary.errors} errors): json/, csv/<table>.csv, errors/\n`);
  log(formatSummary(docs, summary.rows));

  const close = async () => {
    queue.stop();
    await local.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  if (!opts.serve) {
    await close();
    return { endpoint: local.endpoint, close: async () => {} };
  }
  // The report, live at its own address: pages are rendered from ./out on request, reloaded after each refresh.
  const report = await serveReport(out, { port: opts.reportPort });
  const env = `AWS_ACCESS_KEY_ID=${LOCAL_CREDENTIALS.accessKeyId} AWS_SECRET_ACCESS_KEY=${LOCAL_CREDENTIALS.secretAccessKey} AWS_DEFAULT_REGION=us-east-1`;
  log(`
Serving. Any S3 client can upload (or delete) now; each upload is processed, each delete removes its outputs, as in Lambda.
  Upload:    ${env} aws --endpoint-url ${local.endpoint} s3 cp my-article.txt s3://${opts.inputBucket}/
  Raw files: ${env} aws --endpoint-url ${local.endpoint} s3 sync s3://${opts.outputBucket} ./out-raw
  Datasets:  npx article-export download s3://${opts.outputBucket} --out ${opts.out} --endpoint ${local.endpoint}
  Report:    ${report.url}
./${opts.out} and the report are refreshed after each upload. Ctrl-C stops.`);
  let timer: NodeJS.Timeout | undefined;
  afterDelivery = () => {
    // Debounced: a burst of uploads refreshes ./out once.
    clearTimeout(timer);
    timer = setTimeout(
      () =>
        void refresh().then(({ summary: s }) => {
          report.invalidate();
          log(`  ./${opts.out} refreshed: ${s.articles} articles, ${s.errors} errors`);
        }),
      300,
    );
  };
  return {
    endpoint: local.endpoint,
    reportUrl: report.url,
    close: async () => {
      clearTimeout(timer);
      await report.close();
      await close();
    },
  };
}

async function readDocuments(dir: string): Promise<ArticleDocument[]> {
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as ArticleDocument));
}
