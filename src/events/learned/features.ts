/**
 * Features of the learned event components, shared by training and run time so
 * the two can never disagree. Each token's word parts (lowercase form, crude
 * stem, shape, affixes) are hashed once per article; a feature id is a template
 * id mixed with those hashes (as in the entity recogniser).
 */
import { hashString, mix, mixS } from '../../entities/hash.js';
import { TRIGGERS } from '../lexicon.js';
import { formHashesInto } from '../../text/form-hash.js';
import type { LinearModel } from './linear-model.js';
import type { TimeSpan, TokenSpan, TokenView } from './tokens.js';

/** Single words of the type lexicon: a feature of the mention detector (the corpus decides how much it counts). */
const LEXICON_WORDS = new Set(TRIGGERS.flatMap((c) => `${c.verbs} ${c.nouns}`.split(/\s+/)).filter((w) => w && !w.includes('_')));

const BOS = hashString('<s>');
const EOS = hashString('</s>');

const enum T {
  Bias = 1, Lower, Stem, Word, Shape, Suf2, Suf3, Suf4, Pre3, Prev, Next, Prev2, Next2, PrevCur, CurNext,
  PrevStem, NextStem, Lexicon, Aux, CapMid, Initial, PrevShape, NextShape, ToBefore, DetBefore, PrevSuf2, NextSuf2,
  // factuality
  FBias = 40, FLower, FStem, FClass, FBack, FBack1, FBack2, FNeg, FModal, FInf, FGovTo, FPrevEv, FPrevEvClass, FPrevEvThat,
  FRepAfter, FRepBefore, FCond, FCancel, FQuote, FFirst, FClassPrev1, FWill, FThat, FRepAfterComma, FNegModal, FCancelNoun,
  // anchoring
  ABias = 80, ANone, ANoneClass, ANoneStem, ADir, ADist, ADirDist, AEvBetween, ARepBetween, AClass, AStem, APrep, AFirst, AType,
  ACloserOther, AThatBetween, ACommaBetween, AClassDir, APrepClass, ADirType, AQuoteBetween, AStemDir, ARepClassDir,
}

const f1 = (t: T, a: number) => mix(t, a);
// The inner mix signed (no heap number when not inlined): `mix` reads only its 32 bits, so the id is the same.
const f2 = (t: T, a: number, b: number) => mix(mixS(t, a), b);

function shapeOf(w: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < w.length && i < 12; i++) {
    const c = w[i]!;
    const s = c >= '0' && c <= '9' ? 'd' : c.toLowerCase() !== c ? 'X' : c.toUpperCase() !== c ? 'x' : c;
    if (s !== last) out += s;
    last = s;
  }
  return out;
}

/** A crude stem, enough to share evidence between "attacked", "attacks" and "attacking". */
export function stemOf(lower: string): string {
  const n = lower.length;
  if (n > 5 && lower.endsWith('ies')) return lower.slice(0, -3) + 'y';
  if (n > 5 && lower.endsWith('ied')) return lower.slice(0, -3) + 'y';
  if (n > 5 && lower.endsWith('ing')) return lower.slice(0, -3);
  if (n > 4 && lower.endsWith('ed')) return lower.slice(0, -2);
  if (n > 3 && lower.endsWith('es') && /(?:ss|sh|ch|x)es$/.test(lower)) return lower.slice(0, -2);
  if (n > 3 && lower.endsWith('s') && !lower.endsWith('ss') && !lower.endsWith('us')) return lower.slice(0, -1);
  if (n > 4 && lower.endsWith('e')) return lower.slice(0, -1);
  return lower;
}

const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '`', '``']);
const AUX = new Set(['has', 'have', 'had', 'having', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'did', 'do', 'does', "'s", '’s', "'ve", "'d", "n't", 'not', 'to']);
const DET = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', "'s", '’s']);

/**
 * Closed-class words the mention detector does not score: in TimeBank, AQUAINT
 * and MEANTIME each is an event in under 1% of its occurrences (most never),
 * and together they are about a third of a news text's words. Particles that
 * continue an event ("take over", "set up") and auxiliaries (copular events)
 * are not among them. Lexicon words are always scored.
 */
const NOT_CANDIDATES = new Set([
  'the', 'a', 'an', 'to', 'of', 'in', 'and', 'or', 'but', 'nor', 'that', 'for', 'on', 'it', 'from', 'with', 'at', 'by', 'as', 'into', 'than',
  'he', 'she', 'his', 'her', 'its', 'they', 'their', 'we', 'our', 'i', 'us', 'him', 'them', 'you', 'your', 'my', 'me', 'who', 'whom', 'whose', 'which', 'what',
  'this', 'these', 'those', 'also', 'not', "n't", 'n’t', 'if', 'no', 'some', 'any', 'would', 'could', 'can', 'may', 'should', 'must', 'might', 'shall',
  'against', 'because', 'before', 'after', 'during', 'since', 'until', 'between', 'among', 'about', 'while', 'where', 'when', 'whether', 'how', 'although', 'though',
  'now', 'only', 'just', 'still', 'even', 'very', 'so', 'then', 'however', 'such', 'each', 'both', 'many', 'most', 'much', 'another', 'other', "'s", '’s',
]);

/**
 * What the event features need of one word form, computed once per form and
 * process (forms repeat: Zipf): its hashed parts and word-class flags. What the
 * mention detector reads of every token is also kept in the form's slot of the
 * form table (see FormTable), so its loops never touch these objects.
 */
