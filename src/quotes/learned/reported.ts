/**
 * The learned cue detector and reported-speech content tagger (models/cues.bin),
 * trained on PolNeAR train minus its held-out slice (`npm run train:cues`):
 *
 * - *Cue detector*: a linear classifier scores every token whose word was seen
 *   inside PolNeAR cues in training (the model's vocabulary) from its word, its
 *   neighbours, what follows and precedes it (*that*, a comma, a quotation mark),
 *   capitalisation, nearby negation and whether a clause seems to follow within a
 *   few words (an auxiliary or a past form: "polls show most voters are …"). Runs
 *   of tokens scoring above the detection threshold are cues ("said", "according
 *   to", "has argued").
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
 * Word hashes are computed lazily, for the tokens the features read; the
 * clause look-ahead only for tokens it could lift above the threshold.
 *
 * File format (models/cues.bin, little-endian):
 *   "AEC1" | u32 byte length of the vocabulary | vocabulary words, UTF-8, "\n"-separated |
 *   cue LinearModel | content LinearModel | acceptance LinearModel | f32 params[PARAM_COUNT] (see `CueParams`)
 */
import { readFileSync } from 'node:fs';
import { hashString, mixS } from '../../entities/hash.js';
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
  /** Added reported speech stays only when the speaker model gives its speaker at least this confidence. */
  minSpeaker: number;
  /** A candidate addition is made when the acceptance model scores it at least this. */
  accept: number;
  /** Added content must read as a clause (a finite auxiliary or "to" among three words or more): 1, or not: 0. */
  clause: number;
}

const PARAM_COUNT = 8;
const MAGIC = 0x31434541; // "AEC1"
export const CUE_MODEL_FILE = 'cues.bin';
const NOT_FUNCTION = 1;
const FUNCTION = 2;
export { NOT_FUNCTION };

/**
 * Words that occur inside cues ("has said", "talked about", "according to")
 * but never make one alone: scored only next to another cue word.
 */
const FUNCTION_WORDS = new Set(
  "to of on about a an in for with by at from as into is was are were be been being has have had having did does do will would can could may might should must also not n't n’t never his her their its it the this that out up over back still even just then now more first later recently repeatedly again [ ] ( ) , — – - quickly new so very".split(' '),
);

export class CueModel {
  /** Vocabulary word → its index among the words that can anchor a cue (≥ 0), or −1 for a function word. */
  readonly kinds: Map<string, number>;
  readonly filter: WordFilter;
  /**
   * The signature filter of the anchor words (detectCues' token scan). Function words are left out: the scan skips them anyway, and
   * being the commonest tokens ("the", "of", "to") they would pass it often.
   */
  readonly anchorFilter: WordFilter;
  /**
   * The cue detector's weights folded per anchor word (`fastCueScore`): the
   * weights of the features over the word alone, and over the word with the
   * next / previous token's class, with a negator before it.
   */
  private readonly prior: Float64Array;
  private readonly withNext: Float32Array;
  private readonly withPrev: Float32Array;
  private readonly withNeg: Float32Array;
  private readonly withClause: Float32Array;
  /** Per anchor word: the largest of its `withClause` weights (a bound that spares the look-ahead). */
  private readonly maxClause: Float32Array;
  private readonly hash: Uint32Array;
  private readonly small: Float32Array;
  /**
   * The content tagger's weights of its features over small codes (`contentScores`), read from this table instead of
   * probing the model's hash table: distance (DIST), state (STATE), class × distance (CLASS_DIST), class × last
   * (CLASS_LAST), inside a quotation (IN_QUOTE), at the offsets CONTENT_*.
   */
  readonly contentSmall: Float32Array;

