/**
 * Error analysis of reported speech (no quotation marks) on the held-out slice
 * of PolNeAR train — the slice `train:quotes` and `train:cues` hold out
 * (`isHeldOut`), never dev or test. Runs the shipping quotation stage and puts
 * each missed gold reported attribution in one category, in this order:
 *
 *   overlap<50%      a prediction overlaps the gold content but fails the ≥ 50% match
 *   taken            a prediction matches it by overlap but went to another gold (one-to-one)
 *   cue-in-quote     the gold cue lies inside quotation marks (nested attribution)
 *   cue-in-found     the gold cue lies inside content or a cue the stage already found
 *   negated          the cue is negated or refused ("did not say"): dropped by design
 *   rules-cue        the rules made a draft with this cue, but no prediction overlaps the gold content
 *   capitalised      a vocabulary word, but capitalised inside its sentence (title case): never scored
 *   no-vocab         no word of the cue is in the detector's vocabulary
 *   below-detect     in the vocabulary, the detector scores it at or under `detect`
 *   <review outcome> detected: below-add (not tried), no-content, not-clause, content-busy, rejected (acceptance
 *                    model), added but dropped by the speaker check, added with content elsewhere
 *
 * and cross-tabulates where the gold content lies relative to its cue
 * (after / before / around). Prints the table, the most frequent cue words
 * per category, and with --show CAT N examples of a category.
 *
 *   npx tsx scripts/analyse-reported.ts [--show CAT] [--n N] [--model FILE] [--params JSON] [--bands]
 *
 * --bands also prints the learned additions that end up in the output by their
 * cue score × acceptance score, each cell "matched / made": how precise the
 * additions a lower `add` or `accept` would let in are (run it with
 * --params '{"detect":-6,"add":-6,"accept":-3e38}' to see every band).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quotesStage, ruleQuotes } from '../src/quotes/index.js';
import { acceptHook, reviewTrace } from '../src/quotes/review.js';
import { isNegatedCue } from '../src/quotes/negation.js';
import { isHeldOut, readSplit, tokensOf } from '../src/quotes/learned/polnear.js';
import { CueModel, loadCueModel, maySpeak, NOT_FUNCTION, useCueModel } from '../src/quotes/learned/reported.js';
import { intersect, matchAttributions, quotePredictions } from '../src/quotes/learned/scoring.js';
import { prepareArticle } from '../src/quotes/learned/train-cues.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.ARTICLE_EXPORT_DATA_DIR ?? join(repo, '..', 'shared', 'data');

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const show = opt('--show');
const nShow = Number(opt('--n') ?? 30);
const bands = args.includes('--bands');
const modelFile = opt('--model');
const shipped = modelFile ? CueModel.fromBytes(readFileSync(resolve(modelFile))) : loadCueModel();
// --params '{"add":-6,"accept":-3e38}': other decision settings (e.g. to see what candidate generation alone reaches).
const model = opt('--params') ? shipped.withParams(JSON.parse(opt('--params')!)) : shipped;
useCueModel(model);

const counts = new Map<string, Map<string, number>>();
const words = new Map<string, Map<string, number>>();
const examples = new Map<string, string[]>();
let gold = 0;
let missed = 0;
let predR = 0;
let predRMatched = 0;
/** --bands: every learned addition that reached the output, by its cue and acceptance scores. */
const added: { cue: number; accept: number; matched: boolean }[] = [];
const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

