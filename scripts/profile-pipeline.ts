/**
 * Where the in-process pipeline spends its time: V8's CPU profiler (the same
 * profile `node --cpu-prof` writes) around `extract()` over BBC News, after a
 * warm-up pass, summarised by function (self time) and by source folder.
 *
 *   npx tsx scripts/profile-pipeline.ts [--limit N] [--top N]
 *
 * Writes the raw profile to .tmp/pipeline.cpuprofile (open it in Chrome DevTools or speedscope).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importShippedPipeline } from './shipped-pipeline.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const limit = arg('--limit', Infinity);
const top = arg('--top', 30);

const root = join(dataDir, 'bbc-news');
const texts: string[] = [];
for (const topic of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  for (const f of readdirSync(join(root, topic)).sort()) if (texts.length < limit) texts.push(readFileSync(join(root, topic, f), 'utf8'));
}
const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;

const { extract } = await importShippedPipeline(); // the code that ships (bundled as the command line is)
for (const t of texts) extract(t); // warm-up: JIT and models, not profiled
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const c0 = process.cpuUsage();
for (const t of texts) extract(t);
const cpu = process.cpuUsage(c0);
const { profile } = await session.post('Profiler.stop');
session.disconnect();
mkdirSync(join(repo, '.tmp'), { recursive: true });
writeFileSync(join(repo, '.tmp', 'pipeline.cpuprofile'), JSON.stringify(profile));

type Node = (typeof profile.nodes)[number];
const byId = new Map<number, Node>(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
const byFolder = new Map<string, number>();
let total = 0;
const deltas = profile.timeDeltas ?? [];
(profile.samples ?? []).forEach((id, i) => {
  const ms = (deltas[i] ?? 0) / 1000;
  total += ms;
  const cf = byId.get(id)!.callFrame;
  const file = cf.url.replace(/^file:\/\//, '').replace(`${repo}/`, '').replace(/.*node_modules\//, 'node_modules/');
  const fn = `${cf.functionName || '(anonymous)'}  ${file}`; // (line numbers: tsx's output puts a module on few lines)
  self.set(fn, (self.get(fn) ?? 0) + ms);
  const folder = file ? file.split('/').slice(0, 2).join('/') : cf.functionName || '(native)';
  byFolder.set(folder, (byFolder.get(folder) ?? 0) + ms);
});
const pct = (ms: number) => `${((ms / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`${texts.length} BBC articles, ${mb.toFixed(2)} MB: CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (${(mb / ((cpu.user + cpu.system) / 1e6)).toFixed(2)} MB/s), profiled ${(total / 1000).toFixed(2)} s`);
console.log('\nby folder (self time):');
for (const [k, v] of [...byFolder].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${pct(v)}  ${k}`);
console.log(`\ntop ${top} functions (self time):`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v)}  ${k}`);