  constructor(
    readonly vocabulary: readonly string[],
    readonly cue: LinearModel,
    readonly content: LinearModel,
    readonly accept: LinearModel,
    readonly params: CueParams,
  ) {
    this.kinds = new Map();
    const anchors = vocabulary.filter((w) => !FUNCTION_WORDS.has(w));
    for (const w of vocabulary) this.kinds.set(w, -1);
    anchors.forEach((w, i) => this.kinds.set(w, i));
    this.filter = wordFilter(vocabulary);
    this.anchorFilter = wordFilter(anchors);
    const n = anchors.length;
    this.hash = new Uint32Array(n);
    this.prior = new Float64Array(n);
    this.withNext = new Float32Array(n * CLASSES);
    this.withPrev = new Float32Array(n * CLASSES);
    this.withNeg = new Float32Array(n * 2);
    this.withClause = new Float32Array(n * CLAUSE_CODES);
    this.maxClause = new Float32Array(n);
    const wt = (id: number) => cue.weight(id);
    anchors.forEach((word, i) => {
      const h = hashString(word) || 1;
      this.hash[i] = h;
      this.prior[i] = wt(1) + wt(f1(2, h)) + wt(f1(9, suffixHash(word)));
      for (let c = 0; c < CLASSES; c++) {
        this.withNext[i * CLASSES + c] = wt(f2(14, h, c));
        this.withPrev[i * CLASSES + c] = wt(f2(15, h, c));
      }
      for (let g = 0; g < 2; g++) this.withNeg[i * 2 + g] = wt(f2(16, g, h)) + wt(NEG[g]!);
      for (let c = 0; c < CLAUSE_CODES; c++) this.withClause[i * CLAUSE_CODES + c] = wt(f2(24, h, c)) + wt(CLAUSE_AFTER[c]!);
      this.maxClause[i] = Math.max(...this.withClause.subarray(i * CLAUSE_CODES, (i + 1) * CLAUSE_CODES));
    });
    // Class of the next token, of the previous one, capitalisation × sentence start.
    this.small = new Float32Array(2 * CLASSES + 4);
    for (let c = 0; c < CLASSES; c++) {
      this.small[c] = wt(CLASS_NEXT[c]!);
      this.small[CLASSES + c] = wt(CLASS_PREV[c]!);
    }
    for (let c = 0; c < 4; c++) this.small[2 * CLASSES + c] = wt(CAP_START[c]!);
    this.contentSmall = new Float32Array(CONTENT_SMALL_SIZE);
    const cw = (id: number) => content.weight(id);
    DIST.forEach((id, i) => (this.contentSmall[CONTENT_DIST + i] = cw(id)));
    STATE.forEach((id, i) => (this.contentSmall[CONTENT_STATE + i] = cw(id)));
    CLASS_DIST.forEach((id, i) => (this.contentSmall[CONTENT_CLASS_DIST + i] = cw(id)));
    CLASS_LAST.forEach((id, i) => (this.contentSmall[CONTENT_CLASS_LAST + i] = cw(id)));
    IN_QUOTE.forEach((id, i) => (this.contentSmall[CONTENT_IN_QUOTE + i] = cw(id)));
  }

