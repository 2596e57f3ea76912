/**
 * The output layout, one prefix per table so that Athena/Glue read each prefix
 * as one table:
 *
 *   json/<article_id>.json          the ArticleDocument
 *   csv/<table>/<article_id>.csv    one CSV per table with rows (header included)
 *   errors/<article_id>.json        instead of datasets, when the input was unusable
 *   manifests/<article_id>.json     written last: the complete list of this article's files
 *
 * Readers (and `download`) trust manifests: an article without one is not finished.
 */
import type { TableName } from '../datasets/index.js';

export const jsonKey = (articleId: string) => `json/${articleId}.json`;
export const csvKey = (table: TableName, articleId: string) => `csv/${table}/${articleId}.csv`;
export const errorKey = (articleId: string) => `errors/${articleId}.json`;
export const manifestKey = (articleId: string) => `manifests/${articleId}.json`;
export const MANIFEST_PREFIX = 'manifests/';

export interface Manifest {
  article_id: string;
  status: 'ok' | 'error';
  source: { uri: string; version_id: string | null; sha256: string | null };
  pipeline_version: string;
  /** Every output key of this article, manifest excluded. */
  files: string[];
  /** Rows per table (status ok). */
  rows: Partial<Record<TableName, number>>;
}
