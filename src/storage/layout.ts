/**
 * The output layout, one prefix per table so that Athena/Glue read each prefix
 * as one table:
 *
 *   json/<article_id>.json          the ArticleDocument
 *   csv/<table>/<article_id>.csv    one CSV per table with rows (header included)
 *   errors/<article_id>.json        instead of datasets, when the input was unusable
 *   manifests/<article_id>.json     written last: the complete list of this article's files
 *                                   and the SHA-256 of each
 *
 * Readers (and `download`) trust manifests: an article without one is not
 * finished, and a file whose content does not match the hash its manifest
 * records belongs to a rewrite in progress (or one that crashed and will be
 * retried), so the reader re-reads or skips that article rather than mixing
 * two versions.
 */
import type { TableName } from '../datasets/index.js';

export const JSON_PREFIX = 'json/';
export const CSV_PREFIX = 'csv/';
export const ERRORS_PREFIX = 'errors/';
export const MANIFEST_PREFIX = 'manifests/';
/** The prefixes an article's data files live under (manifests excluded). */
export const DATA_PREFIXES = [JSON_PREFIX, CSV_PREFIX, ERRORS_PREFIX] as const;
/** Every prefix the extraction writes (and deletes) under; infra grants exactly these. */
export const OUTPUT_PREFIXES = [...DATA_PREFIXES, MANIFEST_PREFIX] as const;

/** The folder of one table's per-article CSV files: what a Glue/Athena table reads. */
export const csvTablePrefix = (table: TableName) => `${CSV_PREFIX}${table}/`;
export const jsonKey = (articleId: string) => `${JSON_PREFIX}${articleId}.json`;
export const csvKey = (table: TableName, articleId: string) => `${csvTablePrefix(table)}${articleId}.csv`;
export const errorKey = (articleId: string) => `${ERRORS_PREFIX}${articleId}.json`;
export const manifestKey = (articleId: string) => `${MANIFEST_PREFIX}${articleId}.json`;

/**
 * The article id a key of this layout belongs to, or null for a key outside it.
 *
 * @example articleIdOfKey('csv/mentions/a1b2.csv') // → 'a1b2'
 */
export function articleIdOfKey(key: string): string | null {
  const m = /^(?:json|errors|manifests)\/([^/]+)\.json$/.exec(key) ?? /^csv\/[a-z_]+\/([^/]+)\.csv$/.exec(key);
  return m ? m[1]! : null;
}

export interface Manifest {
  article_id: string;
  status: 'ok' | 'error';
  source: { uri: string; version_id: string | null; sha256: string | null };
  pipeline_version: string;
  /** Every output key of this article, manifest excluded. */
  files: string[];
  /**
   * Hex SHA-256 of each file's UTF-8 bytes, by key. Files are overwritten in
   * place (Athena reads fixed keys), so this is how a reader holding a manifest
   * tells its version of a file from a newer or torn one. Absent in manifests
   * written before it existed; readers then cannot verify.
   */
  file_sha256?: Record<string, string>;
  /** Rows per table (status ok). */
  rows: Partial<Record<TableName, number>>;
}
