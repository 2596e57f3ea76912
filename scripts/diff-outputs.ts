/**
 * Compares two folders of article JSON documents (e.g. the full BBC output
 * before and after a refactoring) and summarises the differences by kind.
 *
 *   npx tsx scripts/diff-outputs.ts BEFORE_DIR AFTER_DIR [--show N]
 *
 * Entity ids are compared on their own ("entity_id" kind: same type and name,
 * another id); everywhere else an entity id is replaced by the entity's type and
 * name, so one id change is counted once and not again in every quote and event
 * that refers to it. pipeline_version is ignored. For each kind the script prints
 * a count and the first N examples (default 5).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const [beforeDir, afterDir] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const showArg = process.argv.indexOf('--show');
const show = showArg >= 0 ? Number(process.argv[showArg + 1]) : 5;
if (!beforeDir || !afterDir) {
  console.error('usage: diff-outputs.ts BEFORE_DIR AFTER_DIR [--show N]');
  process.exit(2);
}

type Json = Record<string, any>;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) {
      if (e !== 'csv' && e !== 'errors') out.push(...files(p));
    } else if (e.endsWith('.json')) out.push(p);
  }
  return out;
}

const kinds = new Map<string, { n: number; examples: string[] }>();
function note(kind: string, example: string) {
  let k = kinds.get(kind);
  if (!k) kinds.set(kind, (k = { n: 0, examples: [] }));
  k.n++;
  if (k.examples.length < show) k.examples.push(example);
}

/** The document with entity ids replaced by "TYPE:name". */
function canonical(doc: Json): Json {
  const names = new Map<string, string>();
  for (const e of doc.entities) names.set(e.entity_id, `${e.type}:${e.name}`);
  const swap = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(swap);
    if (v && typeof v === 'object') {
      const o: Json = {};
      for (const [k, x] of Object.entries(v)) o[k] = (k === 'entity_id' || k.endsWith('_entity_id')) && typeof x === 'string' ? (names.get(x) ?? x) : swap(x);
      return o;
    }
    return v;
  };
  return swap(doc) as Json;
}

const short = (v: unknown) => JSON.stringify(v).slice(0, 240);
const key = (section: string, x: Json) => {
  switch (section) {
    case 'entities': return `${x.type}:${x.name}`;
    case 'quotes': return `${x.start}-${x.end}`;
    case 'times': return `${x.start}-${x.end}`;
    case 'events': return `${x.trigger.start}-${x.trigger.end}`;
    default: return JSON.stringify(x);
  }
};

let compared = 0;
let identical = 0;
for (const bPath of files(beforeDir)) {
  const rel = relative(beforeDir, bPath);
  let a: Json;
  try {
    a = JSON.parse(readFileSync(join(afterDir, rel), 'utf8'));
  } catch {
    note('missing after', rel);
    continue;
  }
  const b = JSON.parse(readFileSync(bPath, 'utf8')) as Json;
  compared++;
  let same = true;
  // Entity ids, by type and name.
  const idsA = new Map<string, string>(a.entities.map((e: Json) => [`${e.type}:${e.name}`, e.entity_id]));
  for (const e of b.entities) {
    const id = idsA.get(`${e.type}:${e.name}`);
    if (id !== undefined && id !== e.entity_id) {
      note('entity_id', `${rel} ${e.type}:${e.name}`);
      same = false;
    }
  }
  const cb = canonical(b);
  const ca = canonical(a);
  delete cb.article.pipeline_version;
  delete ca.article.pipeline_version;
  if (!isDeepStrictEqual(cb.article, ca.article)) {
    for (const k of Object.keys(cb.article)) if (!isDeepStrictEqual(cb.article[k], ca.article[k])) note(`article.${k}`, `${rel} ${short(cb.article[k])} → ${short(ca.article[k])}`);
    same = false;
  }
  for (const section of ['entities', 'quotes', 'times', 'events']) {
    const strip = (x: Json) => {
      const y = { ...x };
      delete y.quote_id;
      delete y.time_id;
      delete y.event_id;
      delete y.group;
      return y;
    };
    const before = new Map<string, Json>(cb[section].map((x: Json) => [key(section, x), strip(x)]));
    const after = new Map<string, Json>(ca[section].map((x: Json) => [key(section, x), strip(x)]));
    for (const [k, x] of before) {
      const y = after.get(k);
      if (!y) {
        note(`${section}: removed`, `${rel} ${short(x)}`);
        same = false;
        continue;
      }
      if (isDeepStrictEqual(x, y)) continue;
      same = false;
      for (const f of new Set([...Object.keys(x), ...Object.keys(y)])) {
        if (!isDeepStrictEqual(x[f], y[f])) note(`${section}.${f}`, `${rel} [${k}] ${short(x[f])} → ${short(y[f])}`);
      }
    }
    for (const [k, y] of after) {
      if (!before.has(k)) {
        note(`${section}: added`, `${rel} ${short(y)}`);
        same = false;
      }
    }
  }
  if (same) identical++;
}

console.log(`${compared} articles compared, ${identical} identical (pipeline_version ignored)`);
for (const [kind, { n, examples }] of [...kinds].sort((x, y) => y[1].n - x[1].n)) {
  console.log(`\n${kind}: ${n}`);
  for (const e of examples) console.log(`  ${e}`);
}
