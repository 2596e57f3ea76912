/**
 * Training of the learned event components (used by scripts/train-events.ts and
 * its tests): the mention detector, the factuality classifier and the anchoring
 * ranker, each an averaged perceptron from src/entities/training/perceptron.ts,
 * written as a LinearModel. Deterministic for a seed: example order comes from a
 * seeded PRNG, features are hashed.
 */
import { hashString } from '../../entities/hash.js';
import { quantiseRows } from '../../learning/quantise.js';
import { LinearTrainer, meanWeights, prng, type AveragedWeights } from './perceptron.js';
import { anchorFeatures, eventContext, factualityFeatures, mentionFeatures, wordInfo, type EventContext, type EventSpan, type WordInfo } from '../learned/features.js';
import { cueFactuality, withCue } from '../learned/factuality.js';
import { LinearModel } from '../learned/linear-model.js';
import { detectEventMentions, INSIDE, MENTION_GATE, MENTION_LABELS } from '../learned/mentions.js';
import { isAnchorCandidate } from '../learned/anchoring.js';
import { ANCHOR_MODEL, FACTUALITY_MODEL, MENTION_MODEL } from '../learned/models.js';
import { EVENT_CLASSES, FACTUALITY, type Factuality, type TimeSpan, type TokenSpan } from '../learned/tokens.js';
import type { AlignedText } from './corpus.js';

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Feature rows kept in the model file (the strongest). */
  maxRows: number;
  /** Perceptrons trained on differently shuffled orders whose weights are averaged (default 1). */
  ensemble?: number;
  log?: (msg: string) => void;
}

/** The fixed held-out part of TimeBank (about a fifth, by a hash of the document id). */
export const isHeldOut = (docId: string) => hashString(docId) % 5 === 0;

interface Examples {
  ids: number[];
  offsets: number[];
  labels: number[];
}
const newExamples = (): Examples => ({ ids: [], offsets: [0], labels: [] });

const CLASS_INDEX = new Map<string, number>(EVENT_CLASSES.map((c, i) => [c, i]));

/** Majority TimeML class per lowercase word, for corpora without classes (MEANTIME). */
export function wordClasses(texts: AlignedText[]): Map<string, number> {
  const counts = new Map<string, number[]>();
  for (const t of texts) {
    if (t.source.corpus === 'meantime') continue;
    for (const e of t.events) {
      const w = t.view.texts[e.start]!.toLowerCase();
      let c = counts.get(w);
      if (!c) counts.set(w, (c = new Array<number>(EVENT_CLASSES.length).fill(0)));
      c[CLASS_INDEX.get(e.gold.cls)!]!++;
    }
  }
  const out = new Map<string, number>();
  for (const [w, c] of counts) out.set(w, c.indexOf(Math.max(...c)));
  return out;
}

/** The gold events of a text as the models see them (class from the annotation, or the word's majority class). */
export function goldEventSpans(t: AlignedText, classes: Map<string, number>): EventSpan[] {
  return t.events.map((e) => ({
    start: e.start,
    end: e.end,
    cls: t.source.corpus === 'meantime' ? classes.get(t.view.texts[e.start]!.toLowerCase()) ?? 0 : CLASS_INDEX.get(e.gold.cls)!,
  }));
}

function finish(ex: Examples) {
  return { ids: Uint32Array.from(ex.ids), offsets: Int32Array.from(ex.offsets), labels: Uint8Array.from(ex.labels) };
}

/** Runs epochs over examples in a seeded order; after each, `select` scores the averaged model (higher is better); the best is kept. */
function fit(
  labels: number,
  count: number,
  step: (trainer: LinearTrainer, k: number) => void,
  opts: TrainOptions,
  select: (weights: AveragedWeights) => number,
): { weights: AveragedWeights; epoch: number; score: number } {
  const members = Array.from({ length: opts.ensemble ?? 1 }, (_, m) => ({
    trainer: new LinearTrainer(labels),
    rand: prng(opts.seed + m),
    order: Array.from({ length: count }, (_, k) => k),
  }));
  let best: { weights: AveragedWeights; epoch: number; score: number } | null = null;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (const { trainer, rand, order } of members) {
      for (let k = order.length - 1; k > 0; k--) {
        const j = Math.floor(rand() * (k + 1));
        [order[k], order[j]] = [order[j]!, order[k]!];
      }
      for (const k of order) step(trainer, k);
    }
    const weights = members.length === 1 ? members[0]!.trainer.averaged() : meanWeights(members.map((m) => m.trainer.averaged()));
    const score = select(weights);
    opts.log?.(`  epoch ${epoch}: held-out ${score.toFixed(4)}`);
    if (!best || score > best.score) best = { weights, epoch, score };
  }
  return best!;
}