export interface Form {
  /** HOT_* bits: what the detector's loop tests of the word. */
  hot: number;
  /** Starts with a letter. */
  alpha: number;
  opener: number;
  /** What the factuality and anchoring features test the word for: a KIND_* code and NEGATOR / MODAL / CANCEL bits. */
  kind: number;
  bits: number;
  /** Cue bits of factuality.ts's cue lists, computed there on first use (−1 until then). */
  cues: number;
  lowerH: number;
  /** The form as written. */
  text: string;
  lower: string;
  stemH: number;
  wordH: number;
  shapeH: number;
  suf2H: number;
  suf3H: number;
  suf4H: number;
  pre3H: number;
  /** The lowercase word is a trigger of the type lexicon. */
  inLexicon: number;
  /** The mention detector scores it (a word, not a closed-class one; see NOT_CANDIDATES). */
  candidate: number;
  aux: number;
  det: number;
}

/** Form.hot bits. */
const HOT_CANDIDATE = 1;
const HOT_AUX = 2;
const HOT_DET = 4;
/** The word "to" (infinitival, before the token). */
const HOT_TO = 8;
const HOT_LEXICON = 16;

/** Row order in Form.rows: the word itself (not sentence-initial / initial), and as the word before, two before, after, two after. */
const OWN0 = 0;
const OWN1 = 1;
const PREV = 2;
const PREV2 = 3;
const NEXT = 4;
const NEXT2 = 5;
const ROWS = 6;

const KIND_THAT = 1;
const KIND_COMMA = 2;
const KIND_SEMI = 3;
const KIND_QUOTE = 4;
const KIND_COND = 5;
const NEGATOR = 1;
const MODAL = 2;
const CANCEL = 4;

function newForm(w: string): Form {
  const lw = w.toLowerCase();
  // Hashes kept as int32 (`| 0`): small integers stay unboxed in the object; every use mixes them, where int32 and
  // uint32 give the same ids.
  const lowerH = hashString(lw) | 0;
  const c = w.charCodeAt(0);
  const alpha = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && /^\p{L}/u.test(w)) ? 1 : 0;
  const inLexicon = LEXICON_WORDS.has(lw) ? 1 : 0;
  const candidate = alpha && (inLexicon || !NOT_CANDIDATES.has(lw)) ? 1 : 0;
  const aux = AUX.has(lw) ? 1 : 0;
  const det = DET.has(lw) ? 1 : 0;
  return {
    hot: (candidate ? HOT_CANDIDATE : 0) | (aux ? HOT_AUX : 0) | (det ? HOT_DET : 0) | (lw === 'to' ? HOT_TO : 0) | (inLexicon ? HOT_LEXICON : 0),
    alpha,
    opener: OPENERS.has(w) ? 1 : 0,
    kind: lw === 'that' ? KIND_THAT : w === ',' ? KIND_COMMA : w === ';' ? KIND_SEMI : QUOTE_MARKS.has(w) ? KIND_QUOTE : CONDITIONALS.has(lw) ? KIND_COND : 0,
    bits: (NEGATORS.has(lw) ? NEGATOR : 0) | (MODALS.has(lw) ? MODAL : 0) | (CANCEL_WORDS.test(lw) ? CANCEL : 0),
    cues: -1,
    lowerH,
    text: w,
    lower: lw,
    stemH: hashString(stemOf(lw)) | 0,
    wordH: w === lw ? lowerH : hashString(w) | 0,
    shapeH: hashString(shapeOf(w)) | 0,
    suf2H: lw.length > 3 ? hashString(lw.slice(-2)) | 0 : 0,
    suf3H: lw.length > 4 ? hashString(lw.slice(-3)) | 0 : 0,
    suf4H: lw.length > 5 ? hashString(lw.slice(-4)) | 0 : 0,
    pre3H: lw.length > 4 ? hashString(lw.slice(0, 3)) | 0 : 0,
    inLexicon,
    candidate,
    aux,
    det,
  };
}

/** Words per slot of the form table, and what each holds. */
const STRIDE = 8;
const S_H0 = 0; // first hash of the form (0: empty slot)
const S_H1 = 1; // second hash
const S_INDEX = 2; // index of the Form in the table's list
const S_LOWER = 3; // Form.lowerH
const S_BITS = 4; // Form.hot | Form.kind << 8 | Form.opener << 12
const S_ROW = 5; // offset of the form's score rows in the row pool (see rowsOf), valid while S_EPOCH is the pool's epoch
const S_EPOCH = 6;
const S_MARGIN = 7; // (as a float) the own row's best event score minus its "no event" score, for the gate

/**
 * Word forms → Form, an open-addressing table keyed by two independent 32-bit
 * hashes of the form side by side (as the entity recogniser's word table): a hit
 * is decided on the 64 bits, never by comparing strings. A slot (32 bytes) also
 * holds everything the mention detector reads of a token (lowercase hash,
 * word-class bits, the offset of its cached score rows, its own margin), so a
 * token costs one slot read; the Form object itself is read only by the
 * factuality and anchoring features, of the few words around a mention. Emptied
 * between articles once it holds MAX_FORMS forms (memory stays bounded), and
 * grown when one article alone brings more forms than half its slots.
 */
class FormTable {
  private static readonly SLOTS = 1 << 17;
  private static readonly MAX_FORMS = 80000;
  slots = FormTable.SLOTS;
  data = new Int32Array(STRIDE * FormTable.SLOTS);
  margins = new Float32Array(this.data.buffer);
  /** The Forms, by S_INDEX. A new array when emptied: WordInfos made before keep theirs. */
  list: Form[] = [];
  /** Changes whenever slots move (emptied or grown): slot indices taken before are stale. */
  version = 0;
  /** Slots of one-character ASCII tokens (punctuation, mostly), by character code: no hashing (−1: not yet). */
  private readonly single = new Int32Array(128).fill(-1);