  /**
   * The cue detector's score of token k whose word is anchor `i` (`kinds`):
   * the same sum as scoring `cueFeatures`, with the word's own weights read
   * from the folded tables (five table probes instead of fifteen). With a
   * `floor`, a token that cannot score above it whatever follows it is not
   * looked ahead of (`clauseAfter`): its score is then only a bound, at most `floor`.
   */
  fastCueScore(ctx: QuoteContext, k: number, i: number, hs: Uint32Array = hashesOf(ctx), floor = -Infinity): number {
    const { lower } = ctx;
    const w = this.hash[i]!;
    const p1 = wordHash(ctx, hs, k - 1);
    const n1 = wordHash(ctx, hs, k + 1);
    const nc = tokenClass(ctx, k + 1);
    const pc = tokenClass(ctx, k - 1);
    const sentStart = ctx.doc.sentences[ctx.doc.tokens[k]!.sentence]!.tokenStart === k ? 1 : 0;
    let neg = 0;
    for (let j = k - 1; j >= 0 && j >= k - 3; j--) if (isNegation(lower[j]!)) neg = 1;
    const m = this.cue;
    const s =
      this.prior[i]! +
      this.withNext[i * CLASSES + nc]! +
      this.withPrev[i * CLASSES + pc]! +
      this.withNeg[i * 2 + neg]! +
      this.small[nc]! +
      this.small[CLASSES + pc]! +
      this.small[2 * CLASSES + ctx.cap[k]! * 2 + sentStart]! +
      m.weight(f1(3, p1)) +
      m.weight(f1(4, n1)) +
      m.weight(f2(7, p1, w)) +
      m.weight(f2(8, w, n1)) +
      m.weight(f3(19, pc, w, nc));
    if (s + this.maxClause[i]! <= floor) return s + this.maxClause[i]!;
    return s + this.withClause[i * CLAUSE_CODES + clauseAfter(ctx, k)]!;
  }

  withParams(p: Partial<CueParams>): CueModel {
    return new CueModel(this.vocabulary, this.cue, this.content, this.accept, { ...this.params, ...p });
  }

