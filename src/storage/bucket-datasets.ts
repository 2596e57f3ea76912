/** The bucket layout (layout.ts) as a DatasetSink: what Lambda and `local` write. */
import type { ArticleDocument, ErrorRecord } from '../document/schema.js';
import { documentKey } from './layout.js';
import type { DatasetSink } from './sink.js';
import type { ObjectStore } from './store.js';
import { writeArticle, writeError } from './write-outputs.js';

export class BucketDatasets implements DatasetSink {
  constructor(readonly store: ObjectStore) {}
  get location(): string {
    return this.store.location;
  }
  /** Keys by article id (the input's name plays no part in this layout). */
  async writeArticle(doc: ArticleDocument): Promise<string> {
    await writeArticle(this.store, doc);
    return this.store.location + documentKey(doc.article.article_id);
  }
  async writeError(record: ErrorRecord): Promise<string> {
    await writeError(this.store, record);
    return this.store.location + documentKey(record.article_id);
  }
  /** Every article is complete once its manifest is written: nothing spans articles. */
  async close(): Promise<void> {}
}
