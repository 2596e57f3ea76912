/**
 * Per-document token facts that several stages test again and again: the
 * lowercased text of every token and two character classes. Computed once per
 * Doc (tokens never change after `createDoc`) and shared, so stages index
 * arrays instead of lowercasing or running a regex per token per question.
 */
import type { Doc, Token } from './doc.js';
import { wordSignature } from './word-filter.js';
import { isAsciiAlnumCode } from './chars.js';
import { formHashesInto } from './form-hash.js';
import { Arena } from './arena.js';

export interface TokenIndex {
  /** `tokens[k].text.toLowerCase()`. */
  readonly lower: readonly string[];
  /** 1 when the token holds a letter or digit (`/[\p{L}\p{N}]/u`). */
  readonly word: Uint8Array;
  /** 1 when the token starts with an uppercase letter (`/^\p{Lu}/u`). */
  readonly cap: Uint8Array;
  /** A 16-bit signature of each lowercased token for `WordFilter.mayHaveSig`: word lists are tested without touching the strings again. */
  readonly sig: Uint16Array;
  /** Token start and end offsets, typed: scans and binary searches by offset load no token objects. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /**
   * The two 32-bit hashes of each token's text (`formHashesInto`, as case-sensitive word forms are keyed by the entity
   * recogniser's word table and the event detector's form table): hashed once here, while the text is read for
   * `lower`, instead of once by each table.
   */
  readonly formH0: Int32Array;
  readonly formH1: Int32Array;
  /**
   * 12 bytes a token of zeros for tables that live as long as the Doc (the layers' coverage arrays, src/text/layers.ts):
   * carved from the index's own buffer, so a document pays for one backing store, not two.
   */
  readonly spare: Arena;
}

const cache = new WeakMap<readonly Token[], TokenIndex>();

/**
 * The token index of a Doc, built on first use.
 *
 * @example
 * const ix = tokenIndex(createDoc({ text: 'Putin met them.' }));
 * ix.lower; // ['putin', 'met', 'them', '.']
 * [...ix.cap]; // [1, 0, 0, 0]
 * [...ix.word]; // [1, 1, 1, 0]
 * tokenAtOffset(ix, 7); // 1 ("met" spans 6–9)
 */
export function tokenIndex(doc: Doc): TokenIndex {
  let ix = cache.get(doc.tokens);
  if (!ix) {
    ix = build(doc.tokens);
    cache.set(doc.tokens, ix);
  }
  return ix;
}

function build(tokens: readonly Token[]): TokenIndex {
  const n = tokens.length;
  const lower = new Array<string>(n);
  // One backing buffer for the seven arrays and the spare arena: typed-array allocations are costly one by one.
  const buf = new ArrayBuffer(SPARE_AT * n + SPARE * n);
  const starts = new Int32Array(buf, 0, n);
  const ends = new Int32Array(buf, 4 * n, n);
  const formH0 = new Int32Array(buf, 8 * n, n);
  const formH1 = new Int32Array(buf, 12 * n, n);
  const sig = new Uint16Array(buf, 16 * n, n);
  const word = new Uint8Array(buf, 18 * n, n);
  const cap = new Uint8Array(buf, 19 * n, n);
  for (let k = 0; k < n; k++) {
    const t = tokens[k]!;
    starts[k] = t.start;
    ends[k] = t.end;
    const s = t.text;
    const w = s.toLowerCase();
    lower[k] = w;
    sig[k] = wordSignature(w);
    formHashesInto(s, formH0, formH1, k);
    // Decided by the first character for nearly all tokens (words start with a letter or digit,
    // punctuation is one character); the regex only for the rest.
    const c = s.charCodeAt(0);
    word[k] = (c < 0x80 && isAsciiAlnumCode(c)) || ((c >= 0x80 || s.length > 1) && WORD_CHAR.test(s)) ? 1 : 0;
    cap[k] = c < 0x80 ? (c >= 0x41 && c <= 0x5a ? 1 : 0) : UPPER_START.test(s) ? 1 : 0;
  }
  return { lower, word, cap, sig, starts, ends, formH0, formH1, spare: new Arena(SPARE * n, buf, SPARE_AT * n) };
}

/** Bytes a token of the index's arrays, then of its spare arena (see `TokenIndex.spare`). */
const SPARE_AT = 20;
const SPARE = 12;

/** Index of the token containing or starting after `offset` (tokens.length if none). */
export function tokenAtOffset(ix: TokenIndex, offset: number): number {
  const ends = ix.ends;
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const UPPER_START = /^\p{Lu}/u;
