/**
 * Issue 11 (reported-speech recall), branch quotes29: how much reported speech cue candidates *outside* the cue
 * detector's vocabulary could add, and whether a linear model over the verb's arguments separates the right ones.
 * Analysis only: nothing here runs in the pipeline. Trains on PolNeAR train minus the held-out slice and measures on
 * that slice (`isHeldOut`); never dev or test.
 *
 * Candidates: every lowercase word outside the cue model's vocabulary, outside quotation marks and outside what the
 * shipped quotation stage found (its contents and cues), with a complement after it — "that", a colon, a question word
 * (whether, if, how …), or a clause: the content tagger's best run starts within two words and reads as a clause
 * (`looksLikeClause`, the test the learned review applies to its additions). With `--verbs` only words of the
 * recogniser's distributional word classes that hold the verbs of the lexicon (classes holding at least
 * VERB_CLASS_MIN forms of its verbs of saying, cognition and attitude: *said/argued/noted*, *backed/criticized*,
 * *discuss/know/prove* …) are candidates: the verbs by word class, without a tagger.
 *
 * Features (the verb and its arguments): the word, its suffix and word class; the words and classes around it; the
 * complement kind (× word, × suffix, × class); the subject the rules' `subjectOf` finds before it (its kind or entity
 * type, × distance, × word, × suffix, × class); the content's first word, length, whether it reads as a clause and
 * ends the sentence; the position in the sentence. An averaged perceptron learns whether the candidate's content
 * matches a gold reported attribution the shipped stage missed (the scorer's ≥ 50% overlap).
 *
 *   npx tsx scripts/analyse-open-cues.ts [--verbs] [--source] [--show N] [--bbc N]
 *
 * --source  only candidates whose subject (`subjectOf`) can be a source: a person or organisation, a pronoun, a role.
 *
 * Prints the candidate pool (how much recall it holds at all), the held-out ranking curve (reported P / R / F1 if
 * the top k were added to the shipped output; "cue right": the candidate's word lies inside the missed gold cue, not
 * only its content overlapping), the top N held-out candidates, and with --bbc N a random sample of N BBC candidates
 * scoring at least the slice's top-40 threshold, to be read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quotesStage } from '../src/quotes/index.js';
import { looksLikeClause } from '../src/quotes/review.js';
import { subjectOf } from '../src/quotes/speaker.js';
import { isHeldOut, readSplit } from '../src/quotes/learned/polnear.js';
import { contentOf, distBucket, hashesOf, loadCueModel, maySpeak, suffixHash, tokenClass, wordHash } from '../src/quotes/learned/reported.js';
import { intersect, matchAttributions, quotePredictions } from '../src/quotes/learned/scoring.js';
import { AveragedPerceptron, prepareArticle, type CueArticle } from '../src/quotes/learned/train-cues.js';
import { shuffled } from '../src/quotes/learned/train-speakers.js';
import { prng } from '../src/entities/training/perceptron.js';
import { hashString, mix } from '../src/entities/hash.js';
import { loadRecognizer } from '../src/entities/recognizer.js';
import { ATTITUDE_FORMS, COGNITION_FORMS, DETERMINERS, PREPOSITIONS, SPEECH_FORMS } from '../src/quotes/lexicon.js';
import { BE_FORMS, PERSON_PRONOUNS, SUBJECT_PRONOUNS } from '../src/lang/en/index.js';
import type { GoldAttribution } from '../src/quotes/learned/polnear.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const verbsOnly = args.includes('--verbs');
const sourceOnly = args.includes('--source');
const nShow = Number(opt('--show') ?? 40);
const nBbc = Number(opt('--bbc') ?? 0);

const model = loadCueModel();
const clusters = loadRecognizer().lexicon.clusters;
const classOf = (w: string) => clusters.get(hashString(w)) ?? 0;

/** A word class is a verb class when it holds at least this many forms of the lexicon's verbs. */
const VERB_CLASS_MIN = 8;
function verbClasses(): Set<number> {
  const n = new Map<number, number>();
  for (const w of new Set([...SPEECH_FORMS.keys(), ...COGNITION_FORMS.keys(), ...ATTITUDE_FORMS.keys()])) {
    const c = classOf(w);
    if (c) n.set(c, (n.get(c) ?? 0) + 1);
  }
  return new Set([...n].filter(([, k]) => k >= VERB_CLASS_MIN).map(([c]) => c));
}
const VERB_CLASSES = verbClasses();

