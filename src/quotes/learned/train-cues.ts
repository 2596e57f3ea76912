/**
 * Training of the cue detector and the content tagger (models/cues.bin) from
 * attributions annotated as character ranges (PolNeAR, or a hand-made set in
 * tests). Every article goes through the pipeline's own stages up to the
 * quotation marks first, so the models learn from the tokens, sentences,
 * mentions and quoted spans they will see at run time.
 * Deterministic: example order comes from a seeded PRNG, features are hashed,
 * all arithmetic is in a fixed order.
 */
import { prng } from '../../entities/training/perceptron.js';
import { runPipeline } from '../../pipeline.js';
import { createDoc } from '../../text/create-doc.js';
import type { Doc } from '../../text/doc.js';
import { buildContext, type QuoteContext } from '../context.js';
import { LinearModel } from './linear.js';
import { tokenMask, tokensOf, type GoldAttribution, type TokenSpan } from './polnear.js';
import { quotesStage } from '../index.js';
import { acceptHook } from '../review.js';
import { intersect } from './scoring.js';
import { foldOf, shuffled } from './train-speakers.js';
import { bestRun, CONTENT_FEATURES, contentFeatureRows, contentWindow, CUE_FEATURES, cueFeatures, CueModel, maySpeak, useCueModel, type CueParams } from './reported.js';

export interface CueArticle {
  id: string;
  text: string;
  /** The Doc after the quotation-mark stage (the quotation stage can run on it again and again). */
  doc: Doc;
  ctx: QuoteContext;
  /** Per token: 1 inside a gold cue. */
  cueMask: Uint8Array;
  /** Gold attributions with a cue: the cue's first range and the content, as tokens. */
  attributions: { cue: TokenSpan; content: TokenSpan[]; quoted: boolean }[];
  gold: GoldAttribution[];
}

/** Runs the pipeline up to its quotation-mark stage on an article and maps its gold to tokens. */
export function prepareArticle(id: string, text: string, gold: GoldAttribution[]): CueArticle {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'marks' });
  const ctx = buildContext(doc);
  const { starts, ends } = ctx.index;
  const cueMask = new Uint8Array(doc.tokens.length);
  const attributions: CueArticle['attributions'] = [];
  for (const g of gold) {
    tokenMask(starts, ends, g.cue, cueMask);
    const cue = g.cue.length ? tokensOf(starts, ends, [g.cue[0]!]) : null;
    if (!cue) continue;
    const content: TokenSpan[] = [];
    for (const r of g.content) {
      const t = tokensOf(starts, ends, [r]);
      if (t) content.push(t);
    }
    attributions.push({ cue, content, quoted: g.quoted });
  }
  return { id, text, doc, ctx, cueMask, attributions, gold };
}

/**
 * Averaged perceptron over one weight vector (Collins 2002; the averaging trick
 * of Daumé: w − u/c). Callers make the updates: +features of the gold
 * structure, −features of the predicted one.
 */
export class AveragedPerceptron {
  private readonly index = new Map<number, number>();
  private w = new Float64Array(1 << 16);
  private u = new Float64Array(1 << 16);
  private keys: number[] = [];
  private c = 1;

  private slot(id: number): number {
    let r = this.index.get(id);
    if (r === undefined) {
      r = this.keys.length;
      this.keys.push(id);
      this.index.set(id, r);
      if (r >= this.w.length) {
        const w2 = new Float64Array(this.w.length * 2);
        w2.set(this.w);
        this.w = w2;
        const u2 = new Float64Array(this.u.length * 2);
        u2.set(this.u);
        this.u = u2;
      }
    }
    return r;
  }

  score(ids: ArrayLike<number>, from = 0, to = ids.length): number {
    let s = 0;
    for (let k = from; k < to; k++) {
      const r = this.index.get(ids[k]!);
      if (r !== undefined) s += this.w[r]!;
    }
    return s;
  }

  update(ids: ArrayLike<number>, delta: number, from = 0, to = ids.length): void {
    for (let k = from; k < to; k++) {
      const r = this.slot(ids[k]!);
      this.w[r] = this.w[r]! + delta;
      this.u[r] = this.u[r]! + this.c * delta;
    }
  }

  /** Advances the averaging clock: once per example. */
  tick(): void {
    this.c++;
  }

  compact(maxRows: number): LinearModel {
    const out = new Map<number, number>();
    for (let r = 0; r < this.keys.length; r++) out.set(this.keys[r]!, this.w[r]! - this.u[r]! / this.c);
    return LinearModel.fromWeights(out, maxRows);
  }
}


