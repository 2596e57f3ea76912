/**
 * `extract --resume` on an archive: the 2,225 BBC articles copied ten times into a
 * temporary folder (22,250 files), then
 *   1. one uninterrupted run (the reference, timed);
 *   2. a run killed once `--kill-at` of its inputs are in its journal (default half);
 *   3. `--resume` into the same folder (timed; how many inputs it did not process again);
 *   4. every output file of 3 compared with 1, byte for byte.
 *
 *   npx tsx scripts/resume-demo.ts [--copies N] [--kill-at 0.5] [--jobs N]
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOURNAL_PATH } from '../src/cli/extract-journal.js';
import { buildCli } from './build-cli.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const bbc = join(process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data'), 'bbc-news');
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const copies = arg('--copies', 10);
const killAt = arg('--kill-at', 0.5);
const jobs = arg('--jobs', availableParallelism());
const BIN = join(repo, 'bin', 'article-export.js');

const work = mkdtempSync(join(tmpdir(), 'ae-resume-demo-'));
try {
  await buildCli();
  const input = join(work, 'in');
  for (let c = 0; c < copies; c++) {
    for (const topic of readdirSync(bbc, { withFileTypes: true }).filter((d) => d.isDirectory())) cpSync(join(bbc, topic.name), join(input, `copy-${c}`, topic.name), { recursive: true });
  }
  const total = (readdirSync(input, { recursive: true }) as string[]).filter((f) => f.endsWith('.txt')).length;
  console.log(`${total} articles (BBC News × ${copies}) in ${input}; --jobs ${jobs}`);
  const extract = (out: string, ...extra: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [BIN, 'extract', input, '--out', out, '--jobs', String(jobs), ...extra], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`extract failed (${r.status}): ${r.stderr.slice(-2000)}`);
    return { s: (performance.now() - t0) / 1000, stderr: r.stderr };
  };

  const reference = join(work, 'reference');
  const full = extract(reference);
  console.log(`1. uninterrupted run: ${full.s.toFixed(1)} s (${(total / full.s).toFixed(0)} articles/s)`);

  const out = join(work, 'out');
  const journal = join(out, JOURNAL_PATH);
  const lines = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter(Boolean).length : 0);
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, 'extract', input, '--out', out, '--jobs', String(jobs)], { stdio: 'ignore' });
  await new Promise<void>((done) => {
    const t = setInterval(() => {
      if (lines() >= total * killAt) {
        clearInterval(t);
        child.kill('SIGKILL');
      }
    }, 50);
    child.once('exit', () => {
      clearInterval(t);
      done();
    });
  });
  const killedAfter = (performance.now() - t0) / 1000;
  const done = lines();
  console.log(`2. a run killed (SIGKILL) after ${killedAfter.toFixed(1)} s, with ${done} of ${total} inputs in its journal`);

  const resumed = extract(out, '--resume');
  const reused = Number(/\((\d+) unchanged since the interrupted run/.exec(resumed.stderr)?.[1] ?? 0);
  console.log(`3. --resume: ${resumed.s.toFixed(1)} s; ${reused} inputs not processed again, ${total - reused} processed (interrupted + resumed: ${(killedAfter + resumed.s).toFixed(1)} s vs ${full.s.toFixed(1)} s uninterrupted)`);

  const files = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => !f.endsWith('.tmp') && statSync(join(dir, f)).isFile()).sort();
  const a = files(reference);
  const b = files(out);
  const inB = new Set(b);
  const inA = new Set(a);
  const leftovers = b.filter((f) => !inA.has(f));
  let differ = 0;
  for (const f of a) if (!inB.has(f) || !readFileSync(join(reference, f)).equals(readFileSync(join(out, f)))) differ++;
  console.log(`4. ${a.length} output files compared with the uninterrupted run's: ${differ === 0 ? 'all identical' : `${differ} differ`}${leftovers.length ? `; ${leftovers.length} extra files` : ''}`);
  if (differ !== 0) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
