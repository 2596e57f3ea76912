/**
 * Per-token look-ups over the Doc's layers, built once per layer (on first use,
 * cached until the layer is replaced): which entity mention, time expression or
 * quoted span covers token k. Every stage that asks reads these; none maps
 * offsets to tokens again.
 */
import type { Doc, DocEntity, Span } from './doc.js';
import { tokenAtOffset, tokenIndex } from './token-index.js';

/** An entity mention with its entity. */
export interface MentionRef extends Span {
  entity: DocEntity;
}

export interface MentionLookup {
  /** Every entity mention, in text order. */
  mentions: MentionRef[];
  /** For each token: index into `mentions` of the mention covering it, or -1. */
  at: Int32Array;
}

const mentionCache = new WeakMap<readonly DocEntity[], MentionLookup>();
const timeCache = new WeakMap<object, Int32Array>();
const quotedCache = new WeakMap<object, Int32Array>();

/**
 * The entity mention covering each token.
 *
 * @example
 * const { mentions, at } = mentionAt(doc);
 * at[k] >= 0 ? mentions[at[k]].entity.name : null; // the entity named at token k
 */
export function mentionAt(doc: Doc): MentionLookup {
  let m = mentionCache.get(doc.entities);
  if (!m) {
    const mentions: MentionRef[] = [];
    for (const entity of doc.entities) for (const s of entity.mentions) if (s.tokenEnd > s.tokenStart) mentions.push({ entity, start: s.start, end: s.end, tokenStart: s.tokenStart, tokenEnd: s.tokenEnd });
    const sorted = byStart(mentions);
    m = { mentions: sorted, at: coverage(doc, sorted) };
    mentionCache.set(doc.entities, m);
  }
  return m;
}

/** Mentions with list positions below this (and offsets below 2^31) are sorted by one number each: start · 2^21 + position. */
const POSITIONS = 1 << 21;
/** The keys of `byStart`, reused from call to call (nothing in it outlives a call): grown on demand. */
let sortKeys = new Float64Array(256);

/**
 * The spans in order of start, spans with the same start in list order: what `spans.sort((a, b) => a.start - b.start)`
 * gives (the sort is stable), without a comparator call per comparison (a JS call each: a tenth of the quote stage's
 * context built in a profile over BBC). Each span is keyed by one number, start · 2^21 + its position (exact in a
 * double below 2^52), and the keys are sorted numerically as a typed array is (in a buffer kept between calls: a
 * typed array of its own per call would cost an allocation of its backing store).
 */
function byStart<T extends Span>(spans: T[]): T[] {
  const n = spans.length;
  if (n < 2) return spans;
  if (n >= POSITIONS) return spans.sort((a, b) => a.start - b.start);
  if (sortKeys.length < n) sortKeys = new Float64Array(Math.max(n, 2 * sortKeys.length));
  const keys = sortKeys.subarray(0, n);
  for (let i = 0; i < n; i++) {
    const s = spans[i]!.start;
    if (!(s >= 0 && s < 2 ** 31)) return spans.sort((a, b) => a.start - b.start);
    keys[i] = s * POSITIONS + i;
  }
  keys.sort();
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[i] = spans[keys[i]! % POSITIONS]!;
  return out;
}

/** For each token: index into `doc.times` of the time expression covering it, or -1. */
export function timeAt(doc: Doc): Int32Array {
  let t = timeCache.get(doc.times);
  if (!t) timeCache.set(doc.times, (t = coverage(doc, doc.times)));
  return t;
}

/** For each token: index into `doc.quotedSpans` of the quoted span it lies in (marks included), or -1. */
export function quotedAt(doc: Doc): Int32Array {
  let q = quotedCache.get(doc.quotedSpans);
  if (!q) quotedCache.set(doc.quotedSpans, (q = coverage(doc, doc.quotedSpans)));
  return q;
}

/**
 * Token → index of the first span (in list order) covering it, or -1. The coverage arrays of a Doc's layers (entity
 * mentions, times, quoted spans) are views of the token index's spare arena (a typed array of its own costs an
 * allocation of its backing store each): room for one array per layer; a layer replaced and asked again gets an
 * array of its own.
 */
function coverage(doc: Doc, spans: readonly Span[]): Int32Array {
  const n = doc.tokens.length;
  const out = tokenIndex(doc).spare.int32(n).fill(-1);
  spans.forEach((s, i) => {
    for (let k = s.tokenStart; k < s.tokenEnd; k++) if (out[k] === -1) out[k] = i;
  });
  return out;
}

/**
 * The span of the characters [start, end): the tokens they touch. Null when
 * they touch none (white space only).
 *
 * @example
 * spanOfChars(createDoc({ text: 'Putin met Xi.' }), 6, 9); // { start: 6, end: 9, tokenStart: 1, tokenEnd: 2 }
 */
export function spanOfChars(doc: Doc, start: number, end: number): Span {
  const ix = tokenIndex(doc);
  const tokenStart = tokenAtOffset(ix, start);
  let tokenEnd = tokenStart;
  while (tokenEnd < ix.starts.length && ix.starts[tokenEnd]! < end) tokenEnd++;
  return { start, end, tokenStart, tokenEnd };
}

/** The span of tokens [tokenStart, tokenEnd), with their character offsets. */
export function spanOfTokens(doc: Doc, tokenStart: number, tokenEnd: number): Span {
  return { start: doc.tokens[tokenStart]!.start, end: doc.tokens[tokenEnd - 1]!.end, tokenStart, tokenEnd };
}
