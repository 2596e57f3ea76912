/**
 * Speed benchmark over BBC News (2,225 articles), one core, one process:
 * the entity recogniser, the entity stage, the whole pipeline (one article at a time, as the
 * Lambda runs it, and in batches, as the command line runs it: extractMany) and compromise,
 * measured in the same run on the same texts.
 *
 *   npx tsx scripts/bench.ts [--limit N] [--no-compromise]
 *
 * Throughput is given per wall-clock second and per CPU second (the CPU
 * figure is the stable one on a shared machine). Also: model load time, peak
 * memory (max RSS), a linearity check (10× the text must take ≤ 12× the time)
 * and the size of the Lambda bundle (the handler bundled as the stack does, plus models/).
 * The whole-pipeline line is followed by its cost per stage (createDoc and each stage).
 * The code timed is the shipped build (src/ bundled by esbuild as the command line is), not tsx's transform.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Doc } from '../src/text/doc.js';
import { resolveModelPath } from '../src/models.js';
import { buildShippedPipeline, importBundle } from './shipped-pipeline.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');
const limitArg = process.argv.indexOf('--limit');
const limit = limitArg >= 0 ? Number(process.argv[limitArg + 1]) : Infinity;
const withCompromise = !process.argv.includes('--no-compromise');

// ---- load time (first thing: nothing of the pipeline is loaded yet) ----
// What is timed is the code that ships: src/ bundled as the command line bundles it (see shipped-pipeline.ts).
const shippedBuild = buildShippedPipeline();
let t = performance.now();
const { BATCH_ARTICLES, createDoc, extract, extractMany, loadRecognizer, recognizeSpans, runPipeline } = await importBundle(await shippedBuild);
const importMs = performance.now() - t;
t = performance.now();
const rec = loadRecognizer();
const loadMs = performance.now() - t;

// ---- articles ----
const root = join(dataDir, 'bbc-news');
const articles: string[] = [];
for (const topic of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
  for (const f of readdirSync(join(root, topic.name)).sort()) {
    if (articles.length < limit) articles.push(readFileSync(join(root, topic.name, f), 'utf8'));
  }
}
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a), 0);
// The whole pipeline is timed first, one article at a time as the Lambda runs it,
// before the parsed Docs below fill the heap (holding 2,225 Docs makes every
// garbage collection slower and charged ~25% more time to the pipeline).
const whole = measure(() => articles.forEach((text) => extract(text)), 3);
// The command line's way: extractMany runs a batch of articles stage by stage (each stage's tables stay in
// cache), given BATCH_ARTICLES at a time as the command line's worker is, the documents dropped after each.
const batches: { text: string }[][] = [];
for (let i = 0; i < articles.length; i += BATCH_ARTICLES) batches.push(articles.slice(i, i + BATCH_ARTICLES).map((text) => ({ text })));
const wholeBatched = measure(() => batches.forEach((batch) => extractMany(batch)), 3);
const wholeRssMb = process.resourceUsage().maxRSS / 1024; // peak so far: models + all article texts + one batch in flight
// Where the time goes: createDoc and each stage timed per article (wall clock, best of two passes).
const perStage = new Map<string, number>();
for (let pass = 0; pass < 2; pass++) {
  const ms: Record<string, number> = { createDoc: 0 };
  for (const text of articles) {
    let s0 = performance.now();
    const doc = createDoc({ text });
    ms.createDoc! += performance.now() - s0;
    runPipeline(doc, { onStage: (name, t) => (ms[name] = (ms[name] ?? 0) + t) });
  }
  for (const [k, v] of Object.entries(ms)) perStage.set(k, Math.min(perStage.get(k) ?? Infinity, v / 1000));
}
const docs: Doc[] = articles.map((text) => createDoc({ text }));
const tokens = docs.reduce((n, d) => n + d.tokens.length, 0);
console.log(`bbc-news: ${articles.length} articles, ${(bytes / 1e6).toFixed(2)} MB, ${tokens} tokens`);
console.log(`model load: ${loadMs.toFixed(1)} ms (module import ${importMs.toFixed(0)} ms); model files ${['ner.bin', 'ner-lexicon.bin', 'geo.json'].map((f) => `${f} ${(statSync(resolveModelPath(f)).size / 1e6).toFixed(2)} MB`).join(', ')}`);

interface Timing {
  wall: number;
  cpu: number;
}
function measure(fn: () => void, passes = 2): Timing {
  fn(); // warm-up pass (JIT), not counted
  let best: Timing = { wall: Infinity, cpu: Infinity };
  for (let p = 0; p < passes; p++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    fn();
    const wall = (performance.now() - w0) / 1000;
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1e6;
    if (cpu < best.cpu) best = { wall, cpu };
  }
  return best;
}
function report(name: string, tm: Timing, withTokens = true): void {
  const per = (x: number, s: number) => x / s;
  const f = (s: number) =>
    `${withTokens ? `${(per(tokens, s) / 1000).toFixed(0)}k tokens/s, ` : ''}${(per(bytes, s) / 1e6).toFixed(2)} MB/s, ${per(articles.length, s).toFixed(0)} articles/s`;
  console.log(`${name.padEnd(34)} CPU: ${f(tm.cpu)}   |   wall: ${f(tm.wall)}`);
}

report('recogniser (features+Viterbi)', measure(() => docs.forEach((d) => recognizeSpans(d, rec))));
report('entity stage', measure(() => docs.forEach((d) => runPipeline(d, { until: 'entities' }))));
report('createDoc + entity stage', measure(() => articles.forEach((text) => runPipeline(createDoc({ text }), { until: 'entities' }))));
report('whole pipeline (extract, one by one)', whole, false);
report('whole pipeline (extractMany, batched)', wholeBatched, false);
console.log(`  per stage, s per MB (wall): ${[...perStage].map(([k, v]) => `${k} ${(v / (bytes / 1e6)).toFixed(3)}`).join(', ')}`);

if (withCompromise) {
  const require = createRequire(import.meta.url);
  type View = { json(o: { offset: true }): unknown[] };
  const nlp = require('compromise') as (text: string) => { people(): View; places(): View; organizations(): View };
  report('compromise people/places/orgs', measure(() => articles.forEach((text) => {
    const v = nlp(text);
    v.people().json({ offset: true });
    v.places().json({ offset: true });
    v.organizations().json({ offset: true });
  }), 1));
}

// ---- linearity: the whole pipeline on one text of 50 articles vs one of 500 ----
// Drop the parsed articles first: with ~1.5 GB of them on the heap, GC would dominate the big text's time.
docs.length = 0;
const small = articles.slice(0, 50).join('\n\n');
const big = articles.slice(0, 500).join('\n\n');
const run = (text: string) => () => void extract(text, { publishedAt: '2005-01-01' });
const ts = measure(run(small), 3).cpu;
const tb = measure(run(big), 3).cpu;
const ratio = tb / ts;
const sizeRatio = big.length / small.length;
console.log(`linearity: ${sizeRatio.toFixed(1)}× the text took ${ratio.toFixed(1)}× the CPU time (${(ratio / sizeRatio * 10).toFixed(1)}× per 10×; limit 12×) ${ratio / sizeRatio * 10 <= 12 ? 'OK' : 'FAIL'}`);
console.log(`peak memory (max RSS): ${wholeRssMb.toFixed(0)} MB while the whole pipeline ran article by article and in batches (all ${articles.length} texts loaded); ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB for the whole bench, which holds every parsed Doc at once`);

// ---- the Lambda bundle: the handler bundled as the stack bundles it (esbuild, ESM, minified) plus models/ ----
{
  const { build } = await import('esbuild');
  const { mkdtempSync, readdirSync: ls, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const out = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  await build({
    entryPoints: [join(repo, 'functions', 'extract', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    outfile: join(out, 'index.mjs'),
    banner: { js: "import { createRequire as __aeCreateRequire } from 'node:module'; const require = __aeCreateRequire(import.meta.url);" },
    logLevel: 'error',
  });
  // As the stack's bundling hook does: the source map keeps our sources only.
  execFileSync(process.execPath, [join(repo, 'scripts', 'trim-source-map.mjs'), join(out, 'index.mjs.map')]);
  const size = (f: string) => statSync(f).size / 1e6;
  const code = size(join(out, 'index.mjs'));
  const map = size(join(out, 'index.mjs.map'));
  const models = ls(join(repo, 'models')).filter((f) => !f.endsWith('.md')).reduce((n, f) => n + size(join(repo, 'models', f)), 0);
  console.log(`Lambda bundle: ${(code + map + models).toFixed(1)} MB (index.mjs ${code.toFixed(1)} MB, source map ${map.toFixed(1)} MB, models ${models.toFixed(1)} MB; limit 10 MB)`);
  rmSync(out, { recursive: true, force: true });
}
