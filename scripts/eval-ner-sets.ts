/**
 * The entity stage scored side by side on the sets model selection may and may
 * not use, conlleval style (exact boundaries and type):
 *
 *   npx tsx scripts/eval-ner-sets.ts [--sets slice,dev,wikiann,gmb,meantime,gum] [--json out.json] [--errors out.tsv]
 *
 *  - slice:    CoNLL-2003 train, the held-out slice (src/entities/training/split.ts): selection data;
 *  - dev:      CoNLL-2003 valid: reported once per milestone;
 *    for both, a row -tbl scores without the gold MISC names the entity table leaves out by design
 *    (words built on a name such as "Texas-based", currency signs such as "US$");
 *    and a row (-new) scores only names that never occur as a
 *    name in the training part of CoNLL train: how the model does on new names;
 *  - wikiann:  WikiANN English dev (Wikipedia; PER, ORG, LOC);
 *  - gmb:      GMB, a fixed tenth of its 10-sentence chunks (Voice of America; PER, ORG, LOC = geo);
 *  - meantime: MEANTIME apple + gm (Wikinews; named mentions of persons, organisations, places);
 *  - gum:      GUM's 24 Wikinews news articles (persons, organisations and places with a proper-noun
 *              mention), scored by entity as MEANTIME is.
 * Cross-domain sets score only the types they annotate the CoNLL way: a gold
 * name of another type (GMB gpe/art/eve/nat, MEANTIME products) is ignored,
 * and so is any predicted mention overlapping it or of an unscored type.
 *
 *
 * MEANTIME marks whole noun phrases ("U.S. automaker GM", "the United States"),
 * so it is scored by entity, not by exact span: in the annotated part of each
 * article, a gold entity is a person, organisation or place with a named
 * mention; a predicted entity (after clustering) of the same type matches it
 * when one of its mentions lies inside one of the gold entity's named
 * mentions. Precision = predicted entities that match / predicted entities
 * (those lying only inside products' names are not counted); recall = gold
 * entities matched / gold entities. MEANTIME marks a demonym as the place it
 * names ("American" → the US, LOC): an entity the stage types MISC with
 * subtype nationality is scored as a place.
 *
 * Every document is detokenised into natural text and run through createDoc
 * and recognizeEntities exactly as the pipeline does. Set
 * ARTICLE_EXPORT_MODELS_DIR to score other model files.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDoc } from '../src/text/create-doc.js';
import { isNameDerivedWord, loadRecognizer } from '../src/entities/index.js';
import { runPipeline } from '../src/pipeline.js';
import { hashString } from '../src/entities/hash.js';
import { ENTITY_TYPE, TYPES } from '../src/entities/labels.js';
import { detokenize, readConll, readGmb, readGum, readMeantime, type GumArticle, type MeantimeArticle, readWikiann, type GoldSpan, type TaggedSentence } from '../src/entities/training/corpus.js';
import { addDocument, formatScoreboard, newScoreboard, prf, type Scoreboard } from '../src/entities/training/score.js';
import { heldOut } from '../src/entities/training/split.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');
const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const wanted = (arg('sets') ?? 'slice,dev,wikiann,gmb,meantime,gum').split(',');
const verbose = process.argv.includes('--tables');
/** --errors FILE: every missed gold name (with what was predicted over it) and every spurious one, for error analysis. */
const errorFile = arg('errors');
const errorLog: string[] | null = errorFile ? [] : null;

const TYPE_INDEX: Record<string, number> = Object.fromEntries(TYPES.map((t, i) => [ENTITY_TYPE[t], i]));
const ALL = [0, 1, 2, 3];
const MISC_INDEX = TYPES.indexOf('MISC');
const NO_MISC = [0, 1, 2];

interface EvalSet {
  name: string;
  /** Also score only names never seen as a name in the training part of CoNLL train (how the model does on new names). */
  unseen?: boolean;
  what: string;
  docs: () => TaggedSentence[][];
  /** Types scored (indices into TYPES); gold names of other types are ignored. */
  types: number[];
}

