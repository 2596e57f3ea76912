/**
 * Training of the speaker model from attributions annotated as character
 * ranges (PolNeAR, or a hand-made set in tests). Every article goes through
 * the pipeline's own stages and the quotation rules first, so the ranker
 * learns to review exactly the quotes and candidates it will see at run time.
 * Deterministic: example order comes from a seeded PRNG, features are hashed,
 * all arithmetic is in a fixed order.
 */
import { prng } from '../../entities/training/perceptron.js';
import { hashString } from '../../entities/hash.js';
import { runPipeline } from '../../pipeline.js';
import { createDoc } from '../../text/create-doc.js';
import { ruleQuotes } from '../index.js';
import { DOCUMENT_NOUNS, speakerOf, speakerQuery, type SpeakerQuery } from './speakers.js';
import { tokenAt, type QuoteContext } from '../context.js';
import { PREPOSITIONS } from '../lexicon.js';
import type { FoundSpeaker } from '../speaker.js';
import type { DocEntity as Entity } from '../../text/doc.js';
import { LinearModel } from './linear.js';
import type { GoldAttribution, Range } from './polnear.js';
import { matchAttributions, speakerRight } from './scoring.js';

/** A rule-found quote matched to a gold attribution with a source, with its candidates labelled. */
export interface LabelledQuery {
  article: string;
  query: SpeakerQuery;
  /** Per candidate: it would be scored as the right speaker. */
  right: Uint8Array;
  /** The rules' speaker is right. */
  ruleRight: boolean;
}

/**
 * Runs the pipeline and the quotation rules over an article and labels the
 * candidates of every cued quote (group) that matches a gold attribution with a source.
 */
export function labelArticle(id: string, text: string, gold: readonly GoldAttribution[]): LabelledQuery[] {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'marks' });
  const { ctx, drafts, history } = ruleQuotes(doc);
  // Predictions as the evaluation groups them: pieces of one quotation are one content.
  const heads: number[] = [];
  const content = new Map<number, Range[]>();
  drafts.forEach((d, i) => {
    const h = d.groupWith >= 0 ? d.groupWith : i;
    if (!content.has(h)) {
      content.set(h, []);
      heads.push(h);
    }
    content.get(h)!.push([d.start, d.end]);
  });
  const preds = heads.map((h) => ({ content: content.get(h)! }));
  const { pMatch } = matchAttributions(gold, preds);
  const out: LabelledQuery[] = [];
  heads.forEach((h, pi) => {
    const d = drafts[h]!;
    const gi = pMatch[pi]!;
    if (!d.cue || gi < 0 || !gold[gi]!.source.length) return;
    const g = gold[gi]!;
    const query = speakerQuery(ctx, d.cue, d.kind, d.start, d.end, d.speaker);
    const head = g.source.length === 1 ? sourceHead(ctx, g.source[0]!) : null;
    const lenient = (s: FoundSpeaker | null) => !!s && speakerRight({ speaker: [s.start, s.end], speakerNames: s.entity?.name ?? s.name }, g, text);
    const speakers = query.candidates.map((_, i) => speakerOf(ctx, query, i, history));
    // The head of the gold source when some candidate names it, else (no head found, or none names it) the scorer's test.
    // (A candidate's own words, not the phrase its speaker is given as: "statement" in "Mr Crosby's statement".)
    const headRight = (i: number) => namesHead(ownWords(ctx, query.candidates[i]!), speakers[i]!, head!);
    const strict = head !== null && speakers.some((_, i) => headRight(i));
    const right = Uint8Array.from(speakers, (s, i) => (strict ? headRight(i) : lenient(s)) ? 1 : 0);
    const ruleRight = strict ? query.ruleIndex >= 0 && headRight(query.ruleIndex) : lenient(d.speaker);
    out.push({ article: id, query, right, ruleRight });
  });
  return out;
}

/** The head of a gold source: the character range of its head word or person, and that person's entity. */
interface SourceHead {
  start: number;
  end: number;
  entity: Entity | null;
}

/** Words that end the first phrase of a source: an apposition, a parenthesis, a relative clause. */
const CHUNK_END = new Set([',', '(', ';', ':', '–', '—', 'who', 'which', 'whose']);
const RELATIVE_WORDS = new Set(['who', 'which', 'whose']);
const isChunkEnd = (ctx: QuoteContext, k: number) => CHUNK_END.has(ctx.lower[k]!) || (ctx.lower[k] === '-' && ctx.doc.tokens[k]!.spaceBefore);


