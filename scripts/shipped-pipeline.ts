/**
 * The pipeline as it ships: src/ bundled by esbuild with the command line's
 * options (target, NODE_SUPPORTED), for the speed scripts. Running the
 * TypeScript through tsx measures tsx's transform instead (its keep-names
 * wrappers and rewritten regex literals cost 5–10% of the pipeline's time).
 *
 *   const { extract, extractMany } = await importShippedPipeline();
 *
 * The bundle is written to .tmp/shipped/ inside the repository, so the built
 * code finds models/ at the package root as dist/ does.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { NODE_SUPPORTED } from './build-cli.js';

type Pipeline = typeof import('../src/pipeline.js');
type Entities = typeof import('../src/entities/index.js');
type Recognizer = typeof import('../src/entities/recognizer.js');
type CreateDoc = typeof import('../src/text/create-doc.js');

export type ShippedPipeline = Pick<Pipeline, 'extract' | 'extractMany' | 'runPipeline' | 'BATCH_ARTICLES'> &
  Pick<Entities, 'loadRecognizer'> &
  Pick<Recognizer, 'recognizeSpans'> &
  Pick<CreateDoc, 'createDoc'>;

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles the pipeline (not timed by callers) and returns the bundle's path. */
export async function buildShippedPipeline(): Promise<string> {
  const outdir = join(repo, '.tmp', 'shipped');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, `pipeline-${process.pid}.mjs`);
  await build({
    absWorkingDir: repo,
    stdin: {
      contents: [
        "export { BATCH_ARTICLES, extract, extractMany, runPipeline } from './src/pipeline.ts';",
        "export { loadRecognizer } from './src/entities/index.ts';",
        "export { recognizeSpans } from './src/entities/recognizer.ts';",
        "export { createDoc } from './src/text/create-doc.ts';",
      ].join('\n'),
      resolveDir: repo,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    supported: NODE_SUPPORTED,
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** Imports a bundle written by buildShippedPipeline. */
export async function importBundle(file: string): Promise<ShippedPipeline> {
  const mod = (await import(pathToFileURL(file).href)) as ShippedPipeline;
  rmSync(file, { force: true }); // loaded: the file is not needed any more
  return mod;
}

/** Builds and imports the shipped pipeline. */
export async function importShippedPipeline(): Promise<ShippedPipeline> {
  return importBundle(await buildShippedPipeline());
}