  /** Empties the table when it holds MAX_FORMS forms (between articles, never during one). */
  trim(): void {
    if (this.list.length < FormTable.MAX_FORMS) return;
    this.slots = FormTable.SLOTS;
    this.data = new Int32Array(STRIDE * this.slots);
    this.margins = new Float32Array(this.data.buffer);
    this.list = [];
    this.single.fill(-1);
    this.version++;
  }

  /** The slot of form `w`, added when new. */
  slotOf(w: string): number {
    if (w.length === 1) {
      const c = w.charCodeAt(0);
      if (c < 128) {
        const s = this.single[c]!;
        return s >= 0 ? s : (this.single[c] = this.find(w));
      }
    }
    return this.find(w);
  }

  /** The slot of form `w` whose hashes (`formHashesInto`) are h0 and h1, added when new. */
  slotOfHashed(w: string, h0: number, h1: number): number {
    if (w.length === 1) {
      const c = w.charCodeAt(0);
      if (c < 128) {
        const s = this.single[c]!;
        return s >= 0 ? s : (this.single[c] = this.findHashed(w, h0, h1));
      }
    }
    return this.findHashed(w, h0, h1);
  }

  private find(w: string): number {
    formHashesInto(w, HASHES0, HASHES1, 0);
    return this.findHashed(w, HASHES0[0]!, HASHES1[0]!);
  }

  private findHashed(w: string, h0: number, h1: number): number {
    const mask = this.slots - 1;
    const d = this.data;
    let s = h0 & mask;
    for (;;) {
      const k = d[STRIDE * s]!;
      if (k === 0) break;
      if (k === h0 && d[STRIDE * s + S_H1] === h1) return s;
      s = (s + 1) & mask;
    }
    if (2 * (this.list.length + 1) > this.slots) {
      this.grow();
      return this.findHashed(w, h0, h1);
    }
    const f = newForm(w);
    const o = STRIDE * s;
    d[o + S_H0] = h0;
    d[o + S_H1] = h1;
    d[o + S_INDEX] = this.list.length;
    d[o + S_LOWER] = f.lowerH;
    d[o + S_BITS] = f.hot | (f.kind << 8) | (f.opener << 12);
    d[o + S_EPOCH] = -1;
    this.list.push(f);
    return s;
  }

  /** Doubles the slots (one article with more forms than half of them: hostile or huge input). */
  private grow(): void {
    const old = this.data;
    this.slots *= 2;
    this.data = new Int32Array(STRIDE * this.slots);
    this.margins = new Float32Array(this.data.buffer);
    const mask = this.slots - 1;
    for (let o = 0; o < old.length; o += STRIDE) {
      const h0 = old[o]!;
      if (h0 === 0) continue;
      let s = h0 & mask;
      while (this.data[STRIDE * s] !== 0) s = (s + 1) & mask;
      this.data.set(old.subarray(o, o + STRIDE), STRIDE * s);
    }
    this.single.fill(-1);
    this.version++;
  }
}

const FORMS = new FormTable();
/** `FormTable.find`'s hashes of a form not hashed by the caller. */
const HASHES0 = new Int32Array(1);
const HASHES1 = new Int32Array(1);

/** Per-token facts of an article: each token's word form and whether it opens its sentence. */
export class WordInfo {
  constructor(
    /** Per token: the index of its Form in `list`. */
    private readonly index: Int32Array,
    private readonly list: readonly Form[],
    /** Per token: its slot in the form table, valid while the table's version is `version`. */
    readonly slot: Int32Array,
    readonly version: number,
    /** First token of its sentence (or right after an opening quote or bracket there). */
    readonly initial: Uint8Array,
    /** Per token, as in its Form (typed arrays, so that loops over all tokens read no object): Form.lowerH, Form.hot, Form.kind. */
    readonly lowerH: Uint32Array,
    readonly hot: Uint8Array,
    readonly kind: Uint8Array,
  ) {}

  /** The Form of token i. */
  readonly form = (i: number): Form => this.list[this.index[i]!]!;
}

export function wordInfo(
  view: TokenView,
  /** Where the per-token arrays go (15 bytes a token of zeros from `at`, a multiple of 4): the caller's buffer, or one of their own. */
  buf: ArrayBuffer = new ArrayBuffer(15 * view.texts.length),
  at = 0,
): WordInfo {
  const n = view.texts.length;
  const index = new Int32Array(buf, at, n);
  const slot = new Int32Array(buf, at + 4 * n, n);
  const lowerH = new Uint32Array(buf, at + 8 * n, n);
  const initial = new Uint8Array(buf, at + 12 * n, n);
  const hot = new Uint8Array(buf, at + 13 * n, n);
  const kind = new Uint8Array(buf, at + 14 * n, n);
  const sentence = view.sentence;
  const { formH0: h0, formH1: h1 } = view;
  FORMS.trim();
  let version: number;
  do {
    // (Once more when the table grew during the pass: the slots found before it moved.)
    version = FORMS.version;
    let opener = 0;
    for (let i = 0; i < n; i++) {
      const s = h0 !== undefined && h1 !== undefined ? FORMS.slotOfHashed(view.texts[i]!, h0[i]!, h1[i]!) : FORMS.slotOf(view.texts[i]!);
      const d = FORMS.data;
      const o = STRIDE * s;
      slot[i] = s;
      index[i] = d[o + S_INDEX]!;
      lowerH[i] = d[o + S_LOWER]!;
      const bits = d[o + S_BITS]!;
      hot[i] = bits & 0xff;
      kind[i] = (bits >> 8) & 0xf;
      const sn = sentence[i];
      if (i === 0 || sentence[i - 1] !== sn) initial[i] = 1;
      else if (opener && (i < 2 || sentence[i - 2] !== sn)) initial[i] = 1;
      opener = bits >> 12;
    }
  } while (FORMS.version !== version);
  return new WordInfo(index, FORMS.list, slot, version, initial, lowerH, hot, kind);
}

