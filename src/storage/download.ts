/**
 * Output bucket → a local folder: each finished article's JSON document, its
 * error record if it failed, and one merged CSV per table. Only articles with a
 * manifest are read (the manifest is written last), so a half-written article
 * never reaches the download.
 */
import { join } from 'node:path';
import { CsvMerger } from '../datasets/merge.js';
import { TABLE_NAMES, type TableName } from '../datasets/index.js';
import { FolderStore } from './folder-store.js';
import { MANIFEST_PREFIX, type Manifest } from './layout.js';
import type { ObjectStore } from './store.js';

export interface DownloadSummary {
  articles: number;
  errors: number;
  rows: Record<TableName, number>;
}

export async function downloadDatasets(
  source: ObjectStore,
  outDir: string,
  onProgress?: (done: number) => void,
): Promise<DownloadSummary> {
  const out = new FolderStore(outDir);
  const merger = new CsvMerger(join(out.root, 'csv'));
  const keys: string[] = [];
  for await (const k of source.list(MANIFEST_PREFIX)) if (k.endsWith('.json')) keys.push(k);
  let articles = 0;
  let errors = 0;
  // Fetch ahead in parallel but merge in manifest order, so the same bucket gives the same files.
  const fetchArticle = async (key: string) => {
    const text = await source.get(key);
    if (text === null) return null;
    const manifest = JSON.parse(text) as Manifest;
    const files = await Promise.all(manifest.files.map(async (f) => [f, await source.get(f)] as const));
    return { manifest, files };
  };
  const window = 8;
  const pending: Promise<Awaited<ReturnType<typeof fetchArticle>>>[] = keys.slice(0, window).map(fetchArticle);
  for (let i = 0; i < keys.length; i++) {
    const item = await pending[i]!;
    if (i + window < keys.length) pending.push(fetchArticle(keys[i + window]!));
    pending[i] = Promise.resolve(null); // let it be collected
    if (!item) continue;
    for (const [key, body] of item.files) {
      if (body === null) throw new Error(`${source.location}${key} is listed in its manifest but missing; run the download again`);
      const table = /^csv\/([a-z_]+)\//.exec(key)?.[1] as TableName | undefined;
      if (table && TABLE_NAMES.includes(table)) await merger.append(table, body);
      else await out.put(key, body, 'application/json');
    }
    if (item.manifest.status === 'ok') articles++;
    else errors++;
    onProgress?.(i + 1);
  }
  await merger.close();
  return { articles, errors, rows: merger.rows };
}
