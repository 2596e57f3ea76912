/**
 * Training of the three quotation models from attributions annotated as
 * character ranges (PolNeAR, or a hand-made set in tests). Every article is
 * processed by the pipeline's own stages (tokens, sentences, entity mentions,
 * quotation marks) first, so the models learn from what they will see.
 * Deterministic: example order comes from a seeded PRNG, features are hashed.
 */
import { prng } from '../../entities/training/perceptron.js';
import { hashString } from '../../entities/hash.js';
import { runPipeline } from '../../pipeline.js';
import { createDoc } from '../../text/create-doc.js';
import { tokenIndex } from '../../text/token-index.js';
import { speakerCandidates } from './candidates.js';
import { contentFeatures, cueFeatures, speakerFeatures } from './features.js';
import { cacheOf, viewOfDoc, type TokenSpan, type TokenView, type TypedSpan } from './input.js';
import { AveragedPerceptron, LinearModel } from './linear.js';
import { contentWindow, decodeContent, QuoteModels, type Params } from './model.js';
import { tokenMask, tokensOf, type GoldAttribution } from './polnear.js';

export interface TrainAttribution {
  /** The first cue range as tokens (the anchor the models condition on), or null. */
  cue: TokenSpan | null;
  /** Per token of the article: 1 inside the content. */
  content: TokenSpan[];
  source: TokenSpan | null;
  quoted: boolean;
  raw: GoldAttribution;
}

export interface TrainArticle {
  id: string;
  text: string;
  view: TokenView;
  starts: Int32Array;
  ends: Int32Array;
  /** Per token: 1 inside a gold cue. */
  cueMask: Uint8Array;
  attributions: TrainAttribution[];
}

/** Runs the pipeline up to its quotation-mark stage on an article and maps its gold to tokens. */
export function prepareArticle(id: string, text: string, gold: GoldAttribution[]): TrainArticle {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'marks' });
  const view = viewOfDoc(doc);
  const ix = tokenIndex(doc);
  const cueMask = new Uint8Array(doc.tokens.length);
  const attributions: TrainAttribution[] = [];
  for (const g of gold) {
    tokenMask(ix.starts, ix.ends, g.cue, cueMask);
    const content: TokenSpan[] = [];
    for (const r of g.content) {
      const t = tokensOf(ix.starts, ix.ends, [r]);
      if (t) content.push(t);
    }
    attributions.push({
      cue: g.cue.length ? tokensOf(ix.starts, ix.ends, [g.cue[0]!]) : null,
      content,
      source: g.source.length ? tokensOf(ix.starts, ix.ends, g.source) : null,
      quoted: g.quoted,
      raw: g,
    });
  }
  return { id, text, view, starts: ix.starts, ends: ix.ends, cueMask, attributions };
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Largest number of features kept per model. */
  maxFeatures: number;
}

