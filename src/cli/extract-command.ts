/**
 * `article-export extract <file|dir…>`: runs the pipeline on local files.
 * One file without --out prints its JSON document; otherwise each input gets
 * OUT/<name>.json (mirroring sub-folders), the merged tables go to OUT/csv/, and
 * inputs that fail get OUT/errors/<name>.json. A failure never stops the batch.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { CsvMerger } from '../datasets/merge.js';
import { toDatasetFiles, TABLE_NAMES } from '../datasets/index.js';
import { articleId } from '../document/ids.js';
import type { ArticleDocument, ErrorRecord } from '../document/schema.js';
import { InputError, normalizeDate, readArticle } from '../input/index.js';
import { extract } from '../pipeline.js';
import { FolderStore } from '../storage/folder-store.js';
import { PIPELINE_VERSION } from '../version.js';
import { collectInputs, extension, UsageError, type InputFile } from './files.js';

export interface ExtractOptions {
  out?: string;
  published?: string;
  format: 'json' | 'csv' | 'both';
  maxBytes?: number;
}

export interface ExtractSummary {
  ok: number;
  failed: number;
  documents: ArticleDocument[];
}

export async function extractCommand(inputs: string[], opts: ExtractOptions, io = { stdout: process.stdout, stderr: process.stderr }): Promise<ExtractSummary> {
  if (!['json', 'csv', 'both'].includes(opts.format)) throw new UsageError(`--format must be json, csv or both (got "${opts.format}")`);
  if (opts.published && !/^\d{4}-\d{2}-\d{2}$/.test(opts.published)) throw new UsageError(`--published must be a date as YYYY-MM-DD (got "${opts.published}")`);
  if (opts.published && !normalizeDate(opts.published)) throw new UsageError(`--published is not a real date: ${opts.published}`);
  const files = await collectInputs(inputs);
  if (files.length === 0) throw new UsageError(`No article files found in ${inputs.join(', ')} (looked for ${['.txt', '.md', '.html', '.json'].join(', ')})`);

  if (!opts.out) {
    if (files.length > 1) throw new UsageError(`${files.length} inputs need --out DIR (only a single file is printed to stdout)`);
    if (opts.format !== 'json') throw new UsageError('--format csv/both needs --out DIR');
    const doc = await extractFile(files[0]!, opts);
    io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    return { ok: 1, failed: 0, documents: [doc] };
  }

  const store = new FolderStore(opts.out);
  const merger = opts.format === 'json' ? null : new CsvMerger(join(store.root, 'csv'));
  const names = new OutputNames();
  const bar = files.length > 1 && io.stderr.isTTY ? new cliProgress.SingleBar({ stream: io.stderr, format: 'extract [{bar}] {value}/{total} {file}', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
  bar?.start(files.length, 0, { file: '' });
  const summary: ExtractSummary = { ok: 0, failed: 0, documents: [] };
  for (const file of files) {
    const name = names.for(file);
    bar?.update({ file: file.relative });
    try {
      const doc = await extractFile(file, opts);
      const out = toDatasetFiles(doc);
      if (opts.format !== 'csv') await store.put(`${name}.json`, out.json, 'application/json');
      if (merger) for (const t of TABLE_NAMES) await merger.append(t, out.csv[t]);
      await store.delete([`errors/${name}.json`]);
      summary.ok++;
      summary.documents.push(doc);
    } catch (e) {
      summary.failed++;
      const record = errorRecord(file, e);
      await store.put(`errors/${name}.json`, `${JSON.stringify(record, null, 2)}\n`, 'application/json');
      const line = `error: ${file.path}: ${record.error.message} (record: ${join(opts.out, 'errors', `${name}.json`)})`;
      if (bar) io.stderr.write(`\r\x1b[K${line}\n`);
      else io.stderr.write(`${line}\n`);
      if (!(e instanceof InputError) && process.env.ARTICLE_EXPORT_DEBUG) io.stderr.write(`${(e as Error).stack}\n`);
    }
    bar?.increment();
  }
  bar?.stop();
  await merger?.close();
  return summary;
}

async function extractFile(file: InputFile, opts: ExtractOptions): Promise<ArticleDocument> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.path);
  } catch (e) {
    throw new InputError('READ_FAILED', `Cannot read the file: ${(e as Error).message}`);
  }
  const input = readArticle(bytes, {
    kind: 'file',
    identity: file.relative,
    name: file.path,
    defaultPublishedAt: opts.published ?? null,
    maxBytes: opts.maxBytes,
  });
  return extract(input.text, input.metadata);
}

function errorRecord(file: InputFile, e: unknown): ErrorRecord {
  const isInput = e instanceof InputError;
  return {
    article_id: articleId(file.relative),
    source: { uri: file.relative, bucket: null, key: null, bytes: null },
    error: {
      code: isInput ? e.code : 'EXTRACTION_FAILED',
      message: isInput ? e.message : `Extraction failed: ${(e as Error)?.message ?? String(e)}`,
      retryable: false,
    },
    pipeline_version: PIPELINE_VERSION,
  };
}

/** OUT-relative names without extension; a second input with the same name keeps its extension. */
class OutputNames {
  private used = new Set<string>();
  for(file: InputFile): string {
    const ext = extension(file.relative);
    let name = ext ? file.relative.slice(0, -ext.length) : file.relative;
    if (name === 'csv' || name === 'errors') name = `${name}_`; // never clash with the csv/ and errors/ folders
    if (this.used.has(name)) name = file.relative;
    this.used.add(name);
    return name;
  }
}