/** Features of token i for the mention detector (appended to `out`): what training sees; `scoreMentionTokens` adds the same weights by rows. */
export function mentionFeatures(view: TokenView, w: WordInfo, i: number, out: number[]): void {
  const s = view.sentence[i];
  const n = view.texts.length;
  const F = w.form;
  const f = F(i);
  const p = i > 0 && view.sentence[i - 1] === s ? i - 1 : -1;
  const p2 = p > 0 && view.sentence[p - 1] === s ? p - 1 : -1;
  const q = i + 1 < n && view.sentence[i + 1] === s ? i + 1 : -1;
  const q2 = q >= 0 && q + 1 < n && view.sentence[q + 1] === s ? q + 1 : -1;
  ownIds(f, w.initial[i]!, out);
  if (p >= 0) prevIds(F(p), out);
  else out.push(f1(T.Prev, BOS), f1(T.PrevShape, BOS));
  out.push(f1(T.Prev2, p2 >= 0 ? F(p2).lowerH : BOS));
  if (q >= 0) nextIds(F(q), out);
  else out.push(f1(T.Next, EOS), f1(T.NextShape, EOS));
  out.push(f1(T.Next2, q2 >= 0 ? F(q2).lowerH : EOS));
  contextIds(view, w, i, p, q, out);
}

/** The ids that read only the word itself (and whether it opens its sentence). */
function ownIds(f: Form, initial: number, out: number[]): void {
  out.push(T.Bias, f1(T.Lower, f.lowerH), f1(T.Stem, f.stemH), f1(T.Shape, f.shapeH));
  if (f.wordH !== f.lowerH) out.push(f1(T.Word, f.wordH), f2(T.CapMid, initial, f.shapeH));
  if (initial) out.push(T.Initial);
  if (f.inLexicon) out.push(T.Lexicon);
  if (f.suf2H) out.push(f1(T.Suf2, f.suf2H));
  if (f.suf3H) out.push(f1(T.Suf3, f.suf3H));
  if (f.suf4H) out.push(f1(T.Suf4, f.suf4H));
  if (f.pre3H) out.push(f1(T.Pre3, f.pre3H));
}

/** The ids that read only the word before. */
function prevIds(f: Form, out: number[]): void {
  out.push(f1(T.Prev, f.lowerH), f1(T.PrevShape, f.shapeH), f1(T.PrevStem, f.stemH));
  if (f.suf2H) out.push(f1(T.PrevSuf2, f.suf2H));
}

/** The ids that read only the word after. */
function nextIds(f: Form, out: number[]): void {
  out.push(f1(T.Next, f.lowerH), f1(T.NextShape, f.shapeH), f1(T.NextStem, f.stemH));
  if (f.suf2H) out.push(f1(T.NextSuf2, f.suf2H));
}

/** The ids that read two words together or a window: word pairs, the lexicon after a word, auxiliaries and determiners before. */
function contextIds(view: TokenView, w: WordInfo, i: number, p: number, q: number, out: number[]): void {
  const F = w.form;
  const cur = F(i).lowerH;
  const prevH = p >= 0 ? F(p).lowerH : BOS;
  out.push(f2(T.PrevCur, prevH, cur), f2(T.CurNext, cur, q >= 0 ? F(q).lowerH : EOS));
  if (F(i).inLexicon) out.push(f1(T.Lexicon, prevH));
  // The nearest auxiliary or infinitival "to" and the nearest determiner in the three words before.
  if (p < 0) return;
  const s = view.sentence[i];
  let aux = false;
  let det = false;
  for (let k = p; k >= i - 3 && k >= 0 && view.sentence[k] === s; k--) {
    const fk = F(k);
    if (!aux && fk.aux) {
      out.push(f2(T.Aux, fk.lowerH, i - k));
      aux = true;
    }
    if (!det && fk.det) {
      out.push(f2(T.DetBefore, fk.lowerH, i - k));
      det = true;
    }
    if (k === p && fk.lower === 'to') out.push(T.ToBefore);
  }
}

/**
 * The detector's score rows of word forms, for one model, in one pooled array
 * (a row fetch is one read of contiguous floats, no typed-array object per
 * form). The pool is emptied (a new epoch) when the model changes or it holds
 * more than POOL_FORMS forms' rows, checked only between articles.
 */
const POOL_FORMS = 60000;
const pool = { model: null as LinearModel | null, epoch: 0, rows: new Float32Array(0), used: 0, labels: 0 };
/** Rows at offset 0 of the pool: the sentence edges (no word before / after), one per position. */
const EDGE_PREV = 0;
const EDGE_PREV2 = 1;
const EDGE_NEXT = 2;
const EDGE_NEXT2 = 3;

