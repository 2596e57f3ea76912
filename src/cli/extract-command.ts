/**
 * `article-export extract <file|dir…>`: runs the pipeline on local files.
 * One file without --out prints its JSON document; otherwise each input goes
 * through the same processing as an S3 object in Lambda (processArticle) and is
 * written by FolderDatasets: OUT/<name>.json (mirroring sub-folders), the merged
 * tables in OUT/csv/ and/or OUT/parquet/ (--format), and OUT/errors/<name>.json for inputs that fail. A failure
 * never stops the batch.
 */
import { readFile } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { ArticleDocument } from '../document/schema.js';
import { InputError, publishedFlagProblem, readDate, type DateOrder, type SourceInfo } from '../input/index.js';
import { failed, processArticle, writeOutcome, type ArticleOutcome } from '../process/process-article.js';
import { DATASET_FORMATS, isDatasetFormat } from '../datasets/formats.js';
import { FolderDatasets, type FolderFormat } from '../storage/folder-datasets.js';
import { collectInputs, extension, UsageError, type InputFile } from './files.js';

export interface ExtractOptions {
  out?: string;
  published?: string;
  /** How all-numeric dates (in --published and in the inputs) order day and month. */
  dateOrder?: DateOrder;
  format: FolderFormat;
  maxBytes?: number;
}

export interface ExtractSummary {
  ok: number;
  failed: number;
  documents: ArticleDocument[];
}

export async function extractCommand(inputs: string[], opts: ExtractOptions, io = { stdout: process.stdout, stderr: process.stderr }): Promise<ExtractSummary> {
  if (!isDatasetFormat(opts.format)) throw new UsageError(`--format must be one of ${DATASET_FORMATS.join(', ')} (got "${opts.format}")`);
  const publishedProblem = opts.published ? publishedFlagProblem(opts.published, opts.dateOrder) : null;
  if (publishedProblem) throw new UsageError(publishedProblem);
  const files = await collectInputs(inputs);
  if (files.length === 0) throw new UsageError(`No article files found in ${inputs.join(', ')} (looked for ${['.txt', '.md', '.html', '.json'].join(', ')})`);

  if (!opts.out) {
    if (files.length > 1) throw new UsageError(`${files.length} inputs need --out DIR (only a single file is printed to stdout)`);
    if (opts.format !== 'json') throw new UsageError(`--format ${opts.format} needs --out DIR`);
    const outcome = await processFile(files[0]!, opts);
    if (outcome.status === 'error') throw outcome.cause; // main() prints it and exits 1
    io.stdout.write(`${JSON.stringify(outcome.doc, null, 2)}\n`);
    return { ok: 1, failed: 0, documents: [outcome.doc] };
  }

  const sink = new FolderDatasets(opts.out, opts.format);
  const names = new OutputNames();
  const bar = files.length > 1 && io.stderr.isTTY ? new cliProgress.SingleBar({ stream: io.stderr, format: 'extract [{bar}] {value}/{total} {file}', hideCursor: true }, cliProgress.Presets.shades_classic) : null;
  bar?.start(files.length, 0, { file: '' });
  const summary: ExtractSummary = { ok: 0, failed: 0, documents: [] };
  for (const file of files) {
    bar?.update({ file: file.relative });
    const outcome = await processFile(file, opts);
    const written = await writeOutcome(sink, outcome, names.for(file));
    if (outcome.status === 'ok') {
      summary.ok++;
      summary.documents.push(outcome.doc);
    } else {
      summary.failed++;
      const line = `error: ${file.path}: ${outcome.record.error.message} (record: ${written})`;
      io.stderr.write(bar ? `\r\x1b[K${line}\n` : `${line}\n`);
      if (!(outcome.cause instanceof InputError) && process.env.ARTICLE_EXPORT_DEBUG) io.stderr.write(`${(outcome.cause as Error).stack}\n`);
    }
    bar?.increment();
  }
  bar?.stop();
  await sink.close();
  return summary;
}

/** A file → its outcome; a file that cannot be read is an input error like any other. */
async function processFile(file: InputFile, opts: ExtractOptions): Promise<ArticleOutcome> {
  const source: SourceInfo = {
    kind: 'file',
    identity: file.relative,
    name: file.path,
    defaultPublishedAt: opts.published ? readIso(opts.published, opts.dateOrder) : null,
    dateOrder: opts.dateOrder ?? null,
    maxBytes: opts.maxBytes,
  };
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.path);
  } catch (e) {
    return failed(source, new InputError('READ_FAILED', `Cannot read the file: ${(e as Error).message}`), null);
  }
  return processArticle({ bytes, size: bytes.length }, source);
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

/** The ISO form of a --published value already checked by publishedFlagProblem. */
function readIso(value: string, order: DateOrder | undefined): string | null {
  const r = readDate(value, order);
  return 'date' in r ? r.date : null;
}
