/**
 * The output layout: one document per input object, and its manifest.
 *
 *   documents/<article_id>.json     ONE line of JSON: the whole ArticleDocument (every table's rows are
 *                                   derived from it), or the error record when the input was unusable
 *   manifests/<article_id>.json     written last: the article's files, the SHA-256 of each, its rows per
 *                                   table and the state of the input object it was made from
 *
 * Two PUTs per article (S3 bills PUTs 12.5× GETs, and they were 98% of the bill when every table had its
 * own object per article). Tables are built from the documents by readers: `download` (CSV, Parquet)
 * and Athena (a JSON SerDe table over documents/ and views that UNNEST it, docs/athena.sql). One line per
 * document is what a JSON SerDe reads as one row, whatever line breaks the text holds (JSON escapes them).
 *
 * Readers (and `download`) trust manifests: an article without one is not
 * finished, and a file whose content does not match the hash its manifest
 * records belongs to a rewrite in progress (or one that crashed and will be
 * retried), so the reader re-reads or skips that article rather than mixing
 * two versions.
 */
import type { TableName } from '../datasets/index.js';

export const DOCUMENTS_PREFIX = 'documents/';
export const MANIFEST_PREFIX = 'manifests/';
/**
 * Prefixes of the layout before issue 15 (json/, csv/<table>/, errors/). Nothing writes there any more; a
 * reprocessed or deleted article removes the keys its old manifest listed there, and `download` still reads
 * such articles (through their JSON document).
 */
export const LEGACY_PREFIXES = ['json/', 'csv/', 'errors/'] as const;
/** Every prefix the extraction writes or deletes under; infra grants exactly these. */
export const OUTPUT_PREFIXES = [DOCUMENTS_PREFIX, MANIFEST_PREFIX, ...LEGACY_PREFIXES] as const;

export const documentKey = (articleId: string) => `${DOCUMENTS_PREFIX}${articleId}.json`;
export const manifestKey = (articleId: string) => `${MANIFEST_PREFIX}${articleId}.json`;

/**
 * The article id a key of this layout (or the legacy one) belongs to, or null for a key outside it.
 *
 * @example articleIdOfKey('documents/a_1b2c3d4e5f607182.json') // → 'a_1b2c3d4e5f607182'
 */
export function articleIdOfKey(key: string): string | null {
  const m = /^(?:documents|manifests|json|errors)\/([^/]+)\.json$/.exec(key) ?? /^csv\/[a-z_]+\/([^/]+)\.csv$/.exec(key);
  return m ? m[1]! : null;
}

export interface Manifest {
  article_id: string;
  status: 'ok' | 'error';
  source: {
    uri: string;
    version_id: string | null;
    sha256: string | null;
    /**
     * The input object's ETag when it was read (S3 inputs): how a delete or a later reprocess tells
     * whether these outputs were made from the object that exists now. Absent for other inputs.
     */
    etag?: string | null;
  };
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
