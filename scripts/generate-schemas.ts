/**
 * Writes the JSON Schemas in schemas/ from the TypeBox definitions, the one
 * source of the types. `npm run schemas` regenerates them; a test fails when the
 * committed files differ from what this script would write.
 *
 *   npx tsx scripts/generate-schemas.ts           write schemas/
 *   npx tsx scripts/generate-schemas.ts --check   exit 1 if schemas/ is out of date
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSchemas } from '../src/document/render-schemas.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
let stale = 0;
for (const [file, content] of Object.entries(renderSchemas())) {
  const path = join(root, 'schemas', file);
  let current: string | null = null;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = null;
  }
  if (current === content) continue;
  stale++;
  if (check) console.error(`out of date: schemas/${file}`);
  else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote schemas/${file}`);
  }
}
if (check && stale > 0) process.exit(1);