const articles = readSplit(join(dataDir, 'polnear', 'data', 'train')).filter((a) => isHeldOut(a.id));
for (const art of articles) {
  const a = prepareArticle(art.id, art.text, art.gold);
  const { ctx, doc, text } = a;
  const { starts, ends } = ctx.index;
  const rules = ruleQuotes(doc).drafts;
  const traces: { cs: number; ce: number; score: number; outcome: string; start: number; end: number; accept: number }[] = [];
  // The acceptance hook sees a candidate's features right before the review decides on it.
  let acceptScore = NaN;
  acceptHook.collect = (f) => (acceptScore = model.accept.score(f));
  reviewTrace.fn = (cs, ce, score, outcome, start, end) => traces.push({ cs, ce, score, outcome, start, end, accept: acceptScore });
  quotesStage.run(doc);
  reviewTrace.fn = null;
  acceptHook.collect = null;
  const preds = quotePredictions(doc.quotes);
  const { gMatch, pMatch } = matchAttributions(a.gold, preds);
  for (const t of traces) {
    if (t.outcome !== 'added') continue;
    const pi = preds.findIndex((p) => !p.quoted && p.content.length > 0 && p.content[0]![0] === t.start);
    if (pi >= 0) added.push({ cue: t.score, accept: t.accept, matched: pMatch[pi]! >= 0 });
  }
  preds.forEach((p, pi) => {
    if (p.quoted) return;
    predR++;
    if (pMatch[pi]! >= 0) predRMatched++;
  });
  const found = new Uint8Array(doc.tokens.length);
  for (const q of doc.quotes) {
    found.fill(1, q.tokenStart, q.tokenEnd);
    if (q.cue) found.fill(1, q.cue.tokenStart, q.cue.tokenEnd);
  }
  a.gold.forEach((g, gi) => {
    if (g.quoted) return;
    gold++;
    if (gMatch[gi]! >= 0) return;
    missed++;
    const cueToks = g.cue.map((r) => tokensOf(starts, ends, [r])).filter((t) => t !== null);
    const content = tokensOf(starts, ends, g.content);
    const cueWords = g.cue.map(([s, e]) => text.slice(s, e)).join(' … ').toLowerCase();
    // Where the content lies relative to the cue.
    let where = 'no-cue';
    if (cueToks.length && content) {
      const c0 = cueToks[0]!.tokenStart;
      const c1 = cueToks[cueToks.length - 1]!.tokenEnd;
      where = content.tokenStart >= c1 - 1 ? 'after' : content.tokenEnd <= c0 + 1 ? 'before' : 'around';
    }
    let cat: string;
    const glen = g.content.reduce((n, [s, e]) => n + e - s, 0);
    const over = preds.map((p, pi) => ({ pi, inter: intersect(p.content, g.content), plen: p.content.reduce((n, [s, e]) => n + e - s, 0) })).filter((x) => x.inter > 0);
    const cueTokList: number[] = [];
    for (const t of cueToks) for (let k = t.tokenStart; k < t.tokenEnd; k++) cueTokList.push(k);
    const score = (k: number) => (model.kindAt(ctx, k) === NOT_FUNCTION && maySpeak(ctx, k) ? model.fastCueScore(ctx, k, model.kinds.get(ctx.lower[k]!)!) : -Infinity);
    const best = Math.max(-Infinity, ...cueTokList.map(score));
    const tr = traces.find((t) => cueTokList.some((k) => k >= t.cs && k < t.ce));
    if (over.some((x) => x.inter >= 0.5 * Math.min(x.plen, glen))) cat = 'taken';
    else if (over.length) cat = `overlap<50% (${preds[over[0]!.pi]!.quoted ? 'quoted' : 'reported'} pred${pMatch[over[0]!.pi]! >= 0 ? ', matched elsewhere' : ''})`;
    else if (!cueToks.length) cat = 'no-gold-cue';
    else if (cueTokList.some((k) => ctx.quoteOf[k]! >= 0)) cat = 'cue-in-quote';
    else if (isNegatedCue(ctx, { tokenStart: cueToks[0]!.tokenStart, tokenEnd: cueToks[0]!.tokenEnd })) cat = 'negated';
    else if (rules.some((d) => d.cue && cueTokList.some((k) => k >= d.cue!.tokenStart && k < d.cue!.tokenEnd))) cat = 'rules-cue (content elsewhere)';
    else if (cueTokList.some((k) => found[k])) cat = 'cue-in-found';
    else if (tr && tr.outcome === 'added') cat = doc.quotes.some((q) => q.start === tr.start && q.end === tr.end) ? 'detected: added, content elsewhere' : 'detected: added, dropped by speaker check';
    else if (tr) cat = `detected: ${tr.outcome}`;
    else if (best === -Infinity) cat = cueTokList.some((k) => model.kindAt(ctx, k) === NOT_FUNCTION) ? 'capitalised (title case, not scored)' : 'no-vocab';
    else cat = 'below-detect';
    const row = counts.get(cat) ?? new Map<string, number>();
    bump(row, where);
    counts.set(cat, row);
    const wm = words.get(cat) ?? new Map<string, number>();
    bump(wm, cueWords);
    words.set(cat, wm);
    const ex = examples.get(cat) ?? [];
    const sent = doc.sentences[doc.tokens[cueToks[0]?.tokenStart ?? content?.tokenStart ?? 0]!.sentence]!;
    const sentText = text.slice(starts[sent.tokenStart]!, ends[sent.tokenEnd - 1]!).replace(/\n/g, ' ');
    const tried = tr && tr.start >= 0 ? ` | tried: ${text.slice(tr.start, tr.end).replace(/\n/g, ' ')}` : '';
    ex.push(`${art.id} [${cueWords}] {${g.content.map(([s, e]) => text.slice(s, e)).join(' … ').replace(/\n/g, ' ')}} score ${best.toFixed(1)}${tr ? ` ${tr.outcome}` : ''}${tried}\n      S: ${sentText}`);
    examples.set(cat, ex);
  });
}

