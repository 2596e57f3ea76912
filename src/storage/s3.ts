import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import type { ObjectStore } from './store.js';

/**
 * An S3 client that also works against S3-compatible servers (s3rver, MinIO):
 * with an endpoint it uses path-style URLs, and checksums are only computed when
 * the API requires them (s3rver stores streamed uploads corrupted otherwise).
 */
export function createS3Client(
  options: {
    endpoint?: string;
    region?: string;
    credentials?: S3ClientConfig['credentials'];
    /** Attempts per request, first included (default 5). */
    maxAttempts?: number;
    /** Replaces the SDK's standard retry strategy, e.g. with shorter backoff in fault tests. */
    retryStrategy?: S3ClientConfig['retryStrategy'];
  } = {},
): S3Client {
  const endpoint = options.endpoint ?? process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL;
  return new S3Client({
    region: options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: options.maxAttempts ?? 5,
    ...(options.retryStrategy ? { retryStrategy: options.retryStrategy } : {}),
  });
}

export function isNotFound(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e instanceof NoSuchKey || err?.name === 'NoSuchKey' || err?.name === 'NotFound' || err?.$metadata?.httpStatusCode === 404;
}

export interface S3Object {
  /** The object's size in bytes. */
  size: number;
  /** Its content, or null when it is larger than the maxBytes asked for (not downloaded). */
  bytes: Uint8Array | null;
  contentType: string | null;
  metadata: Record<string, string>;
  versionId: string | null;
  /** Its ETag (quoted, as S3 sends it): with versionId, which state of the key this is. */
  etag: string | null;
}

/** Which state of a key an object is: a re-upload (even of the same bytes, in a versioned bucket) changes it. */
export interface ObjectState {
  etag: string | null;
  versionId: string | null;
}

export const sameState = (a: ObjectState, b: ObjectState) => a.etag === b.etag && a.versionId === b.versionId;

/** The current state of an object (a HEAD, billed as a GET), or null when it does not exist. */
export async function headObject(client: S3Client, bucket: string, key: string): Promise<ObjectState | null> {
  try {
    const res = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return { etag: res.ETag ?? null, versionId: res.VersionId && res.VersionId !== 'null' ? res.VersionId : null };
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

/** Reads a whole object, or returns null when it no longer exists. Objects over maxBytes are not downloaded. */
export async function getObject(client: S3Client, bucket: string, key: string, maxBytes = Infinity): Promise<S3Object | null> {
  try {
    const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const size = res.ContentLength ?? 0;
    let bytes: Uint8Array | null = null;
    if (size > maxBytes) {
      (res.Body as { destroy?: () => void } | undefined)?.destroy?.();
    } else {
      bytes = res.Body ? await res.Body.transformToByteArray() : new Uint8Array();
    }
    return {
      size: bytes?.length ?? size,
      bytes,
      contentType: res.ContentType ?? null,
      metadata: res.Metadata ?? {},
      versionId: res.VersionId && res.VersionId !== 'null' ? res.VersionId : null,
      etag: res.ETag ?? null,
    };
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

/** An ObjectStore on an S3 bucket (optionally under a key prefix). */
export class S3Store implements ObjectStore {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
    private readonly prefix = '',
  ) {}
  get location(): string {
    return `s3://${this.bucket}/${this.prefix}`;
  }
  async put(key: string, body: string, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: this.prefix + key, Body: body, ContentType: contentType }),
    );
  }
  async get(key: string): Promise<string | null> {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
      return res.Body ? await res.Body.transformToString('utf-8') : '';
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }
  async delete(keys: readonly string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 1000) {
      const batch = keys.slice(i, i + 1000);
      const res = await this.client.send(
        new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: batch.map((k) => ({ Key: this.prefix + k })), Quiet: true } }),
      );
      if (res.Errors?.length) throw new Error(`Could not delete ${res.Errors.length} objects, e.g. ${res.Errors[0]?.Key}: ${res.Errors[0]?.Message}`);
    }
  }
  async *list(prefix: string): AsyncIterable<string> {
    // ListObjects (v1) paginated by Marker, not V2 continuation tokens: s3rver (local mode, tests)
    // builds V2 tokens with DES, which OpenSSL 3 (Node ≥ 17) refuses, so every listing past
    // 1000 keys failed locally. S3 serves both the same way, with the same permission.
    let marker: string | undefined;
    for (;;) {
      const res = await this.client.send(new ListObjectsCommand({ Bucket: this.bucket, Prefix: this.prefix + prefix, Marker: marker }));
      const keys = (res.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : []));
      for (const k of keys) yield k.slice(this.prefix.length);
      if (!res.IsTruncated || keys.length === 0) return;
      marker = res.NextMarker ?? keys[keys.length - 1];
    }
  }
}