function poolFor(model: LinearModel): void {
  if (pool.model === model && pool.used <= POOL_FORMS * ROWS * model.labels) return;
  const L = model.labels;
  pool.model = model;
  pool.epoch++;
  pool.labels = L;
  if (pool.rows.length < 4096 * L) pool.rows = new Float32Array(4096 * L);
  else pool.rows.fill(0);
  const edges = [[f1(T.Prev, BOS), f1(T.PrevShape, BOS)], [f1(T.Prev2, BOS)], [f1(T.Next, EOS), f1(T.NextShape, EOS)], [f1(T.Next2, EOS)]];
  edges.forEach((ids, r) => {
    for (const id of ids) model.addOne(id, pool.rows, r * L);
  });
  pool.used = 4 * L;
}

const ROW_IDS: number[] = [];

/** Adds the weights of `ids` to the score row at `offset`, then empties `ids`. */
function addRow(ids: number[], model: LinearModel, rows: Float32Array, offset: number): void {
  for (const id of ids) model.addOne(id, rows, offset);
  ids.length = 0;
}

/** Offset in pool.rows of the score rows of the form in slot `s` of the form table, for the pool's model (computed there). */
function rowsOf(s: number, model: LinearModel): number {
  const o = STRIDE * s;
  if (FORMS.data[o + S_EPOCH] === pool.epoch) return FORMS.data[o + S_ROW]!;
  const f = FORMS.list[FORMS.data[o + S_INDEX]!]!;
  const L = model.labels;
  const size = ROWS * L;
  if (pool.used + size > pool.rows.length) {
    const grown = new Float32Array(pool.rows.length * 2);
    grown.set(pool.rows);
    pool.rows = grown;
  }
  const at = pool.used;
  pool.used += size;
  const rows = pool.rows;
  // One row's feature ids at a time, in one reused array (a form's first use per article made six arrays).
  const ids = ROW_IDS;
  ownIds(f, 0, ids);
  addRow(ids, model, rows, at + OWN0 * L);
  ownIds(f, 1, ids);
  addRow(ids, model, rows, at + OWN1 * L);
  prevIds(f, ids);
  addRow(ids, model, rows, at + PREV * L);
  ids.push(f1(T.Prev2, f.lowerH));
  addRow(ids, model, rows, at + PREV2 * L);
  nextIds(f, ids);
  addRow(ids, model, rows, at + NEXT * L);
  ids.push(f1(T.Next2, f.lowerH));
  addRow(ids, model, rows, at + NEXT2 * L);
  let best = -Infinity;
  for (let l = 1; l < L; l++) best = Math.max(best, rows[at + OWN0 * L + l]! - rows[at + OWN0 * L]!, rows[at + OWN1 * L + l]! - rows[at + OWN1 * L]!);
  FORMS.margins[o + S_MARGIN] = best;
  FORMS.data[o + S_ROW] = at;
  FORMS.data[o + S_EPOCH] = pool.epoch;
  return at;
}

/** Per-token scratch of `scoreMentionTokens` (grown on demand, reused across articles). */
let tokRow = new Int32Array(1024);
let tokHot = new Uint8Array(1024);
/** tokHot bit: the word passes the gate (its own evidence). */
const HOT_GATE = 32;

/**
 * The mention detector's label scores for every candidate token (`Form.candidate`)
 * whose own evidence passes `gate` (see MENTION_GATE), into scores[i·labels…]:
 * the same weights `mentionFeatures` gives the model, added as five cached rows
 * per token (the word, and its neighbours at −2…+2) plus the few context ids
 * (word pairs, auxiliaries) looked up per token. scored[i] is set to 1 for each
 * token scored. A first pass copies what the second reads of each token's Form
 * (its rows' offset, lowercase hash, word-class bits) into typed arrays, so the
 * scoring loop chases no object per neighbour.
 */
export function scoreMentionTokens(model: LinearModel, view: TokenView, w: WordInfo, scores: Float32Array, scored: Uint8Array, gate = -Infinity): void {
  const n = view.texts.length;
  const L = model.labels;
  const initial = w.initial;
  const sentence = view.sentence;
  // A WordInfo made before the form table last moved (training keeps many) is looked up again for its slots.
  const slot = w.version === FORMS.version ? w.slot : wordInfo(view).slot;
  poolFor(model);
  const epoch = pool.epoch;
  if (tokRow.length < n) {
    const size = Math.max(n, 2 * tokRow.length);
    tokRow = new Int32Array(size);
    tokHot = new Uint8Array(size);
  }
  const row = tokRow;
  const low = w.lowerH;
  const hot = tokHot;
  const formHot = w.hot;
  const data = FORMS.data;
  const margins = FORMS.margins;
  for (let i = 0; i < n; i++) {
    const o = STRIDE * slot[i]!;
    row[i] = data[o + S_EPOCH] === epoch ? data[o + S_ROW]! : rowsOf(slot[i]!, model);
    const h = formHot[i]!;
    hot[i] = h & HOT_CANDIDATE && !(margins[o + S_MARGIN]! < gate) ? h | HOT_GATE : h;
  }
  const rows = pool.rows; // after rowsOf, which may grow it
  for (let i = 0; i < n; i++) {
    const h = hot[i]!;
    if ((h & (HOT_CANDIDATE | HOT_GATE)) !== (HOT_CANDIDATE | HOT_GATE)) continue;
    const s = sentence[i];
    const p = i > 0 && sentence[i - 1] === s ? i - 1 : -1;
    const p2 = p > 0 && sentence[p - 1] === s ? p - 1 : -1;
    const q = i + 1 < n && sentence[i + 1] === s ? i + 1 : -1;
    const q2 = q >= 0 && q + 1 < n && sentence[q + 1] === s ? q + 1 : -1;
    const o = row[i]! + (initial[i] ? OWN1 : OWN0) * L;
    const po = p >= 0 ? row[p]! + PREV * L : EDGE_PREV * L;
    const po2 = p2 >= 0 ? row[p2]! + PREV2 * L : EDGE_PREV2 * L;
    const no = q >= 0 ? row[q]! + NEXT * L : EDGE_NEXT * L;
    const no2 = q2 >= 0 ? row[q2]! + NEXT2 * L : EDGE_NEXT2 * L;
    const b = i * L;
    for (let l = 0; l < L; l++) scores[b + l] = rows[o + l]! + rows[po + l]! + rows[po2 + l]! + rows[no + l]! + rows[no2 + l]!;
    // The context ids (as contextIds gives them), looked up one by one.
    const cur = low[i]!;
    const prevH = p >= 0 ? low[p]! : BOS;
    model.addOne(f2(T.PrevCur, prevH, cur), scores, b);
    model.addOne(f2(T.CurNext, cur, q >= 0 ? low[q]! : EOS), scores, b);
    if (h & HOT_LEXICON) model.addOne(f1(T.Lexicon, prevH), scores, b);
    if (p >= 0) {
      let aux = false;
      let det = false;
      for (let k = p; k >= i - 3 && k >= 0 && sentence[k] === s; k--) {
        const hk = hot[k]!;
        if (!aux && hk & HOT_AUX) {
          model.addOne(f2(T.Aux, low[k]!, i - k), scores, b);
          aux = true;
        }
        if (!det && hk & HOT_DET) {
          model.addOne(f2(T.DetBefore, low[k]!, i - k), scores, b);
          det = true;
        }
        if (k === p && hk & HOT_TO) model.addOne(T.ToBefore, scores, b);
      }
    }
    scored[i] = 1;
  }
}

