/**
 * The command line as installed: bin/article-export.js runs the built dist/cli.js, which needs
 * neither tsx nor the TypeScript sources, and finds the models from the package root.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
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
});
