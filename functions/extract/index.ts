/** Lambda entry point: configuration from the environment, the work in handler.ts. */
import { createS3Client, S3Store } from '../../src/storage/s3.js';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/input/index.js';
import { createHandler } from './handler.js';

const outputBucket = process.env.OUTPUT_BUCKET;
if (!outputBucket) throw new Error('OUTPUT_BUCKET is not set');
const client = createS3Client();

export const handler = createHandler({
  client,
  output: new S3Store(client, outputBucket),
  maxBytes: Number(process.env.MAX_INPUT_BYTES ?? DEFAULT_MAX_INPUT_BYTES),
  inputPrefix: process.env.INPUT_PREFIX ?? '',
});
