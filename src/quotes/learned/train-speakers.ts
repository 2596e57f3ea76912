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
import { speakerOf, speakerQuery, type SpeakerQuery } from './speakers.js';
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
    const right = new Uint8Array(query.candidates.length);
    query.candidates.forEach((_, i) => {
      const s = speakerOf(ctx, query, i, history);
      if (s && speakerRight({ speaker: [s.start, s.end], speakerNames: s.entity?.name ?? s.name }, g, text)) right[i] = 1;
    });
    const ruleRight = !!d.speaker && speakerRight({ speaker: [d.speaker.start, d.speaker.end], speakerNames: d.speaker.entity?.name ?? d.speaker.name }, g, text);
    out.push({ article: id, query, right, ruleRight });
  });
  return out;
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