const meantimeFiles = () =>
  ['corpus_apple', 'corpus_gm'].flatMap((c) => {
    const dir = join(dataDir, 'meantime-en', 'intra-doc_annotation', c);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .map((f) => join(dir, f));
  });

const SETS: EvalSet[] = [
  { name: 'slice', what: 'CoNLL-2003 train, held-out slice', docs: () => readConll(join(dataDir, 'conll2003', 'train.txt')).filter((_, i) => heldOut(i)), types: ALL, unseen: true },
  { name: 'dev', what: 'CoNLL-2003 valid', docs: () => readConll(join(dataDir, 'conll2003', 'valid.txt')), types: ALL, unseen: true },
  { name: 'wikiann', what: 'WikiANN en dev', docs: () => readWikiann(join(dataDir, 'wikiann-en', 'dev')), types: NO_MISC },
  {
    name: 'gmb',
    what: 'GMB, 1/10 of 10-sentence chunks',
    docs: () => {
      const sents = readGmb(join(dataDir, 'gmb', 'ner_dataset.csv.zip'), 'IGNORE');
      const out: TaggedSentence[][] = [];
      for (let k = 0; k < sents.length; k += 10) if (hashString(`gmb:${k / 10}`) % 10 === 0) out.push(sents.slice(k, k + 10));
      return out;
    },
    types: NO_MISC,
  },
];

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

let seenNames: Set<string> | null = null;
/** Names (lowercase) of the part of CoNLL train the recogniser learns from. */
function seen(): Set<string> {
  if (!seenNames) {
    seenNames = new Set();
    for (const sentences of readConll(join(dataDir, 'conll2003', 'train.txt')).filter((_, i) => !heldOut(i))) {
      const { text, spans } = detokenize(sentences);
      for (const s of spans) seenNames.add(text.slice(s.start, s.end).toLowerCase());
    }
  }
  return seenNames;
}

function score(set: EvalSet): { board: Scoreboard; unseenBoard: Scoreboard; tableBoard: Scoreboard; docs: number; ms: number } {
  const board = newScoreboard();
  const unseenBoard = newScoreboard();
  const tableBoard = newScoreboard();
  const docs = set.docs();
  let ms = 0;
  for (const sentences of docs) {
    const { text, spans } = detokenize(sentences);
    const gold: GoldSpan[] = [];
    const ignored: GoldSpan[] = [];
    for (const s of spans) (set.types.includes(s.type) ? gold : ignored).push(s);
    const t = performance.now();
    const doc = createDoc({ text });
    runPipeline(doc, { until: 'entities' });
    ms += performance.now() - t;
    const pred = doc.mentions
      .map((m) => ({ start: m.start, end: m.end, type: TYPE_INDEX[m.type]! }))
      .filter((p) => set.types.includes(p.type) && !ignored.some((g) => overlaps(g, p)));
    addDocument(board, pred, gold);
    if (errorLog) {
      const key = (x: { start: number; end: number; type: number }) => `${x.start}:${x.end}:${x.type}`;
      const goldKeys = new Set(gold.map(key));
      const predKeys = new Set(pred.map(key));
      const ctx = (x: { start: number; end: number }) => `${text.slice(Math.max(0, x.start - 40), x.start)}[${text.slice(x.start, x.end)}]${text.slice(x.end, x.end + 40)}`.replace(/\s+/g, ' ');
      for (const g of gold) if (!predKeys.has(key(g))) {
        const p = pred.find((q) => overlaps(q, g));
        errorLog.push(`${set.name}\tmiss\t${TYPES[g.type]}\t${p ? `${TYPES[p.type]}:${text.slice(p.start, p.end)}` : '-'}\t${ctx(g)}`);
      }
      for (const p of pred) if (!goldKeys.has(key(p)) && !gold.some((g) => overlaps(g, p))) errorLog.push(`${set.name}\tspurious\t${TYPES[p.type]}\t-\t${ctx(p)}`);
    }
    if (set.unseen) {
      // The table's conventions: CoNLL tags words built on a name ("Texas-based") and currency signs
      // ("US$", "C$") MISC; the entity table leaves them out by design. Scored without those gold names.
      const byDesign = (g: GoldSpan) => g.type === MISC_INDEX && (isNameDerivedWord(text.slice(g.start, g.end)) || /^\p{Lu}{1,3}\$$/u.test(text.slice(g.start, g.end)));
      addDocument(tableBoard, pred.filter((p) => !gold.some((g) => byDesign(g) && overlaps(g, p))), gold.filter((g) => !byDesign(g)));
      const isNew = (x: { start: number; end: number }) => !seen().has(text.slice(x.start, x.end).toLowerCase());
      addDocument(unseenBoard, pred.filter(isNew), gold.filter(isNew));
    }
  }
  return { board, unseenBoard, tableBoard, docs: docs.length, ms };
}

