/**
 * Output bucket → a local folder: each finished article's JSON document
 * (json/<article_id>.json, pretty-printed), its error record if it failed
 * (errors/<article_id>.json), one merged CSV per table and/or one Parquet file
 * per table, as `format` says (src/datasets/formats.ts) — every table built
 * from the article's one document in the bucket (layout.ts). Only articles with a
 * manifest are read (the manifest is written last), and each file must match
 * the hash its manifest records, so a half-written or half-rewritten article
 * never reaches the download: it is re-read, and skipped (reported in
 * `incomplete`) if it is still changing.
 */
import { join } from 'node:path';
import { formatParts, type DatasetFormat } from '../datasets/formats.js';
import { CsvMerger } from '../datasets/merge.js';
import { ParquetTables } from '../datasets/parquet.js';
import { errorFileBody, parseDocument, toDatasetFiles, TABLE_NAMES, type ParsedDocument, type TableName } from '../datasets/index.js';
import { FolderStore } from './folder-store.js';
import { articleIdOfKey, DOCUMENTS_PREFIX, MANIFEST_PREFIX } from './layout.js';
import { readArticleOutputs, type ArticleOutputs, type ReadOptions } from './read-outputs.js';
import type { ObjectStore } from './store.js';

export interface DownloadSummary {
  articles: number;
  errors: number;
  rows: Record<TableName, number>;
  /** Articles skipped because their files did not match their manifest (being rewritten, or a crashed write awaiting its retry). */
  incomplete: { article_id: string; reason: string }[];
}

const emptyCounts = () => Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;

export async function downloadDatasets(
  source: ObjectStore,
  outDir: string,
  readOptions?: ReadOptions,
  format: DatasetFormat = 'both',
): Promise<DownloadSummary> {
  const parts = formatParts(format);
  const out = new FolderStore(outDir);
  const merger = parts.csv ? new CsvMerger(join(out.root, 'csv')) : null;
  // Parquet is written whole at the end, from the JSON documents (which carry aliases and roles as lists).
  const parquet = parts.parquet ? new ParquetTables() : null;
  const ids: string[] = [];
  for await (const k of source.list(MANIFEST_PREFIX)) {
    const id = articleIdOfKey(k);
    if (id) ids.push(id);
  }
  let articles = 0;
  let errors = 0;
  const incomplete: DownloadSummary['incomplete'] = [];
  // Fetch ahead in parallel but merge in manifest order, so the same bucket gives the same files.
  const window = 8;
  const pending: Promise<ArticleOutputs>[] = ids.slice(0, window).map((id) => readArticleOutputs(source, id, readOptions));
  for (let i = 0; i < ids.length; i++) {
    const item = await pending[i]!;
    if (i + window < ids.length) pending.push(readArticleOutputs(source, ids[i + window]!, readOptions));
    pending[i] = Promise.resolve({ status: 'absent' }); // let it be collected
    if (item.status === 'incomplete') incomplete.push({ article_id: ids[i]!, reason: item.reason });
    if (item.status !== 'complete') continue;
    const parsed = documentOf(item.files);
    if (!parsed) {
      incomplete.push({ article_id: ids[i]!, reason: 'its manifest lists no document' });
      continue;
    }
    if (parsed.status === 'error') {
      await out.put(errorKey(ids[i]!), errorFileBody(parsed.record), 'application/json');
      errors++;
      continue;
    }
    // Every table is derived from the document, as `extract` derives them: the same bytes either way.
    const files = toDatasetFiles(parsed.doc);
    if (merger) for (const t of TABLE_NAMES) await merger.append(t, files.csv[t]);
    parquet?.add(parsed.doc);
    if (parts.json) await out.put(`json/${ids[i]}.json`, files.json, 'application/json');
    articles++;
  }
  await merger?.close();
  const parquetRows = parquet ? await parquet.write(join(out.root, 'parquet')) : null;
  return { articles, errors, rows: merger?.rows ?? parquetRows ?? emptyCounts(), incomplete };
}

const errorKey = (id: string) => `errors/${id}.json`;

/**
 * The article's document among the files its manifest lists: documents/<id>.json, or, for an article
 * written by the layout before issue 15, its json/ document or errors/ record (its csv/ files are not
 * read: the tables are derived from the document).
 */
function documentOf(files: [key: string, body: string][]): ParsedDocument | null {
  const doc = files.find(([k]) => k.startsWith(DOCUMENTS_PREFIX)) ?? files.find(([k]) => k.startsWith('json/') || k.startsWith('errors/'));
  return doc ? parseDocument(doc[1]) : null;
}
