/**
 * The trained quotation models and what they decide:
 *
 * - `detectCues`: which tokens are reporting cues ("said", "according to",
 *   "told", "argued"…), from a linear classifier over the words scored
 *   (those seen inside PolNeAR cues in training). A negated cue ("did not
 *   say", "would not confirm", "declined to") never yields a quote.
 * - `contentOf`: the content of a cue's reported speech, as the best
 *   contiguous run of tokens on each side of the cue within its sentence
 *   (token scores from a structured perceptron, decoded by maximum subarray).
 * - `rankSpeakers`: the source among the cue's candidates (or none), with a
 *   calibrated probability that the choice is right.
 *
 * File format (models/quotes.bin, little-endian):
 *   "AEQ1" | u32 vocab size | u32 vocab hashes (ascending) |
 *   cue LinearModel | content LinearModel | speaker LinearModel |
 *   f32 params[PARAMS] (see `Params`)
 */
import { readFileSync } from 'node:fs';
import { applyPlatt, LinearModel, type Platt } from './linear.js';
import { cueFeatures, contentFeatures, speakerFeatures } from './features.js';
import { speakerCandidates } from './candidates.js';
import { cacheOf, type TokenSpan, type TokenView, type TypedSpan } from './input.js';

export interface Params {
  /** Cue tokens score above this. */
  cueThreshold: number;
  /** Calibration of a cue's score → probability that it starts a true attribution. */
  cuePlatt: Platt;
  /** Calibration of the speaker choice's margin over the runner-up → probability it is right. */
  speakerPlatt: Platt;
  /** Bias added to every content token's score (tuned on the held-out slice: trades precision for recall). */
  contentBias: number;
}

const PARAM_COUNT = 8;
const MAGIC = 0x31514541; // "AEQ1"

export class QuoteModels {
  private readonly vocab: Set<number>;
  constructor(
    readonly cueVocab: Uint32Array,
    readonly cue: LinearModel,
    readonly content: LinearModel,
    readonly speaker: LinearModel,
    readonly params: Params,
  ) {
    this.vocab = new Set(cueVocab);
  }

  static load(path: string): QuoteModels {
    return QuoteModels.fromBytes(readFileSync(path));
  }

  static fromBytes(bytes: Uint8Array): QuoteModels {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== MAGIC) throw new Error('not a quotation model file (expected "AEQ1")');
    const nv = view.getUint32(4, true);
    const vocab = new Uint32Array(nv);
    let o = 8;
    for (let i = 0; i < nv; i++, o += 4) vocab[i] = view.getUint32(o, true);
    const cue = LinearModel.read(view, o);
    const content = LinearModel.read(view, cue.next);
    const speaker = LinearModel.read(view, content.next);
    o = speaker.next;
    const p: number[] = [];
    for (let i = 0; i < PARAM_COUNT; i++, o += 4) p.push(view.getFloat32(o, true));
    if (o !== bytes.byteLength) throw new Error(`quotation model file has ${bytes.byteLength - o} trailing bytes`);
    return new QuoteModels(vocab, cue.model, content.model, speaker.model, {
      cueThreshold: p[0]!,
      cuePlatt: { a: p[1]!, b: p[2]! },
      speakerPlatt: { a: p[3]!, b: p[4]! },
      contentBias: p[5]!,
    });
  }

  toBytes(): Uint8Array {
    const size = 8 + 4 * this.cueVocab.length + this.cue.byteLength() + this.content.byteLength() + this.speaker.byteLength() + 4 * PARAM_COUNT;
    const bytes = new Uint8Array(size);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, MAGIC, true);
    view.setUint32(4, this.cueVocab.length, true);
    let o = 8;
    for (const h of this.cueVocab) {
      view.setUint32(o, h, true);
      o += 4;
    }
    o = this.cue.write(view, o);
    o = this.content.write(view, o);
    o = this.speaker.write(view, o);
    const { params: p } = this;
    for (const x of [p.cueThreshold, p.cuePlatt.a, p.cuePlatt.b, p.speakerPlatt.a, p.speakerPlatt.b, p.contentBias, 0, 0]) {
      view.setFloat32(o, x, true);
      o += 4;
    }
    return bytes;
  }

  /** The token may be (part of) a cue: its word was seen inside cues in training. */
  isCueWord(view: TokenView, k: number): boolean {
    return this.vocab.has(cacheOf(view).hash[k]!);
  }

  /** Raw cue score of token k (−Infinity for words never seen in a cue). */
  cueScore(view: TokenView, k: number, buf: number[] = []): number {
    if (!this.isCueWord(view, k)) return -Infinity;
    cueFeatures(view, k, buf);
    return this.cue.score(buf);
  }
}

