#!/usr/bin/env node
// Runs the built command line (dist/cli.js: plain JavaScript, built by esbuild on `npm install`/`npm ci`
// through the `prepare` script, or by `npm run build`). Without a build — a checkout whose install skipped
// scripts — or with ARTICLE_EXPORT_FROM_SOURCE=1 (development), it runs the TypeScript through tsx instead,
// which compiles it at every start (about a second).
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli.js', import.meta.url);
const fromSource = process.env.ARTICLE_EXPORT_FROM_SOURCE === '1';
let main;
if (!fromSource && existsSync(built)) {
  ({ main } = await import(built.href));
} else {
  if (!fromSource) process.stderr.write('note: dist/cli.js is not built (run `npm run build`); running the TypeScript through tsx, which starts slower\n');
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
await main(process.argv);