console.log(`held-out slice: ${articles.length} articles, ${gold} gold reported attributions, ${missed} missed (recall ${(100 * (1 - missed / gold)).toFixed(1)}); ${predR} reported predictions, precision ${((100 * predRMatched) / predR).toFixed(1)}`);
console.log(`params ${JSON.stringify(model.params)}`);
console.log('category                                   missed   after  before  around  no-cue');
for (const [cat, row] of [...counts].sort((x, y) => sum(y[1]) - sum(x[1]))) {
  console.log(`${cat.padEnd(42)} ${String(sum(row)).padStart(6)}  ${['after', 'before', 'around', 'no-cue'].map((w) => String(row.get(w) ?? 0).padStart(6)).join('  ')}`);
}
for (const [cat, wm] of words) {
  const top = [...wm].sort((x, y) => y[1] - x[1]).slice(0, 15);
  console.log(`\n${cat}: ${top.map(([w, n]) => `${w} ${n}`).join(', ')}`);
}
if (bands) printBands();
if (show) {
  for (const [cat, ex] of examples) if (cat.startsWith(show)) console.log(`\n== ${cat}\n` + ex.slice(0, nShow).join('\n'));
}

/** The additions in the output by cue score (rows) × acceptance score (columns): matched / made. */
function printBands(): void {
  const cueEdges = [-Infinity, 0, 3, 5.5, 8, Infinity];
  const acceptEdges = [-Infinity, -3, -1, 0, 2, 4, 6, Infinity];
  const label = (e: number[], i: number) => `${e[i] === -Infinity ? '' : e[i]}..${e[i + 1] === Infinity ? '' : e[i + 1]}`;
  console.log(`\nlearned additions in the output, matched / made, by cue score (rows) × acceptance score (columns):`);
  console.log('cue'.padEnd(10) + acceptEdges.slice(0, -1).map((_, j) => label(acceptEdges, j).padStart(10)).join('') + '     all');
  for (let i = 0; i < cueEdges.length - 1; i++) {
    const row = added.filter((x) => x.cue >= cueEdges[i]! && x.cue < cueEdges[i + 1]!);
    const cell = (xs: typeof added) => `${xs.filter((x) => x.matched).length}/${xs.length}`;
    const cells = acceptEdges.slice(0, -1).map((_, j) => cell(row.filter((x) => x.accept >= acceptEdges[j]! && x.accept < acceptEdges[j + 1]!)).padStart(10));
    console.log(label(cueEdges, i).padEnd(10) + cells.join('') + cell(row).padStart(8));
  }
}

function sum(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}
