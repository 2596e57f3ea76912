/** The bucket layout (layout.ts) as a DatasetSink: what Lambda and `local` write. */
import type { ArticleDocument, ErrorRecord } from '../document/schema.js';
import { documentKey } from './layout.js';
import type { ObjectDatasets } from './sink.js';
import type { ObjectStore } from './store.js';
import { removeArticle, writeArticle, writeError, type InputState } from './write-outputs.js';

export class BucketDatasets implements ObjectDatasets {
  constructor(readonly store: ObjectStore) {}
  get location(): string {
    return this.store.location;
  }
  /** Keys by article id (the input's name plays no part in this layout). */
  async writeArticle(doc: ArticleDocument, _name?: string, input?: InputState): Promise<string> {
    await writeArticle(this.store, doc, input);
    return this.store.location + documentKey(doc.article.article_id);
  }
  async writeError(record: ErrorRecord, _name?: string, input?: InputState): Promise<string> {
    await writeError(this.store, record, input);
    return this.store.location + documentKey(record.article_id);
  }
  async removeArticle(articleId: string): Promise<boolean> {
    return (await removeArticle(this.store, articleId)) !== null;
  }
  /** Every article is complete once its manifest is written: nothing spans articles. */
  async close(): Promise<void> {}
}
