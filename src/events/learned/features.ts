/**
 * Features of the learned event components, shared by training and run time so
 * the two can never disagree. Each token's word parts (lowercase form, crude
 * stem, shape, affixes) are hashed once per article; a feature id is a template
 * id mixed with those hashes (as in the entity recogniser).
 */
import { hashString, mix } from '../../entities/hash.js';
import { TRIGGERS } from '../lexicon.js';
import type { TimeSpan, TokenSpan, TokenView } from './tokens.js';

/** Single words of the type lexicon: a feature of the mention detector (the corpus decides how much it counts). */
const LEXICON_WORDS = new Set(TRIGGERS.flatMap((c) => `${c.verbs} ${c.nouns}`.split(/\s+/)).filter((w) => w && !w.includes('_')));

/** Per-token facts computed once per article. */
export interface WordInfo {
  lower: string[];
  lowerH: Uint32Array;
  stemH: Uint32Array;
  wordH: Uint32Array;
  shapeH: Uint32Array;
  suf2H: Uint32Array;
  suf3H: Uint32Array;
  suf4H: Uint32Array;
  pre3H: Uint32Array;
  /** The lowercase word is a trigger of the type lexicon. */
  inLexicon: Uint8Array;
  /** Token starts with a letter. */
  alpha: Uint8Array;
  /** First token of its sentence (or right after an opening quote or bracket there). */
  initial: Uint8Array;
}

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
const f2 = (t: T, a: number, b: number) => mix(mix(t, a), b);

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

interface WordFacts {
  lower: string;
  lowerH: number;
  stemH: number;
  wordH: number;
  shapeH: number;
  suf2H: number;
  suf3H: number;
  suf4H: number;
  pre3H: number;
  inLexicon: number;
  alpha: number;
}

/** A word form's facts, computed once per process: word forms repeat (Zipf), hashing them again would dominate. */
const CACHE = new Map<string, WordFacts>();
const CACHE_LIMIT = 200_000;

function wordCache(w: string): WordFacts {
  let f = CACHE.get(w);
  if (f) return f;
  const lw = w.toLowerCase();
  const lowerH = hashString(lw);
  const c = w.charCodeAt(0);
  f = {
    lower: lw,
    lowerH,
    stemH: hashString(stemOf(lw)),
    wordH: w === lw ? lowerH : hashString(w),
    shapeH: hashString(shapeOf(w)),
    suf2H: lw.length > 3 ? hashString(lw.slice(-2)) : 0,
    suf3H: lw.length > 4 ? hashString(lw.slice(-3)) : 0,
    suf4H: lw.length > 5 ? hashString(lw.slice(-4)) : 0,
    pre3H: lw.length > 4 ? hashString(lw.slice(0, 3)) : 0,
    inLexicon: LEXICON_WORDS.has(lw) ? 1 : 0,
    alpha: (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && /^\p{L}/u.test(w)) ? 1 : 0,
  };
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear(); // bounded memory on hostile input
  CACHE.set(w, f);
  return f;
}

export function wordInfo(view: TokenView): WordInfo {
  const n = view.texts.length;
  const info: WordInfo = {
    lower: new Array<string>(n),
    lowerH: new Uint32Array(n),
    stemH: new Uint32Array(n),
    wordH: new Uint32Array(n),
    shapeH: new Uint32Array(n),
    suf2H: new Uint32Array(n),
    suf3H: new Uint32Array(n),
    suf4H: new Uint32Array(n),
    pre3H: new Uint32Array(n),
    alpha: new Uint8Array(n),
    inLexicon: new Uint8Array(n),
    initial: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const w = view.texts[i]!;
    const c = wordCache(w);
    info.lower[i] = c.lower;
    info.lowerH[i] = c.lowerH;
    info.stemH[i] = c.stemH;
    info.wordH[i] = c.wordH;
    info.shapeH[i] = c.shapeH;
    info.suf2H[i] = c.suf2H;
    info.suf3H[i] = c.suf3H;
    info.suf4H[i] = c.suf4H;
    info.pre3H[i] = c.pre3H;
    info.inLexicon[i] = c.inLexicon;
    info.alpha[i] = c.alpha;
    const prevSame = i > 0 && view.sentence[i - 1] === view.sentence[i];
    info.initial[i] = !prevSame || (OPENERS.has(view.texts[i - 1]!) && (i < 2 || view.sentence[i - 2] !== view.sentence[i])) ? 1 : 0;
  }
  return info;
}

const AUX = new Set(['has', 'have', 'had', 'having', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'did', 'do', 'does', "'s", '’s', "'ve", "'d", "n't", 'not', 'to']);
const DET = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', "'s", '’s']);

