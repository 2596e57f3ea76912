/** The real `article-export` binary, spawned as a user would run it. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { columns, TABLE_NAMES } from '../../src/datasets/index.js';
import type { ArticleDocument } from '../../src/document/schema.js';
import { EXAMPLES, ROOT } from '../helpers/fixtures.js';
import { assertValid, validateDocument, validateErrorRecord } from '../helpers/schema.js';

const BIN = join(ROOT, 'bin', 'article-export.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });

describe('article-export extract', () => {
  it('prints the JSON document of one file on stdout', () => {
    const r = run('extract', join(EXAMPLES, 'tram-line-approved.txt'));
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as ArticleDocument;
    assertValid(validateDocument, doc);
    expect(doc.article.title).toContain('Leeds');
    expect(doc.article.published_at).toBe('2025-03-14');
  });

  it('writes one JSON per input, merged CSV tables, and error records that do not stop the batch', () => {
    const input = mkdtempSync(join(tmpdir(), 'ae-in-'));
    const out = mkdtempSync(join(tmpdir(), 'ae-out-'));
    for (const f of readdirSync(EXAMPLES)) writeFileSync(join(input, f), readFileSync(join(EXAMPLES, f)));
    mkdirSync(join(input, 'nested'));
    writeFileSync(join(input, 'nested', 'second.txt'), 'Angela Merkel met Emmanuel Macron in Paris yesterday.');
    writeFileSync(join(input, 'empty.txt'), '');
    writeFileSync(join(input, 'ignored.png'), 'not an article extension');
    const r = run('extract', input, '--out', out, '--published', '2024-10-14');
    expect(r.status).toBe(1); // some inputs failed
    expect(r.stderr).toMatch(/error: .*empty\.txt: The file is empty/);
    const jsons = readdirSync(out).filter((f) => f.endsWith('.json')).sort();
    expect(jsons).toEqual(['chip-plant.json', 'port-strike.json', 'satellite-launch.json', 'tram-line-approved.json']);
    const nested = JSON.parse(readFileSync(join(out, 'nested', 'second.json'), 'utf8')) as ArticleDocument;
    expect(nested.article.published_at_source).toBe('cli'); // --published fills in a missing date
    const err = JSON.parse(readFileSync(join(out, 'errors', 'empty.json'), 'utf8'));
    assertValid(validateErrorRecord, err);
    expect(err.error.code).toBe('EMPTY_INPUT');
    const articles = parse(readFileSync(join(out, 'csv', 'articles.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(articles).toHaveLength(5);
    for (const t of TABLE_NAMES) {
      const csv = readFileSync(join(out, 'csv', `${t}.csv`), 'utf8');
      expect(csv.split('\r\n')[0]).toBe(columns(t).join(','));
      expect(csv.split('\r\n').filter((l) => l === columns(t).join(','))).toHaveLength(1); // header once
    }
    // Same input, same bytes.
    const out2 = mkdtempSync(join(tmpdir(), 'ae-out-'));
    run('extract', input, '--out', out2, '--published', '2024-10-14');
    expect(readFileSync(join(out2, 'csv', 'mentions.csv'), 'utf8')).toBe(readFileSync(join(out, 'csv', 'mentions.csv'), 'utf8'));
    expect(readFileSync(join(out2, 'chip-plant.json'), 'utf8')).toBe(readFileSync(join(out, 'chip-plant.json'), 'utf8'));
  });

  it('writes only what --format asks for', () => {
    const out = mkdtempSync(join(tmpdir(), 'ae-out-'));
    expect(run('extract', EXAMPLES, '--out', out, '--format', 'csv').status).toBe(0);
    expect(existsSync(join(out, 'csv', 'entities.csv'))).toBe(true);
    expect(readdirSync(out).filter((f) => f.endsWith('.json'))).toEqual([]);
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('shows a progress bar on multi-file runs when stderr is a terminal, and none otherwise', () => {
    const out = mkdtempSync(join(tmpdir(), 'ae-out-'));
    // util-linux `script` gives the command a pseudo-terminal.
    const tty = spawnSync('script', ['-qec', `${process.execPath} ${BIN} extract ${EXAMPLES} --out ${out}`, '/dev/null'], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/extract \[.*\] \d+\/4 \| [\d.]+ articles\/s \| ETA /);
    const piped = run('extract', EXAMPLES, '--out', mkdtempSync(join(tmpdir(), 'ae-out-')));
    expect(piped.stderr).not.toMatch(/extract \[/);
  });

  it('reads --published as people write it, an all-numeric day/month date with --date-order', () => {
    const input = mkdtempSync(join(tmpdir(), 'ae-in-'));
    writeFileSync(join(input, 'a.txt'), 'The council met on Friday.');
    const r = run('extract', join(input, 'a.txt'), '--published', '01/03/2005', '--date-order', 'dmy');
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as ArticleDocument).article).toMatchObject({ published_at: '2005-03-01', published_at_source: 'cli' });
    const named = run('extract', join(input, 'a.txt'), '--published', '1 March 2005');
    expect((JSON.parse(named.stdout) as ArticleDocument).article.published_at).toBe('2005-03-01');
  });

  it('rejects bad arguments with a clear message and exit code 2', () => {
    const cases: [string[], RegExp][] = [
      [['extract'], /missing required argument/],
      [['extract', 'no/such/file.txt'], /No such file or directory/],
      [['extract', EXAMPLES], /need --out/],
      [['extract', EXAMPLES, '--out', tmpdir(), '--published', '01/03/2005'], /ambiguous.*--date-order/],
      [['extract', EXAMPLES, '--out', tmpdir(), '--published', 'soon'], /YYYY-MM-DD/],
      [['extract', EXAMPLES, '--out', tmpdir(), '--format', 'xml'], /Allowed choices are json, csv, parquet, both, all/],
      [['frobnicate'], /unknown command/],
      [['extract', EXAMPLES, '--out', tmpdir(), '--jobs', '0'], /expected a positive whole number/],
      [['extract', EXAMPLES, '--resume'], /--resume needs --out DIR/],
      [['extract', EXAMPLES, '--out', tmpdir(), '--format', 'csv', '--resume'], /--resume needs the per-article JSON/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});
