/**
 * Builds dist/ once before the tests, so the CLI tests (which spawn bin/article-export.js,
 * and so run dist/cli.js) always test the current source, never a stale build.
 *
 * Every test's temporary folders (os.tmpdir(), which reads TMPDIR) go under one folder made
 * for the run and removed after it: a run leaves nothing behind in /tmp, even from a test
 * that fails before its own clean-up, or from the processes the CLI tests spawn.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../scripts/build-cli.js';

export default async function setup(): Promise<() => void> {
  const root = mkdtempSync(join(tmpdir(), 'article-export-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root; // inherited by the test workers and the processes they spawn
  await buildCli();
  return () => {
    rmSync(root, { recursive: true, force: true });
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  };
}
