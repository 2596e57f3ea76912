/**
 * How each stage's cost grows with the length of one text: the whole pipeline
 * on single texts made of N joined BBC articles (N = 50, 100, 200, 400, 800 by
 * default), CPU time per stage, and the growth exponent of each stage (the
 * slope of log time over log size between the smallest and the largest text;
 * 1 is linear, 2 quadratic). A stage whose exponent is well above 1 has a pass
 * over the whole document that does not scale (see the bench's linearity line).
 *
 *   npx tsx scripts/stage-growth.ts [--sizes 50,100,200,400,800] [--passes 2]
 *
 * On a shared host the figures move a lot from run to run: use few sizes far apart and more passes
 * (`--sizes 100,400,1600 --passes 5`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importShippedPipeline } from './shipped-pipeline.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');
const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const sizes = (argValue('--sizes') ?? '50,100,200,400,800').split(',').map(Number);
const passes = Number(argValue('--passes') ?? 2);

const root = join(dataDir, 'bbc-news');
const articles: string[] = [];
for (const topic of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  for (const f of readdirSync(join(root, topic)).sort()) articles.push(readFileSync(join(root, topic, f), 'utf8'));
}

const { createDoc, runPipeline } = await importShippedPipeline();

/**
 * Best-of-`passes` CPU time per stage (ms) on one text, createDoc counted as a stage, and `total` (the whole). CPU
 * time, read as each stage ends, not wall time: on a shared host the wall clock counts the time other processes ran.
 * (The process's CPU time counts the garbage collector's threads too, as the bench's linearity line does.)
 */
function timeStages(text: string): Map<string, number> {
  const best = new Map<string, number>();
  const cpuMs = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  for (let p = 0; p < passes; p++) {
    const ms = new Map<string, number>();
    const t0 = cpuMs();
    const doc = createDoc({ text, publishedAt: '2005-01-01' });
    let last = cpuMs();
    ms.set('createDoc', last - t0);
    runPipeline(doc, {
      onStage: (name) => {
        const now = cpuMs();
        ms.set(name, now - last);
        last = now;
      },
    });
    ms.set('total', last - t0);
    for (const [k, v] of ms) best.set(k, Math.min(best.get(k) ?? Infinity, v));
  }
  return best;
}

for (let i = 0; i < 3; i++) timeStages(articles.slice(0, 50).join('\n\n')); // warm-up (JIT, models)
const rows: { n: number; chars: number; ms: Map<string, number> }[] = [];
for (const n of sizes) {
  const text = articles.slice(0, n).join('\n\n');
  rows.push({ n, chars: text.length, ms: timeStages(text) });
  const r = rows.at(-1)!;
  console.log(`${String(n).padStart(4)} articles, ${(r.chars / 1e6).toFixed(2)} MB: ${[...r.ms].map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')} ms`);
}
const first = rows[0]!;
const last = rows.at(-1)!;
const exponent = (a: number, b: number) => Math.log(b / a) / Math.log(last.chars / first.chars);
console.log(`\ngrowth exponent ${first.n} → ${last.n} articles (1 = linear), and per doubling:`);
for (const stage of first.ms.keys()) {
  const steps = rows.slice(1).map((r, i) => (Math.log(r.ms.get(stage)! / rows[i]!.ms.get(stage)!) / Math.log(r.chars / rows[i]!.chars)).toFixed(2));
  console.log(`  ${stage.padEnd(10)} ${exponent(first.ms.get(stage)!, last.ms.get(stage)!).toFixed(2)}   [${steps.join(' ')}]`);
}
