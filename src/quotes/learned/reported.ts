/**
 * The learned cue detector and reported-speech content tagger (models/cues.bin),
 * trained on PolNeAR train minus its held-out slice (`npm run train:cues`):
 *
 * - *Cue detector*: a linear classifier scores every token whose word was seen
 *   inside PolNeAR cues in training (the model's vocabulary) from its word, its
 *   neighbours, what follows and precedes it (*that*, a comma, a quotation mark),
 *   capitalisation and nearby negation. Runs of tokens scoring above the
 *   detection threshold are cues ("said", "according to", "has argued").
 * - *Content tagger*: a structured perceptron scores each token of the cue's
 *   sentence as the cue's content given its side of the cue, its distance, its
 *   words and what lies between it and the cue (commas, *that*, a clause break
 *   such as ", which", another cue word, a quotation mark); the content on each
 *   side is the best-scoring contiguous run (maximum subarray).
 *
 * The quotation stage uses them for two decisions (`reviewReported`):
 * reported speech the rules found is kept only when its cue scores at least
 * `keep`, and reported speech is added where the detector finds a cue scoring
 * at least `add` that the rules left alone, with the tagger's content. Speakers
 * are not the models' business: an added quote gets its speaker from the rules'
 * subject finder, then the speaker model's check like every other quote.
 *
 * Cost: a signature filter rejects most tokens with one array read; only
 * vocabulary tokens are scored (~20 hashed features, one table probe each), and
 * the tagger runs only for detected cues outside everything already found.
 * Word hashes are computed lazily, for the tokens the features read.
 *
 * File format (models/cues.bin, little-endian):
 *   "AEC1" | u32 byte length of the vocabulary | vocabulary words, UTF-8, "\n"-separated |
 *   cue LinearModel | content LinearModel | f32 params[PARAM_COUNT] (see `CueParams`)
 */
import { readFileSync } from 'node:fs';
import { hashString, mix } from '../../entities/hash.js';
import { resolveModelPath } from '../../models.js';
import { wordFilter, type WordFilter } from '../../text/word-filter.js';
import type { QuoteContext } from '../context.js';
import { LinearModel } from './linear.js';

export interface CueParams {
  /** Tokens scoring above this are (part of) a detected cue. */
  detect: number;
  /** Rule-found reported speech is kept when its cue's best token scores at least this (−Infinity: always). */
  keep: number;
  /** A detected cue the rules left alone adds reported speech when it scores at least this (Infinity: never). */
  add: number;
  /** Added to every content token's score: trades the content's length (and recall) for precision. */
  contentBias: number;
  /** Rule-found reported speech whose cue has no word of the vocabulary is kept (1) or dropped (0). */
  keepUnseen: number;
}

const PARAM_COUNT = 8;
const MAGIC = 0x31434541; // "AEC1"
export const CUE_MODEL_FILE = 'cues.bin';
const NOT_FUNCTION = 1;
const FUNCTION = 2;

/**
 * Words that occur inside cues ("has said", "talked about", "according to")
 * but never make one alone: scored only next to another cue word.
 */
const FUNCTION_WORDS = new Set(
  "to of on about a an in for with by at from as into is was are were be been being has have had having did does do will would can could may might should must also not n't n’t never his her their its it the this that out up over back still even just then now more first later recently repeatedly again [ ] ( ) , — – - quickly new so very".split(' '),
);

export class CueModel {
  /** Vocabulary word → NOT_FUNCTION / FUNCTION. */
  readonly kinds: Map<string, number>;
  readonly filter: WordFilter;

  constructor(
    readonly vocabulary: readonly string[],
    readonly cue: LinearModel,
    readonly content: LinearModel,
    readonly params: CueParams,
  ) {
    this.kinds = new Map(vocabulary.map((w) => [w, FUNCTION_WORDS.has(w) ? FUNCTION : NOT_FUNCTION]));
    this.filter = wordFilter(vocabulary);
  }

