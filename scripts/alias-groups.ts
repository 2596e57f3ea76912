/**
 * How many entity_ids each alias group gets over BBC News (2,225 articles): with
 * the full alias table (what ships) against the country table alone (before US
 * states and organisations were added). A group is every name the table maps to
 * one canonical key, per entity type.
 *
 *   npx tsx scripts/alias-groups.ts [--limit N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entityId } from '../src/document/ids.js';
import { ENTITY_ALIASES, OTHER_ALIASES } from '../src/entities/aliases.js';
import { COUNTRY_ALIASES } from '../src/entities/geo.js';
import { ENTITY_TYPE } from '../src/entities/labels.js';
import { runPipeline } from '../src/pipeline.js';
import { createDoc } from '../src/text/create-doc.js';
import { nameKey } from '../src/text/names.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data'), 'bbc-news');
const li = process.argv.indexOf('--limit');
const limit = li >= 0 ? Number(process.argv[li + 1]) : Infinity;

const before = new Map<string, Set<string>>();
const after = new Map<string, Set<string>>();
/** Group → the other types (and names) under which the article's entity appeared. */
const mistyped = new Map<string, Set<string>>();
const TYPES = Object.values(ENTITY_TYPE);
const add = (m: Map<string, Set<string>>, k: string, v: string) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
let n = 0;
for (const topic of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  for (const f of readdirSync(join(root, topic)).sort()) {
    if (n++ >= limit) break;
    const doc = createDoc({ text: readFileSync(join(root, topic, f), 'utf8') });
    runPipeline(doc, { until: 'entities' });
    for (const e of doc.entities) {
      for (const name of [e.name, ...e.aliases]) {
        const group = OTHER_ALIASES.canonical(e.type, nameKey(name)) ?? COUNTRY_ALIASES.canonical(e.type, nameKey(name));
        if (!group) {
          // A name of a group of another type: one real thing under two types (and so two ids).
          for (const t of TYPES) {
            const other = t === e.type ? undefined : (OTHER_ALIASES.canonical(t, nameKey(name)) ?? COUNTRY_ALIASES.canonical(t, nameKey(name)));
            if (other) add(mistyped, `${t} ${other}`, `${e.type} ${name}`);
          }
          continue;
        }
        add(before, `${e.type} ${group}`, entityId(e.type, name, COUNTRY_ALIASES));
        add(after, `${e.type} ${group}`, entityId(e.type, name, ENTITY_ALIASES));
      }
    }
  }
}
const rows = [...before.keys()].sort();
const typedOtherwise = [...mistyped].sort((a, b) => a[0].localeCompare(b[0]));
const split = (m: Map<string, Set<string>>) => rows.filter((k) => m.get(k)!.size > 1).length;
console.log(`${Math.min(n, limit)} BBC articles; ${rows.length} alias groups seen`);
console.log(`groups with more than one entity_id: country table only ${split(before)}, full alias table ${split(after)}`);
for (const k of rows) if (before.get(k)!.size > 1 || after.get(k)!.size > 1) console.log(`  ${k}: ${before.get(k)!.size} → ${after.get(k)!.size}`);
console.log(`groups whose names were typed otherwise somewhere (one thing, two types, two ids): ${typedOtherwise.length}`);
for (const [k, v] of typedOtherwise) console.log(`  ${k}: ${[...v].join(', ')}`);