export function toModel(weights: AveragedWeights, magic: string, labels: number, maxRows: number): LinearModel {
  const { keys, scales, weights: w } = quantiseRows(weights.rows, maxRows, labels);
  return LinearModel.fromRows(magic, labels, keys, scales, w);
}

// ---------- mentions ----------

export interface SpanScores {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
}

/** Strict (same tokens) and relaxed (overlapping, one-to-one) matches between gold and system spans. */
export function matchSpans(gold: readonly TokenSpan[], sys: readonly TokenSpan[], into: SpanScores = { gold: 0, system: 0, strict: 0, relaxed: 0 }): SpanScores {
  into.gold += gold.length;
  into.system += sys.length;
  let j = 0;
  for (const g of gold) {
    while (j < sys.length && sys[j]!.end <= g.start) j++;
    if (j < sys.length && sys[j]!.start < g.end) {
      into.relaxed++;
      if (sys[j]!.start === g.start && sys[j]!.end === g.end) into.strict++;
      j++;
    }
  }
  return into;
}

export const f1 = (s: SpanScores, strict: boolean) => {
  const m = strict ? s.strict : s.relaxed;
  return s.gold + s.system === 0 ? 0 : (2 * m) / (s.gold + s.system);
};

/** Gold spans restricted to annotated regions, and a filter for system spans there. */
function annotatedOnly<T extends TokenSpan>(t: AlignedText, spans: readonly T[]): T[] {
  return spans.filter((s) => t.annotated[s.start] === 1);
}

export function scoreMentions(model: LinearModel, texts: AlignedText[], gate = MENTION_GATE): SpanScores {
  const s: SpanScores = { gold: 0, system: 0, strict: 0, relaxed: 0 };
  for (const t of texts) matchSpans(annotatedOnly(t, t.events), annotatedOnly(t, detectEventMentions(model, t.view, undefined, undefined, gate)), s);
  return s;
}

export function trainMentions(train: AlignedText[], dev: AlignedText[], opts: TrainOptions): { model: LinearModel; epoch: number; devF1: number } {
  const classes = wordClasses(train);
  const ex = newExamples();
  const feats: number[] = [];
  for (const t of train) {
    const info = wordInfo(t.view);
    const label = new Uint8Array(t.view.texts.length);
    for (const e of goldEventSpans(t, classes)) {
      label.fill(INSIDE, e.start, e.end);
      label[e.start] = e.cls + 1;
    }
    for (let i = 0; i < t.view.texts.length; i++) {
      if (!t.annotated[i] || !info.form(i).alpha) continue;
      feats.length = 0;
      mentionFeatures(t.view, info, i, feats);
      for (const f of feats) ex.ids.push(f);
      ex.offsets.push(ex.ids.length);
      ex.labels.push(label[i]!);
    }
  }
  const data = finish(ex);
  const labels = MENTION_LABELS;
  const devInfo = dev.map((t) => wordInfo(t.view));
  const best = fit(
    labels,
    data.labels.length,
    (tr, k) => tr.learnOne(data.ids, data.offsets[k]!, data.offsets[k + 1]!, data.labels[k]!),
    opts,
    (w) => f1(scoreMentionsWith(toModel(w, MENTION_MODEL.magic, labels, opts.maxRows), dev, devInfo), true),
  );
  // Tune the "no event" bias on the held-out slice: the perceptron optimises accuracy, not span F1.
  const bias = best.weights.rows.get(1)!;
  const base = bias[0]!;
  let bestDelta = 0;
  let bestF1 = -1;
  for (let d = -3; d <= 3; d += 0.25) {
    bias[0] = base + d;
    const score = f1(scoreMentionsWith(toModel(best.weights, MENTION_MODEL.magic, labels, opts.maxRows), dev, devInfo), true);
    if (score > bestF1 + 1e-9) {
      bestF1 = score;
      bestDelta = d;
    }
  }
  bias[0] = base + bestDelta;
  opts.log?.(`  mentions: epoch ${best.epoch}, "no event" bias ${bestDelta >= 0 ? '+' : ''}${bestDelta} → held-out strict F1 ${bestF1.toFixed(4)}`);
  return { model: toModel(best.weights, MENTION_MODEL.magic, labels, opts.maxRows), epoch: best.epoch, devF1: bestF1 };
}