const MEANTIME_TYPE: Record<string, string> = { PER: 'PERSON', ORG: 'ORGANIZATION', LOC: 'LOCATION' };

/** Per-type counts of entity-level scoring (true and false positives over predicted entities; gold entities found). */
interface EntityCounts {
  tp: number;
  fp: number;
  found: number;
  gold: number;
}
function entityCounts(): (type: string) => EntityCounts {
  const counts = new Map<string, EntityCounts>();
  return (t) => counts.get(t) ?? counts.set(t, { tp: 0, fp: 0, found: 0, gold: 0 }).get(t)!;
}
/** P, R and F1 per type and over all types, from entity-level counts. */
function entityScores(c: (type: string) => EntityCounts): Map<string, { p: number; r: number; f: number; gold: number }> {
  const out = new Map<string, { p: number; r: number; f: number; gold: number }>();
  const all = { tp: 0, fp: 0, found: 0, gold: 0 };
  for (const t of ['PERSON', 'ORGANIZATION', 'LOCATION', 'ALL']) {
    const k = t === 'ALL' ? all : c(t);
    if (t !== 'ALL') for (const key of ['tp', 'fp', 'found', 'gold'] as const) all[key] += k[key];
    const p = k.tp + k.fp ? k.tp / (k.tp + k.fp) : 0;
    const r = k.gold ? k.found / k.gold : 0;
    out.set(t === 'ALL' ? 'ALL' : TYPES[TYPE_INDEX[t]!]!, { p, r, f: p + r ? (2 * p * r) / (p + r) : 0, gold: k.gold });
  }
  return out;
}

/** Typed entity P/R per type and overall (see the header). */
function scoreMeantime(articles: MeantimeArticle[]) {
  const c = entityCounts();
  for (const a of articles) {
    const doc = createDoc({ text: a.text });
    runPipeline(doc, { until: 'entities' });
    const gold = a.mentions.filter((m) => m.start < a.annotatedEnd);
    const goldEntities = new Map<string, string>();
    for (const m of gold) if (MEANTIME_TYPE[m.type]) goldEntities.set(m.instance, MEANTIME_TYPE[m.type]!);
    const found = new Set<string>();
    for (const entity of doc.entities) {
      const e = entity.type === 'MISC' && entity.subtype === 'nationality' ? { ...entity, type: 'LOCATION' as const } : entity;
      if (!Object.values(MEANTIME_TYPE).includes(e.type)) continue;
      const ms = e.mentions.filter((m) => m.start < a.annotatedEnd);
      if (ms.length === 0) continue;
      const inside = (m: { start: number; end: number }, g: { start: number; end: number }) => g.start <= m.start && m.end <= g.end;
      const hits = gold.filter((g) => MEANTIME_TYPE[g.type] === e.type && ms.some((m) => inside(m, g)));
      if (hits.length > 0) {
        c(e.type).tp++;
        for (const g of hits) found.add(g.instance);
      } else if (ms.every((m) => gold.some((g) => !MEANTIME_TYPE[g.type] && inside(m, g)))) continue;
      else {
        c(e.type).fp++;
        if (errorLog) {
          const over = gold.find((g) => ms.some((m) => inside(m, g)));
          errorLog.push(`meantime\tspurious\t${e.type}\t${over ? `${over.type}:${a.text.slice(over.start, over.end)}` : '-'}\t${e.name}`);
        }
      }
    }
    for (const [inst, type] of goldEntities) {
      c(type).gold++;
      if (found.has(inst)) c(type).found++;
      else if (errorLog) {
        const g = gold.find((m) => m.instance === inst && MEANTIME_TYPE[m.type])!;
        const ctx = `${a.text.slice(Math.max(0, g.start - 40), g.start)}[${a.text.slice(g.start, g.end)}]${a.text.slice(g.end, g.end + 40)}`.replace(/\s+/g, ' ');
        const p = doc.entities.find((e) => e.mentions.some((m) => m.start < g.end && g.start < m.end));
        errorLog.push(`meantime\tmiss\t${type}\t${p ? `${p.type}:${p.name}` : '-'}\t${ctx}`);
      }
    }
  }
  return entityScores(c);
}

