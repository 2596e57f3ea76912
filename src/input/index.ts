/**
 * One uploaded object or file → the text and metadata the pipeline needs.
 * Every failure is an InputError with a message for the user.
 */
import { normalizeDate, parseDateOrder, readDate, type DateOrder } from './dates.js';
import { decodeBytes } from './decode.js';
import { InputError } from './errors.js';
import { detectFormat, parseArticle, type InputFormat } from './formats.js';
import type { ArticleMetadata } from '../pipeline.js';

export { InputError } from './errors.js';
export type { InputErrorCode } from './errors.js';
export { normalizeDate, parseDateOrder, readDate, DATE_ORDERS, type DateOrder } from './dates.js';
export type { Dateline } from './dateline.js';

export const DEFAULT_MAX_INPUT_BYTES = 5 * 1024 * 1024;

/** The error for an input over the size limit (S3 objects are refused before they are downloaded). */
export function tooLarge(bytes: number, maxBytes: number): InputError {
  return new InputError('TOO_LARGE', `The file is ${bytes} bytes, over the ${maxBytes}-byte limit for one article (set MAX_INPUT_BYTES / --max-bytes to change it).`);
}

export interface SourceInfo {
  kind: 's3' | 'file';
  /** What identifies the input: s3://bucket/key, or a file path relative to the folder it was read from. */
  identity: string;
  /** File name used to pick the format (the key or path). */
  name: string;
  bucket?: string | null;
  key?: string | null;
  versionId?: string | null;
  contentType?: string | null;
  /** Object metadata such as S3's x-amz-meta-title / x-amz-meta-published (keys without the prefix). */
  metadata?: Record<string, string | undefined>;
  /** Publication date to use when the input states none (CLI --published). */
  defaultPublishedAt?: string | null;
  /** How all-numeric dates order day and month (CLI --date-order); S3 metadata date-order and front matter date_order override it. */
  dateOrder?: DateOrder | null;
  maxBytes?: number;
}

export interface ArticleInput {
  text: string;
  metadata: ArticleMetadata;
}

/**
 * @example
 * const { text, metadata } = readArticle(new TextEncoder().encode('Putin met Pezeshkian.'), { kind: 'file', identity: 'a.txt', name: 'a.txt' });
 * extract(text, metadata);
 */
export function readArticle(bytes: Uint8Array, source: SourceInfo): ArticleInput {
  const maxBytes = source.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
  const { text: decoded, encoding } = decodeBytes(bytes);
  const format: InputFormat = detectFormat(source.name, decoded, source.contentType);
  const meta = source.metadata ?? {};
  const dateOrder = metaDateOrder(meta['date-order'] ?? meta.date_order) ?? source.dateOrder ?? null;
  const parsed = parseArticle(decoded, format, { dateOrder });
  if (parsed.text.trim().length === 0) {
    throw new InputError('NO_TEXT', format === 'txt' ? 'The file contains only whitespace.' : `No article text found in this ${format.toUpperCase()} input.`);
  }
  const metaPublished = metaDate(meta.published ?? meta['published-at'] ?? meta.published_at, dateOrder);
  const cliPublished = normalizeDate(source.defaultPublishedAt ?? null, source.dateOrder);
  const [publishedAt, publishedAtSource] = metaPublished
    ? [metaPublished, 's3_metadata' as const]
    : parsed.publishedAt
      ? [parsed.publishedAt, parsed.publishedAtSource!]
      : cliPublished
        ? [cliPublished, 'cli' as const]
        : [null, 'none' as const];
  return {
    text: parsed.text,
    metadata: {
      sourceIdentity: source.identity,
      title: meta.title?.trim() || parsed.title,
      publishedAt,
      publishedAtSource,
      externalId: parsed.externalId,
      dateline: parsed.dateline,
      source: {
        kind: source.kind,
        uri: source.kind === 's3' ? `s3://${source.bucket}/${source.key}` : source.identity,
        bucket: source.bucket ?? null,
        key: source.key ?? null,
        version_id: source.versionId ?? null,
        format,
        encoding,
        bytes: bytes.length,
        url: meta.url ?? parsed.url,
      },
    },
  };
}

/** The date S3 metadata states: read, or the object is rejected with the reason (never dropped silently). */
function metaDate(value: string | undefined, order: DateOrder | null): string | null {
  if (value === undefined || value.trim() === '') return null;
  const r = readDate(value, order);
  if ('error' in r) throw new InputError('INVALID_DATE', `The object metadata's publication date cannot be read: ${r.error}`);
  return r.date;
}

function metaDateOrder(value: string | undefined): DateOrder | null {
  try {
    return parseDateOrder(value);
  } catch (e) {
    throw new InputError('INVALID_DATE', `The object metadata's date-order cannot be read: ${(e as Error).message}.`);
  }
}