  withParams(p: Partial<CueParams>): CueModel {
    return new CueModel(this.vocabulary, this.cue, this.content, { ...this.params, ...p });
  }

  static fromBytes(bytes: Uint8Array): CueModel {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== MAGIC) throw new Error('not a cue model file (expected "AEC1")');
    const nv = view.getUint32(4, true);
    const words = new TextDecoder().decode(bytes.subarray(8, 8 + nv));
    const cue = LinearModel.read(view, 8 + nv);
    const content = LinearModel.read(view, cue.next);
    let o = content.next;
    const p: number[] = [];
    for (let i = 0; i < PARAM_COUNT; i++, o += 4) p.push(view.getFloat32(o, true));
    if (o !== bytes.byteLength) throw new Error(`cue model file has ${bytes.byteLength - o} trailing bytes`);
    return new CueModel(words ? words.split('\n') : [], cue.model, content.model, { detect: p[0]!, keep: p[1]!, add: p[2]!, contentBias: p[3]!, keepUnseen: p[4]! });
  }

  toBytes(): Uint8Array {
    const words = new TextEncoder().encode(this.vocabulary.join('\n'));
    const size = 8 + words.length + this.cue.byteLength() + this.content.byteLength() + 4 * PARAM_COUNT;
    const bytes = new Uint8Array(size);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, MAGIC, true);
    view.setUint32(4, words.length, true);
    bytes.set(words, 8);
    let o = this.cue.write(view, 8 + words.length);
    o = this.content.write(view, o);
    const p = this.params;
    for (const x of [p.detect, p.keep, p.add, p.contentBias, p.keepUnseen, 0, 0, 0]) {
      view.setFloat32(o, x, true);
      o += 4;
    }
    return bytes;
  }

  /** 1: a vocabulary word that can anchor a cue; 2: a function word of the vocabulary; 0: not in it. */
  kindAt(ctx: QuoteContext, k: number): number {
    if (!this.filter.mayHaveSig(ctx.index.sig[k]!)) return 0;
    return this.kinds.get(ctx.lower[k]!) ?? 0;
  }
}

let cached: CueModel | null = null;

/** The shipped cue model (models/cues.bin), loaded once. */
export function loadCueModel(): CueModel {
  return (cached ??= CueModel.fromBytes(readFileSync(resolveModelPath(CUE_MODEL_FILE))));
}

/** Replaces the model the quotation stage uses (tuning, tests); null restores the shipped one. */
export function useCueModel(model: CueModel | null): void {
  cached = model;
}

// ---------------------------------------------------------------------------
// Features

const BOS = hashString('<s>');
const EOS = hashString('</s>');

/** Per-context lazy word hashes (0: not computed yet). */
const hashCache = new WeakMap<QuoteContext, Uint32Array>();
export function hashesOf(ctx: QuoteContext): Uint32Array {
  let hs = hashCache.get(ctx);
  if (!hs) {
    hs = new Uint32Array(ctx.lower.length);
    hashCache.set(ctx, hs);
  }
  return hs;
}

function wordHash(ctx: QuoteContext, hs: Uint32Array, k: number): number {
  if (k < 0) return BOS;
  if (k >= hs.length) return EOS;
  return hs[k] || (hs[k] = hashString(ctx.lower[k]!) || 1);
}

/** Coarse class of a token: what follows or precedes a cue matters more than the word itself. */
export function tokenClass(ctx: QuoteContext, k: number): number {
  if (k < 0 || k >= ctx.lower.length) return 0;
  const w = ctx.lower[k]!;
  if (w.length === 1) {
    switch (w) {
      case '"': case '“': case '”': case '‘': case '’': case "'": case '`': return 1;
      case ',': return 2;
      case ':': return 3;
      case '.': case '!': case '?': return 5;
      case '(': case ')': return 6;
      case '—': case '–': case '-': return 7;
    }
  } else if (w === 'that') return 4;
  else if (w === '``' || w === "''") return 1;
  if (ctx.cap[k]) return 8;
  const c = w.charCodeAt(0);
  if ((c >= 0x61 && c <= 0x7a) || c >= 0xc0) return 9;
  if (c >= 0x30 && c <= 0x39) return 10;
  return 11;
}

