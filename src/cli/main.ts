/** The `article-export` command line: thin doors onto the pipeline and storage. */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DATASET_FORMATS, type DatasetFormat } from '../datasets/formats.js';
import { PIPELINE_VERSION } from '../version.js';
import { findAbove } from '../package-files.js';
import { UsageError } from './files.js';

/** The example articles `local` uploads by default (examples/articles at the package root). */
const EXAMPLES = findAbove('examples/articles') ?? 'examples/articles';

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
};

export function buildProgram(): Command {
  const program = new Command()
    .name('article-export')
    .description('Turn news articles into datasets: entities, attributed quotations, dated events (JSON + CSV).')
    .version(PIPELINE_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride(); // set before the subcommands so they inherit it: usage errors become exit code 2 in main()

  program
    .command('extract')
    .description('extract datasets from article files (.txt, .md, .html, .json) or folders of them')
    .argument('<inputs...>', 'files or directories (read recursively)')
    .option('-o, --out <dir>', 'write <name>.json per input, csv/<table>.csv, parquet/<table>.parquet (per --format) and errors/ here (without it, one file prints its JSON)')
    .option('--published <date>', 'publication date for inputs that state none (2024-10-14, 14 October 2024…); relative dates resolve against it')
    .addOption(new Option('--date-order <order>', 'how all-numeric dates like 01/03/2005 order day and month, in --published and in the inputs').choices(['dmy', 'mdy']))
    .addOption(new Option('-f, --format <format>', 'what to write with --out: json, csv or parquet alone; both = json + csv; all = json + csv + parquet').choices([...DATASET_FORMATS]).default('both'))
    .option('--max-bytes <n>', 'largest input accepted, in bytes', positiveInt, 5 * 1024 * 1024)
    .option('--language <tag>', 'the inputs\' language for those that state none: en processes them as English even when detection finds another language; without it, text detected in a language the models do not cover gets an UNSUPPORTED_LANGUAGE error record')
    .option('-j, --jobs <n>', 'worker threads processing the articles; the output is the same for any number (default: one per core, one for fewer than 64 inputs)', positiveInt)
    .option('--resume', 'continue an interrupted run into the same --out: inputs whose outputs were written from the same bytes are not processed again')
    .action(async (inputs: string[], o: { out?: string; published?: string; dateOrder?: 'dmy' | 'mdy'; format: DatasetFormat; maxBytes: number; language?: string; jobs?: number; resume?: boolean }) => {
      const { extractCommand } = await import('./extract-command.js');
      const format = o.out ? o.format : 'json';
      const s = await extractCommand(inputs, { out: o.out, published: o.published, dateOrder: o.dateOrder, format, maxBytes: o.maxBytes, language: o.language, jobs: o.jobs, resume: o.resume });
      if (o.out) {
        const reused = s.reused > 0 ? ` (${s.reused} unchanged since the interrupted run, not processed again)` : '';
        process.stderr.write(`${s.ok} ${s.ok === 1 ? 'article' : 'articles'} extracted, ${s.failed} failed${reused} → ${o.out}\n`);
        if (s.summary.articles > 1) process.stderr.write(`\n${s.summary.format()}\n`);
      }
      if (s.failed > 0) process.exitCode = 1;
    });

  program
    .command('local')
    .description('run the serverless pipeline on this machine: embedded S3 server, the Lambda handler, datasets in ./out')
    .argument('[articles...]', 'files or folders to upload', [EXAMPLES])
    .option('-o, --out <dir>', 'where the datasets are downloaded', 'out')
    .option('--serve', 'keep running and process whatever any S3 client uploads')
    .option('--port <port>', 'port of the embedded S3 server (default: a free one)', positiveInt)
    .option('--report-port <port>', 'with --serve: port of the live HTML report (default: a free one)', positiveInt)
    .option('--input-bucket <name>', 'input bucket', 'article-export-input')
    .option('--output-bucket <name>', 'output bucket', 'article-export-output')
    .action(async (articles: string[], o: { out: string; serve?: boolean; port?: number; reportPort?: number; inputBucket: string; outputBucket: string }) => {
      const { localCommand } = await import('./local-command.js');
      const run = await localCommand({ articles, ...o });
      if (o.serve) {
        await new Promise<void>((done) => process.once('SIGINT', () => done()));
        await run.close();
      }
    });

  program
    .command('download')
    .description('download the datasets of an output bucket, merging per-article CSVs into one CSV per table')
    .argument('<s3-uri>', 's3://bucket[/prefix]')
    .requiredOption('-o, --out <dir>', 'destination folder')
    .option('--endpoint <url>', 'S3-compatible endpoint, e.g. the local server of `article-export local --serve`')
    .option('--region <region>', 'AWS region')
    .addOption(new Option('-f, --format <format>', 'what to write: json, csv or parquet alone; both = json + csv; all = json + csv + parquet').choices([...DATASET_FORMATS]).default('both'))
    .action(async (uri: string, o: { out: string; endpoint?: string; region?: string; format: DatasetFormat }) => {
      const { downloadDatasets } = await import('../storage/download.js');
      const { formatParts } = await import('../datasets/formats.js');
      const { createS3Client, S3Store } = await import('../storage/s3.js');
      const { LOCAL_CREDENTIALS } = await import('./local-s3.js');
      const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
      if (!m) throw new UsageError(`Expected s3://bucket[/prefix], got "${uri}"`);
      const prefix = m[2] && !m[2].endsWith('/') ? `${m[2]}/` : (m[2] ?? '');
      const useLocalKeys = o.endpoint && !process.env.AWS_ACCESS_KEY_ID && /\/\/(127\.|localhost|\[::1\])/.test(o.endpoint);
      const client = createS3Client({ endpoint: o.endpoint, region: o.region, credentials: useLocalKeys ? LOCAL_CREDENTIALS : undefined });
      const s = await downloadDatasets(new S3Store(client, m[1]!, prefix), o.out, undefined, o.format);
      process.stderr.write(`${s.articles} articles, ${s.errors} error records → ${o.out}\n`);
      const parts = formatParts(o.format);
      const tables = [parts.csv ? 'csv/{t}.csv' : '', parts.parquet ? 'parquet/{t}.parquet' : ''].filter(Boolean).join(', ');
      if (tables) for (const [t, n] of Object.entries(s.rows)) process.stderr.write(`  ${tables.replaceAll('{t}', t)}: ${n} rows\n`);
      if (s.incomplete.length > 0) {
        const ids = s.incomplete.slice(0, 5).map((i) => `${i.article_id} (${i.reason})`).join(', ');
        process.stderr.write(`warning: ${s.incomplete.length} articles skipped, being rewritten or awaiting a retry: ${ids}${s.incomplete.length > 5 ? ', …' : ''}; download again later\n`);
      }
    });

  program
    .command('report')
    .description('write a static HTML report of a datasets folder (extract --out or download): annotated articles and corpus charts, works offline')
    .argument('<datasets-dir>', 'the folder extract --out or download wrote')
    .option('-o, --out <dir>', 'where to write the report', 'report')
    .action(async (dir: string, o: { out: string }) => {
      const { writeReport } = await import('../report/index.js');
      const { statSync } = await import('node:fs');
      if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`datasets folder not found: ${dir}`);
      const s = await writeReport(dir, o.out);
      for (const f of s.skipped) process.stderr.write(`skipped ${f.file}: ${f.reason}\n`);
      if (s.articles === 0) throw new UsageError(`no article documents found in ${dir}`);
      process.stderr.write(`${s.articles} ${s.articles === 1 ? 'article' : 'articles'}${s.errors ? ` (${s.errors} error records)` : ''} → ${s.index}\n`);
    });

  const positiveNumber = (v: string) => {
    const n = Number(v);
    if (!(n > 0)) throw new InvalidArgumentError('expected a positive number');
    return n;
  };

  program
    .command('redrive')
    .description("move the dead-letter queue's messages back to the ingest queue (SQS StartMessageMoveTask), so they are processed again")
    .option('--stack <name>', 'read the queue URLs from this deployed stack')
    .option('--dlq-url <url>', 'dead-letter queue URL (default: the stack output DeadLetterQueueUrl)')
    .option('--queue-url <url>', 'ingest queue URL (default: the stack output QueueUrl)')
    .option('--max-per-second <n>', 'move at most this many messages per second (1-500)', positiveInt)
    .option('--wait', 'wait until every message has been moved')
    .option('--region <region>', 'AWS region')
    .option('--endpoint <url>', 'AWS endpoint override, e.g. LocalStack')
    .addOption(new Option('--poll-seconds <n>', 'seconds between progress checks').argParser(positiveNumber).default(5).hideHelp())
    .action(async (o: { stack?: string; dlqUrl?: string; queueUrl?: string; maxPerSecond?: number; wait?: boolean; region?: string; endpoint?: string; pollSeconds: number }) => {
      const { redriveCommand } = await import('./redrive-command.js');
      const r = await redriveCommand(o);
      if (r.taskHandle) process.stdout.write(`${r.taskHandle}\n`);
      if (r.status && r.status !== 'COMPLETED') process.exitCode = 1;
    });

  program
    .command('backfill')
    .description("reprocess every object under a prefix of the input bucket: starts the stack's Step Functions backfill")
    .argument('<s3-uri>', 's3://input-bucket[/prefix] (a folder; without a prefix, the stack\'s input prefix)')
    .option('--stack <name>', 'read the state machine ARN and input bucket from this deployed stack')
    .option('--state-machine-arn <arn>', 'the backfill state machine (default: the stack output BackfillStateMachineArn)')
    .option('--name <name>', 'execution name (default: generated)')
    .option('--wait', 'wait until the execution ends, printing progress')
    .option('--region <region>', 'AWS region')
    .option('--endpoint <url>', 'AWS endpoint override, e.g. LocalStack')
    .addOption(new Option('--poll-seconds <n>', 'seconds between progress checks').argParser(positiveNumber).default(10).hideHelp())
    .action(async (uri: string, o: { stack?: string; stateMachineArn?: string; name?: string; wait?: boolean; region?: string; endpoint?: string; pollSeconds: number }) => {
      const { backfillCommand } = await import('./backfill-command.js');
      const r = await backfillCommand(uri, o);
      process.stdout.write(`${r.executionArn}\n`);
      if (r.status && r.status !== 'SUCCEEDED') process.exitCode = 1;
    });

  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; usage mistakes exit 2 (commander has printed the message).
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`error: ${(e as Error).message ?? String(e)}\n`);
    if (process.env.ARTICLE_EXPORT_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 1;
  }
}