function shuffled(n: number, rand: () => number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** Words seen inside gold cues at least twice, and inside a cue in at least 5% of their occurrences. */
export function cueVocabulary(articles: readonly TrainArticle[]): Uint32Array {
  const inCue = new Map<number, number>();
  const total = new Map<number, number>();
  for (const a of articles) {
    const { hash } = cacheOf(a.view);
    for (let k = 0; k < hash.length; k++) {
      total.set(hash[k]!, (total.get(hash[k]!) ?? 0) + 1);
      if (a.cueMask[k]) inCue.set(hash[k]!, (inCue.get(hash[k]!) ?? 0) + 1);
    }
  }
  const out: number[] = [];
  for (const [h, c] of inCue) if (c >= 2 && c / total.get(h)! >= 0.05) out.push(h);
  return Uint32Array.from(out.sort((a, b) => a - b));
}

export function trainCueModel(articles: readonly TrainArticle[], vocab: Uint32Array, opts: TrainOptions): LinearModel {
  const inVocab = new Set(vocab);
  const feats: Uint32Array[] = [];
  const labels: number[] = [];
  const buf: number[] = [];
  for (const a of articles) {
    const { hash } = cacheOf(a.view);
    for (let k = 0; k < hash.length; k++) {
      if (!inVocab.has(hash[k]!)) continue;
      cueFeatures(a.view, k, buf);
      feats.push(Uint32Array.from(buf));
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
  return p.compact(opts.maxFeatures);
}

interface ContentExample {
  ids: Uint32Array;
  offsets: Int32Array;
  gold: Uint8Array;
  from: number;
  to: number;
  cue: TokenSpan;
}

export function contentExamples(articles: readonly TrainArticle[], isCueWord: (view: TokenView, k: number) => boolean): ContentExample[] {
  const out: ContentExample[] = [];
  const ids: number[] = [];
  const offsets: number[] = [];
  for (const a of articles) {
    for (const g of a.attributions) {
      if (!g.cue) continue;
      const { from, to } = contentWindow(a.view, g.cue);
      const gold = new Uint8Array(to - from);
      let any = 0;
      for (const c of g.content) {
        for (let k = Math.max(from, c.tokenStart); k < Math.min(to, c.tokenEnd); k++) {
          if (k >= g.cue.tokenStart && k < g.cue.tokenEnd) continue;
          gold[k - from] = 1;
          any++;
        }
      }
      if (!any) continue;
      contentFeatures(a.view, g.cue, from, to, (k) => isCueWord(a.view, k), ids, offsets);
      out.push({ ids: Uint32Array.from(ids), offsets: Int32Array.from(offsets), gold, from, to, cue: g.cue });
    }
  }
  return out;
}

export function trainContentModel(examples: readonly ContentExample[], opts: TrainOptions): LinearModel {
  const p = new AveragedPerceptron();
  const rand = prng(opts.seed + 1);
  for (let e = 0; e < opts.epochs; e++) {
    for (const i of shuffled(examples.length, rand)) {
      const ex = examples[i]!;
      const n = ex.to - ex.from;
      const scores = new Float64Array(n);
      for (let t = 0; t < n; t++) scores[t] = p.score(ex.ids, ex.offsets[t]!, ex.offsets[t + 1]!);
      const pred = predictedMask(scores, ex);
      for (let t = 0; t < n; t++) {
        if (pred[t] === ex.gold[t]) continue;
        p.update(ex.ids, ex.gold[t] ? 1 : -1, ex.offsets[t]!, ex.offsets[t + 1]!);
      }
      p.tick();
    }
  }
  return p.compact(opts.maxFeatures);
}

/** Per window token: 1 when the decoder puts it in the content. */
export function predictedMask(scores: Float64Array, ex: { from: number; to: number; cue: TokenSpan }): Uint8Array {
  const r = decodeContent(scores, ex.from, ex.cue, ex.to);
  const m = new Uint8Array(ex.to - ex.from);
  for (const s of [r.left, r.right]) if (s) for (let k = s.tokenStart; k < s.tokenEnd; k++) m[k - ex.from] = 1;
  return m;
}

/** Words that end the core of a source phrase: "a spokesman | for Unison", "Smith | , the minister". */
const CORE_END = new Set([',', 'of', 'for', 'at', 'from', '(', 'who', 'which', 'with', 'in', 'on', '—', '–']);

/**
 * The candidate that stands for the gold source: among those overlapping it,
 * the last one that starts in the source's core ("Marsh chief executive
 * Michael Cherkasky" → Cherkasky; "a spokesman for Unison" → spokesman).
 * −1 when the source lies outside the sentence or there is none; null when no
 * candidate covers a source inside the sentence (nothing to learn from).
 */
export function goldCandidate(view: TokenView, cands: readonly TypedSpan[], source: TokenSpan | null, cue: TokenSpan): number | null {
  if (!source) return -1;
  let coreEnd = source.tokenEnd;
  for (let k = source.tokenStart + 1; k < source.tokenEnd; k++) {
    if (CORE_END.has(view.lower[k]!)) {
      coreEnd = k;
      break;
    }
  }
  let best = -1;
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i]!;
    if (c.tokenEnd <= source.tokenStart || c.tokenStart >= source.tokenEnd) continue;
    if (c.tokenStart < coreEnd || best < 0) best = i;
  }
  if (best >= 0) return best;
  const s = view.sentence[cue.tokenStart]!;
  const inSentence = source.tokenEnd > view.sentenceStart[s]! && source.tokenStart < view.sentenceEnd[s]!;
  return inSentence ? null : -1;
}

interface SpeakerExample {
  /** Features of each candidate, the no-source option last. */
  feats: Uint32Array[];
  /** Index of the gold option (candidates.length for no source). */
  gold: number;
}

export function speakerExamples(articles: readonly TrainArticle[]): { examples: SpeakerExample[]; uncovered: number } {
  const out: SpeakerExample[] = [];
  let uncovered = 0;
  const buf: number[] = [];
  for (const a of articles) {
    for (const g of a.attributions) {
      if (!g.cue) continue;
      const cands = speakerCandidates(a.view, g.cue.tokenStart, g.cue.tokenEnd);
      const gi = goldCandidate(a.view, cands, g.source, g.cue);
      if (gi === null) {
        uncovered++;
        continue;
      }
      const feats: Uint32Array[] = [];
      for (let i = 0; i <= cands.length; i++) {
        speakerFeatures(a.view, g.cue, cands, i < cands.length ? i : -1, buf);
        feats.push(Uint32Array.from(buf));
      }
      out.push({ feats, gold: gi < 0 ? cands.length : gi });
    }
  }
  return { examples: out, uncovered };
}

export function trainSpeakerModel(examples: readonly SpeakerExample[], opts: TrainOptions): LinearModel {
  const p = new AveragedPerceptron();
  const rand = prng(opts.seed + 2);
  for (let e = 0; e < opts.epochs; e++) {
    for (const i of shuffled(examples.length, rand)) {
      const ex = examples[i]!;
      let best = 0;
      let bestScore = -Infinity;
      ex.feats.forEach((f, j) => {
        const s = p.score(f);
        if (s > bestScore) {
          bestScore = s;
          best = j;
        }
      });
      if (best !== ex.gold) {
        p.update(ex.feats[ex.gold]!, 1);
        p.update(ex.feats[best]!, -1);
      }
      p.tick();
    }
  }
  return p.compact(opts.maxFeatures);
}

/** A stable id for a word, as the models hash it (exported for tests). */
export const wordId = (w: string) => hashString(w);

/** Largest number of features kept per model: together well under 0.5 MB. */
export const MAX_FEATURES = { cue: 12000, content: 20000, speaker: 12000 };

export const UNTUNED: Params = { cueThreshold: 0, cuePlatt: { a: 1, b: 0 }, speakerPlatt: { a: 1, b: 0 }, contentBias: 0 };

/** Trains the three models on the articles (threshold, bias and calibration as given). */
export function trainModels(articles: readonly TrainArticle[], epochs: number, seed: number, params: Params = UNTUNED, log: (s: string) => void = () => {}): QuoteModels {
  const vocab = cueVocabulary(articles);
  const cue = trainCueModel(articles, vocab, { epochs, seed, maxFeatures: MAX_FEATURES.cue });
  const inVocab = new Set(vocab);
  const isCueWord = (view: TokenView, k: number) => inVocab.has(cacheOf(view).hash[k]!);
  const content = trainContentModel(contentExamples(articles, isCueWord), { epochs, seed, maxFeatures: MAX_FEATURES.content });
  const sp = speakerExamples(articles);
  log(`speaker examples ${sp.examples.length}, sources no candidate covers ${sp.uncovered}`);
  const speaker = trainSpeakerModel(sp.examples, { epochs, seed, maxFeatures: MAX_FEATURES.speaker });
  return new QuoteModels(vocab, cue, content, speaker, params);
}