const f1 = (t: number, a: number) => mix(t, a);
const f2 = (t: number, a: number, b: number) => mix(mix(t, a), b);
const f3 = (t: number, a: number, b: number, c: number) => mix(mix(mix(t, a), b), c);

const NEGATION = new Set(['not', "n't", 'n’t', 'never', 'no']);
const suffixHashes = new Map<string, number>();
function suffixHash(w: string): number {
  const s = w.length > 3 ? w.slice(-3) : w;
  let h = suffixHashes.get(s);
  if (h === undefined) suffixHashes.set(s, (h = hashString(s, 0x1234567)));
  return h;
}

/** Number of feature ids of a token as a cue. */
export const CUE_FEATURES = 19;

/** Features of token `k` as (part of) a reporting cue, written to out[0..CUE_FEATURES). */
export function cueFeatures(ctx: QuoteContext, k: number, out: Uint32Array): void {
  const hs = hashesOf(ctx);
  const { lower } = ctx;
  const w = wordHash(ctx, hs, k);
  const p1 = wordHash(ctx, hs, k - 1);
  const p2 = wordHash(ctx, hs, k - 2);
  const n1 = wordHash(ctx, hs, k + 1);
  const n2 = wordHash(ctx, hs, k + 2);
  const nc = tokenClass(ctx, k + 1);
  const pc = tokenClass(ctx, k - 1);
  const sentStart = ctx.doc.sentences[ctx.doc.tokens[k]!.sentence]!.tokenStart === k ? 1 : 0;
  const cap = ctx.cap[k]!;
  let neg = 0;
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) if (NEGATION.has(lower[j]!)) neg = 1;
  const inQuote = ctx.quoteOf[k]! >= 0 ? 1 : 0;
  out[0] = 1;
  out[1] = f1(2, w);
  out[2] = f1(3, p1);
  out[3] = f1(4, n1);
  out[4] = f1(5, p2);
  out[5] = f1(6, n2);
  out[6] = f2(7, p1, w);
  out[7] = f2(8, w, n1);
  out[8] = f1(9, suffixHash(lower[k]!));
  out[9] = f2(10, cap, sentStart);
  out[10] = f2(11, w, inQuote);
  out[11] = f1(12, nc);
  out[12] = f1(13, pc);
  out[13] = f2(14, w, nc);
  out[14] = f2(15, w, pc);
  out[15] = f2(16, neg, w);
  out[16] = f1(17, neg);
  out[17] = f2(18, w, cap * 2 + sentStart);
  out[18] = f3(19, pc, w, nc);
}

/** Words after a comma that start the author's own addition, not the reported content. */
const CLAUSE_BREAKS = new Set(['which', 'who', 'while', 'although', 'though', 'whereas', 'but', 'and', 'according', 'as', 'because', 'after', 'when', 'where']);

const distBucket = (d: number) => (d <= 3 ? d : d <= 5 ? 4 : d <= 10 ? 5 : d <= 20 ? 6 : 7);
const countBucket = (n: number) => (n > 3 ? 3 : n);

/** Feature ids per content token. */
export const CONTENT_FEATURES = 21;

/**
 * Features of every token of the window [from, to) as content of the cue,
 * CONTENT_FEATURES ids per token at (k − from) · CONTENT_FEATURES (the cue's own
 * tokens get none). What lies between the cue and a token (commas, "that", a
 * clause break, another cue word, a quotation) is accumulated walking outwards
 * from the cue: the whole window costs one pass.
 */
