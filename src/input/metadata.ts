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
import type { ArticleSource, PublishedAtSource } from '../document/schema.js';
import { normalizeDate } from './dates.js';
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
  /** Publication date to use when the input states none (CLI --published). */
  defaultPublishedAt?: string | null;
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
  const metaPublished = normalizeDate(meta.published ?? meta['published-at'] ?? meta.published_at);
  const cliPublished = normalizeDate(source.defaultPublishedAt ?? null);
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
 * Flags are strict (YYYY-MM-DD only) because a typo there would apply to a whole batch.
 */
export function publishedFlagProblem(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return `--published must be a date as YYYY-MM-DD (got "${value}")`;
  if (!normalizeDate(value)) return `--published is not a real date: ${value}`;
  return null;
}