// ---------- factuality ----------

export const NEGATORS = new Set(['not', "n't", 'n’t', 'never', 'no', 'without', 'nor', 'neither', 'none', 'nothing', 'nobody', 'cannot']);
export const MODALS = new Set(['would', 'could', 'may', 'might', 'should', 'must', 'can', 'shall', "'d", 'ought', 'will', "'ll"]);
const CONDITIONALS = new Set(['if', 'unless', 'whether', 'should', 'lest']);
/** Counter-factive predicates ("cancelled the tour", "failed to reach"): the corpus has few examples, so a cue list adds them. */
const CANCEL_WORDS = /^(?:cancel(?:s|led|ed|ling|ing|lation)?|call(?:s|ed|ing)?_off|scrap(?:s|ped|ping)?|abandon(?:s|ed|ing)?|postpon(?:e|es|ed|ing|ement)|reject(?:s|ed|ing|ion)?|fail(?:s|ed|ing|ure)?|prevent(?:s|ed|ing)?|block(?:s|ed|ing)?|halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?|avert(?:s|ed|ing)?|thwart(?:s|ed|ing)?|foil(?:s|ed|ing)?|withdr[ae]w(?:s|n|ing)?|refus(?:e|es|ed|ing|al)|veto(?:es|ed|ing)?|shelv(?:e|es|ed|ing)|abort(?:s|ed|ing)?|collapse[sd]?|averted)$/;

export const isCancelCue = (lw: string) => CANCEL_WORDS.test(lw);
const QUOTE_MARKS = new Set(['"', '“', '”', '``', "''"]);

/** An event as the factuality and anchoring models see it: its tokens and TimeML class. */
export interface EventSpan extends TokenSpan {
  /** Index into EVENT_CLASSES. */
  cls: number;
}

const REPORTING = 1;

/**
 * An article's events with what their factuality and anchoring features ask
 * about the text around them, precomputed in one pass each so that every
 * question is answered in constant time (or by a short search): the stage stays
 * linear in the article's length, however many events a sentence holds.
 */
export interface EventContext {
  view: TokenView;
  w: WordInfo;
  /** Sorted by start. */
  events: readonly EventSpan[];
  /** Per event: first token of its sentence, and one past its last. */
  sentStart: Int32Array;
  sentEnd: Int32Array;
  /** Per event: the nearest REPORTING event before it / after it in its sentence (−1 if none). */
  repBefore: Int32Array;
  repAfter: Int32Array;
  /** Per token: 1 when inside an event. */
  covered: Uint8Array;
  /** Per token i: the last token before i that is "that" / a comma / a semicolon / a quote mark (−1 if none). */
  lastThat: Int32Array;
  lastComma: Int32Array;
  lastSemi: Int32Array;
  lastQuote: Int32Array;
  /** Per token i: quote marks among tokens 0..i−1. */
  quotesBefore: Int32Array;
  /** Per token i: the last conditional word ("if", "unless"…) before i (−1 if none), and the one before that, by token. */
  lastCond: Int32Array;
  /** Per event index j: REPORTING events among events 0..j−1. */
  repPrefix: Int32Array;
  /** The longest event, in tokens. */
  maxLen: number;
}

