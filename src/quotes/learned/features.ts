/**
 * Hashed features of the three quotation models. A feature id is an integer
 * mix of a template number with word hashes and small codes: no strings are
 * built at run time. Templates are numbered per model; changing one means
 * retraining (`npm run train:quotes`).
 */
import { hashString, mix } from '../../entities/hash.js';
import { cacheOf, type CandidateType, type TokenSpan, type TokenView, type TypedSpan } from './input.js';

const f1 = (t: number, a: number) => mix(t, a);
const f2 = (t: number, a: number, b: number) => mix(mix(t, a), b);
const f3 = (t: number, a: number, b: number, c: number) => mix(mix(mix(t, a), b), c);

const BOS = hashString('<s>');
const EOS = hashString('</s>');

/** Coarse class of a token: what follows or precedes a cue matters more than the word itself. */
function tokenClass(view: TokenView, k: number): number {
  if (k < 0 || k >= view.lower.length) return 0;
  const w = view.lower[k]!;
  switch (w) {
    case '"': case '“': case '”': case '‘': case '’': case "'": case '``': case "''": case '`': return 1;
    case ',': return 2;
    case ':': return 3;
    case 'that': return 4;
    case '.': case '!': case '?': return 5;
    case '(': case ')': return 6;
    case '—': case '–': case '-': return 7;
  }
  const c = view.texts[k]!.charCodeAt(0);
  if (c >= 0x41 && c <= 0x5a) return 8;
  if ((c >= 0x61 && c <= 0x7a) || c >= 0xc0) return 9;
  if (c >= 0x30 && c <= 0x39) return 10;
  return 11;
}

const NEGATION = new Set(['not', "n't", 'n’t', 'never', 'no']);

function suffixHash(w: string): number {
  return hashString(w.length > 3 ? w.slice(-3) : w, 0x1234567);
}

const distBucket = (d: number) => (d <= 3 ? d : d <= 5 ? 4 : d <= 10 ? 5 : d <= 20 ? 6 : 7);
const countBucket = (n: number) => (n > 3 ? 3 : n);

/** Features of token `k` as a (part of a) reporting cue. */
export function cueFeatures(view: TokenView, k: number, out: number[]): void {
  out.length = 0;
  const { hash } = cacheOf(view);
  const n = hash.length;
  const w = hash[k]!;
  const p1 = k > 0 ? hash[k - 1]! : BOS;
  const p2 = k > 1 ? hash[k - 2]! : BOS;
  const n1 = k + 1 < n ? hash[k + 1]! : EOS;
  const n2 = k + 2 < n ? hash[k + 2]! : EOS;
  const nc = tokenClass(view, k + 1);
  const pc = tokenClass(view, k - 1);
  const sentStart = view.sentenceStart[view.sentence[k]!] === k ? 1 : 0;
  const cap = tokenClass(view, k) === 8 ? 1 : 0;
  let neg = 0;
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) if (NEGATION.has(view.lower[j]!)) neg = 1;
  out.push(
    1,
    f1(2, w),
    f1(3, p1),
    f1(4, n1),
    f1(5, p2),
    f1(6, n2),
    f2(7, p1, w),
    f2(8, w, n1),
    f1(9, suffixHash(view.lower[k]!)),
    f2(10, cap, sentStart),
    f2(11, w, view.inQuote[k]!),
    f1(12, nc),
    f1(13, pc),
    f2(14, w, nc),
    f2(15, w, pc),
    f2(16, neg, w),
    f1(17, neg),
    f2(18, w, cap * 2 + sentStart),
    f3(19, pc, w, nc),
  );
}

/** Words after a comma that start the author's own addition, not the reported content. */
const CLAUSE_BREAKS = new Set(['which', 'who', 'while', 'although', 'though', 'whereas', 'but', 'and', 'according', 'as', 'because', 'after', 'when', 'where']);

/**
 * Features of every token of `window` as content of the cue [cs, ce), written
 * as a flat list with per-token offsets (offsets.length = window length + 1).
 * State that depends on what lies between the cue and the token (commas, a
 * "that", a clause break, another cue word, a quotation) is accumulated walking
 * outwards from the cue, so the whole window costs one pass.
 */
