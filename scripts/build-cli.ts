/**
 * Builds the command line into dist/: our TypeScript bundled by esbuild into
 * plain ESM (one chunk per lazily imported command, so `--help` loads only
 * commander and main), with every npm package left external and loaded from
 * node_modules as usual. bin/article-export.js runs dist/cli.js when it exists.
 *
 *   npx tsx scripts/build-cli.ts        (run by `npm install`/`npm ci` through `prepare`, and by .ci/run)
 *
 * The models are not copied: the built code finds them in models/ at the
 * package root (or ARTICLE_EXPORT_MODELS_DIR), as the TypeScript does.
 */
import { renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The entry points; a worker runs in its own thread, so it is an entry point of its own. */
export const CLI_ENTRIES = { cli: 'src/cli/main.ts' } as const;

export async function buildCli(outdir = join(repo, 'dist')): Promise<void> {
  // Built beside and swapped in: dist/ is never half-written, so a CLI started meanwhile finds a whole build.
  const fresh = `${outdir}.${process.pid}.tmp`;
  const old = `${outdir}.${process.pid}.old`;
  rmSync(fresh, { recursive: true, force: true });
  await build({
    absWorkingDir: repo,
    entryPoints: CLI_ENTRIES,
    outdir: fresh,
    bundle: true,
    splitting: true, // dynamic import() of a command stays lazy: its code is a chunk loaded only when the command runs
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external', // dependencies resolve from node_modules at run time, as they do for the TypeScript
    sourcemap: 'linked', // used with `node --enable-source-maps` (ARTICLE_EXPORT_DEBUG stacks)
    sourcesContent: false,
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(outdir, old);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  renameSync(fresh, outdir);
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  await buildCli();
  process.stderr.write(`built dist/ in ${(performance.now() - t0).toFixed(0)} ms\n`);
}
