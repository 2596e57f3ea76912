/**
 * Reads a datasets folder as `extract --out DIR` writes it (DIR/<name>.json,
 * sub-folders mirrored) or as `download` writes it (DIR/json/<article_id>.json):
 * every ArticleDocument below it. Error records, the CSV/Parquet tables and
 * files that are not documents are passed over and counted, never fatal.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ArticleDocument } from '../document/schema.js';

export interface LoadedDatasets {
  documents: ArticleDocument[];
  /** Error records found (inputs that yielded no datasets). */
  errors: number;
  /** Files that could not be read as a document, with the reason. */
  skipped: { file: string; reason: string }[];
}

/** Folders holding tables, error records or manifests, not documents. */
const NOT_DOCUMENTS = new Set(['csv', 'parquet', 'errors', 'manifests', 'node_modules']);

export async function loadDatasets(dir: string): Promise<LoadedDatasets> {
  const files: string[] = [];
  const walk = async (d: string) => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) {
        if (!NOT_DOCUMENTS.has(e.name) && !e.name.startsWith('.')) await walk(join(d, e.name));
      } else if (e.isFile() && e.name.endsWith('.json')) files.push(join(d, e.name));
    }
  };
  await walk(dir);
  const documents: ArticleDocument[] = [];
  const skipped: LoadedDatasets['skipped'] = [];
  let errors = 0;
  for (const f of files) {
    const name = relative(dir, f);
    let value: unknown;
    try {
      value = JSON.parse(await readFile(f, 'utf8'));
    } catch (e) {
      skipped.push({ file: name, reason: `not JSON: ${(e as Error).message}` });
      continue;
    }
    if (isErrorRecord(value)) errors++;
    else if (isDocument(value)) documents.push(value);
    else skipped.push({ file: name, reason: 'not an ArticleDocument' });
  }
  // One article per id (a folder may hold the same download twice), in date then title order.
  const byId = new Map(documents.map((d) => [d.article.article_id, d]));
  const sorted = [...byId.values()].sort(
    (a, b) => cmp(a.article.published_at ?? '9999', b.article.published_at ?? '9999') || cmp(a.article.title ?? '', b.article.title ?? '') || cmp(a.article.article_id, b.article.article_id),
  );
  return { documents: sorted, errors, skipped };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function isErrorRecord(v: unknown): boolean {
  return typeof v === 'object' && v !== null && 'error' in v && 'article_id' in v;
}

/** The shape the report relies on; the full contract is schemas/article-document.schema.json. */
function isDocument(v: unknown): v is ArticleDocument {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<ArticleDocument>;
  return (
    typeof d.article?.article_id === 'string' && typeof d.article.text === 'string' &&
    Array.isArray(d.entities) && Array.isArray(d.quotes) && Array.isArray(d.times) && Array.isArray(d.events)
  );
}