const GUM_TYPE: Record<string, string> = { person: 'PERSON', organization: 'ORGANIZATION', place: 'LOCATION' };
const gumFiles = () => {
  const dir = join(dataDir, 'gum-wikinews', 'dep');
  return readdirSync(dir).filter((f) => f.startsWith('GUM_news_') && f.endsWith('.conllu')).sort().map((f) => join(dir, f));
};

/**
 * Typed entity P/R on GUM, by entity as for MEANTIME: a gold entity is a person, organisation or place
 * with a mention holding a proper noun of its own, not inside a longer name ("Canada" in "Fan Expo Canada
 * 2016" is part of that name, as in CoNLL); a predicted entity (PERSON, ORGANIZATION, LOCATION) matches it
 * when one of its mentions lies inside one of those mentions. A predicted entity lying only inside
 * proper-noun mentions of other kinds (events, works, objects) is not counted.
 */
function scoreGum(articles: GumArticle[]) {
  const c = entityCounts();
  for (const a of articles) {
    const doc = createDoc({ text: a.text });
    runPipeline(doc, { until: 'entities' });
    const named = a.mentions.filter((m) => m.proper);
    // A name inside a longer name ("Canada" in "Fan Expo Canada 2016") is part of that name here, as in CoNLL.
    const nested = (m: { start: number; end: number }) => named.some((g) => g.start <= m.start && m.end <= g.end && g.end - g.start > m.end - m.start);
    const goldEntities = new Map<string, string>();
    for (const m of named) if (GUM_TYPE[m.type] && !nested(m)) goldEntities.set(m.instance, GUM_TYPE[m.type]!);
    const found = new Set<string>();
    const inside = (m: { start: number; end: number }, g: { start: number; end: number }) => g.start <= m.start && m.end <= g.end;
    for (const e of doc.entities) {
      if (!Object.values(GUM_TYPE).includes(e.type)) continue;
      const hits = named.filter((g) => GUM_TYPE[g.type] === e.type && e.mentions.some((m) => inside(m, g)));
      if (hits.length > 0) {
        c(e.type).tp++;
        for (const g of hits) found.add(g.instance);
      } else if (e.mentions.every((m) => named.some((g) => !GUM_TYPE[g.type] && inside(m, g)))) continue;
      else {
        c(e.type).fp++;
        if (errorLog) {
          const over = named.find((g) => e.mentions.some((m) => inside(m, g)));
          const m0 = e.mentions[0]!;
          const ctx = `${a.text.slice(Math.max(0, m0.start - 40), m0.start)}[${a.text.slice(m0.start, m0.end)}]${a.text.slice(m0.end, m0.end + 40)}`.replace(/\s+/g, ' ');
          errorLog.push(`gum\tspurious\t${e.type}\t${over ? `${over.type}:${a.text.slice(over.start, over.end)}` : '-'}\t${ctx}`);
        }
      }
    }
    for (const [inst, type] of goldEntities) {
      c(type).gold++;
      if (found.has(inst)) c(type).found++;
      else if (errorLog) {
        const g = named.find((m) => m.instance === inst && !nested(m))!;
        const ctx = `${a.text.slice(Math.max(0, g.start - 40), g.start)}[${a.text.slice(g.start, g.end)}]${a.text.slice(g.end, g.end + 40)}`.replace(/\s+/g, ' ');
        const p = doc.entities.find((e) => e.mentions.some((m) => m.start < g.end && g.start < m.end));
        errorLog.push(`gum\tmiss\t${type}\t${p ? `${p.type}:${p.name}` : '-'}\t${ctx}`);
      }
    }
  }
  return entityScores(c);
}

