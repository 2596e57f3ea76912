/** The S3 client and Lambda handler the fault tests run: fast retries, silent logs, no metrics. */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { S3Client } from '@aws-sdk/client-s3';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { createHandler } from '../../functions/extract/handler.js';
import { LOCAL_CREDENTIALS } from '../../src/cli/local-s3.js';
import { createS3Client, S3Store } from '../../src/storage/s3.js';
import { BucketDatasets } from '../../src/storage/bucket-datasets.js';

/**
 * The SDK's standard retry strategy (5 attempts, retry quota) with a random
 * backoff of at most min(capMs, baseMs · 2^attempt) instead of 100-500 ms, so
 * hundreds of faults fit the test budget. `cleanup` gets the client's destroy.
 */
export function fastRetryClient(endpoint: string, cleanup: (() => unknown)[], backoff: { baseMs: number; capMs: number }): S3Client {
  const client = createS3Client({
    endpoint,
    credentials: LOCAL_CREDENTIALS,
    retryStrategy: new ConfiguredRetryStrategy(5, (attempt) => Math.floor(Math.random() * Math.min(backoff.capMs, backoff.baseMs * 2 ** attempt))),
  });
  cleanup.push(() => client.destroy());
  return client;
}

/** The real Lambda handler writing to `bucket` through `client`. */
export const faultHandler = (client: S3Client, bucket: string, onResult?: () => void) =>
  createHandler({
    client,
    output: new BucketDatasets(new S3Store(client, bucket)),
    logger: new Logger({ logLevel: 'SILENT' }),
    metrics: new Metrics({ namespace: 'faults' }),
    onResult,
  });