/** Words seen inside gold cues at least `minCount` times, and inside a cue in at least `minShare` of their occurrences; sorted. */
export function cueVocabulary(articles: readonly CueArticle[], minCount = 2, minShare = 0.05): string[] {
  const inCue = new Map<string, number>();
  const total = new Map<string, number>();
  for (const a of articles) {
    const { lower } = a.ctx;
    for (let k = 0; k < lower.length; k++) {
      const w = lower[k]!;
      total.set(w, (total.get(w) ?? 0) + 1);
      if (a.cueMask[k]) inCue.set(w, (inCue.get(w) ?? 0) + 1);
    }
  }
  const out: string[] = [];
  for (const [w, c] of inCue) if (c >= minCount && c / total.get(w)! >= minShare && !w.includes('\n')) out.push(w);
  return out.sort();
}

export interface CueTrainOptions {
  epochs: number;
  seed: number;
  /** Largest number of features kept per model. */
  maxCue: number;
  maxContent: number;
  maxAccept: number;
  /** A word joins the vocabulary when at least this share of its occurrences is inside a gold cue. */
  minShare: number;
}

export const CUE_TRAIN_DEFAULTS: CueTrainOptions = { epochs: 4, seed: 13, maxCue: 8000, maxContent: 12000, maxAccept: 4000, minShare: 0.15 };

export const UNTUNED: CueParams = { detect: 0, keep: -Infinity, add: Infinity, contentBias: 0, keepUnseen: 1, minSpeaker: 0, accept: -Infinity, clause: 0 };

/** Trains the cue detector on every vocabulary token (label: inside a gold cue). */
export function trainCueDetector(articles: readonly CueArticle[], vocabulary: readonly string[], opts: CueTrainOptions): LinearModel {
  const inVocab = new Set(vocabulary);
  const feats: Uint32Array[] = [];
  const labels: number[] = [];
  for (const a of articles) {
    const { lower } = a.ctx;
    for (let k = 0; k < lower.length; k++) {
      if (!inVocab.has(lower[k]!) || !maySpeak(a.ctx, k)) continue;
      const f = new Uint32Array(CUE_FEATURES);
      cueFeatures(a.ctx, k, f);
      feats.push(f);
      labels.push(a.cueMask[k]!);
    }
  }
  const p = new AveragedPerceptron();
  const rand = prng(opts.seed);
  for (let e = 0; e < opts.epochs; e++) {
    for (const i of shuffled(feats.length, rand)) {
      const pred = p.score(feats[i]!) > 0 ? 1 : 0;
      if (pred !== labels[i]) p.update(feats[i]!, labels[i] ? 1 : -1);
      p.tick();
    }
  }
  return p.compact(opts.maxCue);
}

interface ContentExample {
  rows: Uint32Array;
  gold: Uint8Array;
}

/**
 * Content examples: per gold attribution outside quotation marks, the window
 * after its cue with the content tokens marked (none when the content stands
 * before the cue: the tagger learns that too).
 */
export function contentExamples(articles: readonly CueArticle[], model: CueModel): ContentExample[] {
  const out: ContentExample[] = [];
  for (const a of articles) {
    for (const g of a.attributions) {
      if (g.quoted) continue;
      const ce = g.cue.tokenEnd;
      const to = contentWindow(a.ctx, ce);
      if (to <= ce) continue;
      const gold = new Uint8Array(to - ce);
      for (const c of g.content) for (let k = Math.max(ce, c.tokenStart); k < Math.min(to, c.tokenEnd); k++) gold[k - ce] = 1;
      const rows = new Uint32Array((to - ce) * CONTENT_FEATURES);
      contentFeatureRows(a.ctx, model, ce, to, rows);
      out.push({ rows, gold });
    }
  }
  return out;
}

/** Structured perceptron over the decoded content (the best run): updates where the decoded mask differs from the gold one. */
export function trainContentTagger(examples: readonly ContentExample[], opts: CueTrainOptions): LinearModel {
  const p = new AveragedPerceptron();
  const rand = prng(opts.seed + 1);
  for (let e = 0; e < opts.epochs; e++) {
    for (const i of shuffled(examples.length, rand)) {
      const ex = examples[i]!;
      const n = ex.gold.length;
      const scores = new Float64Array(n);
      for (let t = 0; t < n; t++) scores[t] = p.score(ex.rows, t * CONTENT_FEATURES, (t + 1) * CONTENT_FEATURES);
      const r = bestRun(scores, 0, n);
      for (let t = 0; t < n; t++) {
        const pred = r && t >= r.start && t < r.end ? 1 : 0;
        if (pred === ex.gold[t]) continue;
        p.update(ex.rows, ex.gold[t] ? 1 : -1, t * CONTENT_FEATURES, (t + 1) * CONTENT_FEATURES);
      }
      p.tick();
    }
  }
  return p.compact(opts.maxContent);
}