export function contentFeatures(
  view: TokenView,
  cue: TokenSpan,
  from: number,
  to: number,
  isCueWord: (k: number) => boolean,
  ids: number[],
  offsets: number[],
): void {
  ids.length = 0;
  offsets.length = 0;
  const { hash } = cacheOf(view);
  const cs = cue.tokenStart;
  const ce = cue.tokenEnd;
  const cueWord = hash[ce - 1]!;
  const cueFirst = hash[cs]!;
  const cueSentence = view.sentence[cs]!;
  const perToken: number[][] = [];
  const walk = (k: number, side: number, d: number, st: { commas: number; that: number; brk: number; cue: number; quote: number }) => {
    const f: number[] = [];
    const w = hash[k]!;
    const prev = k > 0 ? hash[k - 1]! : BOS;
    const next = k + 1 < hash.length ? hash[k + 1]! : EOS;
    const db = distBucket(d);
    const cls = tokenClass(view, k);
    const last = side === 1 ? (k + 1 >= to ? 1 : 0) : k === from ? 1 : 0;
    const other = view.sentence[k] !== cueSentence ? 1 : 0;
    const state = st.commas | (st.that << 2) | (st.brk << 3) | (st.cue << 4) | (st.quote << 5);
    f.push(
      f1(100, side),
      f2(101, side, db),
      f2(102, side, w),
      f2(103, side, prev),
      f2(104, side, next),
      f2(105, side, cueWord),
      f3(106, side, cueWord, db),
      f2(107, side, countBucket(st.commas)),
      f2(108, side, st.that),
      f2(109, side, st.brk),
      f2(110, side, st.cue),
      f2(111, side, st.quote),
      f2(112, side, view.inQuote[k]!),
      f3(113, side, cls, last),
      f2(114, side, other),
      f2(115, side, state),
      f3(116, side, cueWord, state),
      f3(117, side, cueFirst, db),
      f3(118, side, w, db),
      f3(119, side, cls, db),
      f3(120, side, cueWord, st.that),
    );
    perToken[k - from] = f;
  };
  // Right of the cue, walking outwards.
  const st = { commas: 0, that: 0, brk: 0, cue: 0, quote: 0 };
  for (let k = ce; k < to; k++) {
    walk(k, 1, k - ce + 1, st);
    const w = view.lower[k]!;
    if (w === ',') st.commas++;
    else if (w === 'that' && k - ce < 6) st.that = 1;
    else if (view.lower[k - 1] === ',' && CLAUSE_BREAKS.has(w)) st.brk = 1;
    if (k > ce && isCueWord(k)) st.cue = 1;
    if (tokenClass(view, k) === 1) st.quote = 1;
  }
  const sl = { commas: 0, that: 0, brk: 0, cue: 0, quote: 0 };
  for (let k = cs - 1; k >= from; k--) {
    walk(k, 2, cs - k, sl);
    const w = view.lower[k]!;
    if (w === ',') sl.commas++;
    else if (CLAUSE_BREAKS.has(w) && view.lower[k - 1] === ',') sl.brk = 1;
    if (isCueWord(k)) sl.cue = 1;
    if (tokenClass(view, k) === 1) sl.quote = 1;
  }
  for (let k = from; k < to; k++) {
    offsets.push(ids.length);
    const f = perToken[k - from];
    if (f) for (const x of f) ids.push(x);
  }
  offsets.push(ids.length);
}

const TYPE_CODES: Record<CandidateType, number> = { PERSON: 1, ORGANIZATION: 2, LOCATION: 3, MISC: 4, PRONOUN: 5, DESCRIPTION: 6, PROPER: 7, NOUN: 8 };
const PREPOSITION_BEFORE = new Set(['for', 'of', 'to', 'in', 'by', 'with', 'from', 'at', 'on', 'about', 'against', 'than', 'like']);
/** Words that may stand between a subject and its verb. */
export const BETWEEN_SUBJECT_VERB = new Set(['also', 'has', 'have', 'had', 'was', 'is', 'were', 'are', 'will', 'would', 'could', 'can', 'may', 'might', 'then', 'later', 'again', 'further', 'previously', 'recently', 'once', 'first', 'repeatedly', 'did', 'does', 'do', 'reportedly', 'publicly', 'privately', 'still', 'just', 'even', 'had', 'been', 'never', 'not']);

/** The code a candidate type (or pronoun word) contributes to features. */
function typeCode(view: TokenView, c: TypedSpan): number {
  if (c.type === 'PRONOUN') return mix(50, cacheOf(view).hash[c.tokenStart]!);
  return TYPE_CODES[c.type];
}

/**
 * Features of candidate `c` as the source of the cue [cs, ce); `c = null` is
 * the "no source in this sentence" option (passives, "it is expected").
 * `candidates` are all candidates of the cue, in text order; `index` is c's.
 */
