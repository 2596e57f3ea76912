/**
 * Study (not shipped): a learned document-level type decision per entity, trained on cross-validated output.
 * docs/entities.md, "Fifteenth session: ent26", has the figures and why nothing of it is in the pipeline.
 *
 *   npx tsx scripts/study-entity-types.ts [--folds 5] [--lambda 1e-4]
 *
 * 1. K recognisers, each trained by scripts/train-ner.ts without the held-out slice and one fold of CoNLL-2003 train
 *    (`--folds K --fold k`, into .tmp/entity-type-folds/k; a fold already trained is reused);
 * 2. the whole entity stage run with each fold's recogniser over that fold (a child process per fold, its models
 *    directory the shipped one with the fold's ner.bin and ner-lexicon.bin), and with the shipped recogniser over the
 *    held-out slice: per entity, features of all its mentions together (`entityFeatures`) and the gold type of its
 *    mentions whose spans are gold names (entities with none are left out);
 * 3. a multinomial logistic regression over those features (the type the stage gave among them), trained by SGD on
 *    the folds: reported on each fold trained on the others, and on the slice trained on all folds, as the entities
 *    it would retype rightly (+) and wrongly (−) at each confidence threshold (entities / mentions).
 * Recogniser outputs on its own training documents are over-confident (CoNLL train entities typed wrongly: 1.3% with
 * the shipped model, 6–8% with a fold's model on its fold, 2.7% on the slice), so the folds stand in for unseen text.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Doc } from '../src/text/doc.js';
import { createDoc } from '../src/text/create-doc.js';
import { runPipeline } from '../src/pipeline.js';
import { loadRecognizer } from '../src/entities/index.js';
import { hashString } from '../src/entities/hash.js';
import { SEQ_SEED, seqHash, type Lexicon } from '../src/entities/lexicon.js';
import { detokenize, readConll } from '../src/entities/training/corpus.js';
import { heldOut } from '../src/entities/training/split.js';
import { prng } from '../src/entities/training/perceptron.js';
import { tokenIndex } from '../src/text/token-index.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');
const work = join(repo, '.tmp', 'entity-type-folds');
const arg = (name: string, def: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : def);
const FOLDS = arg('folds', 5);
const LAMBDA = arg('lambda', 1e-4);
const TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'];

interface Example {
  type: number;
  gold: number;
  mentions: number;
  features: string[];
}

/** Runs of capitals, small letters and digits collapsed ("McDonald" → "AaAa"). */
const shape = (w: string) => w.replace(/\p{Lu}+/gu, 'A').replace(/\p{Ll}+/gu, 'a').replace(/\p{N}+/gu, '0');

/**
 * What all mentions of an entity say together: the two words on each side of each mention (alone, paired, and the
 * nearest crossed with the type given), their word clusters, the name's words, shape, length and last-word suffix,
 * what the lexicon knows of it (gazetteer types, given name, surname, capitalisation rate), how often it is named.
 */
function entityFeatures(doc: Doc, type: string, mentions: ReadonlyArray<{ tokenStart: number; tokenEnd: number }>, lex: Lexicon): string[] {
  const lower = tokenIndex(doc).lower;
  const toks = doc.tokens;
  const f = new Set<string>(['t:' + type, 'nm:' + Math.min(mentions.length, 5)]);
  const word = (i: number, s: number) => (i >= 0 && i < toks.length && toks[i]!.sentence === s ? lower[i]! : '_');
  const cluster = (w: string) => lex.clusters.get(hashString(w)) ?? 0;
  for (const m of mentions) {
    const s = toks[m.tokenStart]!.sentence;
    const [b2, b1, a1, a2] = [word(m.tokenStart - 2, s), word(m.tokenStart - 1, s), word(m.tokenEnd, s), word(m.tokenEnd + 1, s)];
    for (const x of ['p1:' + b1, 'p2:' + b2, `p12:${b2} ${b1}`, 'n1:' + a1, 'n2:' + a2, `n12:${a1} ${a2}`, `pn:${b1} ${a1}`, 'cp1:' + cluster(b1), 'cn1:' + cluster(a1), `${type}p1:${b1}`, `${type}n1:${a1}`]) f.add(x);
    let key = SEQ_SEED;
    const shapes: string[] = [];
    for (let i = m.tokenStart; i < m.tokenEnd; i++) {
      f.add('w:' + lower[i]!).add('cw:' + cluster(lower[i]!));
      key = seqHash(key, lower[i]!);
      shapes.push(shape(toks[i]!.text));
    }
    const first = lower[m.tokenStart]!;
    const last = lower[m.tokenEnd - 1]!;
    const gaz = lex.gaz.get(key) ?? 0;
    for (const x of ['last:' + last, 'first:' + first, 'shape:' + shapes.join(' '), 'len:' + Math.min(m.tokenEnd - m.tokenStart, 4), 'gaz:' + gaz, `${type}gaz:${gaz}`, 'caps:' + (lex.caps.get(hashString(last)) ?? 0)]) f.add(x);
    if (last.length > 3) f.add('suf3:' + last.slice(-3));
    if (lex.firstNames.has(hashString(first))) f.add('given');
    if (lex.lastNames.has(hashString(last))) f.add('surname');
  }
  return [...f];
}