export interface DetectedCue extends TokenSpan {
  /** The highest token score in the cue. */
  score: number;
  /** Calibrated probability that the cue starts a true attribution. */
  probability: number;
  /** Negated or refused speech ("did not say", "declined to comment"): never a quote. */
  negated: boolean;
}

/** Runs of cue tokens within this many non-cue tokens (no punctuation) are one cue: "said in a statement". */
const CUE_GAP = 2;
/** Words that occur inside cues ("has said", "talked about", "according to") but never make one alone. */
const FUNCTION_WORDS = new Set(
  'to of on about a an in for with by at from as into is was are were be been being has have had having did does do will would can could may might should must also not n\'t n’t never his her their its it the this that out up over back still even just then now more first later recently repeatedly again [ ] ( ) , — – - quickly new so very'.split(' '),
);
const NEGATORS = new Set(['not', "n't", 'n’t', 'never', 'no', 'neither', 'nor']);
const REFUSALS = new Set(['declined', 'declines', 'decline', 'declining', 'refused', 'refuses', 'refuse', 'refusing', 'failed', 'fails', 'fail']);

/**
 * The reporting cues of the view, in text order.
 *
 * @example
 * detectCues(models, view) // 'Smith said the plan failed.' → [{ tokenStart: 1, tokenEnd: 2, … }]
 */
export function detectCues(models: QuoteModels, view: TokenView): DetectedCue[] {
  const out: DetectedCue[] = [];
  const buf: number[] = [];
  const n = view.lower.length;
  let cur: DetectedCue | null = null;
  for (let k = 0; k < n; k++) {
    const s = models.cueScore(view, k, buf);
    if (s <= models.params.cueThreshold) continue;
    if (cur && k - cur.tokenEnd <= CUE_GAP && view.sentence[k] === view.sentence[cur.tokenStart] && !hasPunctuation(view, cur.tokenEnd, k)) {
      cur.tokenEnd = k + 1;
      if (s > cur.score) cur.score = s;
      continue;
    }
    cur = { tokenStart: k, tokenEnd: k + 1, score: s, probability: 0, negated: false };
    out.push(cur);
  }
  // A run of only function words ("has", "to", "about") is not a cue by itself.
  const anchored = out.filter((c) => {
    for (let k = c.tokenStart; k < c.tokenEnd; k++) if (!FUNCTION_WORDS.has(view.lower[k]!)) return true;
    return false;
  });
  for (const c of anchored) {
    c.probability = applyPlatt(models.params.cuePlatt, c.score);
    c.negated = isNegated(view, c);
  }
  return anchored;
}

function hasPunctuation(view: TokenView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!/[\p{L}\p{N}]/u.test(view.texts[k]!)) return true;
  return false;
}

/**
 * "did not say", "would not confirm", "has never said", "declined to comment",
 * "refused to say": the verb group before the cue (up to four words, inside the
 * sentence) holds a negator or a verb of refusal.
 */
export function isNegated(view: TokenView, cue: TokenSpan): boolean {
  const sStart = view.sentenceStart[view.sentence[cue.tokenStart]!]!;
  for (let k = cue.tokenStart; k < cue.tokenEnd; k++) if (NEGATORS.has(view.lower[k]!) || REFUSALS.has(view.lower[k]!)) return true;
  for (let k = cue.tokenStart - 1, steps = 0; k >= sStart && steps < 4; k--, steps++) {
    const w = view.lower[k]!;
    if (NEGATORS.has(w) || REFUSALS.has(w)) return true;
    if (!/^\p{Ll}/u.test(view.texts[k]!) && w !== "n't" && w !== 'n’t') return false;
  }
  return false;
}

