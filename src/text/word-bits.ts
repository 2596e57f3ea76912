/**
 * Several stages scan every token of a document for the words of their own lists (the quote stage's cue words, the
 * cue model's anchor words, the event stage's trigger first words): each scan tested every token's signature and
 * looked the passing ones up in its own table, so every token was visited once per list and a token passing two
 * lists' signatures was looked up twice. Here the lists register their words under a bit each (`wordBit`), and a
 * document's tokens are looked up once, in one table of all the lists' words (`wordBits`): each scan then reads one
 * number a token and asks its own table only about the tokens marked.
 *
 * The bits are a filter: a token whose lowercased text is in a list has the list's bit; a token without the bit is
 * not in the list. Words are keyed by their pair of 32-bit hashes (as word forms are in the recogniser's and the event
 * detector's tables), so the callers still ask their own table about the tokens the bit marks: the result is exactly
 * that of looking every token up. Lists are registered when their module or model loads; a document whose bits were
 * computed before a later registration gets them computed again (the table's version), so no list is ever missed.
 */
import type { Doc, Token } from './doc.js';
import { tokenIndex } from './token-index.js';
import { formHashesInto } from './form-hash.js';
import { wordSignature } from './word-filter.js';

/**
 * Word → the bits of the lists it is in, keyed by the word's two hashes (`formHashesInto`; the token index has them
 * for every token's lowercased text, so a token is looked up without reading or hashing its string — the pair of
 * hashes stands for the word, as in the recogniser's and the event detector's form tables): open addressing, keys
 * (h0, h1) at 2s and 2s + 1 (h0 = 0: empty; never 0 for a word), the bits at s.
 */
let slots = 1 << 12;
let keys = new Int32Array(2 * slots);
let vals = new Uint32Array(slots);
let size = 0;
const H0 = new Int32Array(1);
const H1 = new Int32Array(1);

/** The slot of the word with hashes (h0, h1), or of the empty slot where it would go. */
function slotOf(h0: number, h1: number): number {
  const mask = slots - 1;
  let s = h0 & mask;
  for (;;) {
    const k = keys[2 * s]!;
    if (k === 0 || (k === h0 && keys[2 * s + 1] === h1)) return s;
    s = (s + 1) & mask;
  }
}

/** Adds `bit` to the word's bits (the table doubled when half full). */
function addWord(word: string, bit: number): void {
  formHashesInto(word, H0, H1, 0);
  const h0 = H0[0]!;
  const h1 = H1[0]!;
  let s = slotOf(h0, h1);
  if (keys[2 * s] === 0) {
    if (2 * (size + 1) > slots) {
      grow();
      s = slotOf(h0, h1);
    }
    keys[2 * s] = h0;
    keys[2 * s + 1] = h1;
    size++;
  }
  vals[s] = (vals[s]! | bit) >>> 0;
}

function grow(): void {
  const oldKeys = keys;
  const oldVals = vals;
  slots *= 2;
  keys = new Int32Array(2 * slots);
  vals = new Uint32Array(slots);
  for (let o = 0; o < oldVals.length; o++) {
    if (oldKeys[2 * o] === 0) continue;
    const s = slotOf(oldKeys[2 * o]!, oldKeys[2 * o + 1]!);
    keys[2 * s] = oldKeys[2 * o]!;
    keys[2 * s + 1] = oldKeys[2 * o + 1]!;
    vals[s] = oldVals[o]!;
  }
}

/** The signature bit set of all registered words (as `wordFilter`'s, grown with each list). */
const SIGS = new Int32Array((1 << 16) >>> 5);
let nextBit = 0;
/** Changes whenever a word list is registered: per-document bits computed before are recomputed. */
let version = 0;
/** A list's bit by its name, so that registering the same list again (a model loaded twice) reuses it. */
const BIT_OF_LIST = new Map<string, number>();

/**
 * Registers a word list under `name` and returns its bit in `wordBits` (one of 32). Registering a name again adds the
 * words to the same bit (a model loaded again: its words may differ, so the bit covers every version's words; a
 * caller that needs the exact list checks its own table after the bit).
 *
 * @example
 * const TRIGGER = wordBit('event trigger first words', ['attack', 'election']);
 * (wordBits(doc)[k]! & TRIGGER) !== 0 // token k is "attack" or "election" (lowercased)
 */
export function wordBit(name: string, words: Iterable<string>): number {
  let bit = BIT_OF_LIST.get(name);
  if (bit === undefined) {
    if (nextBit >= 32) throw new Error(`wordBit: more than 32 word lists (${name})`);
    bit = (1 << nextBit++) >>> 0;
    BIT_OF_LIST.set(name, bit);
  }
  for (const w of words) {
    addWord(w, bit);
    const g = wordSignature(w);
    SIGS[g >>> 5]! |= 1 << (g & 31);
  }
  version++;
  return bit;
}

interface DocBits {
  version: number;
  bits: Uint32Array;
}

const cache = new WeakMap<readonly Token[], DocBits>();

/**
 * Per token of the document, the bits of the registered lists its lowercased text is in (0 for most tokens):
 * computed once per document, one signature test a token and one probe of a typed table, by the token's hashes, for
 * the tokens that pass it (no token string is read).
 */
export function wordBits(doc: Doc): Uint32Array {
  const cached = cache.get(doc.tokens);
  if (cached && cached.version === version) return cached.bits;
  const { sig, lowerH0, lowerH1 } = tokenIndex(doc);
  const n = sig.length;
  const bits = cached && cached.bits.length === n ? cached.bits : new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const g = sig[k]!;
    if ((SIGS[g >>> 5]! & (1 << (g & 31))) === 0) bits[k] = 0;
    else {
      const s = slotOf(lowerH0[k]!, lowerH1[k]!);
      bits[k] = keys[2 * s] === 0 ? 0 : vals[s]!;
    }
  }
  cache.set(doc.tokens, { version, bits });
  return bits;
}
