/**
 * The folder `extract --out DIR` writes, as the README documents it:
 *
 *   DIR/<name>.json            one ArticleDocument per input (sub-folders mirrored)   --format json|both|all
 *   DIR/csv/<table>.csv        every table merged over all inputs, header once        --format csv|both|all
 *   DIR/parquet/<table>.parquet every table over all inputs, typed, written at close  --format parquet|all
 *   DIR/errors/<name>.json     the error record of an input that failed
 *
 * <name> is the input's path relative to the folder named on the command line,
 * without its extension (chosen by the caller).
 *
 * The merged tables are appended in the order articles are written (so the same
 * order of calls gives the same bytes); the per-article files are written
 * concurrently, at most 16 at a time (BoundedWrites), and close() waits for them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatParts, type DatasetFormat } from '../datasets/formats.js';
import { CsvMerger } from '../datasets/merge.js';
import { ParquetTables } from '../datasets/parquet.js';
import { errorFileBody, toDatasetFiles, TABLE_NAMES, type TableName } from '../datasets/index.js';
import type { ArticleDocument, ErrorRecord } from '../document/schema.js';
import { BoundedWrites } from './bounded-writes.js';
import { FolderStore } from './folder-store.js';
import type { DatasetSink } from './sink.js';

export type FolderFormat = DatasetFormat;

/** One article's files, already serialised (e.g. in a worker thread). */
export interface SerializedArticle {
  json: string;
  /** Per-table CSV with header; null when the tables are not written (--format json). */
  csv: Record<TableName, string> | null;
}

export interface WriteOptions {
  /** The JSON document on disk is already this one (extract --resume): only the tables are appended. */
  unchanged?: boolean;
  /** Runs once this article's files are on disk (the journal entry of extract --resume). */
  onWritten?: () => Promise<void>;
}

export class FolderDatasets implements DatasetSink {
  private readonly store: FolderStore;
  private readonly merger: CsvMerger | null;
  private readonly json: boolean;
  private readonly writes = new BoundedWrites(16);
  private readonly parquet: ParquetTables | null;
  /** Whether an earlier run left error records here: only then can a success make one stale (a fresh folder skips a delete per article). */
  private readonly hadErrors: boolean;

  /** `dir` as the user gave it: the paths returned (and shown in messages) start with it. */
  constructor(
    private readonly dir: string,
    format: FolderFormat,
  ) {
    this.store = new FolderStore(dir);
    const parts = formatParts(format);
    this.json = parts.json;
    this.merger = parts.csv ? new CsvMerger(join(this.store.root, 'csv')) : null;
    this.parquet = parts.parquet ? new ParquetTables() : null;
    this.hadErrors = existsSync(join(this.store.root, 'errors'));
  }
  get location(): string {
    return this.store.location;
  }
  /** Where the JSON document of `name` is (or would be) on disk. */
  documentPath(name: string): string {
    return join(this.store.root, `${name}.json`);
  }
  /** Where the error record of `name` is (or would be) on disk. */
  errorPath(name: string): string {
    return join(this.store.root, 'errors', `${name}.json`);
  }
  async writeArticle(doc: ArticleDocument, name: string): Promise<string> {
    return this.writeFiles(toDatasetFiles(doc), name);
  }
  /** Appends the article's rows to the merged tables now, and queues its JSON document. */
  async writeFiles(files: SerializedArticle, name: string, opts: WriteOptions = {}): Promise<string> {
    if (this.merger) {
      if (!files.csv) throw new Error(`No CSV rows given for ${name}, but the tables are written`);
      for (const t of TABLE_NAMES) await this.merger.append(t, files.csv[t]);
    }
    // Parquet is written whole at close(); a worker's document arrives serialised.
    this.parquet?.add(JSON.parse(files.json) as ArticleDocument);
    await this.writes.add(async () => {
      if (this.json && !opts.unchanged) await this.store.put(`${name}.json`, files.json, 'application/json');
      if (this.hadErrors) await this.store.delete([`errors/${name}.json`]); // an earlier run's failure is no longer true
      await opts.onWritten?.();
    });
    return join(this.dir, `${name}.json`);
  }
  async writeError(record: ErrorRecord, name: string, opts: WriteOptions = {}): Promise<string> {
    await this.writes.add(async () => {
      if (!opts.unchanged) await this.store.put(`errors/${name}.json`, errorFileBody(record), 'application/json');
      await opts.onWritten?.();
    });
    return join(this.dir, 'errors', `${name}.json`);
  }
  /** Waits for every queued file, then finishes the merged tables. */
  async close(): Promise<void> {
    try {
      await this.writes.flush();
    } finally {
      await this.merger?.close();
    }
    await this.parquet?.write(join(this.store.root, 'parquet'));
  }
}