export interface ContentResult {
  /** Content left and right of the cue (either may be null). */
  left: TokenSpan | null;
  right: TokenSpan | null;
  score: number;
}

/** The window the content of a cue is sought in: its sentence. */
export function contentWindow(view: TokenView, cue: TokenSpan): { from: number; to: number } {
  const s = view.sentence[cue.tokenStart]!;
  return { from: view.sentenceStart[s]!, to: view.sentenceEnd[s]! };
}

/** Token scores of the window (index k − from), with the tuned bias. */
export function contentScores(models: QuoteModels, view: TokenView, cue: TokenSpan, from: number, to: number, ids: number[] = [], offsets: number[] = []): Float64Array {
  contentFeatures(view, cue, from, to, (k) => models.isCueWord(view, k), ids, offsets);
  const scores = new Float64Array(to - from);
  const bias = models.params.contentBias;
  for (let i = 0; i < to - from; i++) scores[i] = models.content.score(ids, offsets[i]!, offsets[i + 1]!) + bias;
  return scores;
}

/** Maximum-sum contiguous run of scores[a..b) (Kadane); null when no run sums above 0. */
export function bestRun(scores: ArrayLike<number>, a: number, b: number): { start: number; end: number; sum: number } | null {
  let best: { start: number; end: number; sum: number } | null = null;
  let sum = 0;
  let start = a;
  for (let i = a; i < b; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += scores[i]!;
    if (sum > 0 && (!best || sum > best.sum)) best = { start, end: i + 1, sum };
  }
  return best;
}

/** Decodes token scores into the left and right content of the cue. */
export function decodeContent(scores: ArrayLike<number>, from: number, cue: TokenSpan, to: number): ContentResult {
  const l = bestRun(scores, 0, cue.tokenStart - from);
  const r = bestRun(scores, cue.tokenEnd - from, to - from);
  return {
    left: l ? { tokenStart: l.start + from, tokenEnd: l.end + from } : null,
    right: r ? { tokenStart: r.start + from, tokenEnd: r.end + from } : null,
    score: (l?.sum ?? 0) + (r?.sum ?? 0),
  };
}

export function contentOf(models: QuoteModels, view: TokenView, cue: TokenSpan): ContentResult {
  const { from, to } = contentWindow(view, cue);
  return decodeContent(contentScores(models, view, cue, from, to), from, cue, to);
}

export interface SpeakerChoice {
  candidates: TypedSpan[];
  /** Index of the chosen candidate, or -1 for "no source in the sentence". */
  best: number;
  scores: Float64Array;
  /** Calibrated probability that the choice is right. */
  probability: number;
  /** Score of the choice minus the runner-up's. */
  margin: number;
}

/** Scores every candidate of the cue (and the no-source option, last) and picks the best. */
export function rankSpeakers(models: QuoteModels, view: TokenView, cue: TokenSpan, candidates: TypedSpan[] = speakerCandidates(view, cue.tokenStart, cue.tokenEnd)): SpeakerChoice {
  const buf: number[] = [];
  const scores = new Float64Array(candidates.length + 1);
  for (let i = 0; i <= candidates.length; i++) {
    speakerFeatures(view, cue, candidates, i < candidates.length ? i : -1, buf);
    scores[i] = models.speaker.score(buf);
  }
  // A candidate is always preferred to "none" when there is one: the no-source
  // option only lowers the confidence (it competes in the margin), so a caller
  // can fall back on a source outside the sentence when the choice is weak.
  let best = candidates.length;
  for (let i = 0; i < candidates.length; i++) if (best === candidates.length || scores[i]! > scores[best]!) best = i;
  let second = -Infinity;
  for (let i = 0; i <= candidates.length; i++) if (i !== best && scores[i]! > second) second = scores[i]!;
  const margin = second === -Infinity ? 10 : scores[best]! - second;
  return { candidates, best: best === candidates.length ? -1 : best, scores, margin, probability: applyPlatt(models.params.speakerPlatt, margin) };
}