  static fromBytes(bytes: Uint8Array): CueModel {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== MAGIC) throw new Error('not a cue model file (expected "AEC1")');
    const nv = view.getUint32(4, true);
    const words = new TextDecoder().decode(bytes.subarray(8, 8 + nv));
    const cue = LinearModel.read(view, 8 + nv);
    const content = LinearModel.read(view, cue.next);
    const accept = LinearModel.read(view, content.next);
    let o = accept.next;
    const p: number[] = [];
    for (let i = 0; i < PARAM_COUNT; i++, o += 4) p.push(view.getFloat32(o, true));
    if (o !== bytes.byteLength) throw new Error(`cue model file has ${bytes.byteLength - o} trailing bytes`);
    return new CueModel(words ? words.split('\n') : [], cue.model, content.model, accept.model, { detect: p[0]!, keep: p[1]!, add: p[2]!, contentBias: p[3]!, keepUnseen: p[4]!, minSpeaker: p[5]!, accept: p[6]!, clause: p[7]! });
  }

  toBytes(): Uint8Array {
    const words = new TextEncoder().encode(this.vocabulary.join('\n'));
    const size = 8 + words.length + this.cue.byteLength() + this.content.byteLength() + this.accept.byteLength() + 4 * PARAM_COUNT;
    const bytes = new Uint8Array(size);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, MAGIC, true);
    view.setUint32(4, words.length, true);
    bytes.set(words, 8);
    let o = this.cue.write(view, 8 + words.length);
    o = this.content.write(view, o);
    o = this.accept.write(view, o);
    const p = this.params;
    for (const x of [p.detect, p.keep, p.add, p.contentBias, p.keepUnseen, p.minSpeaker, p.accept, p.clause]) {
      view.setFloat32(o, x, true);
      o += 4;
    }
    return bytes;
  }

  /** 1: a vocabulary word that can anchor a cue; 2: a function word of the vocabulary; 0: not in it. */
  kindAt(ctx: QuoteContext, k: number): number {
    if (!this.filter.mayHaveSig(ctx.index.sig[k]!)) return 0;
    const i = this.kinds.get(ctx.lower[k]!);
    return i === undefined ? 0 : i >= 0 ? NOT_FUNCTION : FUNCTION;
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

/** Per-context lazy word hashes (0: not computed yet), kept on the context. */
export function hashesOf(ctx: QuoteContext): Uint32Array {
  return (ctx.hashes ??= new Uint32Array(ctx.lower.length));
}

export function wordHash(ctx: QuoteContext, hs: Uint32Array, k: number): number {
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

// Signed ids (`mixS`: no heap number per call when not inlined): every one is stored into a Uint32Array or looked up
// by `LinearWeights.weight`, which compares it unsigned, so the ids are the same as `mix`'s.
const f1 = (t: number, a: number) => mixS(t, a);
const f2 = (t: number, a: number, b: number) => mixS(mixS(t, a), b);
const f3 = (t: number, a: number, b: number, c: number) => mixS(mixS(mixS(t, a), b), c);

const NEGATION = new Set(['not', "n't", 'n’t', 'never', 'no']);
/**
 * A negation word. Every one starts with "n": one character read rejects nearly every token before the Set look-up
 * (three per scored token, before each cue word).
 */
function isNegation(w: string): boolean {
  return w.charCodeAt(0) === 0x6e && NEGATION.has(w);
}
const suffixHashes = new Map<string, number>();
/** Hash of the word's last three characters (memoised by word: cue words are few). */
export function suffixHash(w: string): number {
  let h = suffixHashes.get(w);
  if (h === undefined) suffixHashes.set(w, (h = hashString(w.length > 3 ? w.slice(-3) : w, 0x1234567)));
  return h;
}

/** Number of feature ids of a token as a cue. */
export const CUE_FEATURES = 17;

/** Ids of the features over small codes, computed once: table[code]. */
const table = (t: number, n: number) => Uint32Array.from({ length: n }, (_, i) => f1(t, i));
/** Token classes (`tokenClass`): 0–11. */
const CLASSES = 12;
const CLASS_NEXT = table(12, 12);
const CLASS_PREV = table(13, 12);
const CAP_START = table(10, 4);
const NEG = table(17, 2);

/** Features of token `k` as a reporting cue, written to out[0..CUE_FEATURES). */
export function cueFeatures(ctx: QuoteContext, k: number, out: Uint32Array): void {
  const hs = hashesOf(ctx);
  const { lower } = ctx;
  const w = wordHash(ctx, hs, k);
  const p1 = wordHash(ctx, hs, k - 1);
  const n1 = wordHash(ctx, hs, k + 1);
  const nc = tokenClass(ctx, k + 1);
  const pc = tokenClass(ctx, k - 1);
  const sentStart = ctx.doc.sentences[ctx.doc.tokens[k]!.sentence]!.tokenStart === k ? 1 : 0;
  const cap = ctx.cap[k]!;
  let neg = 0;
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) if (isNegation(lower[j]!)) neg = 1;
  out[0] = 1;
  out[1] = f1(2, w);
  out[2] = f1(3, p1);
  out[3] = f1(4, n1);
  out[4] = f2(7, p1, w);
  out[5] = f2(8, w, n1);
  out[6] = f1(9, suffixHash(lower[k]!));
  out[7] = CAP_START[cap * 2 + sentStart]!;
  out[8] = CLASS_NEXT[nc]!;
  out[9] = CLASS_PREV[pc]!;
  out[10] = f2(14, w, nc);
  out[11] = f2(15, w, pc);
  out[12] = f2(16, neg, w);
  out[13] = NEG[neg]!;
  out[14] = f3(19, pc, w, nc);
  const ca = clauseAfter(ctx, k);
  out[15] = CLAUSE_AFTER[ca]!;
  out[16] = f2(24, w, ca);
}

/** Auxiliaries and modals: a finite verb without a tagger. */
const FINITE_WORDS = ['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'do', 'does', 'did', "'re", '’re', "'ve", '’ve', "'ll", '’ll', "'d", '’d', "n't", 'n’t'];
const FINITE = new Set(FINITE_WORDS);
const FINITE_SIG = wordFilter(FINITE_WORDS);
/** Codes of `clauseAfter`. */
const CLAUSE_CODES = 3;
const CLAUSE_AFTER = table(25, CLAUSE_CODES);

/**
 * Whether a clause seems to follow the cue word at k, from the few words after it (up to a stop): 1 an
 * auxiliary or modal, 2 else a lowercase past form in -ed ("polls show most voters are …", "reported
 * investigators obtained …"), 0 neither ("show the way", "reported earnings"). The word right after the
 * cue does not count (its object or particle). Signature tests first: most tokens cost an array read.
 */
export function clauseAfter(ctx: QuoteContext, k: number): number {
  const { lower, cap } = ctx;
  const sig = ctx.index.sig;
  const end = Math.min(lower.length, k + 9);
  let past = 0;
  for (let j = k + 2; j < end; j++) {
    const w = lower[j]!;
    if (w.length === 1 && (w === '.' || w === ';' || w === ':' || w === '"' || w === '“' || w === '”')) break;
    if (FINITE_SIG.mayHaveSig(sig[j]!) && FINITE.has(w)) return 1;
    if (!past && w.length > 4 && !cap[j] && w.charCodeAt(w.length - 1) === 100 && w.charCodeAt(w.length - 2) === 101) past = 2;
  }
  return past;
}

/** Words after a comma that start the author's own addition, not the reported content. */
const CLAUSE_BREAKS = new Set(['which', 'who', 'while', 'although', 'though', 'whereas', 'but', 'and', 'according', 'as', 'because', 'after', 'when', 'where']);

export const distBucket = (d: number) => (d <= 3 ? d : d <= 5 ? 4 : d <= 10 ? 5 : d <= 20 ? 6 : 7);
export const countBucket = (n: number) => (n > 3 ? 3 : n);

/** Feature ids per content token. */
export const CONTENT_FEATURES = 12;
/** The content is sought in at most this many tokens after the cue (within its sentence). */
export const CONTENT_REACH = 30;

const DIST = table(101, 8);
const STATE = table(115, 64);
const IN_QUOTE = table(112, 2);
const CLASS_DIST = Uint32Array.from({ length: 12 * 8 }, (_, i) => f2(119, i >> 3, i & 7));
const CLASS_LAST = Uint32Array.from({ length: 12 * 2 }, (_, i) => f2(113, i >> 1, i & 1));
/** Offsets of those tables' weights in CueModel.contentSmall. */
const CONTENT_DIST = 0;
const CONTENT_STATE = CONTENT_DIST + DIST.length;
const CONTENT_CLASS_DIST = CONTENT_STATE + STATE.length;
const CONTENT_CLASS_LAST = CONTENT_CLASS_DIST + CLASS_DIST.length;
const CONTENT_IN_QUOTE = CONTENT_CLASS_LAST + CLASS_LAST.length;
const CONTENT_SMALL_SIZE = CONTENT_IN_QUOTE + IN_QUOTE.length;

/** The window the content of the cue ending at token `ce` is sought in: [ce, to). */
export function contentWindow(ctx: QuoteContext, ce: number): number {
  const S = ctx.doc.sentences[ctx.doc.tokens[ce - 1]!.sentence]!;
  return Math.min(S.tokenEnd, ce + CONTENT_REACH);
}

/** The state bits of what lies between the cue and a token: commas (0–3), a "that", a clause break, another cue word, a quotation. */
const THAT = 1 << 2;
const BREAK = 1 << 3;
const CUE = 1 << 4;
const QUOTE = 1 << 5;

/** The state after token k (of class `cls`) of the content window of the cue ending at `ce`. */
function afterToken(ctx: QuoteContext, model: { kindAt(ctx: QuoteContext, k: number): number }, ce: number, k: number, cls: number, state: number): number {
  const lw = ctx.lower[k]!;
  const commas = state & 3;
  if (lw === ',') state = (state & ~3) | (commas < 3 ? commas + 1 : 3);
  else if (lw === 'that' && k - ce < 6) state |= THAT;
  else if (k > 0 && ctx.lower[k - 1] === ',' && CLAUSE_BREAKS.has(lw)) state |= BREAK;
  if (!(state & CUE) && k > ce && model.kindAt(ctx, k) !== 0) state |= CUE;
  if (cls === 1) state |= QUOTE;
  return state;
}

/**
 * Features of every token of [ce, to) as content of the cue ending at `ce`,
 * CONTENT_FEATURES ids per token at (k − ce) · CONTENT_FEATURES. What lies
 * between the cue and a token (commas, "that", a clause break, another cue
 * word, a quotation mark) is accumulated walking away from the cue: one pass.
 */
export function contentFeatureRows(ctx: QuoteContext, model: { kindAt(ctx: QuoteContext, k: number): number }, ce: number, to: number, out: Uint32Array): void {
  const hs = hashesOf(ctx);
  const { lower, quoteOf } = ctx;
  const cueWord = wordHash(ctx, hs, ce - 1);
  const byCue = f1(106, cueWord);
  const stateByCue = f1(116, cueWord);
  const thatByCue = [f2(120, cueWord, 0), f2(120, cueWord, 1)];
  let state = 0;
  let prev = cueWord;
  let w = wordHash(ctx, hs, ce);
  let o = 0;
  for (let k = ce; k < to; k++) {
    const next = wordHash(ctx, hs, k + 1);
    const db = distBucket(k - ce + 1);
    const cls = tokenClass(ctx, k);
    out[o++] = DIST[db]!;
    out[o++] = f1(102, w);
    out[o++] = f1(103, prev);
    out[o++] = f1(104, next);
    out[o++] = mixS(byCue, db);
    out[o++] = STATE[state]!;
    out[o++] = mixS(stateByCue, state);
    out[o++] = f2(118, w, db);
    out[o++] = CLASS_DIST[cls * 8 + db]!;
    out[o++] = CLASS_LAST[cls * 2 + (k + 1 >= to ? 1 : 0)]!;
    out[o++] = thatByCue[(state & THAT) >> 2]!;
    out[o++] = IN_QUOTE[quoteOf[k]! >= 0 ? 1 : 0]!;
    state = afterToken(ctx, model, ce, k, cls, state);
    prev = w;
    w = next;
  }
}

/**
 * The content tagger's score of every token of [ce, to), plus `bias`, into out[0..to − ce): the sum, in the same
 * order, of the weights of the ids `contentFeatureRows` writes (so the same number as `model.content.score` of its
 * rows), with the features over small codes read from `model.contentSmall` and the cue's two "that" ids probed once,
 * not per token: half the table probes of scoring the rows.
 */
export function contentScores(ctx: QuoteContext, model: CueModel, ce: number, to: number, bias: number, out: Float64Array): void {
  const hs = hashesOf(ctx);
  const { lower, quoteOf } = ctx;
  const m = model.content;
  const small = model.contentSmall;
  const cueWord = wordHash(ctx, hs, ce - 1);
  const byCue = f1(106, cueWord);
  const stateByCue = f1(116, cueWord);
  const thatW0 = m.weight(f2(120, cueWord, 0));
  const thatW1 = m.weight(f2(120, cueWord, 1));
  let state = 0;
  let prev = cueWord;
  let w = wordHash(ctx, hs, ce);
  for (let k = ce; k < to; k++) {
    const next = wordHash(ctx, hs, k + 1);
    const db = distBucket(k - ce + 1);
    const cls = tokenClass(ctx, k);
    let s = 0;
    s += small[CONTENT_DIST + db]!;
    s += m.weight(f1(102, w));
    s += m.weight(f1(103, prev));
    s += m.weight(f1(104, next));
    s += m.weight(mixS(byCue, db));
    s += small[CONTENT_STATE + state]!;
    s += m.weight(mixS(stateByCue, state));
    s += m.weight(f2(118, w, db));
    s += small[CONTENT_CLASS_DIST + cls * 8 + db]!;
    s += small[CONTENT_CLASS_LAST + cls * 2 + (k + 1 >= to ? 1 : 0)]!;
    s += state & THAT ? thatW1 : thatW0;
    s += small[CONTENT_IN_QUOTE + (quoteOf[k]! >= 0 ? 1 : 0)]!;
    out[k - ce] = s + bias;
    state = afterToken(ctx, model, ce, k, cls, state);
    prev = w;
    w = next;
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

/**
 * A capitalised word inside a sentence ("Tuesday", "Congress", "Says" in a
 * title) is no cue: only lowercase words and sentence-initial ones are scored.
 */
export function maySpeak(ctx: QuoteContext, k: number): boolean {
  return !ctx.cap[k] || ctx.doc.sentences[ctx.doc.tokens[k]!.sentence]!.tokenStart === k || !ctx.word[k - 1];
}

/** The detected cues. */
export interface CueScores {
  cues: DetectedCue[];
}

const BUF = new Uint32Array(CUE_FEATURES);

/**
 * Scores the vocabulary tokens outside quotation marks and outside `skip`
 * (function words excepted: they never make a cue alone) and takes those above the detection
 * threshold as cues, adjacent ones joined ("called on"), "according" with
 * its "to".
 *
 * @example
 * detectCues(model, ctx) // 'Smith argued the plan failed.' → [{ tokenStart: 1, tokenEnd: 2, score: … }]
 */
export function detectCues(model: CueModel, ctx: QuoteContext, skip: Uint8Array | null = null): CueScores {
  const n = ctx.lower.length;
  const threshold = model.params.detect;
  const sig = ctx.index.sig;
  const { anchorFilter, kinds } = model;
  const { quoteOf, lower } = ctx;
  const hs = hashesOf(ctx);
  const cues: DetectedCue[] = [];
  let cur: DetectedCue | null = null;
  for (let k = 0; k < n; k++) {
    if (!anchorFilter.mayHaveSig(sig[k]!) || quoteOf[k]! >= 0 || (skip && skip[k]) || !maySpeak(ctx, k)) continue;
    const i = kinds.get(lower[k]!);
    if (i === undefined || i < 0) continue;
    const s = model.fastCueScore(ctx, k, i, hs, threshold);
    if (s <= threshold) continue;
    if (cur && cur.tokenEnd === k) {
      cur.tokenEnd = k + 1;
      if (s > cur.score) cur.score = s;
      continue;
    }
    cur = { tokenStart: k, tokenEnd: k + 1, score: s };
    if (lower[k] === 'according' && lower[k + 1] === 'to') cur.tokenEnd = k + 2;
    cues.push(cur);
  }
  return { cues };
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

let SCORES = new Float64Array(CONTENT_REACH);

/** The content of the cue ending at token `ce`: the tagger's best run after it, as tokens [tokenStart, tokenEnd), or null. */
export function contentOf(model: CueModel, ctx: QuoteContext, ce: number): { tokenStart: number; tokenEnd: number } | null {
  const to = contentWindow(ctx, ce);
  const n = to - ce;
  if (n <= 0) return null;
  if (SCORES.length < n) SCORES = new Float64Array(n);
  contentScores(ctx, model, ce, to, model.params.contentBias, SCORES);
  const r = bestRun(SCORES, 0, n);
  return r ? { tokenStart: r.start + ce, tokenEnd: r.end + ce } : null;
}

/** The best cue score of the tokens [from, to) (−Infinity when none is a vocabulary word that can anchor a cue). */
export function cueScore(model: CueModel, ctx: QuoteContext, from: number, to: number): number {
  let best = -Infinity;
  const { sig } = ctx.index;
  for (let k = from; k < to; k++) {
    // (`kindAt` is NOT_FUNCTION exactly for an anchor word, index ≥ 0: one look-up gives both.)
    if (!model.filter.mayHaveSig(sig[k]!)) continue;
    const i = model.kinds.get(ctx.lower[k]!);
    if (i === undefined || i < 0) continue;
    const s = model.fastCueScore(ctx, k, i);
    if (s > best) best = s;
  }
  return best;
}