/** Features of token i for the mention detector (appended to `out`). */
export function mentionFeatures(view: TokenView, w: WordInfo, i: number, out: number[]): void {
  const s = view.sentence[i];
  const n = view.texts.length;
  const p = i > 0 && view.sentence[i - 1] === s ? i - 1 : -1;
  const p2 = p > 0 && view.sentence[p - 1] === s ? p - 1 : -1;
  const q = i + 1 < n && view.sentence[i + 1] === s ? i + 1 : -1;
  const q2 = q >= 0 && q + 1 < n && view.sentence[q + 1] === s ? q + 1 : -1;
  const prevH = p >= 0 ? w.lowerH[p]! : BOS;
  const nextH = q >= 0 ? w.lowerH[q]! : EOS;
  out.push(
    T.Bias,
    f1(T.Lower, w.lowerH[i]!),
    f1(T.Stem, w.stemH[i]!),
    f1(T.Shape, w.shapeH[i]!),
    f1(T.Prev, prevH),
    f1(T.Next, nextH),
    f1(T.Prev2, p2 >= 0 ? w.lowerH[p2]! : BOS),
    f1(T.Next2, q2 >= 0 ? w.lowerH[q2]! : EOS),
    f2(T.PrevCur, prevH, w.lowerH[i]!),
    f2(T.CurNext, w.lowerH[i]!, nextH),
    f1(T.PrevShape, p >= 0 ? w.shapeH[p]! : BOS),
    f1(T.NextShape, q >= 0 ? w.shapeH[q]! : EOS),
  );
  if (w.wordH[i] !== w.lowerH[i]) out.push(f1(T.Word, w.wordH[i]!), f2(T.CapMid, w.initial[i]!, w.shapeH[i]!));
  if (w.initial[i]) out.push(T.Initial);
  if (w.inLexicon[i]) out.push(T.Lexicon, f1(T.Lexicon, prevH));
  if (w.suf2H[i]) out.push(f1(T.Suf2, w.suf2H[i]!));
  if (w.suf3H[i]) out.push(f1(T.Suf3, w.suf3H[i]!));
  if (w.suf4H[i]) out.push(f1(T.Suf4, w.suf4H[i]!));
  if (w.pre3H[i]) out.push(f1(T.Pre3, w.pre3H[i]!));
  if (p >= 0) {
    out.push(f1(T.PrevStem, w.stemH[p]!));
    if (w.suf2H[p]) out.push(f1(T.PrevSuf2, w.suf2H[p]!));
  }
  if (q >= 0) {
    out.push(f1(T.NextStem, w.stemH[q]!));
    if (w.suf2H[q]) out.push(f1(T.NextSuf2, w.suf2H[q]!));
  }
  // The nearest auxiliary or infinitival "to" and the nearest determiner in the three words before.
  let aux = false;
  let det = false;
  for (let k = i - 1; k >= i - 3 && k >= 0 && view.sentence[k] === s; k--) {
    const lw = w.lower[k]!;
    if (!aux && AUX.has(lw)) {
      out.push(f2(T.Aux, w.lowerH[k]!, i - k));
      aux = true;
    }
    if (!det && DET.has(lw)) {
      out.push(f2(T.DetBefore, w.lowerH[k]!, i - k));
      det = true;
    }
    if (lw === 'to' && k === i - 1) out.push(T.ToBefore);
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

function sentenceBounds(view: TokenView, i: number): [number, number] {
  const s = view.sentence[i];
  let a = i;
  while (a > 0 && view.sentence[a - 1] === s) a--;
  let b = i + 1;
  while (b < view.texts.length && view.sentence[b] === s) b++;
  return [a, b];
}

const REPORTING = 1;

/**
 * Features of event k (among the article's `events`, in text order) for the factuality model.
 * `events` must be sorted by start.
 */
export function factualityFeatures(view: TokenView, w: WordInfo, events: readonly EventSpan[], k: number, out: number[]): void {
  const e = events[k]!;
  const h = e.start;
  const [a, b] = sentenceBounds(view, h);
  out.push(T.FBias, f1(T.FLower, w.lowerH[h]!), f1(T.FStem, w.stemH[h]!), f1(T.FClass, e.cls));
  if (w.initial[h]) out.push(T.FFirst);
  if (h - 1 >= a) out.push(f2(T.FClassPrev1, e.cls, w.lowerH[h - 1]!));
  // Words before the event in its sentence: a bag of the last six and the two nearest by position.
  let neg = -1;
  let modal = -1;
  for (let j = h - 1, d = 1; j >= a && d <= 8; j--, d++) {
    const lw = w.lower[j]!;
    if (d <= 6) out.push(f1(T.FBack, w.lowerH[j]!));
    if (d === 1) out.push(f1(T.FBack1, w.lowerH[j]!));
    if (d === 2) out.push(f1(T.FBack2, w.lowerH[j]!));
    if (neg < 0 && d <= 4 && NEGATORS.has(lw)) {
      neg = j;
      out.push(f2(T.FNeg, w.lowerH[j]!, d));
    }
    if (modal < 0 && d <= 6 && MODALS.has(lw)) {
      modal = j;
      out.push(f1(T.FModal, w.lowerH[j]!));
      if (lw === 'will' || lw === "'ll") out.push(T.FWill);
    }
    if (d <= 5 && isCancelCue(lw)) out.push(f2(T.FCancel, w.stemH[j]!, d <= 2 ? 1 : 2));
    if (lw === 'to' && d <= 2 && j - 1 >= a) {
      out.push(T.FInf, f1(T.FGovTo, w.stemH[j - 1]!));
      if (isCancelCue(w.lower[j - 1]!)) out.push(f1(T.FCancel, 7));
    }
  }
  if (neg >= 0 && modal >= 0) out.push(T.FNegModal);
  if (e.end - e.start > 1 && isCancelCue(`${w.lower[h]}_${w.lower[h + 1]}`)) out.push(T.FCancelNoun);
  // Conditional and quotation context in the sentence before the event.
  let quotes = 0;
  let that = false;
  for (let j = a; j < h; j++) {
    const lw = w.lower[j]!;
    if (CONDITIONALS.has(lw) && (j === a || lw !== 'should')) out.push(f1(T.FCond, w.lowerH[j]!));
    if (QUOTE_MARKS.has(view.texts[j]!)) quotes++;
    if (lw === 'that') that = true;
  }
  if (quotes % 2 === 1) out.push(T.FQuote);
  if (that) out.push(T.FThat);
  // The nearest event before it in the sentence (its governor, often), and reporting events around it.
  for (let j = k - 1; j >= 0 && events[j]!.start >= a; j--) {
    const p = events[j]!;
    if (j === k - 1) {
      out.push(f1(T.FPrevEv, w.stemH[p.start]!), f2(T.FPrevEvClass, p.cls, Math.min(4, h - p.end)));
      let thatBetween = false;
      for (let t = p.end; t < h; t++) if (w.lower[t] === 'that') thatBetween = true;
      if (thatBetween) out.push(f1(T.FPrevEvThat, p.cls));
    }
    if (p.cls === REPORTING) {
      out.push(f1(T.FRepBefore, w.stemH[p.start]!));
      break;
    }
  }
  for (let j = k + 1; j < events.length && events[j]!.start < b; j++) {
    const q = events[j]!;
    if (q.cls !== REPORTING) continue;
    out.push(f1(T.FRepAfter, w.stemH[q.start]!));
    for (let t = e.end; t < q.start; t++) {
      if (view.texts[t] === ',' || QUOTE_MARKS.has(view.texts[t]!)) {
        out.push(T.FRepAfterComma);
        break;
      }
    }
    break;
  }
}

// ---------- date anchoring ----------

const bucket = (d: number) => (d <= 1 ? d : d <= 3 ? 2 : d <= 6 ? 3 : d <= 10 ? 4 : d <= 20 ? 5 : 6);
const TIME_TYPE_IDS: Record<TimeSpan['type'], number> = { DATE: 1, TIME: 2, DURATION: 3, SET: 4 };

/**
 * Features of one candidate anchor for event k: `time` is a time expression in
 * the event's sentence, or null for "no anchor in the sentence".
 */
export function anchorFeatures(view: TokenView, w: WordInfo, events: readonly EventSpan[], k: number, time: TimeSpan | null, sentenceTimes: readonly TimeSpan[], out: number[]): void {
  const e = events[k]!;
  const h = e.start;
  if (!time) {
    out.push(T.ANone, f1(T.ANoneClass, e.cls), f1(T.ANoneStem, w.stemH[h]!), f1(T.ANone, sentenceTimes.length > 2 ? 3 : sentenceTimes.length));
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
    f2(T.AStemDir, w.stemH[h]!, dir),
    f1(T.AFirst, w.lowerH[time.start]!),
    f1(T.AType, TIME_TYPE_IDS[time.type]),
    f2(T.ADirType, dir, TIME_TYPE_IDS[time.type]),
  );
  const prep = time.start > 0 && view.sentence[time.start - 1] === view.sentence[h] ? w.lowerH[time.start - 1]! : BOS;
  out.push(f1(T.APrep, prep), f2(T.APrepClass, prep, e.cls));
  // What lies between the event and the time: other events (reporting ones especially), "that", commas, quotes.
  let between = 0;
  let repBetween = false;
  let closerOther = false;
  for (let j = 0; j < events.length; j++) {
    if (j === k) continue;
    const o = events[j]!;
    if (o.start >= lo && o.end <= hi) {
      between++;
      if (o.cls === REPORTING) repBetween = true;
    }
    if (view.sentence[o.start] === view.sentence[h]) {
      const od = o.start >= time.end ? o.start - time.end : time.start - o.end;
      if (od >= 0 && od < dist) closerOther = true;
    }
  }
  out.push(f1(T.AEvBetween, Math.min(3, between)));
  if (repBetween) out.push(T.ARepBetween, f2(T.ARepClassDir, e.cls, dir));
  if (closerOther) out.push(f1(T.ACloserOther, e.cls));
  for (let j = lo; j < hi; j++) {
    if (w.lower[j] === 'that') {
      out.push(T.AThatBetween);
      break;
    }
  }
  for (let j = lo; j < hi; j++) {
    const t = view.texts[j]!;
    if (t === ',' || t === ';') {
      out.push(T.ACommaBetween);
      break;
    }
  }
  for (let j = lo; j < hi; j++) {
    if (QUOTE_MARKS.has(view.texts[j]!)) {
      out.push(T.AQuoteBetween);
      break;
    }
  }
}
