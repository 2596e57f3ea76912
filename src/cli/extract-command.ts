/**
 * `article-export extract <file|dir…>`: runs the pipeline on local files.
 * One file without --out prints its JSON document; otherwise each input goes
 * through the same processing as an S3 object in Lambda (processArticle), on a
 * pool of worker threads (--jobs, default one per core), and is written by
 * FolderDatasets in input order — the same bytes whatever --jobs is:
 * OUT/<name>.json (mirroring sub-folders), the merged tables in OUT/csv/ and/or OUT/parquet/ (--format), and
 * OUT/errors/<name>.json for inputs that fail. A failure never stops the batch.
 * The journal (OUT/.article-export/journal.jsonl) lets --resume skip inputs whose
 * outputs were already written from the same bytes.
 */
import { publishedFlagProblem, readDate, type DateOrder } from '../input/index.js';
import { DATASET_FORMATS, formatParts, isDatasetFormat } from '../datasets/formats.js';
import { FolderDatasets, type FolderFormat } from '../storage/folder-datasets.js';
import { ExtractJournal } from './extract-journal.js';
import { processFile, type ExtractResult, type ExtractTask } from './extract-worker.js';
import { collectInputs, extension, UsageError, type InputFile } from './files.js';
import { progressBar } from './progress.js';
import { SummaryCollector } from './summary.js';
import { defaultJobs, mapInOrder } from './worker-pool.js';
import { parseLanguage } from '../input/language.js';
import { BATCH_ARTICLES } from '../pipeline.js';

export interface ExtractOptions {
  out?: string;
  published?: string;
  /** How all-numeric dates (in --published and in the inputs) order day and month. */
  dateOrder?: DateOrder;
  format: FolderFormat;
  /** The inputs' language, stated: processed in it even where detection would refuse them (inputs stating their own win). */
  language?: string;
  maxBytes?: number;
  /** Worker threads (default: one per core); 1 runs everything on the main thread. */
  jobs?: number;
  /** Skip inputs whose outputs the journal shows written from the same bytes. */
  resume?: boolean;
}

export interface ExtractSummary {
  ok: number;
  failed: number;
  /** Inputs that --resume did not process again (also counted in ok or failed). */
  reused: number;
  /** What the datasets hold (entities, speakers, events), for the closing summary. */
  summary: SummaryCollector;
}

/** The worker module: the TypeScript beside this file, or dist/extract-worker.js when built (this file is then in dist/chunks/). */
const WORKER = import.meta.url.endsWith('.ts') ? new URL('./extract-worker.ts', import.meta.url) : new URL('../extract-worker.js', import.meta.url);

export async function extractCommand(inputs: string[], opts: ExtractOptions, io = { stdout: process.stdout, stderr: process.stderr }): Promise<ExtractSummary> {
  if (!isDatasetFormat(opts.format)) throw new UsageError(`--format must be one of ${DATASET_FORMATS.join(', ')} (got "${opts.format}")`);
  const publishedProblem = opts.published ? publishedFlagProblem(opts.published, opts.dateOrder) : null;
  if (publishedProblem) throw new UsageError(publishedProblem);
  const language = statedLanguageFlag(opts.language);
  if (opts.resume && !opts.out) throw new UsageError('--resume needs --out DIR (the folder of the run to continue)');
  if (opts.resume && !formatParts(opts.format).json) throw new UsageError('--resume needs the per-article JSON documents (--format json, both or all): the merged tables are rebuilt from them');
  const files = await collectInputs(inputs);
  if (files.length === 0) throw new UsageError(`No article files found in ${inputs.join(', ')} (looked for ${['.txt', '.md', '.html', '.json'].join(', ')})`);
  const result: ExtractSummary = { ok: 0, failed: 0, reused: 0, summary: new SummaryCollector() };
  const fileOptions = { published: opts.published ? readIso(opts.published, opts.dateOrder) : null, dateOrder: opts.dateOrder ?? null, maxBytes: opts.maxBytes, language };
  /** What besides its bytes shapes an input's outputs: --resume reuses only outputs made with the same. */
  const options = JSON.stringify(fileOptions);

  if (!opts.out) {
    if (files.length > 1) throw new UsageError(`${files.length} inputs need --out DIR (only a single file is printed to stdout)`);
    if (opts.format !== 'json') throw new UsageError(`--format ${opts.format} needs --out DIR`);
    const outcome = await processFile(files[0]!, fileOptions);
    if (outcome.status === 'error') throw outcome.cause; // main() prints it and exits 1
    io.stdout.write(`${JSON.stringify(outcome.doc, null, 2)}\n`);
    result.ok = 1;
    return result;
  }

  const sink = new FolderDatasets(opts.out, opts.format);
  const journal = await ExtractJournal.open(opts.out, { resume: opts.resume === true });
  const names = new OutputNames();
  const queue = files.map((file) => ({ file, name: names.for(file) }));
  const tasks = queue.map(({ file, name }): ExtractTask => {
    const journaled = journal.prior(name); // only a --resume journal has entries
    const prior = journaled?.options === options ? journaled : undefined;
    return {
      path: file.path,
      relative: file.relative,
      ...fileOptions,
      csv: formatParts(opts.format).csv,
      reuse: prior ? { sha256: prior.input_sha256, document: prior.status === 'ok' ? sink.documentPath(name) : null, error: prior.status === 'error' ? sink.errorPath(name) : null } : null,
    };
  });
  const progress = progressBar(io.stderr as NodeJS.WriteStream, files.length);
  let i = 0;
  try {
    // A batch per message as large as the pipeline's own (BATCH_ARTICLES): the worker runs it stage by stage.
    for await (const r of mapInOrder<ExtractTask, ExtractResult>(WORKER, tasks, { jobs: opts.jobs ?? jobsFor(files.length), batch: BATCH_ARTICLES })) {
      const { file, name } = queue[i++]!;
      const sha = r.inputSha256;
      const onWritten = sha ? () => journal.record({ name, input_sha256: sha, options, status: r.status }) : undefined;
      if (r.reused) result.reused++;
      if (r.status === 'ok') {
        result.ok++;
        result.summary.add(r.digest);
        await sink.writeFiles(r, name, { unchanged: r.reused, onWritten });
      } else {
        result.failed++;
        const written = await sink.writeError(r.record, name, { unchanged: r.reused, onWritten });
        const line = `error: ${file.path}: ${r.record.error.message} (record: ${written})`;
        if (progress) progress.log(line);
        else io.stderr.write(`${line}\n`);
        if (r.debug && process.env.ARTICLE_EXPORT_DEBUG) io.stderr.write(`${r.debug}\n`);
      }
      progress?.tick(file.relative);
    }
  } finally {
    progress?.stop();
    try {
      await sink.close();
    } finally {
      await journal.close();
    }
  }
  return result;
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

/**
 * The default --jobs: one thread per core, but none for a few dozen inputs, which take less time
 * than starting threads and warming up the code in each of them costs.
 */
function jobsFor(inputs: number): number {
  return inputs < 64 ? 1 : Math.min(defaultJobs(), Math.ceil(inputs / 64));
}

/** The ISO form of a --published value already checked by publishedFlagProblem. */
function readIso(value: string, order: DateOrder | undefined): string | null {
  const r = readDate(value, order);
  return 'date' in r ? r.date : null;
}

/** --language, normalised ("en-GB" → "en"), or a usage error. */
function statedLanguageFlag(value: string | undefined): string | null {
  try {
    return parseLanguage(value, 'The --language');
  } catch (e) {
    throw new UsageError(`--language: ${(e as Error).message}`);
  }
}
