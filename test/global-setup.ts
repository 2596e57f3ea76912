/**
 * Builds dist/ once before the tests, so the CLI tests (which spawn bin/article-export.js,
 * and so run dist/cli.js) always test the current source, never a stale build.
 */
import { buildCli } from '../scripts/build-cli.js';

export default async function setup(): Promise<void> {
  await buildCli();
}
