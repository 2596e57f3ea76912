/**
 * The embedded S3-compatible server (s3rver) for local mode and tests: loopback
 * only, data in a folder, and its object-created and -removed events turned into the SQS
 * messages S3 would send, so the Lambda handler runs unchanged.
 */
import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import S3rver from 's3rver';

export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface LocalS3 {
  endpoint: string;
  port: number;
  server: S3rver;
  close(): Promise<void>;
}

export async function startLocalS3(options: { directory: string; buckets: string[]; port?: number }): Promise<LocalS3> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory: options.directory,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
  });
  const { port } = (await server.run()) as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    server,
    close: async () => {
      await server.close();
    },
  };
}

/** S3 encodes keys in notifications like a form value (space → "+"); s3rver does not, so local mode does it. */
export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

/** The message body S3 sends to SQS when an object is created, or deleted with `eventName` 'ObjectRemoved:Delete' (the key encoded as S3 encodes it). */
export function s3NotificationBody(bucket: string, key: string, eventName = 'ObjectCreated:Put'): string {
  const object = eventName.startsWith('ObjectCreated') ? { key: encodeS3EventKey(key), size: 1 } : { key: encodeS3EventKey(key) };
  return JSON.stringify({ Records: [{ eventVersion: '2.1', eventSource: 'aws:s3', eventName, s3: { bucket: { name: bucket }, object } }] });
}

interface S3rverEvent {
  Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string } } }[];
}

/** Messages per delivered event: the batch size of the deployed queue's event source (infra). */
export const LOCAL_BATCH_SIZE = 10;

/**
 * Calls `deliver` with SQS-shaped events for the objects created or deleted in `bucket`: one
 * message per S3 event, in arrival order, up to `batchSize` messages per event as Lambda's queue
 * delivers them, one event at a time; the handler puts a batch's articles through the pipeline together (s3rver's emitter fires for every bucket, so
 * writes to the output bucket are filtered out rather than looping back). s3rver
 * reports deletes made with DeleteObject (`aws s3 rm`), not those of a DeleteObjects batch.
 */
export function forwardObjectEvents(
  local: LocalS3,
  bucket: string,
  deliver: (event: SQSEvent) => Promise<unknown>,
  options: { batchSize?: number } = {},
): { idle(): Promise<void>; pause(): void; resume(): void; stop(): void } {
  const batchSize = options.batchSize ?? LOCAL_BATCH_SIZE;
  const pending: SQSRecord[] = [];
  let paused = false;
  let draining = false;
  let chain: Promise<unknown> = Promise.resolve();
  // Delivers what is waiting, batchSize messages per event; messages that arrive meanwhile join the next one.
  const drain = () => {
    if (paused || draining || pending.length === 0) return;
    draining = true;
    chain = chain.then(async () => {
      while (!paused && pending.length > 0) {
        const event: SQSEvent = { Records: pending.splice(0, batchSize) };
        await deliver(event).catch((err) => console.error(`local queue: delivery failed: ${(err as Error).message}`));
      }
      draining = false;
    });
  };
  const listener = (e: S3rverEvent) => {
    const records = e.Records.filter((r) => r.s3.bucket.name === bucket && /^Object(Created|Removed)/.test(r.eventName));
    if (records.length === 0) return;
    const body = JSON.stringify({
      Records: records.map((r) => ({ ...r, s3: { ...r.s3, object: { ...r.s3.object, key: encodeS3EventKey(r.s3.object.key) } } })),
    });
    pending.push(sqsEvent(body).Records[0]!);
    drain();
  };
  (local.server as unknown as EventEmitter).on('event', listener);
  return {
    idle: async () => {
      // Deliveries can enqueue while we wait: settle until the chain stops growing.
      let seen: Promise<unknown>;
      do {
        seen = chain;
        await seen;
        await new Promise((r) => setTimeout(r, 20));
      } while (seen !== chain);
    },
    /** Messages wait (e.g. while many files are uploaded, so that they are delivered in full batches). */
    pause: () => void (paused = true),
    resume: () => {
      paused = false;
      drain();
    },
    stop: () => void (local.server as unknown as EventEmitter).off('event', listener),
  };
}

/** An SQS event with one record, as Lambda's SQS event source delivers it. */
export function sqsEvent(body: string, options: { messageId?: string; receiveCount?: number } = {}): SQSEvent {
  const messageId = options.messageId ?? randomUUID();
  return {
    Records: [
      {
        messageId,
        receiptHandle: messageId,
        body,
        attributes: {
          ApproximateReceiveCount: String(options.receiveCount ?? 1),
          SentTimestamp: String(Date.now()),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:local:000000000000:article-export-local',
        awsRegion: 'local',
      },
    ],
  };
}
