/** A real S3-compatible server (s3rver) on loopback with the real AWS SDK client, for integration tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, startLocalS3, type LocalS3 } from '../../src/cli/local-s3.js';
import { createS3Client } from '../../src/storage/s3.js';

export interface TestS3 {
  local: LocalS3;
  client: S3Client;
  put(bucket: string, key: string, body: Uint8Array | string, extra?: { ContentType?: string; Metadata?: Record<string, string> }): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestS3(buckets: string[]): Promise<TestS3> {
  const dir = mkdtempSync(join(tmpdir(), 'ae-s3rver-'));
  const local = await startLocalS3({ directory: dir, buckets });
  const client = createS3Client({ endpoint: local.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  return {
    local,
    client,
    put: async (bucket, key, body, extra = {}) => {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ...extra }));
    },
    stop: async () => {
      client.destroy();
      await local.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { s3NotificationBody } from '../../src/cli/local-s3.js';