/**
 * The head of a gold source of two words or more, read as an English noun phrase: the person named at the end
 * of its first phrase ("Liberal Democrat spokeswoman for women Sandra Gidley", "David Redvers, 34, from
 * Hartpury, Gloucestershire"), else the last word before a preposition ("Mr Blair's spokesman", "a spokesman
 * for her lawyers"). PolNeAR's sources are whole phrases and the scorer counts any candidate inside one as
 * right, so without a head the ranker learns no difference between a person and the role, place or possessor
 * beside them. Null for a one-word source.
 */
export function sourceHead(ctx: QuoteContext, [s, e]: Range): SourceHead | null {
  const { starts, ends } = ctx.index;
  const { lower, mentionOf, mentions, doc } = ctx;
  let a = tokenAt(ctx, s);
  while (a < ends.length && ends[a]! <= s) a++;
  let b = a;
  while (b < starts.length && starts[b]! < e) b++;
  if (b - a < 2) return null;
  // The person named at the end of one of its phrases: "Sandra Gidley" in "… spokeswoman for women Sandra Gidley",
  // "David Redvers" in "David Redvers, 34, from …", "Nestor Kirchner" in "Argentina's President, Nestor Kirchner".
  let first = -1;
  for (let from = a, n = 0; from < b && n < 2; n++) {
    let c = from + 1;
    while (c < b && !isChunkEnd(ctx, c)) c++;
    if (first < 0) first = c;
    const m = mentionOf[c - 1]!;
    if (m >= 0 && mentions[m]!.entity.type === 'PERSON' && mentions[m]!.tokenStart >= from) {
      const ref = mentions[m]!;
      // A name the recogniser split in two is one head.
      let f = ref.tokenStart;
      while (f > from && mentionOf[f - 1]! >= 0 && mentions[mentionOf[f - 1]!]!.entity.type === 'PERSON') f = mentions[mentionOf[f - 1]!]!.tokenStart;
      return { start: starts[f]!, end: ends[ref.tokenEnd - 1]!, entity: ref.entity };
    }
    // Not into a relative clause ("the president, who met Jones").
    if (c >= b || RELATIVE_WORDS.has(lower[c]!)) break;
    from = c + 1;
  }
  const c = first;
  let p = a + 1;
  while (p < c && !PREPOSITIONS.has(lower[p]!)) p++;
  let h = p - 1;
  while (h > a && (!ctx.word[h] || lower[h] === "'s" || lower[h] === '’s')) h--;
  // "Mr Crosby's statement said": what a document says, its author says.
  if (DOCUMENT_NOUNS.has(lower[h]!) && h - 1 > a && (lower[h - 1] === "'s" || lower[h - 1] === '’s')) h -= 2;
  const hm = mentionOf[h]!;
  if (hm >= 0) {
    const ref = mentions[hm]!;
    return { start: starts[ref.tokenStart]!, end: ends[ref.tokenEnd - 1]!, entity: ref.entity };
  }
  return { start: starts[h]!, end: ends[h]!, entity: null };
}

/**
 * The words a candidate stands for: a candidate's own span, or for the rules' loose phrase (no candidate) its head
 * word, the last before a preposition ("statement" in "Mr Tanzi's statement", "supporter" in "a supporter of the pact").
 */
function ownWords(ctx: QuoteContext, c: SpeakerQuery['candidates'][number]): { start: number; end: number } {
  if (c.cand) return c;
  const { starts, ends } = ctx.index;
  const { lower } = ctx;
  let a = tokenAt(ctx, c.start);
  while (a < ends.length && ends[a]! <= c.start) a++;
  let p = a + 1;
  while (p < starts.length && starts[p]! < c.end && !PREPOSITIONS.has(lower[p]!)) p++;
  let h = p - 1;
  while (h > a && (!ctx.word[h] || lower[h] === "'s" || lower[h] === '’s')) h--;
  return { start: starts[h]!, end: ends[h]! };
}

/** The candidate's words hold the head of the source, or its speaker is the head's person (a pronoun, a later mention). */
function namesHead(c: { start: number; end: number }, s: FoundSpeaker | null, head: SourceHead): boolean {
  if (!s) return false;
  if (c.start < head.end && c.end > head.start) return true;
  return head.entity !== null && s.entity === head.entity;
}

