/** The `article-export` command line: thin doors onto the pipeline and storage. */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { PIPELINE_VERSION } from '../version.js';
import { UsageError } from './files.js';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'articles');

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
    .option('-o, --out <dir>', 'write <name>.json per input, csv/<table>.csv and errors/ here (without it, one file prints its JSON)')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for inputs that state none; relative dates resolve against it')
    .addOption(new Option('-f, --format <format>', 'what to write with --out').choices(['json', 'csv', 'both']).default('both'))
    .option('--max-bytes <n>', 'largest input accepted, in bytes', positiveInt, 5 * 1024 * 1024)
    .action(async (inputs: string[], o: { out?: string; published?: string; format: 'json' | 'csv' | 'both'; maxBytes: number }) => {
      const { extractCommand } = await import('./extract-command.js');
      const { formatSummary } = await import('./summary.js');
      const format = o.out ? o.format : 'json';
      const s = await extractCommand(inputs, { out: o.out, published: o.published, format, maxBytes: o.maxBytes });
      if (o.out) {
        process.stderr.write(`${s.ok} articles extracted, ${s.failed} failed → ${o.out}\n`);
        if (s.documents.length > 1) process.stderr.write(`\n${formatSummary(s.documents)}\n`);
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
    .option('--input-bucket <name>', 'input bucket', 'article-export-input')
    .option('--output-bucket <name>', 'output bucket', 'article-export-output')
    .action(async (articles: string[], o: { out: string; serve?: boolean; port?: number; inputBucket: string; outputBucket: string }) => {
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
    .action(async (uri: string, o: { out: string; endpoint?: string; region?: string }) => {
      const { downloadDatasets } = await import('../storage/download.js');
      const { createS3Client, S3Store } = await import('../storage/s3.js');
      const { LOCAL_CREDENTIALS } = await import('./local-s3.js');
      const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
      if (!m) throw new UsageError(`Expected s3://bucket[/prefix], got "${uri}"`);
      const prefix = m[2] && !m[2].endsWith('/') ? `${m[2]}/` : (m[2] ?? '');
      const useLocalKeys = o.endpoint && !process.env.AWS_ACCESS_KEY_ID && /\/\/(127\.|localhost|\[::1\])/.test(o.endpoint);
      const client = createS3Client({ endpoint: o.endpoint, region: o.region, credentials: useLocalKeys ? LOCAL_CREDENTIALS : undefined });
      const s = await downloadDatasets(new S3Store(client, m[1]!, prefix), o.out);
      process.stderr.write(`${s.articles} articles, ${s.errors} error records → ${o.out}\n`);
      for (const [t, n] of Object.entries(s.rows)) process.stderr.write(`  csv/${t}.csv: ${n} rows\n`);
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
