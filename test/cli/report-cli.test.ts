/** `article-export report`, spawned as a user would run it (the browser test checks the pages themselves). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/pipeline.js';
import { articleHref } from '../../src/report/index.js';
import { ROOT } from '../helpers/fixtures.js';

const BIN = join(ROOT, 'bin', 'article-export.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });

describe('article-export report', () => {
  it('writes index.html and one page per article, and names the files it could not read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ae-report-cli-'));
    const doc = extract('Angela Merkel met Emmanuel Macron in Paris on 3 May 2021.', { sourceIdentity: 'a.txt', publishedAt: '2021-05-04' });
    writeFileSync(join(dir, 'a.json'), JSON.stringify(doc));
    writeFileSync(join(dir, 'broken.json'), '{');
    const out = join(dir, 'site');
    const r = run('report', dir, '--out', out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('skipped broken.json: not JSON');
    expect(r.stderr).toMatch(/1 article → .*index\.html/);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, articleHref(doc.article.article_id)))).toBe(true);
  });

  it('exits 2 with a message for a missing folder or one without documents', () => {
    const missing = run('report', join(tmpdir(), 'no-such-folder-ae'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('datasets folder not found');
    const emptyDir = mkdtempSync(join(tmpdir(), 'ae-empty-'));
    const empty = run('report', emptyDir, '--out', join(emptyDir, 'site'));
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('no article documents found');
    expect(existsSync(join(emptyDir, 'site'))).toBe(false);
  });
});
