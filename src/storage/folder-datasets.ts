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
 */
import { join } from 'node:path';
import { formatParts, type DatasetFormat } from '../datasets/formats.js';
import { CsvMerger } from '../datasets/merge.js';
import { ParquetTables } from '../datasets/parquet.js';
import { toDatasetFiles, TABLE_NAMES } from '../datasets/index.js';
import type { ArticleDocument, ErrorRecord } from '../document/schema.js';
import { FolderStore } from './folder-store.js';
import type { DatasetSink } from './sink.js';

export type FolderFormat = DatasetFormat;

export class FolderDatasets implements DatasetSink {
  private readonly store: FolderStore;
  private readonly merger: CsvMerger | null;
  private readonly json: boolean;
  private readonly parquet: ParquetTables | null;

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
  }
  get location(): string {
    return this.store.location;
  }
  async writeArticle(doc: ArticleDocument, name: string): Promise<string> {
    const files = toDatasetFiles(doc);
    if (this.json) await this.store.put(`${name}.json`, files.json, 'application/json');
    if (this.merger) for (const t of TABLE_NAMES) await this.merger.append(t, files.csv[t]);
    this.parquet?.add(doc);
    await this.store.delete([`errors/${name}.json`]); // an earlier run's failure is no longer true
    return join(this.dir, `${name}.json`);
  }
  async writeError(record: ErrorRecord, name: string): Promise<string> {
    await this.store.put(`errors/${name}.json`, `${JSON.stringify(record, null, 2)}\n`, 'application/json');
    return join(this.dir, 'errors', `${name}.json`);
  }
  async close(): Promise<void> {
    await this.merger?.close();
    await this.parquet?.write(join(this.store.root, 'parquet'));
  }
}
