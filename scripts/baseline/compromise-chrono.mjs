#!/usr/bin/env node
// The whole-process baseline of `npm run bench`: what a TypeScript user would write instead of
// `article-export extract DIR --out OUT --format json` — compromise for people, places and
// organisations, chrono-node for dates — reading each article file and writing one JSON per article.
// Plain JavaScript run by node, so neither side pays for compiling TypeScript at start-up.
// It does less than article-export (no quotations, events, roles, clustering or CSV tables).
//
//   node scripts/baseline/compromise-chrono.mjs DIR --out OUT
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const nlp = require('compromise');
const chrono = require('chrono-node');

const [input] = process.argv.slice(2);
const out = process.argv[process.argv.indexOf('--out') + 1];
if (!input || !out || !process.argv.includes('--out')) throw new Error('usage: compromise-chrono.mjs DIR --out OUT');
const reference = new Date('2005-01-01T00:00:00Z'); // fixed, so runs are comparable (chrono always resolves)

async function walk(dir, found) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, found);
    else if (e.isFile() && e.name.toLowerCase().endsWith('.txt')) found.push(p);
  }
  return found;
}

const files = (await walk(input, [])).sort();
const entity = (type) => (m) => ({ type, text: m.text, start: m.offset.start, end: m.offset.start + m.offset.length });
for (const file of files) {
  const text = await readFile(file, 'utf8');
  const doc = nlp(text);
  const entities = [
    ...doc.people().json({ offset: true }).map(entity('PERSON')),
    ...doc.places().json({ offset: true }).map(entity('LOCATION')),
    ...doc.organizations().json({ offset: true }).map(entity('ORGANIZATION')),
  ];
  const times = chrono.parse(text, reference).map((r) => ({ text: r.text, start: r.index, end: r.index + r.text.length, value: r.start.date().toISOString().slice(0, 10) }));
  const target = join(out, `${relative(input, file).replace(/\.txt$/i, '')}.json`);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, `${JSON.stringify({ file: relative(input, file), entities, times }, null, 2)}\n`);
}
process.stderr.write(`${files.length} articles → ${out}\n`);