export function contentFeatureRows(ctx: QuoteContext, model: { kindAt(ctx: QuoteContext, k: number): number }, cs: number, ce: number, from: number, to: number, out: Uint32Array): void {
  const hs = hashesOf(ctx);
  const { lower, quoteOf } = ctx;
  const cueWord = wordHash(ctx, hs, ce - 1);
  const cueFirst = wordHash(ctx, hs, cs);
  const walk = (k: number, side: number, d: number, commas: number, that: number, brk: number, cue: number, quote: number) => {
    const w = wordHash(ctx, hs, k);
    const prev = wordHash(ctx, hs, k - 1);
    const next = wordHash(ctx, hs, k + 1);
    const db = distBucket(d);
    const cls = tokenClass(ctx, k);
    const last = side === 1 ? (k + 1 >= to ? 1 : 0) : k === from ? 1 : 0;
    const state = commas | (that << 2) | (brk << 3) | (cue << 4) | (quote << 5);
    let o = (k - from) * CONTENT_FEATURES;
    out[o++] = f1(100, side);
    out[o++] = f2(101, side, db);
    out[o++] = f2(102, side, w);
    out[o++] = f2(103, side, prev);
    out[o++] = f2(104, side, next);
    out[o++] = f2(105, side, cueWord);
    out[o++] = f3(106, side, cueWord, db);
    out[o++] = f2(107, side, countBucket(commas));
    out[o++] = f2(108, side, that);
    out[o++] = f2(109, side, brk);
    out[o++] = f2(110, side, cue);
    out[o++] = f2(111, side, quote);
    out[o++] = f2(112, side, quoteOf[k]! >= 0 ? 1 : 0);
    out[o++] = f3(113, side, cls, last);
    out[o++] = f2(114, side, 0);
    out[o++] = f2(115, side, state);
    out[o++] = f3(116, side, cueWord, state);
    out[o++] = f3(117, side, cueFirst, db);
    out[o++] = f3(118, side, w, db);
    out[o++] = f3(119, side, cls, db);
    out[o++] = f3(120, side, cueWord, that);
  };
  let commas = 0, that = 0, brk = 0, cue = 0, quote = 0;
  for (let k = ce; k < to; k++) {
    walk(k, 1, k - ce + 1, commas, that, brk, cue, quote);
    const w = lower[k]!;
    if (w === ',') commas++;
    else if (w === 'that' && k - ce < 6) that = 1;
    else if (lower[k - 1] === ',' && CLAUSE_BREAKS.has(w)) brk = 1;
    if (k > ce && model.kindAt(ctx, k) !== 0) cue = 1;
    if (tokenClass(ctx, k) === 1) quote = 1;
  }
  commas = that = brk = cue = quote = 0;
  for (let k = cs - 1; k >= from; k--) {
    walk(k, 2, cs - k, commas, that, brk, cue, quote);
    const w = lower[k]!;
    if (w === ',') commas++;
    else if (CLAUSE_BREAKS.has(w) && lower[k - 1] === ',') brk = 1;
    if (model.kindAt(ctx, k) !== 0) cue = 1;
    if (tokenClass(ctx, k) === 1) quote = 1;
  }
}

// ---------------------------------------------------------------------------
// Decisions

export interface DetectedCue {
  tokenStart: number;
  tokenEnd: number;
  /** The highest token score in the cue. */
  score: number;
}

/** Runs of cue tokens within this many tokens (no punctuation between) are one cue: "said in a statement". */
const CUE_GAP = 2;

/** Scores of the tokens of a context (−Infinity: not scored or not a vocabulary word). */
export interface CueScores {
  score: Float64Array;
  cues: DetectedCue[];
}

const BUF = new Uint32Array(CUE_FEATURES);

/**
 * Scores the vocabulary tokens of the context and groups those above the
 * detection threshold into cues, in text order. Function words ("has", "to",
 * "about") are scored only within reach of a cue token.
 *
 * @example
 * detectCues(model, ctx) // 'Smith argued the plan failed.' → [{ tokenStart: 1, tokenEnd: 2, score: … }]
 */