/** Function words: never a cue's anchor. */
const STOP = new Set<string>([...DETERMINERS, ...PREPOSITIONS, ...BE_FORMS, ...SUBJECT_PRONOUNS, ...PERSON_PRONOUNS, 'and', 'or', 'but', 'not', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did', 'who', 'which', 'that', 'this', 'there', 'than', 'so', 'also', 'just', 'very', 'more', 'most', 'only', 'even', 'still', 'now', 'then', 'when', 'what', 'how', 'why', 'where', 'them', 'us', 'me', 'its', 'their', 'our']);
const QUESTION_WORDS = new Set(['whether', 'if', 'how', 'why', 'what', 'who', 'when', 'where']);
const SUBJECT_CODE: Record<string, number> = { entity: 1, pronoun: 2, description: 3, proper: 4, np: 5 };

interface Candidate {
  feats: Uint32Array;
  /** The content matches a gold reported attribution the shipped stage missed (its index as "article:gold"), or ''. */
  gold: string;
  /** The candidate's word lies inside that missed attribution's cue. */
  cueRight: boolean;
  text: string;
}

/** The open-vocabulary candidates of an article after the shipped quotation stage ran on it. */
function candidates(a: CueArticle, missed: readonly boolean[]): Candidate[] {
  const { ctx, doc, text } = a;
  const { starts, ends } = ctx.index;
  const found = new Uint8Array(doc.tokens.length);
  for (const q of doc.quotes) {
    found.fill(1, q.tokenStart, q.tokenEnd);
    if (q.cue) found.fill(1, q.cue.tokenStart, q.cue.tokenEnd);
  }
  const hs = hashesOf(ctx);
  const out: Candidate[] = [];
  for (let k = 1; k < ctx.lower.length - 1; k++) {
    const w = ctx.lower[k]!;
    if (!/^[a-z][a-z-]{2,}$/.test(w) || STOP.has(w) || model.kinds.has(w) || ctx.quoteOf[k]! >= 0 || found[k] || ctx.cap[k] || !maySpeak(ctx, k)) continue;
    const cls = classOf(w);
    if (verbsOnly && !VERB_CLASSES.has(cls)) continue;
    const next = ctx.lower[k + 1]!;
    const piece = contentOf(model, ctx, k + 1);
    if (!piece || piece.tokenStart >= piece.tokenEnd) continue;
    let s = piece.tokenStart;
    const e = piece.tokenEnd;
    const clause = looksLikeClause(ctx, s, e);
    const complement = next === 'that' ? 1 : next === ':' ? 2 : QUESTION_WORDS.has(next) ? 3 : clause && s <= k + 2 ? 4 : 0;
    if (!complement) continue;
    let busy = false;
    for (let j = s; j < e; j++) if (found[j]) busy = true;
    if (busy) continue;
    if (ctx.lower[s] === 'that' && s < e - 1) s++;
    const range: [number, number] = [starts[s]!, ends[e - 1]!];
    const S = doc.sentences[doc.tokens[k]!.sentence]!;
    const subj = subjectOf(ctx, k, Math.max(S.tokenStart, k - 40));
    if (sourceOnly && !sourceLike(subj)) continue;
    const sk = !subj ? 0 : subj.kind === 'entity' ? 10 + ['PERSON', 'ORGANIZATION', 'LOCATION', 'MISC'].indexOf(subj.entity!.type) : SUBJECT_CODE[subj.kind]!;
    const gap = !subj ? 8 : distBucket(Math.max(0, k - subj.tokenEnd));
    const wh = wordHash(ctx, hs, k);
    const suf = suffixHash(w);
    const feats = Uint32Array.from([
      mix(300, 1), mix(301, wh), mix(302, suf), mix(303, wordHash(ctx, hs, k - 1)), mix(304, wordHash(ctx, hs, k + 1)),
      mix(305, tokenClass(ctx, k - 1)), mix(306, complement), mix(mix(307, complement), wh), mix(308, sk), mix(mix(309, sk), gap),
      mix(mix(310, sk), wh), mix(311, wordHash(ctx, hs, s)), mix(312, distBucket(e - s)), mix(313, clause ? 1 : 0),
      mix(314, distBucket(k - S.tokenStart)), mix(mix(315, complement), suf), mix(mix(316, sk), suf), mix(317, e >= S.tokenEnd - 1 ? 1 : 0),
      mix(mix(318, wordHash(ctx, hs, k - 1)), wh), mix(319, cls), mix(mix(320, cls), complement), mix(mix(321, cls), sk),
      mix(322, classOf(next)), mix(323, classOf(ctx.lower[k - 1]!)),
    ]);
    const { gold, cueRight } = labelOf(a.id, a.gold, missed, range, starts[k]!);
    const sent = text.slice(starts[S.tokenStart]!, ends[S.tokenEnd - 1]!).replace(/\s+/g, ' ');
    out.push({ feats, gold, cueRight, text: `[${w}] {${text.slice(range[0], range[1]).replace(/\s+/g, ' ').slice(0, 100)}}\n      S: ${sent.slice(0, 260)}` });
  }
  return out;
}

/** A subject that can be a source: a person or organisation, a pronoun, a role description. */
function sourceLike(subj: ReturnType<typeof subjectOf>): boolean {
  return !!subj && (subj.kind === 'pronoun' || subj.kind === 'description' || (subj.kind === 'entity' && (subj.entity!.type === 'PERSON' || subj.entity!.type === 'ORGANIZATION')));
}

function labelOf(id: string, gold: readonly GoldAttribution[], missed: readonly boolean[], range: [number, number], at: number): { gold: string; cueRight: boolean } {
  let hit = '';
  let cueRight = false;
  gold.forEach((g, i) => {
    if (g.quoted || !missed[i]) return;
    const glen = g.content.reduce((n, [x, y]) => n + y - x, 0);
    if (intersect([range], g.content) < 0.5 * Math.min(range[1] - range[0], glen)) return;
    hit = `${id}:${i}`;
    if (g.cue.some(([x, y]) => x <= at && at < y)) cueRight = true;
  });
  return { gold: hit, cueRight };
}

/**
 * The missed held-out gold attributions whose cue has no word of the cue model's vocabulary, by what a verb-argument
 * view sees: whether the cue's last word is in a verb class, what follows the cue (the complement kinds above, else
 * "object"), whether the rules' subject finder gives a source-like subject (a person, organisation, pronoun or role).
 */
const misses = new Map<string, number>();
function tallyMisses(a: CueArticle, missed: readonly boolean[]): void {
  const { ctx, doc } = a;
  const { starts, ends } = ctx.index;
  a.gold.forEach((g, i) => {
    if (g.quoted || !missed[i] || !g.cue.length) return;
    const toks: number[] = [];
    for (const [x, y] of g.cue) for (let k = 0; k < ctx.lower.length; k++) if (starts[k]! < y && ends[k]! > x) toks.push(k);
    if (!toks.length || toks.some((k) => (model.kinds.get(ctx.lower[k]!) ?? -1) >= 0)) return;
    const last = toks[toks.length - 1]!;
    const next = ctx.lower[last + 1] ?? '';
    const piece = contentOf(model, ctx, last + 1);
    const clause = !!piece && piece.tokenStart <= last + 2 && looksLikeClause(ctx, piece.tokenStart, piece.tokenEnd);
    const complement = next === 'that' ? 'that' : next === ':' ? 'colon' : QUESTION_WORDS.has(next) ? 'question word' : clause ? 'clause' : 'object/none';
    const S = doc.sentences[doc.tokens[toks[0]!]!.sentence]!;
    const subj = subjectOf(ctx, toks[0]!, Math.max(S.tokenStart, toks[0]! - 40));
    const source = sourceLike(subj);
    const key = `${VERB_CLASSES.has(classOf(ctx.lower[last]!)) ? 'verb class' : 'other class'} | ${complement.padEnd(13)} | ${source ? 'source subject' : 'no source subject'}`;
    misses.set(key, (misses.get(key) ?? 0) + 1);
  });
}

// PolNeAR train: the shipped stage, then the candidates it leaves.
const train: Candidate[] = [];
const held: Candidate[] = [];
const slice = { gold: 0, matched: 0, pred: 0, predMatched: 0 };
for (const art of readSplit(join(dataDir, 'polnear', 'data', 'train'))) {
  const a = prepareArticle(art.id, art.text, art.gold);
  quotesStage.run(a.doc);
  const preds = quotePredictions(a.doc.quotes);
  const { gMatch, pMatch } = matchAttributions(a.gold, preds);
  const missed = a.gold.map((g, i) => !g.quoted && gMatch[i]! < 0);
  const isHeld = isHeldOut(art.id);
  if (isHeld) {
    a.gold.forEach((g, i) => {
      if (g.quoted) return;
      slice.gold++;
      if (!missed[i]) slice.matched++;
    });
    preds.forEach((p, i) => {
      if (p.quoted) return;
      slice.pred++;
      if (pMatch[i]! >= 0) slice.predMatched++;
    });
  }
  (isHeld ? held : train).push(...candidates(a, missed));
  if (isHeld) tallyMisses(a, missed);
}

const perceptron = new AveragedPerceptron();
const rand = prng(7);
for (let epoch = 0; epoch < 8; epoch++) {
  for (const i of shuffled(train.length, rand)) {
    const c = train[i]!;
    const y = c.gold ? 1 : 0;
    if ((perceptron.score(c.feats) > 0 ? 1 : 0) !== y) perceptron.update(c.feats, y ? 1 : -1);
    perceptron.tick();
  }
}
const ranker = perceptron.compact(20000);

const pct = (x: number) => (100 * x).toFixed(1);
const f1 = (p: number, r: number) => (2 * p * r) / (p + r);
console.log(`verb classes (${VERB_CLASSES.size}): ${[...VERB_CLASSES].sort((x, y) => x - y).join(' ')}${verbsOnly ? '' : ' (not applied: every word)'}`);
console.log(`held-out slice as shipped: reported P ${pct(slice.predMatched / slice.pred)} R ${pct(slice.matched / slice.gold)} (${slice.pred} predicted, ${slice.gold} gold)`);
console.log(`missed held-out attributions with no cue word in the vocabulary (${[...misses.values()].reduce((x, y) => x + y, 0)}), by word class | what follows the cue | subject:`);
for (const [k, n] of [...misses].sort((x, y) => y[1] - x[1])) console.log(`  ${String(n).padStart(4)}  ${k}`);
const reach = (cs: readonly Candidate[]) => new Set(cs.filter((c) => c.gold).map((c) => c.gold)).size;
const reachCue = (cs: readonly Candidate[]) => new Set(cs.filter((c) => c.cueRight).map((c) => c.gold)).size;
console.log(`candidates: training ${train.length}, held-out ${held.length}; held-out pool reaches ${reach(held)} missed gold (+R ${pct(reach(held) / slice.gold)}), ${reachCue(held)} with the cue right (+R ${pct(reachCue(held) / slice.gold)})`);
const ranked = held.map((c) => ({ c, s: ranker.score(c.feats) })).sort((x, y) => y.s - x.s);
console.log('top k     score   new gold   cue right   reported P / R / F1 with the top k added');
const seen = new Set<string>();
let cueRight = 0;
ranked.forEach((x, i) => {
  if (x.c.gold) seen.add(x.c.gold);
  if (x.c.cueRight) cueRight++;
  const k = i + 1;
  if (![10, 20, 40, 60, 100, 150, 200, 300, 500, 800].includes(k) && k !== ranked.length) return;
  const P = (slice.predMatched + seen.size) / (slice.pred + k);
  const R = (slice.matched + seen.size) / slice.gold;
  console.log(`${String(k).padStart(5)} ${x.s.toFixed(2).padStart(8)} ${String(seen.size).padStart(6)} (${pct(seen.size / k)}%) ${String(cueRight).padStart(5)} (${pct(cueRight / k)}%)   ${pct(P)} / ${pct(R)} / ${pct(f1(P, R))}`);
});
console.log(`\ntop ${nShow} held-out candidates (NEW: matches a missed gold; CUE: and its word is in the gold cue):`);
for (const x of ranked.slice(0, nShow)) console.log(`${x.c.cueRight ? 'CUE' : x.c.gold ? 'NEW' : '-  '} ${x.s.toFixed(2)} ${x.c.text}`);

if (nBbc > 0) sampleBbc(ranked[Math.min(39, ranked.length - 1)]!.s);

/** BBC candidates the ranker puts at or above the slice's top-40 score: a random sample of nBbc, to be read. */
function sampleBbc(threshold: number): void {
  const root = join(dataDir, 'bbc-news');
  const above: Candidate[] = [];
  let files = 0;
  for (const topic of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const f of readdirSync(join(root, topic)).sort()) {
      const a = prepareArticle(`${topic}/${f}`, readFileSync(join(root, topic, f), 'utf8'), []);
      quotesStage.run(a.doc);
      for (const c of candidates(a, [])) if (ranker.score(c.feats) >= threshold) above.push({ ...c, text: `${topic}/${f} ${c.text}` });
      files++;
    }
  }
  const order = shuffled(above.length, prng(11));
  console.log(`\nBBC: ${files} articles, ${above.length} candidates scoring ≥ ${threshold.toFixed(2)} (the slice's top 40); ${Math.min(nBbc, above.length)} at random:`);
  for (let i = 0; i < Math.min(nBbc, above.length); i++) console.log(`${i + 1}. ${above[order[i]!]!.text}`);
}
