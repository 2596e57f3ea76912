/**
 * S3 event notifications as they arrive through SQS → the objects they name.
 * S3 URL-encodes keys in events, with "+" for a space: decode them, or
 * "my article.txt" would be looked up as "my+article.txt".
 */
import type { SQSRecord } from 'aws-lambda';
import type { ObjectRef } from '../../src/process/process-object.js';

export function decodeS3Key(key: string): string {
  const spaced = key.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced; // not valid percent-encoding: take it as it is
  }
}

interface S3EventBody {
  Event?: string;
  Records?: { eventName?: string; s3?: { bucket?: { name?: string }; object?: { key?: string } } }[];
}

/**
 * The keys an SQS message announces as created or removed; none for S3's test event. Throws on a message
 * that is not an S3 event. Which of the two it was does not matter: processing makes a key's outputs
 * match the object as it is when processed.
 */
export function objectsInMessage(record: Pick<SQSRecord, 'body' | 'messageId'>): ObjectRef[] {
  let body: S3EventBody;
  try {
    body = JSON.parse(record.body) as S3EventBody;
  } catch {
    throw new Error(`Message ${record.messageId} is not JSON, so not an S3 event notification`);
  }
  if (body.Event === 's3:TestEvent') return [];
  if (!Array.isArray(body.Records)) throw new Error(`Message ${record.messageId} has no S3 Records`);
  return body.Records.filter((r) => /^Object(Created|Removed)/.test(r.eventName ?? '') && r.s3?.bucket?.name && r.s3.object?.key).map((r) => ({
    bucket: r.s3!.bucket!.name!,
    key: decodeS3Key(r.s3!.object!.key!),
  }));
}