function scoreMentionsWith(model: LinearModel, texts: AlignedText[], infos: WordInfo[]): SpanScores {
  const s: SpanScores = { gold: 0, system: 0, strict: 0, relaxed: 0 };
  texts.forEach((t, k) => matchSpans(annotatedOnly(t, t.events), annotatedOnly(t, detectEventMentions(model, t.view, infos[k])), s));
  return s;
}

// ---------- factuality ----------

export interface LabelledEvents {
  text: AlignedText;
  info: WordInfo;
  events: EventSpan[];
  ctx: EventContext;
  labels: Factuality[];
}

/** Factuality training events: TimeBank and AQUAINT texts whose polarity annotation is usable. */
export function factualityData(texts: AlignedText[], classes: Map<string, number>): LabelledEvents[] {
  return texts
    .filter((t) => t.source.corpus !== 'meantime' && t.events.every((e) => e.gold.factualityKnown))
    .map((t) => {
      const info = wordInfo(t.view);
      const events = goldEventSpans(t, classes);
      // The cue lists complete the corpus's labels where it is silent (see cueFactuality).
      const ctx = eventContext(t.view, info, events);
      const labels = t.events.map((e, k) => withCue(e.gold.factuality, cueFactuality(ctx, k)));
      return { text: t, info, events, ctx, labels };
    });
}

export function factualityAccuracy(model: LinearModel, data: LabelledEvents[]): { accuracy: number; n: number; confusion: Record<string, Record<string, number>> } {
  let right = 0;
  let n = 0;
  const confusion: Record<string, Record<string, number>> = {};
  const feats: number[] = [];
  for (const d of data) {
    d.events.forEach((_, k) => {
      feats.length = 0;
      factualityFeatures(d.ctx, k, feats);
      const s = model.scores(feats);
      let best = 0;
      for (let l = 1; l < s.length; l++) if (s[l]! > s[best]!) best = l;
      const g = d.labels[k]!;
      const p = withCue(FACTUALITY[best]!, cueFactuality(d.ctx, k));
      (confusion[g] ??= {})[p] = (confusion[g]![p] ?? 0) + 1;
      n++;
      if (p === g) right++;
    });
  }
  return { accuracy: n ? right / n : 0, n, confusion };
}

export function trainFactuality(train: LabelledEvents[], dev: LabelledEvents[], opts: TrainOptions): { model: LinearModel; epoch: number; devAccuracy: number } {
  const ex = newExamples();
  const feats: number[] = [];
  for (const d of train) {
    d.events.forEach((_, k) => {
      feats.length = 0;
      factualityFeatures(d.ctx, k, feats);
      for (const f of feats) ex.ids.push(f);
      ex.offsets.push(ex.ids.length);
      ex.labels.push(FACTUALITY.indexOf(d.labels[k]!));
    });
  }
  const data = finish(ex);
  const best = fit(
    FACTUALITY.length,
    data.labels.length,
    (tr, k) => tr.learnOne(data.ids, data.offsets[k]!, data.offsets[k + 1]!, data.labels[k]!),
    opts,
    (w) => factualityAccuracy(toModel(w, FACTUALITY_MODEL.magic, FACTUALITY.length, opts.maxRows), dev).accuracy,
  );
  return { model: toModel(best.weights, FACTUALITY_MODEL.magic, FACTUALITY.length, opts.maxRows), epoch: best.epoch, devAccuracy: best.score };
}

