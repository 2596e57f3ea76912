/**
 * Writes the JSON Schemas in schemas/ from the TypeBox definitions, the one
 * source of the types, and docs/athena.sql (src/datasets/athena.ts) typed from them. `npm run schemas` regenerates them; a test fails when the
 * committed files differ from what this script would write.
 *
 *   npx tsx scripts/generate-schemas.ts           write schemas/
 *   npx tsx scripts/generate-schemas.ts --check   exit 1 if schemas/ is out of date
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderAthenaSql } from '../src/datasets/athena.js';
import { renderSchemas } from '../src/document/render-schemas.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
let stale = 0;
// The JSON Schemas, and the Athena DDL whose documents table is typed from the same schemas.
const files: [string, string][] = [...Object.entries(renderSchemas()).map(([f, c]) => [`schemas/${f}`, c] as [string, string]), ['docs/athena.sql', renderAthenaSql()]];
for (const [file, content] of files) {
  const path = join(root, file);
  let current: string | null = null;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = null;
  }
  if (current === content) continue;
  stale++;
  if (check) console.error(`out of date: ${file}`);
  else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote ${file}`);
  }
}
if (check && stale > 0) process.exit(1);