export function eventContext(view: TokenView, w: WordInfo, events: readonly EventSpan[]): EventContext {
  const n = view.texts.length;
  const E = events.length;
  const sentence = view.sentence;
  const kinds = w.kind;
  // One backing buffer for the per-token and per-event arrays: typed-array allocations are costly one by one.
  // (The Int32 arrays first, at offsets that are multiples of 4; the per-token bytes last.)
  const ints = 6 * (n + 1) + 5 * E + 1;
  const buf = new ArrayBuffer(4 * ints + n);
  const lastThat = new Int32Array(buf, 0, n + 1);
  const lastComma = new Int32Array(buf, 4 * (n + 1), n + 1);
  const lastSemi = new Int32Array(buf, 8 * (n + 1), n + 1);
  const lastQuote = new Int32Array(buf, 12 * (n + 1), n + 1);
  const quotesBefore = new Int32Array(buf, 16 * (n + 1), n + 1);
  const lastCond = new Int32Array(buf, 20 * (n + 1), n + 1);
  const perEvent = 24 * (n + 1);
  const sentStart = new Int32Array(buf, perEvent, E);
  const sentEnd = new Int32Array(buf, perEvent + 4 * E, E);
  const repBefore = new Int32Array(buf, perEvent + 8 * E, E);
  const repAfter = new Int32Array(buf, perEvent + 12 * E, E);
  const repPrefix = new Int32Array(buf, perEvent + 16 * E, E + 1);
  const covered = new Uint8Array(buf, 4 * ints, n);
  let th = -1;
  let co = -1;
  let se = -1;
  let qu = -1;
  let qc = 0;
  let cd = -1;
  for (let i = 0; i <= n; i++) {
    lastThat[i] = th;
    lastComma[i] = co;
    lastSemi[i] = se;
    lastQuote[i] = qu;
    quotesBefore[i] = qc;
    lastCond[i] = cd;
    if (i === n) break;
    const kind = kinds[i]!;
    if (kind === 0) continue;
    if (kind === KIND_THAT) th = i;
    else if (kind === KIND_COMMA) co = i;
    else if (kind === KIND_SEMI) se = i;
    else if (kind === KIND_QUOTE) {
      qu = i;
      qc++;
    } else cd = i;
  }
  let maxLen = 0;
  let a = 0;
  let b = 0;
  let last = -1;
  for (let k = 0; k < E; k++) {
    const e = events[k]!;
    const h = e.start;
    if (h >= b) {
      a = h;
      while (a > 0 && sentence[a - 1] === sentence[h]) a--;
      b = h + 1;
      while (b < n && sentence[b] === sentence[h]) b++;
      last = -1;
    }
    sentStart[k] = a;
    sentEnd[k] = b;
    repBefore[k] = last;
    if (e.cls === REPORTING) last = k;
    for (let t = e.start; t < e.end; t++) covered[t] = 1; // (a loop: TypedArray fill is a runtime call)
    repPrefix[k + 1] = repPrefix[k]! + (e.cls === REPORTING ? 1 : 0);
    if (e.end - e.start > maxLen) maxLen = e.end - e.start;
  }
  let next = -1;
  for (let k = E - 1; k >= 0; k--) {
    if (k + 1 < E && sentStart[k + 1] !== sentStart[k]) next = -1;
    repAfter[k] = next;
    if (events[k]!.cls === REPORTING) next = k;
  }
  return { view, w, events, sentStart, sentEnd, repBefore, repAfter, covered, lastThat, lastComma, lastSemi, lastQuote, quotesBefore, lastCond, repPrefix, maxLen };
}

/** The conditional words FCond reads: at most this many, the nearest before the event. */
const MAX_CONDITIONALS = 16;

/** Features of event k of the context for the factuality model. */
export function factualityFeatures(ctx: EventContext, k: number, out: number[]): void {
  const { w, events } = ctx;
  const F = w.form;
  const e = events[k]!;
  const h = e.start;
  const a = ctx.sentStart[k]!;
  out.push(T.FBias, f1(T.FLower, F(h).lowerH), f1(T.FStem, F(h).stemH), f1(T.FClass, e.cls));
  if (w.initial[h]) out.push(T.FFirst);
  if (h - 1 >= a) out.push(f2(T.FClassPrev1, e.cls, F(h - 1).lowerH));
  // Words before the event in its sentence: a bag of the last six and the two nearest by position.
  let neg = -1;
  let modal = -1;
  for (let j = h - 1, d = 1; j >= a && d <= 8; j--, d++) {
    const fj = F(j);
    const lw = fj.lower;
    if (d <= 6) out.push(f1(T.FBack, fj.lowerH));
    if (d === 1) out.push(f1(T.FBack1, fj.lowerH));
    if (d === 2) out.push(f1(T.FBack2, fj.lowerH));
    const bits = fj.bits;
    if (bits === 0 && lw !== 'to') continue;
    if (neg < 0 && d <= 4 && bits & NEGATOR) {
      neg = j;
      out.push(f2(T.FNeg, fj.lowerH, d));
    }
    if (modal < 0 && d <= 6 && bits & MODAL) {
      modal = j;
      out.push(f1(T.FModal, fj.lowerH));
      if (lw === 'will' || lw === "'ll") out.push(T.FWill);
    }
    if (d <= 5 && bits & CANCEL) out.push(f2(T.FCancel, fj.stemH, d <= 2 ? 1 : 2));
    if (lw === 'to' && d <= 2 && j - 1 >= a) {
      out.push(T.FInf, f1(T.FGovTo, F(j - 1).stemH));
      if (F(j - 1).bits & CANCEL) out.push(f1(T.FCancel, 7));
    }
  }
  if (neg >= 0 && modal >= 0) out.push(T.FNegModal);
  if (e.end - e.start > 1 && isCancelCue(`${F(h).lower}_${F(h + 1).lower}`)) out.push(T.FCancelNoun);
  // Conditional and quotation context in the sentence before the event.
  for (let j = ctx.lastCond[h]!, c = 0; j >= a && c < MAX_CONDITIONALS; j = ctx.lastCond[j]!, c++) {
    if (j === a || F(j).lower !== 'should') out.push(f1(T.FCond, F(j).lowerH));
  }
  if ((ctx.quotesBefore[h]! - ctx.quotesBefore[a]!) % 2 === 1) out.push(T.FQuote);
  if (ctx.lastThat[h]! >= a) out.push(T.FThat);
  // The nearest event before it in the sentence (its governor, often), and reporting events around it.
  if (k > 0 && events[k - 1]!.start >= a) {
    const p = events[k - 1]!;
    out.push(f1(T.FPrevEv, F(p.start).stemH), f2(T.FPrevEvClass, p.cls, Math.min(4, h - p.end)));
    if (ctx.lastThat[h]! >= p.end) out.push(f1(T.FPrevEvThat, p.cls));
  }
  const rb = ctx.repBefore[k]!;
  if (rb >= 0) out.push(f1(T.FRepBefore, F(events[rb]!.start).stemH));
  const ra = ctx.repAfter[k]!;
  if (ra >= 0) {
    const q = events[ra]!;
    out.push(f1(T.FRepAfter, F(q.start).stemH));
    if (Math.max(ctx.lastComma[q.start]!, ctx.lastQuote[q.start]!) >= e.end) out.push(T.FRepAfterComma);
  }
}

