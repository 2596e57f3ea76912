/** Lambda entry point: configuration from the environment, the work in handler.ts. */
import { extract } from '../../src/pipeline.js';
import { BucketDatasets } from '../../src/storage/bucket-datasets.js';
import { createS3Client, S3Store } from '../../src/storage/s3.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/input/index.js';
import { createHandler } from './handler.js';

const outputBucket = process.env.OUTPUT_BUCKET;
if (!outputBucket) throw new Error('OUTPUT_BUCKET is not set');

// Load the models during init: a broken deployment then fails the invocation, so SQS retries the
// messages (and parks them in the DLQ) instead of every article getting a permanent error record.
extract('Warm-up: Angela Merkel met Emmanuel Macron in Paris on Friday.', { publishedAt: '2024-10-14' });

const client = createS3Client();

export const handler = createHandler({
  client,
  output: new BucketDatasets(new S3Store(client, outputBucket)),
  maxBytes: Number(process.env.MAX_INPUT_BYTES ?? DEFAULT_MAX_INPUT_BYTES),
  inputPrefix: process.env.INPUT_PREFIX ?? '',
});
