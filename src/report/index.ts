/**
 * `article-export report`: a datasets folder → a static HTML report that works
 * offline (index.html with corpus charts, articles/<article_id>.html per
 * article). No script, no remote resource; everything from an article is escaped.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { articleHref, renderArticlePage } from './article-page.js';
import { renderIndexPage } from './index-page.js';
import { loadDatasets, type LoadedDatasets } from './load.js';

export { loadDatasets } from './load.js';
export { renderArticlePage, articleHref } from './article-page.js';
export { renderIndexPage } from './index-page.js';

export interface ReportSummary {
  articles: number;
  errors: number;
  skipped: LoadedDatasets['skipped'];
  /** Path of index.html. */
  index: string;
}

export async function writeReport(datasetsDir: string, outDir: string): Promise<ReportSummary> {
  const loaded = await loadDatasets(datasetsDir);
  const index = join(outDir, 'index.html');
  if (loaded.documents.length === 0) return { articles: 0, errors: loaded.errors, skipped: loaded.skipped, index }; // nothing to show: write nothing
  await mkdir(join(outDir, 'articles'), { recursive: true });
  for (const doc of loaded.documents) {
    const file = join(outDir, articleHref(doc.article.article_id));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, renderArticlePage(doc));
  }
  await writeFile(index, renderIndexPage(loaded.documents, { errors: loaded.errors, skipped: loaded.skipped.length }));
  return { articles: loaded.documents.length, errors: loaded.errors, skipped: loaded.skipped, index };
}