// ---------- date anchoring ----------

const bucket = (d: number) => (d <= 1 ? d : d <= 3 ? 2 : d <= 6 ? 3 : d <= 10 ? 4 : d <= 20 ? 5 : 6);
const TIME_TYPE_IDS: Record<TimeSpan['type'], number> = { DATE: 1, TIME: 2, DURATION: 3, SET: 4 };

/** First event index in [lo, hi) whose start is ≥ token `t`. */
function firstStartingAt(events: readonly EventSpan[], t: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.start < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Features of one candidate anchor for event k: `time` is a date or time
 * expression in the event's sentence, or null for "no anchor in the sentence";
 * `sentenceTimes` is how many candidates the sentence has.
 */
export function anchorFeatures(ctx: EventContext, k: number, time: TimeSpan | null, sentenceTimes: number, out: number[]): void {
  const { view, w, events } = ctx;
  const F = w.form;
  const e = events[k]!;
  const h = e.start;
  if (!time) {
    out.push(T.ANone, f1(T.ANoneClass, e.cls), f1(T.ANoneStem, F(h).stemH), f1(T.ANone, sentenceTimes > 2 ? 3 : sentenceTimes));
    return;
  }
  const after = time.start >= e.end;
  const dist = after ? time.start - e.end : h - time.end;
  const dir = after ? 2 : 1;
  const lo = after ? e.end : time.end;
  const hi = after ? time.start : h;
  out.push(
    T.ABias,
    f1(T.ADir, dir),
    f1(T.ADist, bucket(dist)),
    f2(T.ADirDist, dir, bucket(dist)),
    f1(T.AClass, e.cls),
    f2(T.AClassDir, e.cls, dir),
    f2(T.AStemDir, F(h).stemH, dir),
    f1(T.AFirst, F(time.start).lowerH),
    f1(T.AType, TIME_TYPE_IDS[time.type]),
    f2(T.ADirType, dir, TIME_TYPE_IDS[time.type]),
  );
  const prep = time.start > 0 && view.sentence[time.start - 1] === view.sentence[h] ? F(time.start - 1).lowerH : BOS;
  out.push(f1(T.APrep, prep), f2(T.APrepClass, prep, e.cls));
  // What lies between the event and the time: other events (reporting ones especially), "that", commas, quotes.
  // Events starting in [lo, hi) lie between unless they run past hi (only the last few can).
  const E = events.length;
  const j0 = firstStartingAt(events, lo, 0, E);
  const j1 = firstStartingAt(events, hi, j0, E);
  let between = j1 - j0;
  let reps = ctx.repPrefix[j1]! - ctx.repPrefix[j0]!;
  for (let j = j1 - 1; j >= j0 && events[j]!.start >= hi - ctx.maxLen; j--) {
    if (events[j]!.end > hi) {
      between--;
      if (events[j]!.cls === REPORTING) reps--;
    }
  }
  out.push(f1(T.AEvBetween, Math.min(3, between)));
  if (reps > 0) out.push(T.ARepBetween, f2(T.ARepClassDir, e.cls, dir));
  if (closerOther(ctx, k, time, dist)) out.push(f1(T.ACloserOther, e.cls));
  if (ctx.lastThat[hi]! >= lo) out.push(T.AThatBetween);
  if (Math.max(ctx.lastComma[hi]!, ctx.lastSemi[hi]!) >= lo) out.push(T.ACommaBetween);
  if (ctx.lastQuote[hi]! >= lo) out.push(T.AQuoteBetween);
}

/** Whether another event of k's sentence is nearer to the time than k is (at distance 0 ≤ d < dist, not overlapping it). */
function closerOther(ctx: EventContext, k: number, time: TimeSpan, dist: number): boolean {
  const events = ctx.events;
  const s = ctx.view.sentence[events[k]!.start];
  const sentence = ctx.view.sentence;
  const E = events.length;
  // After the time: the distance grows with the start, so the first one other than k decides.
  let j = firstStartingAt(events, time.end, 0, E);
  const split = j;
  for (; j < E && sentence[events[j]!.start] === s; j++) {
    if (j === k) continue;
    if (events[j]!.start - time.end < dist) return true;
    break;
  }
  // Before the time: ends that lie in (time.start − dist, time.start].
  for (j = split - 1; j >= 0 && sentence[events[j]!.start] === s && events[j]!.start >= time.start - dist - ctx.maxLen; j--) {
    if (j === k) continue;
    const od = time.start - events[j]!.end;
    if (od >= 0 && od < dist) return true;
  }
  return false;
}
