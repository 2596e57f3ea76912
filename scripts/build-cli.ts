/**
 * Builds the command line into dist/: our TypeScript bundled by esbuild into
 * plain ESM (one chunk per lazily imported command, so `--help` loads only
 * commander and main), with the npm packages left external and loaded from
 * node_modules as usual (but TypeBox, bundled; and a few parsers loaded on first use). bin/article-export.js runs dist/cli.js when it exists.
 *
 *   npx tsx scripts/build-cli.ts        (run by `npm install`/`npm ci` through `prepare`, and by .ci/run)
 *
 * The models are not copied: the built code finds them in models/ at the
 * package root (or ARTICLE_EXPORT_MODELS_DIR), as the TypeScript does.
 */
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * esbuild's view of what Node supports, for every bundle of our code (CLI, Lambda, bench).
 * esbuild rewrites each regex literal with a Unicode property escape (/\p{Lu}/u) into
 * `new RegExp(…)` for Node targets, so every evaluation builds a RegExp again (about 2% of
 * the pipeline's time, measured on the bundle). Node ≥ 10 supports them: keep the literals.
 */
export const NODE_SUPPORTED = { 'regexp-unicode-property-escapes': true } as const;

/** The entry points; a worker runs in its own thread, so it is an entry point of its own. */
export const CLI_ENTRIES = { cli: 'src/cli/main.ts', 'extract-worker': 'src/cli/extract-worker.ts' } as const;

/**
 * Packages that cost a noticeable part of start-up and that most runs never call: the parsers
 * of .html/.md inputs and YAML front matter, and the CSV reader the timeline merge uses. The
 * source imports them statically (readArticle is synchronous, and the Lambda bundle wants them
 * inlined); in the CLI build each named import becomes a stand-in that `require`s the package
 * on its first call. A .txt-only run — and each worker thread — skips loading them.
 */
const LAZY_IMPORTS: Record<string, string[]> = {
  linkedom: ['parseHTML'],
  'html-to-text': ['convert'],
  marked: ['marked'],
  yaml: ['parse'],
  'csv-parse/sync': ['parse'],
};

function lazyImports(): Plugin {
  return {
    name: 'lazy-imports',
    setup(b) {
      const filter = new RegExp(`^(${Object.keys(LAZY_IMPORTS).map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`);
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lazy' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
        const names = LAZY_IMPORTS[args.path]!;
        // Functions and classes are called (or constructed) through; an object export (marked) is proxied.
        const contents = [
          `import { createRequire } from 'node:module';`,
          `const require = createRequire(import.meta.url);`,
          `let mod;`,
          `const load = () => (mod ??= require(${JSON.stringify(args.path)}));`,
          `const member = (name) => load()[name];`,
          `function fn(name) { return function (...a) { const f = member(name); return new.target ? Reflect.construct(f, a) : f.apply(this, a); }; }`,
          `function obj(name) { return new Proxy({}, { get: (_, k) => { const o = member(name); const v = o[k]; return typeof v === 'function' ? v.bind(o) : v; } }); }`,
          ...names.map((n) => `export const ${n} = ${n === 'marked' ? 'obj' : 'fn'}(${JSON.stringify(n)});`),
        ].join('\n');
        return { contents, loader: 'js', resolveDir: repo };
      });
    },
  };
}

/**
 * Dependencies bundled into dist/ instead of loaded from node_modules: TypeBox (the schemas behind
 * the table columns) is ESM spread over ~200 files, which cost more to open than to run.
 */
const BUNDLED = new Set(['@sinclair/typebox']);
const dependencies = Object.keys((JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
const external = dependencies.filter((d) => !BUNDLED.has(d)).flatMap((d) => [d, `${d}/*`]);

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
    supported: NODE_SUPPORTED,
    external, // dependencies resolve from node_modules at run time, as they do for the TypeScript (but BUNDLED)
    sourcemap: 'linked', // used with `node --enable-source-maps` (ARTICLE_EXPORT_DEBUG stacks)
    sourcesContent: false,
    chunkNames: 'chunks/[name]-[hash]',
    plugins: [lazyImports()],
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