const fmt = (x: number) => (100 * x).toFixed(1).padStart(5);
loadRecognizer();
const results: Record<string, Record<string, { p: number; r: number; f: number; gold: number }>> = {};
const rows: string[] = [`${'set'.padEnd(9)} ${'what'.padEnd(34)} ${'docs'.padStart(5)} ${'gold'.padStart(6)}     P     R    F1 |   PER   ORG   LOC  MISC`];
for (const set of SETS.filter((s) => wanted.includes(s.name))) {
  const { board, unseenBoard, tableBoard, docs, ms } = score(set);
  const row = (name: string, what: string, b: Scoreboard) => {
    results[name] = Object.fromEntries([...b].map(([t, c]) => [t, { ...prf(c), gold: c.tp + c.fn }]));
    const all = prf(b.get('ALL')!);
    const g = b.get('ALL')!;
    const perType = TYPES.map((t, i) => (set.types.includes(i) ? fmt(prf(b.get(t)!).f) : '    —')).join(' ');
    rows.push(`${name.padEnd(9)} ${what.padEnd(34)} ${String(docs).padStart(5)} ${String(g.tp + g.fn).padStart(6)} ${fmt(all.p)} ${fmt(all.r)} ${fmt(all.f)} | ${perType}`);
  };
  row(set.name, set.what, board);
  if (set.unseen) row(`${set.name}-new`, '  names not seen in training', unseenBoard);
  if (set.unseen) row(`${set.name}-tbl`, '  without X-based, US$ (by design)', tableBoard);
  if (verbose) console.log(formatScoreboard(board, `\n${set.what} (${ms.toFixed(0)} ms in the stage)`));
}
if (wanted.includes('meantime')) {
  const m = scoreMeantime(meantimeFiles().map(readMeantime));
  results.meantime = Object.fromEntries(m);
  const all = m.get('ALL')!;
  const perType = TYPES.map((t) => (m.has(t) ? fmt(m.get(t)!.f) : '    —')).join(' ');
  rows.push(`${'meantime'.padEnd(9)} ${'MEANTIME apple+gm, typed entities'.padEnd(34)} ${'60'.padStart(5)} ${String(all.gold).padStart(6)} ${fmt(all.p)} ${fmt(all.r)} ${fmt(all.f)} | ${perType}`);
}
if (wanted.includes('gum')) {
  const files = gumFiles();
  const m = scoreGum(files.map(readGum));
  results.gum = Object.fromEntries(m);
  const all = m.get('ALL')!;
  const perType = TYPES.map((t) => (m.has(t) ? fmt(m.get(t)!.f) : '    —')).join(' ');
  rows.push(`${'gum'.padEnd(9)} ${'GUM Wikinews news, typed entities'.padEnd(34)} ${String(files.length).padStart(5)} ${String(all.gold).padStart(6)} ${fmt(all.p)} ${fmt(all.r)} ${fmt(all.f)} | ${perType}`);
}
console.log(rows.join('\n'));
const out = arg('json');
if (out) writeFileSync(out, JSON.stringify(results, null, 1));
if (errorFile) writeFileSync(errorFile, errorLog!.join('\n') + '\n');