export function speakerFeatures(view: TokenView, cue: TokenSpan, candidates: readonly TypedSpan[], index: number, out: number[]): void {
  out.length = 0;
  const { hash, mentionOf } = cacheOf(view);
  const cs = cue.tokenStart;
  const ce = cue.tokenEnd;
  const cueWord = hash[ce - 1]!;
  const beforeCue = cs > 0 ? hash[cs - 1]! : BOS;
  if (index < 0) {
    const before2 = cs > 1 ? hash[cs - 2]! : BOS;
    out.push(f1(200, 1), f1(201, cueWord), f1(202, beforeCue), f2(203, beforeCue, cueWord), f1(204, before2), f1(205, candidates.length > 3 ? 3 : candidates.length));
    return;
  }
  const c = candidates[index]!;
  const t = typeCode(view, c);
  const before = c.tokenEnd <= cs;
  const dir = before ? 1 : 2;
  const gapFrom = before ? c.tokenEnd : ce;
  const gapTo = before ? cs : c.tokenStart;
  let commas = 0;
  let quote = 0;
  let onlySubjectWords = 1;
  let verbish = 0;
  for (let k = gapFrom; k < gapTo; k++) {
    const w = view.lower[k]!;
    if (w === ',') commas++;
    if (tokenClass(view, k) === 1) quote = 1;
    if (!BETWEEN_SUBJECT_VERB.has(w) && !w.endsWith('ly')) onlySubjectWords = 0;
    if (w.endsWith('ed') || w === 'is' || w === 'was' || w === 'said') verbish = 1;
  }
  let between = 0;
  for (let j = 0; j < candidates.length; j++) {
    const o = candidates[j]!;
    if (j !== index && o.tokenStart >= gapFrom && o.tokenEnd <= gapTo) between++;
  }
  const d = gapTo - gapFrom;
  const prevW = c.tokenStart > 0 ? view.lower[c.tokenStart - 1]! : '';
  const prevH = c.tokenStart > 0 ? hash[c.tokenStart - 1]! : BOS;
  const nextH = c.tokenEnd < hash.length ? hash[c.tokenEnd]! : EOS;
  const nextMention = c.tokenEnd < hash.length ? mentionOf[c.tokenEnd]! : -1;
  const nextIsPerson = nextMention >= 0 && view.mentions[nextMention]!.type === 'PERSON' && view.mentions[nextMention]!.tokenStart === c.tokenEnd ? 1 : 0;
  // A name right after this one (the recogniser split "Marsh chief executive Michael Cherkasky").
  let personSoonAfter = 0;
  for (let k = c.tokenEnd; k < Math.min(c.tokenEnd + 4, hash.length); k++) {
    const mi = mentionOf[k]!;
    if (mi >= 0 && view.mentions[mi]!.type === 'PERSON') {
      personSoonAfter = 1;
      break;
    }
    if (tokenClass(view, k) !== 9 && tokenClass(view, k) !== 8) break;
  }
  const possessive = view.lower[c.tokenEnd] === '’s' || view.lower[c.tokenEnd] === "'s" ? 1 : 0;
  const prep = PREPOSITION_BEFORE.has(prevW) ? 1 : 0;
  const sentStart = view.sentenceStart[view.sentence[c.tokenStart]!] === c.tokenStart ? 1 : 0;
  const adjacent = d === 0 ? 1 : onlySubjectWords ? 2 : 0;
  const head = hash[c.tokenEnd - 1]!;
  const rank = (() => {
    // How many candidates of the same direction lie nearer the cue.
    let r = 0;
    for (let j = 0; j < candidates.length; j++) {
      const o = candidates[j]!;
      if (j === index) continue;
      if (before && o.tokenEnd <= cs && o.tokenStart > c.tokenStart) r++;
      if (!before && o.tokenStart >= ce && o.tokenStart < c.tokenStart) r++;
    }
    return r > 3 ? 3 : r;
  })();
  out.push(
    f1(300, t),
    f2(301, t, dir),
    f3(302, t, dir, distBucket(d)),
    f3(303, t, dir, adjacent),
    f2(304, dir, adjacent),
    f2(305, t, prevH),
    f2(306, t, nextH),
    f2(307, t, nextIsPerson),
    f2(308, t, personSoonAfter),
    f3(309, t, dir, countBucket(commas)),
    f3(310, t, dir, quote),
    f3(311, t, dir, countBucket(between)),
    f2(312, t, view.inQuote[c.tokenStart]!),
    f2(313, t, sentStart),
    f3(314, t, cueWord, dir),
    f2(315, t, beforeCue),
    f2(316, t, possessive),
    f3(317, t, dir, prep),
    f3(318, t, dir, verbish),
    f3(319, t, dir, rank),
    f2(320, dir, rank),
    f1(321, distBucket(d) * 4 + dir),
  );
  if (c.type === 'DESCRIPTION' || c.type === 'PROPER' || c.type === 'MISC' || c.type === 'NOUN') out.push(f2(322, t, head));
  // "Smith, the party's chairman, said": an appositive between the name and the cue.
  const appositive = before && d >= 3 && view.lower[gapFrom] === ',' && view.lower[gapTo - 1] === ',' ? 1 : 0;
  out.push(f3(323, t, cueWord, adjacent), f2(324, t, appositive), f3(325, t, appositive, rank), f3(326, t, rank, adjacent));
}
