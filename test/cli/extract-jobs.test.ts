/**
 * `extract` on a worker pool: the same bytes for any --jobs, and --resume after a
 * run killed half-way gives what one uninterrupted run gives, without redoing the
 * inputs already written. The real binary (built), spawned as a user runs it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_PATH } from '../../src/cli/extract-journal.js';
import { DATA_DIR, EXAMPLES, hasData, ROOT } from '../helpers/fixtures.js';

const BIN = join(ROOT, 'bin', 'article-export.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 240_000 });

/** Every file of an output folder (leftover *.tmp of a killed run aside) → its content. */
function snapshot(dir: string): Map<string, string> {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => !f.endsWith('.tmp') && statSync(join(dir, f)).isFile()).sort();
  return new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

/** A folder of inputs: the examples, BBC articles when the corpus is there, and inputs that fail. */
function inputs(bbc: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ae-jobs-in-'));
  cpSync(EXAMPLES, join(dir, 'examples'), { recursive: true });
  if (hasData && bbc > 0) {
    for (const topic of ['business', 'politics', 'tech']) {
      mkdirSync(join(dir, topic));
      for (const f of readdirSync(join(DATA_DIR, 'bbc-news', topic)).sort().slice(0, Math.ceil(bbc / 3))) {
        cpSync(join(DATA_DIR, 'bbc-news', topic, f), join(dir, topic, f));
      }
    }
  }
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 0, 1, 2, 3, 0, 0xff]));
  writeFileSync(join(dir, 'page.html'), '<html><head><title>Chip plant</title></head><body><p>Intel said on Monday it would build a plant in Magdeburg.</p></body></html>');
  return dir;
}

describe('extract --jobs', () => {
  it('writes the same bytes with one worker and with several, and reports errors in input order', () => {
    const input = inputs(45);
    const one = mkdtempSync(join(tmpdir(), 'ae-jobs-1-'));
    const three = mkdtempSync(join(tmpdir(), 'ae-jobs-3-'));
    const r1 = run('extract', input, '--out', one, '--jobs', '1');
    const r3 = run('extract', input, '--out', three, '--jobs', '3');
    expect(r1.status).toBe(1); // the two bad inputs
    expect(r3.status).toBe(1);
    const s1 = snapshot(one);
    const s3 = snapshot(three);
    expect(s1.has('csv/mentions.csv')).toBe(true);
    expect(s1.has('errors/empty.json')).toBe(true);
    expect(s1.size).toBeGreaterThan(10);
    expect([...s3.keys()]).toEqual([...s1.keys()]);
    for (const [f, body] of s1) expect(s3.get(f), f).toBe(body);
    const errorLines = (s: string) => s.split('\n').filter((l) => l.startsWith('error:')).map((l) => l.replace(/\(record: .*\)$/, ''));
    expect(errorLines(r3.stderr)).toEqual(errorLines(r1.stderr));
    expect(errorLines(r1.stderr)).toHaveLength(2);
  });
});

describe.skipIf(!hasData)('extract --resume', () => {
  it('after a run killed half-way, skips the inputs already written and ends with what an uninterrupted run writes', async () => {
    const input = inputs(300);
    const whole = mkdtempSync(join(tmpdir(), 'ae-whole-'));
    const first = run('extract', input, '--out', whole, '--jobs', '2');
    expect(first.status).toBe(1);
    const expected = snapshot(whole);
    const [, ok, failed] = /(\d+) articles extracted, (\d+) failed/.exec(first.stderr)!;
    const total = Number(ok) + Number(failed);

    // Interrupt a run once a quarter of its inputs are in the journal.
    const out = mkdtempSync(join(tmpdir(), 'ae-resume-'));
    const child = spawn(process.execPath, [BIN, 'extract', input, '--out', out, '--jobs', '2'], { stdio: 'ignore' });
    const journal = join(out, JOURNAL_PATH);
    const lines = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter(Boolean).length : 0);
    await new Promise<void>((done, fail) => {
      const t = setInterval(() => {
        if (lines() >= total / 4) {
          clearInterval(t);
          child.kill('SIGKILL');
          done();
        }
      }, 20);
      child.once('exit', () => {
        clearInterval(t);
        fail(new Error('the run ended before it could be interrupted'));
      });
    });
    await new Promise((done) => child.once('exit', done));
    const written = lines();
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(total);

    // One input changes while the run is stopped: it must be processed again, not reused.
    const changed = join(input, 'examples', 'tram-line-approved.txt');
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}\nCouncillor Zebedee Quarmby said the vote was a mistake.\n`);
    const fresh = mkdtempSync(join(tmpdir(), 'ae-fresh-'));
    run('extract', input, '--out', fresh, '--jobs', '2');
    const expectedAfterChange = snapshot(fresh);

    const resumed = run('extract', input, '--out', out, '--jobs', '2', '--resume');
    expect(resumed.status).toBe(1);
    const reused = Number(/\((\d+) unchanged since the interrupted run/.exec(resumed.stderr)?.[1]);
    expect(reused).toBeGreaterThan(0);
    expect(reused).toBeLessThanOrEqual(written);
    const got = snapshot(out);
    expect([...got.keys()]).toEqual([...expectedAfterChange.keys()]);
    for (const [f, body] of expectedAfterChange) expect(got.get(f), f).toBe(body);
    expect(got.get('examples/tram-line-approved.json')).toContain('Zebedee Quarmby');
    expect(expected.get('examples/tram-line-approved.json')).not.toContain('Zebedee Quarmby');

    // Resuming a finished run reuses every input.
    const again = run('extract', input, '--out', out, '--resume');
    expect(again.stderr).toMatch(new RegExp(`\\(${total} unchanged since the interrupted run`));
    const final = snapshot(out);
    for (const [f, body] of expectedAfterChange) expect(final.get(f), f).toBe(body);

    // Other options (here a publication date) shape the outputs: nothing is reused.
    const dated = run('extract', input, '--out', out, '--resume', '--published', '2005-01-01');
    expect(dated.stderr).not.toMatch(/unchanged since the interrupted run/);
    expect(JSON.parse(readFileSync(join(out, 'tech', '001.json'), 'utf8')).article.published_at).toBe('2005-01-01');
  });
});