/** Trains the cue detector and the content tagger over a vocabulary learnt from the articles; no acceptance model yet. */
export function trainCueAndContent(articles: readonly CueArticle[], opts: CueTrainOptions, params: CueParams): CueModel {
  const vocabulary = cueVocabulary(articles, 2, opts.minShare);
  const cue = trainCueDetector(articles, vocabulary, opts);
  const empty = LinearModel.fromWeights(new Map(), 0);
  const partial = new CueModel(vocabulary, cue, empty, empty, params);
  const content = trainContentTagger(contentExamples(articles, partial), opts);
  return new CueModel(vocabulary, cue, content, empty, params);
}

/** Folds of the acceptance model's examples (by article id hash). */
export const ACCEPT_FOLDS = 5;

/**
 * Candidate additions for the acceptance model, cross-fitted: each fold's
 * candidates come from a detector and tagger trained on the other folds, so
 * their cue scores and contents are as unseen as at run time. Candidates from
 * models that saw the article look better than they will be (scores too high,
 * contents too exact), and an acceptance model trained on them barely ranks
 * held-out candidates.
 */
export function crossFitAcceptExamples(articles: readonly CueArticle[], opts: CueTrainOptions, params: CueParams): { feats: Uint32Array[]; labels: Uint8Array } {
  const feats: Uint32Array[] = [];
  const labels: number[] = [];
  for (let f = 0; f < ACCEPT_FOLDS; f++) {
    const inFold = articles.filter((a) => foldOf(a.id, ACCEPT_FOLDS) === f);
    if (!inFold.length) continue;
    const model = trainCueAndContent(articles.filter((a) => foldOf(a.id, ACCEPT_FOLDS) !== f), opts, params);
    const ex = acceptExamples(inFold, model.withParams(COLLECT));
    feats.push(...ex.feats);
    labels.push(...ex.labels);
  }
  return { feats, labels: Uint8Array.from(labels) };
}

/** Trains the three models (decision parameters as given; the training script tunes them on the held-out slice). */
export function trainCueModel(articles: readonly CueArticle[], opts: CueTrainOptions = CUE_TRAIN_DEFAULTS, params: CueParams = UNTUNED): CueModel {
  const base = trainCueAndContent(articles, opts, params);
  const accept = trainAcceptance(crossFitAcceptExamples(articles, opts, params), opts);
  return new CueModel(base.vocabulary, base.cue, base.content, accept, params);
}

/** Decision settings under which candidate additions are collected for the acceptance model: nearly every detected cue. */
export const COLLECT: Partial<CueParams> = { detect: -6, add: -6, keep: -Infinity, keepUnseen: 1, minSpeaker: 0, accept: -Infinity, clause: 0 };

/**
 * The candidate additions of the quotation stage over the articles (run with
 * `model`), labelled 1 when the content matches a gold attribution outside
 * quotation marks (overlap of at least half the shorter, as the evaluation scores).
 */
export function acceptExamples(articles: readonly CueArticle[], model: CueModel): { feats: Uint32Array[]; labels: Uint8Array } {
  const feats: Uint32Array[] = [];
  const labels: number[] = [];
  let gold: GoldAttribution[] = [];
  acceptHook.collect = (f, start, end) => {
    let right = 0;
    for (const g of gold) {
      if (g.quoted) continue;
      const glen = g.content.reduce((n, [s, e]) => n + e - s, 0);
      if (intersect([[start, end]], g.content) >= 0.5 * Math.min(end - start, glen)) right = 1;
    }
    feats.push(f.slice());
    labels.push(right);
  };
  useCueModel(model);
  try {
    for (const a of articles) {
      gold = a.gold;
      quotesStage.run(a.doc);
    }
  } finally {
    acceptHook.collect = null;
    useCueModel(null);
  }
  return { feats, labels: Uint8Array.from(labels) };
}

/** Binary averaged perceptron: does a candidate addition match gold reported speech? */
export function trainAcceptance(data: { feats: Uint32Array[]; labels: Uint8Array }, opts: CueTrainOptions): LinearModel {
  const p = new AveragedPerceptron();
  const rand = prng(opts.seed + 2);
  for (let e = 0; e < opts.epochs * 2; e++) {
    for (const i of shuffled(data.feats.length, rand)) {
      const pred = p.score(data.feats[i]!) > 0 ? 1 : 0;
      if (pred !== data.labels[i]) p.update(data.feats[i]!, data.labels[i] ? 1 : -1);
      p.tick();
    }
  }
  return p.compact(opts.maxAccept);
}
