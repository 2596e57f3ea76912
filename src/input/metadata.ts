/**
 * Article metadata: the shapes, and the one place where what the caller knows
 * about an input (S3 object metadata, the CLI's --published) is merged with what
 * the content says about itself (front matter, JSON fields, HTML meta tags).
 *
 * Precedence, for every door (Lambda, `local`, `extract`):
 *   title        S3 x-amz-meta-title  > content
 *   published    S3 x-amz-meta-published (or -published-at / _at) > content > --published
 *   url          S3 x-amz-meta-url    > content
 */
import type { Article, ArticleSource, PublishedAtSource } from '../document/schema.js';
import { normalizeDate, parseDateOrder, readDate, type DateOrder } from './dates.js';
import { InputError } from './errors.js';
import { parseLanguage } from './language.js';
import type { InputFormat, ParsedArticle } from './formats.js';

/** What the pipeline is told about an article besides its text (`extract(text, metadata)`). */
export interface ArticleMetadata {
  /** What identifies the source (s3://bucket/key, a file path): article_id derives from it. Defaults to the text's hash. */
  sourceIdentity?: string;
  title?: string | null;
  /** ISO date; relative dates resolve against it. Without it they stay unresolved. */
  publishedAt?: string | null;
  publishedAtSource?: PublishedAtSource;
  externalId?: string | null;
  language?: string;
  source?: Partial<ArticleSource>;
  /** A wire dateline opening the text, found by the input reader. */
  dateline?: Article['dateline'];
}

/** Where an input came from and what its caller states about it. */
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
  /** The language the caller states (CLI --language): forces processing in it. S3 metadata `language` and the content's own statement override it. */
  language?: string | null;
  /** Publication date to use when the input states none (CLI --published). */
  defaultPublishedAt?: string | null;
  /** How all-numeric dates order day and month (CLI --date-order); S3 metadata date-order and front matter date_order override it. */
  dateOrder?: DateOrder | null;
  maxBytes?: number;
}

/** The source URI written into documents and error records: s3://bucket/key, or the file's relative path. */
export const sourceUri = (source: Pick<SourceInfo, 'kind' | 'identity' | 'bucket' | 'key'>): string =>
  source.kind === 's3' && source.bucket && source.key ? `s3://${source.bucket}/${source.key}` : source.identity;

/** How the bytes were read: recorded in `article.source`. */
export interface Decoding {
  format: InputFormat;
  encoding: string;
  bytes: number;
}

/**
 * @example
 * mergeMetadata({ text: 'Body.', title: 'From the file', publishedAt: null, publishedAtSource: null, url: null, externalId: null },
 *   { kind: 'file', identity: 'a.txt', name: 'a.txt', defaultPublishedAt: '2024-10-14' }, { format: 'txt', encoding: 'utf-8', bytes: 5 })
 * // → { title: 'From the file', publishedAt: '2024-10-14', publishedAtSource: 'cli', … }
 */
export function mergeMetadata(parsed: ParsedArticle, source: SourceInfo, decoding: Decoding): ArticleMetadata {
  const meta = source.metadata ?? {};
  const metaPublished = metaDate(meta.published ?? meta['published-at'] ?? meta.published_at, source.dateOrder ?? null);
  const cliPublished = normalizeDate(source.defaultPublishedAt ?? null, source.dateOrder);
  const [publishedAt, publishedAtSource]: [string | null, PublishedAtSource] = metaPublished
    ? [metaPublished, 's3_metadata']
    : parsed.publishedAt
      ? [parsed.publishedAt, parsed.publishedAtSource!]
      : cliPublished
        ? [cliPublished, 'cli']
        : [null, 'none'];
  return {
    sourceIdentity: source.identity,
    title: meta.title?.trim() || parsed.title,
    publishedAt,
    publishedAtSource,
    externalId: parsed.externalId,
    dateline: parsed.dateline,
    language:
      parseLanguage(meta.language, "The object metadata's") ??
      parseLanguage(parsed.language, "The content's") ??
      parseLanguage(source.language, 'The --language') ??
      undefined,
    source: {
      kind: source.kind,
      uri: sourceUri(source),
      bucket: source.bucket ?? null,
      key: source.key ?? null,
      version_id: source.versionId ?? null,
      format: decoding.format,
      encoding: decoding.encoding,
      bytes: decoding.bytes,
      url: meta.url ?? parsed.url,
    },
  };
}

/**
 * Why a publication date given as a flag (CLI --published) is refused, or null when it is fine.
 * The same rule as for dates in the content: any form `readDate` reads, an all-numeric
 * day/month date only with --date-order.
 */
export function publishedFlagProblem(value: string, order?: DateOrder | null): string | null {
  const r = readDate(value, order);
  return 'error' in r ? `--published: ${r.error.replace(', CLI --date-order', ', --date-order')}` : null;
}

/** The day/month order the caller states: S3 metadata date-order over the CLI's --date-order. */
export function statedDateOrder(source: SourceInfo): DateOrder | null {
  const meta = source.metadata ?? {};
  try {
    return parseDateOrder(meta['date-order'] ?? meta.date_order) ?? source.dateOrder ?? null;
  } catch (e) {
    throw new InputError('INVALID_DATE', `The object metadata's date-order cannot be read: ${(e as Error).message}.`);
  }
}

/** The date S3 metadata states: read, or the object is rejected with the reason (never dropped silently). */
function metaDate(value: string | undefined, order: DateOrder | null): string | null {
  if (value === undefined || value.trim() === '') return null;
  const r = readDate(value, order);
  if ('error' in r) throw new InputError('INVALID_DATE', `The object metadata's publication date cannot be read: ${r.error}`);
  return r.date;
}
