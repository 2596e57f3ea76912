/**
 * Where finished articles go. One interface, one implementation per layout:
 *
 * - BucketDatasets (bucket-datasets.ts): the bucket layout of layout.ts, with manifests,
 *   on any ObjectStore (an S3 bucket in Lambda and `local`, a folder in tests);
 * - FolderDatasets (folder-datasets.ts): the `extract --out DIR` folder a user reads,
 *   DIR/<name>.json, DIR/csv/<table>.csv merged, DIR/errors/<name>.json.
 *
 * A new output format or S3 layout is a new sink (or a new table writer inside
 * one); the processing in src/process/ does not change.
 */
import type { ArticleDocument, ErrorRecord } from '../document/schema.js';
import type { InputState } from './write-outputs.js';

export interface DatasetSink {
  /** Human-readable location for messages, e.g. s3://bucket/ or out/. */
  readonly location: string;
  /** Writes one article's datasets (replacing an earlier error record for it); returns where its document went. */
  writeArticle(doc: ArticleDocument, name: string): Promise<string>;
  /** Writes one input's error record instead of datasets (replacing earlier datasets); returns where it went. */
  writeError(record: ErrorRecord, name: string): Promise<string>;
  /** Finishes whatever spans articles (merged tables). Writes after close are an error. */
  close(): Promise<void>;
}

/**
 * The datasets of S3 input objects (BucketDatasets): keyed by article id, recording in each manifest the
 * state of the input they were made from, and removable when the input is deleted.
 */
export interface ObjectDatasets extends DatasetSink {
  writeArticle(doc: ArticleDocument, name: string, input?: InputState): Promise<string>;
  writeError(record: ErrorRecord, name: string, input?: InputState): Promise<string>;
  /** Removes an article's outputs through its manifest; true when there was a manifest. */
  removeArticle(articleId: string): Promise<boolean>;
}