/** The entity stage's entities of some CoNLL train documents, with features and gold types. */
function examples(keep: (docIndex: number) => boolean): Example[] {
  const lex = loadRecognizer().lexicon;
  const out: Example[] = [];
  readConll(join(dataDir, 'conll2003', 'train.txt')).forEach((sentences, di) => {
    if (!keep(di)) return;
    const { text, spans } = detokenize(sentences);
    const doc = createDoc({ text });
    runPipeline(doc, { until: 'entities' });
    for (const e of doc.entities) {
      const votes = [0, 0, 0, 0];
      for (const m of e.mentions) {
        const g = spans.find((s) => s.start === m.start && s.end === m.end);
        if (g) votes[g.type]!++;
      }
      if (votes.every((v) => v === 0)) continue;
      const gold = votes.indexOf(Math.max(...votes));
      out.push({ type: TYPES.indexOf(e.type), gold, mentions: e.mentions.length, features: entityFeatures(doc, e.type, e.mentions, lex) });
    }
  });
  return out;
}

const inFold = (docIndex: number, k: number) => !heldOut(docIndex) && hashString(`conll2003-fold:${docIndex}`) % FOLDS === k;

/** Multinomial logistic regression by SGD (features seen twice or more; fixed order and seed: the same each run). */
function train(data: Example[]): (e: Example) => number[] {
  const count = new Map<string, number>();
  for (const e of data) for (const f of e.features) count.set(f, (count.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of count) if (n >= 2) index.set(f, index.size);
  const w = new Float64Array(index.size * 4);
  const bias = new Float64Array(4);
  const ids = (e: Example) => e.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined);
  const probs = (fs: number[]) => {
    const s = [...bias];
    for (const i of fs) for (let t = 0; t < 4; t++) s[t]! += w[i * 4 + t]!;
    const max = Math.max(...s);
    const e = s.map((x) => Math.exp(x - max));
    const z = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / z);
  };
  const rand = prng(1);
  const order = data.map((_, k) => k);
  const featureIds = data.map(ids);
  let rate = 0.2;
  for (let epoch = 0; epoch < 10; epoch++) {
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    for (const k of order) {
      const fs = featureIds[k]!;
      const g = probs(fs);
      g[data[k]!.gold]! -= 1;
      for (const i of fs) for (let t = 0; t < 4; t++) w[i * 4 + t]! -= rate * (g[t]! + LAMBDA * w[i * 4 + t]!);
      for (let t = 0; t < 4; t++) bias[t]! -= rate * g[t]!;
    }
    rate *= 0.75;
  }
  return (e) => probs(ids(e));
}

/** Entities (and their mentions) retyped rightly and wrongly at each threshold. */
function report(name: string, data: Example[], prob: (e: Example) => number[]): string {
  const cells = [0.5, 0.6, 0.7, 0.8, 0.9].map((th) => {
    const c = { fix: 0, fixM: 0, brk: 0, brkM: 0 };
    for (const e of data) {
      const p = prob(e);
      const best = p.indexOf(Math.max(...p));
      if (best === e.type || p[best]! < th) continue;
      if (best === e.gold) [c.fix, c.fixM] = [c.fix + 1, c.fixM + e.mentions];
      else if (e.type === e.gold) [c.brk, c.brkM] = [c.brk + 1, c.brkM + e.mentions];
    }
    return `${th}: +${c.fix}/${c.fixM} −${c.brk}/${c.brkM}`;
  });
  return `${name.padEnd(7)} entities ${String(data.length).padStart(5)}, typed wrongly ${String(data.filter((e) => e.type !== e.gold).length).padStart(4)} | ${cells.join(' | ')}`;
}

if (process.argv.includes('--extract')) {
  // Child mode: one fold's examples with the recogniser of ARTICLE_EXPORT_MODELS_DIR.
  const k = arg('extract', -1);
  writeFileSync(join(work, `fold-${k}.json`), JSON.stringify(examples((i) => inFold(i, k))));
} else {
  mkdirSync(work, { recursive: true });
  const folds: Example[][] = [];
  for (let k = 0; k < FOLDS; k++) {
    const out = join(work, String(k));
    if (!existsSync(join(out, 'ner.bin'))) {
      const r = spawnSync('npx', ['tsx', join(repo, 'scripts', 'train-ner.ts'), '--folds', String(FOLDS), '--fold', String(k), '--out', out, '--no-dev'], { stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`training fold ${k} failed`);
    }
    // The fold's models directory: the shipped files, with the fold's recogniser.
    const models = join(work, `models-${k}`);
    if (!existsSync(models)) {
      mkdirSync(models);
      for (const f of readdirSync(join(repo, 'models'))) symlinkSync(f.startsWith('ner') ? join(out, f) : join(repo, 'models', f), join(models, f));
    }
    const r = spawnSync('npx', ['tsx', fileURLToPath(import.meta.url), '--extract', String(k), '--folds', String(FOLDS)], { stdio: 'inherit', env: { ...process.env, ARTICLE_EXPORT_MODELS_DIR: models } });
    if (r.status !== 0) throw new Error(`extracting fold ${k} failed`);
    folds.push(JSON.parse(readFileSync(join(work, `fold-${k}.json`), 'utf8')) as Example[]);
  }
  for (let k = 0; k < FOLDS; k++) console.log(report(`fold ${k}`, folds[k]!, train(folds.filter((_, j) => j !== k).flat())));
  console.log(report('slice', examples(heldOut), train(folds.flat())));
}
