/**
 * The command line as installed: bin/article-export.js runs the built dist/cli.js, which needs
 * neither tsx nor the TypeScript sources, and finds the models from the package root.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../scripts/build-cli.js';
import type { ArticleDocument } from '../../src/document/schema.js';
import { EXAMPLES, ROOT } from '../helpers/fixtures.js';

/** A copy of the package with dist/ built, models/ and every dependency except tsx, and no src/. */
let pkg: string;
const run = (args: string[], env: Record<string, string> = {}) => {
  const { ARTICLE_EXPORT_MODELS_DIR: _m, ARTICLE_EXPORT_FROM_SOURCE: _s, NODE_OPTIONS: _n, ...rest } = process.env;
  return spawnSync(process.execPath, [join(pkg, 'bin', 'article-export.js'), ...args], { encoding: 'utf8', cwd: tmpdir(), env: { ...rest, ...env }, timeout: 60_000 });
};

beforeAll(async () => {
  pkg = mkdtempSync(join(tmpdir(), 'ae-pkg-'));
  mkdirSync(join(pkg, 'bin'));
  copyFileSync(join(ROOT, 'bin', 'article-export.js'), join(pkg, 'bin', 'article-export.js'));
  copyFileSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  symlinkSync(join(ROOT, 'models'), join(pkg, 'models'));
  mkdirSync(join(pkg, 'node_modules'));
  for (const dep of readdirSync(join(ROOT, 'node_modules'))) {
    if (dep !== 'tsx' && dep !== '.bin') symlinkSync(join(ROOT, 'node_modules', dep), join(pkg, 'node_modules', dep));
  }
  await buildCli(join(pkg, 'dist'));
});
afterAll(() => rmSync(pkg, { recursive: true, force: true }));

describe('the built command line', () => {
  it('prints --help without tsx and without the TypeScript sources', () => {
    const r = run(['--help']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: article-export/);
    expect(r.stdout).toMatch(/extract \[options\] <inputs\.\.\.>/);
  });

  it('extracts an article, finding the models from the package root, byte for byte as the TypeScript does', () => {
    const file = join(EXAMPLES, 'tram-line-approved.txt');
    const r = run(['extract', file]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as ArticleDocument;
    expect(doc.entities.map((e) => e.name)).toContain('Leeds City Council');
    const fromSource = spawnSync(process.execPath, [join(ROOT, 'bin', 'article-export.js'), 'extract', file], {
      encoding: 'utf8',
      env: { ...process.env, ARTICLE_EXPORT_FROM_SOURCE: '1' },
      timeout: 60_000,
    });
    expect(fromSource.status).toBe(0);
    expect(r.stdout).toBe(fromSource.stdout);
  });

  it('reads HTML, Markdown and front matter through its lazily loaded parsers, writing what the TypeScript writes', () => {
    const input = mkdtempSync(join(tmpdir(), 'ae-in-'));
    writeFileSync(
      join(input, 'page.html'),
      '<html><head><title>Port strike ends</title><meta property="article:published_time" content="2024-10-14T08:00:00Z"></head><body><nav>Home | News</nav><article><h1>Port strike ends</h1><p>Dock workers in Rotterdam ended their strike on Friday, the union FNV said.</p><p>&ldquo;We have a deal,&rdquo; said Niek Stam, a union leader.</p></article></body></html>',
    );
    writeFileSync(join(input, 'note.md'), '# Chip plant\n\nIntel said on Monday it would build a plant in **Magdeburg**, Germany.\n');
    writeFileSync(join(input, 'front.txt'), '---\ntitle: Tram line\npublished: 2025-03-14\n---\nLeeds City Council approved the tram line last week.\n');
    const built = mkdtempSync(join(tmpdir(), 'ae-out-'));
    const r = run(['extract', input, '--out', built]);
    expect(r.stderr).toMatch(/3 articles extracted, 0 failed/);
    const source = mkdtempSync(join(tmpdir(), 'ae-out-'));
    const s = spawnSync(process.execPath, [join(ROOT, 'bin', 'article-export.js'), 'extract', input, '--out', source], {
      encoding: 'utf8',
      env: { ...process.env, ARTICLE_EXPORT_FROM_SOURCE: '1' },
      timeout: 60_000,
    });
    expect(s.status).toBe(0);
    const files = (readdirSync(source, { recursive: true }) as string[]).filter((f) => /\.(json|csv)$/.test(f)).sort();
    expect(files).toContain('page.json');
    expect(files).toContain('csv/timeline.csv');
    expect((readdirSync(built, { recursive: true }) as string[]).filter((f) => /\.(json|csv)$/.test(f)).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(built, f), 'utf8'), f).toBe(readFileSync(join(source, f), 'utf8'));
    const page = JSON.parse(readFileSync(join(built, 'page.json'), 'utf8')) as ArticleDocument;
    expect(page.article.title).toBe('Port strike ends');
    expect(page.article.text).not.toContain('Home | News');
    expect(JSON.parse(readFileSync(join(built, 'front.json'), 'utf8')).article.published_at).toBe('2025-03-14');
  });

  it('falls back to tsx with a note when dist/ is missing, and fails plainly when tsx is missing too', () => {
    rmSync(join(pkg, 'dist'), { recursive: true, force: true });
    const without = run(['--help']);
    expect(without.status).not.toBe(0);
    expect(without.stderr).toMatch(/dist\/cli\.js is not built \(run `npm run build`\)/);
    // With tsx (and the sources) back, the fallback runs the TypeScript.
    symlinkSync(join(ROOT, 'node_modules', 'tsx'), join(pkg, 'node_modules', 'tsx'));
    symlinkSync(join(ROOT, 'src'), join(pkg, 'src'));
    const fallback = run(['--help']);
    expect(fallback.status).toBe(0);
    expect(fallback.stderr).toMatch(/running the TypeScript through tsx/);
    expect(fallback.stdout).toMatch(/^Usage: article-export/);
  });

  it('ships dist/ in the package npm packs (prepare builds it; .gitignore alone would leave it out), with the models', () => {
    // --ignore-scripts: list what the pack takes from the tree as it is (the test setup has built dist/).
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['dist/cli.js', 'bin/article-export.js', 'models/ner.bin', 'package.json']));
    expect(files.filter((f) => f.startsWith('node_modules/') || f.startsWith('out/') || f.startsWith('cdk.out/'))).toEqual([]);
  });
});