export function detectCues(model: CueModel, ctx: QuoteContext): CueScores {
  const n = ctx.lower.length;
  const score = new Float64Array(n).fill(-Infinity);
  const threshold = model.params.detect;
  const sig = ctx.index.sig;
  const filter = model.filter;
  const kinds = model.kinds;
  const above: number[] = [];
  for (let k = 0; k < n; k++) {
    if (!filter.mayHaveSig(sig[k]!)) continue;
    if (kinds.get(ctx.lower[k]!) !== NOT_FUNCTION) continue;
    cueFeatures(ctx, k, BUF);
    const s = model.cue.score(BUF);
    score[k] = s;
    if (s > threshold) above.push(k);
  }
  // Function words next to cue tokens, walking outwards.
  const queue = above.slice();
  while (queue.length > 0) {
    const k = queue.pop()!;
    for (let j = Math.max(0, k - CUE_GAP - 1); j <= Math.min(n - 1, k + CUE_GAP + 1); j++) {
      if (score[j] !== -Infinity || model.kindAt(ctx, j) !== FUNCTION) continue;
      cueFeatures(ctx, j, BUF);
      const s = model.cue.score(BUF);
      score[j] = s;
      if (s > threshold) queue.push(j);
    }
  }
  const cues: DetectedCue[] = [];
  if (!above.length) return { score, cues };
  const { tokens } = ctx.doc;
  let cur: DetectedCue | null = null;
  let anchored = false;
  const close = () => {
    if (cur && anchored) cues.push(cur);
  };
  for (let k = 0; k < n; k++) {
    const s = score[k]!;
    if (s <= threshold) continue;
    if (cur && k - cur.tokenEnd <= CUE_GAP && tokens[k]!.sentence === tokens[cur.tokenStart]!.sentence && !hasPunctuation(ctx, cur.tokenEnd, k)) {
      cur.tokenEnd = k + 1;
      if (s > cur.score) cur.score = s;
      if (model.kindAt(ctx, k) === NOT_FUNCTION) anchored = true;
      continue;
    }
    close();
    cur = { tokenStart: k, tokenEnd: k + 1, score: s };
    anchored = model.kindAt(ctx, k) === NOT_FUNCTION;
  }
  close();
  return { score, cues };
}

function hasPunctuation(ctx: QuoteContext, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!ctx.word[k]) return true;
  return false;
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

export interface Content {
  /** Token ranges left and right of the cue (either may be null). */
  left: { tokenStart: number; tokenEnd: number } | null;
  right: { tokenStart: number; tokenEnd: number } | null;
}

let ROWS = new Uint32Array(64 * CONTENT_FEATURES);

/** The content of the cue [cs, ce) in its sentence, by the tagger. */
export function contentOf(model: CueModel, ctx: QuoteContext, cs: number, ce: number): Content {
  const S = ctx.doc.sentences[ctx.doc.tokens[cs]!.sentence]!;
  const from = S.tokenStart;
  const to = S.tokenEnd;
  const n = to - from;
  if (ROWS.length < n * CONTENT_FEATURES) ROWS = new Uint32Array(2 * n * CONTENT_FEATURES);
  contentFeatureRows(ctx, model, cs, ce, from, to, ROWS);
  const scores = new Float64Array(n);
  const bias = model.params.contentBias;
  for (let i = 0; i < n; i++) {
    const k = from + i;
    scores[i] = (k >= cs && k < ce ? 0 : model.content.score(ROWS, i * CONTENT_FEATURES, (i + 1) * CONTENT_FEATURES)) + bias;
  }
  const l = bestRun(scores, 0, cs - from);
  const r = bestRun(scores, ce - from, n);
  return {
    left: l ? { tokenStart: l.start + from, tokenEnd: l.end + from } : null,
    right: r ? { tokenStart: r.start + from, tokenEnd: r.end + from } : null,
  };
}

/** The best token score inside [from, to) (−Infinity when no token there is a vocabulary word). */
export function bestScore(scores: CueScores, from: number, to: number): number {
  let best = -Infinity;
  for (let k = from; k < to; k++) if (scores.score[k]! > best) best = scores.score[k]!;
  return best;
}