export interface RankerOptions {
  epochs: number;
  seed: number;
  /** Learning rate of the first epoch (then lr / (1 + epoch)). */
  lr: number;
  /** L2 penalty, applied as weight decay once per epoch. */
  l2: number;
  /** Largest number of features kept. */
  maxFeatures: number;
}

export const RANKER_DEFAULTS: RankerOptions = { epochs: 6, seed: 17, lr: 0.1, l2: 1e-4, maxFeatures: 20000 };

/** 0 … n−1 in a seeded Fisher–Yates order (training is deterministic for a seed). */
export function shuffled(n: number, rand: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/**
 * A conditional-logit ranker: softmax over a quote's candidates, maximising
 * the probability of the right ones (several may be right: a name and the
 * pronoun standing for it), by SGD. Queries with no right candidate teach nothing and are skipped.
 */
export function trainRanker(data: readonly LabelledQuery[], opts: RankerOptions = RANKER_DEFAULTS): LinearModel {
  const examples = data.filter((x) => !x.query.settled && x.right.some((r) => r === 1) && x.right.length > 1);
  const w = new Map<number, number>();
  const rand = prng(opts.seed);
  const score = (ids: readonly number[]) => {
    let s = 0;
    for (const id of ids) s += w.get(id) ?? 0;
    return s;
  };
  for (let e = 0; e < opts.epochs; e++) {
    const lr = opts.lr / (1 + e);
    for (const i of shuffled(examples.length, rand)) {
      const { query, right } = examples[i]!;
      const cands = query.candidates;
      const s = cands.map((c) => score(c.feats));
      const max = Math.max(...s);
      const p = s.map((x) => Math.exp(x - max));
      const z = p.reduce((a, b) => a + b, 0);
      let zr = 0;
      for (let k = 0; k < p.length; k++) {
        p[k]! /= z;
        if (right[k]) zr += p[k]!;
      }
      for (let k = 0; k < cands.length; k++) {
        // d(−log Σ_right p)/d score_k = p_k − q_k, q the posterior over the right candidates.
        const g = p[k]! - (right[k] ? p[k]! / zr : 0);
        if (g === 0) continue;
        for (const id of cands[k]!.feats) w.set(id, (w.get(id) ?? 0) - lr * g);
      }
    }
    const decay = 1 - lr * opts.l2 * examples.length;
    for (const [k, v] of w) w.set(k, v * Math.max(0, decay));
  }
  return LinearModel.fromWeights(w, opts.maxFeatures);
}

/**
 * L2-regularised logistic regression by Newton's method on dense features
 * (the calibration model): deterministic, converges in a few steps.
 */
export function fitLogistic(xs: readonly ArrayLike<number>[], ys: readonly boolean[], l2 = 1): Float32Array {
  const d = xs[0]?.length ?? 0;
  const w = new Float64Array(d);
  for (let it = 0; it < 25; it++) {
    const g = new Float64Array(d);
    const H = Array.from({ length: d }, () => new Float64Array(d));
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      let s = 0;
      for (let j = 0; j < d; j++) s += w[j]! * x[j]!;
      const p = 1 / (1 + Math.exp(-s));
      const r = p - (ys[i] ? 1 : 0);
      const v = p * (1 - p);
      for (let j = 0; j < d; j++) {
        if (x[j] === 0) continue;
        g[j]! += r * x[j]!;
        for (let k = 0; k < d; k++) H[j]![k]! += v * x[j]! * x[k]!;
      }
    }
    for (let j = 0; j < d; j++) {
      g[j]! += l2 * w[j]!;
      H[j]![j]! += l2;
    }
    const step = solve(H, g);
    let change = 0;
    for (let j = 0; j < d; j++) {
      w[j]! -= step[j]!;
      change = Math.max(change, Math.abs(step[j]!));
    }
    if (change < 1e-8) break;
  }
  return Float32Array.from(w);
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(A: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const M = A.map((row, i) => {
    const r = new Float64Array(n + 1);
    r.set(row);
    r[n] = b[i]!;
    return r;
  });
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    const d = M[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / d;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / (M[r]![r]! || 1e-12);
  }
  return x;
}

/** Fold of an article for cross-fitting (0 … folds − 1), by a hash of its id. */
export function foldOf(id: string, folds: number): number {
  return hashString(id, 0x2545f491) % folds;
}
