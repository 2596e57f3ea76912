/**
 * Whole-process benchmark: what a user waits for when they run the command line,
 * start-up and file I/O included, beside the same job done by compromise +
 * chrono-node (scripts/baseline/compromise-chrono.mjs). `npm run bench` runs it
 * after the in-process bench (scripts/bench.ts).
 *
 *   npx tsx scripts/bench-process.ts [--reps N] [--no-baseline] [--no-full]
 *
 * - start-up: `node bin/article-export.js --help` (the built CLI), `npx article-export --help`,
 *   one article with `extract` (models loaded), beside `node -e 0` and `npx --version` (the floors);
 * - `extract DIR --out OUT` (JSON + CSV, the default) on 400 BBC articles (every 5th, copied to a
 *   temporary folder) and on all 2,225, with one worker and with one per core (`--jobs`),
 *   wall time, CPU time (user + system, all threads) and peak memory (max RSS) from /usr/bin/time;
 * - the baseline on the same folders (one run: it is slow).
 * Times are medians of --reps runs (default 3). Builds dist/ first, so the current source is measured.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from './build-cli.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');
const bbc = join(dataDir, 'bbc-news');
const argValue = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const reps = argValue('--reps', 3);
const withBaseline = !process.argv.includes('--no-baseline');
const withFull = !process.argv.includes('--no-full');
const BIN = join(repo, 'bin', 'article-export.js');
const TIME = '/usr/bin/time';
const cores = availableParallelism();

interface Run {
  wall: number;
  cpu: number;
  rssMb: number;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** One process, timed by /usr/bin/time (wall, user + system CPU of every thread, max RSS). */
function timed(cmd: string, args: string[], cwd = repo): Run {
  const out = join(work, 'time.txt');
  const r = spawnSync(TIME, ['-f', '%e %U %S %M', '-o', out, cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const [wall, user, sys, rss] = readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { wall: wall!, cpu: user! + sys!, rssMb: rss! / 1024 };
}
function repeat(n: number, fn: () => Run): Run {
  const runs = Array.from({ length: n }, fn);
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), rssMb: Math.max(...runs.map((r) => r.rssMb)) };
}
const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;

if (!existsSync(TIME)) throw new Error(`${TIME} is needed (Debian package "time")`);
if (!existsSync(bbc)) throw new Error(`BBC News corpus not found at ${bbc} (set ARTICLE_EXPORT_DATA_DIR)`);
const work = mkdtempSync(join(tmpdir(), 'ae-bench-process-'));
try {
  await buildCli();
  const supportsJobs = spawnSync(process.execPath, [BIN, 'extract', '--help'], { encoding: 'utf8' }).stdout.includes('--jobs');

  // ---- start-up ----
  const article = join(repo, 'examples', 'articles', 'tram-line-approved.txt');
  const startup: [string, string, string[], number][] = [
    ['node -e 0 (floor)', process.execPath, ['-e', '0'], 10],
    ['article-export --help (node bin/…)', process.execPath, [BIN, '--help'], 20],
    ['npx --version (npm\'s own start-up)', 'npx', ['--version'], 5],
    ['npx article-export --help', 'npx', ['article-export', '--help'], 5],
    ['extract one article (models loaded)', process.execPath, [BIN, 'extract', article], 10],
  ];
  console.log(`whole process, ${cores} cores (median of the runs; machine shared, so expect ±10% or more)`);
  console.log('start-up:');
  for (const [name, cmd, args, n] of startup) {
    const runs = Array.from({ length: n }, () => timed(cmd, args));
    const walls = runs.map((r) => r.wall);
    console.log(`  ${name.padEnd(38)} median ${ms(median(walls))}, best ${ms(Math.min(...walls))} (${n} runs), max RSS ${Math.max(...runs.map((r) => r.rssMb)).toFixed(0)} MB`);
  }

  // ---- corpora: 400 articles (every 5th, copied) and all of them ----
  const all: string[] = [];
  for (const topic of readdirSync(bbc, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const f of readdirSync(join(bbc, topic)).sort()) all.push(`${topic}/${f}`);
  }
  const sample = join(work, 'bbc-400');
  for (const rel of all.filter((_, i) => i % 5 === 0).slice(0, 400)) {
    mkdirSync(dirname(join(sample, rel)), { recursive: true });
    cpSync(join(bbc, rel), join(sample, rel));
  }
  const corpora: [string, string, number][] = [['400 BBC articles', sample, 400]];
  if (withFull) corpora.push([`all BBC articles`, bbc, all.length]);

  for (const [name, dir, count] of corpora) {
    console.log(`\nextract, ${name} (${count} files): wall | CPU (all threads) | articles/s (wall) | peak RSS`);
    const out = join(work, 'out');
    const ours = (jobs: number | null) =>
      repeat(reps, () => {
        rmSync(out, { recursive: true, force: true });
        return timed(process.execPath, [BIN, 'extract', dir, '--out', out, ...(jobs === null ? [] : ['--jobs', String(jobs)])]);
      });
    const line = (label: string, r: Run) =>
      console.log(`  ${label.padEnd(38)} ${r.wall.toFixed(2)} s | ${r.cpu.toFixed(2)} s | ${(count / r.wall).toFixed(0)} | ${r.rssMb.toFixed(0)} MB`);
    const results: [string, Run][] = [];
    if (supportsJobs) {
      results.push(['article-export extract --jobs 1', ours(1)]);
      results.push([`article-export extract --jobs ${cores}`, ours(cores)]);
    } else {
      results.push(['article-export extract (one thread)', ours(null)]);
    }
    for (const [l, r] of results) line(l, r);
    if (withBaseline) {
      rmSync(out, { recursive: true, force: true });
      const base = timed(process.execPath, [join(repo, 'scripts', 'baseline', 'compromise-chrono.mjs'), dir, '--out', out]);
      line('compromise + chrono-node (1 run)', base);
      const best = Math.min(...results.map(([, r]) => r.wall));
      console.log(`  article-export takes ${(best / base.wall * 100).toFixed(1)}% of the baseline's wall time (${(base.wall / best).toFixed(1)}× faster; target ≤ 10%)`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