// ---------- anchoring ----------

export interface AnchorCase {
  text: AlignedText;
  info: WordInfo;
  events: EventSpan[];
  ctx: EventContext;
  k: number;
  /** Candidate time expressions in the event's sentence. */
  candidates: TimeSpan[];
  /** Index into candidates of the gold anchor, or −1 for none. */
  gold: number;
}

/**
 * Anchoring cases: gold events with a time link (to an anchor or elsewhere) in a
 * sentence that has a date or time expression. The gold choice is the anchor
 * when it is in the sentence, else none.
 */
export function anchorData(texts: AlignedText[], classes: Map<string, number>): AnchorCase[] {
  const out: AnchorCase[] = [];
  for (const t of texts) {
    const info = wordInfo(t.view);
    const events = goldEventSpans(t, classes);
    const ctx = eventContext(t.view, info, events);
    t.events.forEach((e, k) => {
      const id = e.gold.id;
      if (!t.source.anchors.has(id) && !t.source.linkedElsewhere.has(id)) return;
      const s = t.view.sentence[e.start];
      const candidates = t.times.filter((x) => t.view.sentence[x.start] === s && isAnchorCandidate(x));
      if (candidates.length === 0) return;
      const anchor = t.source.anchors.get(id);
      out.push({ text: t, info, events, ctx, k, candidates, gold: anchor ? candidates.findIndex((c) => c.gold.id === anchor) : -1 });
    });
  }
  return out;
}

function anchorCaseFeatures(c: AnchorCase, ids: number[], offsets: number[]): void {
  const feats: number[] = [];
  for (const cand of [null, ...c.candidates]) {
    feats.length = 0;
    anchorFeatures(c.ctx, c.k, cand, c.candidates.length, feats);
    for (const f of feats) ids.push(f);
    offsets.push(ids.length);
  }
}

/** Choice accuracy: the chosen candidate (or none) is the gold one. */
export function anchorAccuracy(model: LinearModel, cases: AnchorCase[]): { accuracy: number; n: number; nearestBaseline: number } {
  let right = 0;
  let nearest = 0;
  for (const c of cases) {
    const ids: number[] = [];
    const offsets = [0];
    anchorCaseFeatures(c, ids, offsets);
    let best = 0;
    let bestScore = -Infinity;
    for (let k = 0; k + 1 < offsets.length; k++) {
      const sc = model.scores(ids, offsets[k]!, offsets[k + 1]!)[0]!;
      if (sc > bestScore) {
        bestScore = sc;
        best = k;
      }
    }
    if (best - 1 === c.gold) right++;
    // Baseline: the nearest date or time in the sentence.
    const e = c.events[c.k]!;
    const dist = (x: TimeSpan) => (x.start >= e.end ? x.start - e.end : e.start - x.end);
    const near = c.candidates.reduce((a, x, i) => (dist(x) < dist(c.candidates[a]!) ? i : a), 0);
    if (near === c.gold) nearest++;
  }
  return { accuracy: cases.length ? right / cases.length : 0, n: cases.length, nearestBaseline: cases.length ? nearest / cases.length : 0 };
}

export function trainAnchors(train: AnchorCase[], dev: AnchorCase[], opts: TrainOptions): { model: LinearModel; epoch: number; devAccuracy: number } {
  const all = train.map((c) => {
    const ids: number[] = [];
    const offsets = [0];
    anchorCaseFeatures(c, ids, offsets);
    return { ids: Uint32Array.from(ids), offsets: Int32Array.from(offsets), count: offsets.length - 1, gold: c.gold + 1 };
  });
  const best = fit(
    1,
    all.length,
    (tr, k) => tr.learnRanking(all[k]!.ids, all[k]!.offsets, all[k]!.count, all[k]!.gold),
    opts,
    (w) => anchorAccuracy(toModel(w, ANCHOR_MODEL.magic, 1, opts.maxRows), dev).accuracy,
  );
  return { model: toModel(best.weights, ANCHOR_MODEL.magic, 1, opts.maxRows), epoch: best.epoch, devAccuracy: best.score };
}
