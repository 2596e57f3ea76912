/**
 * Several stages scan every token of a document for the words of their own lists (the quote stage's cue words, the
 * cue model's anchor words, the event stage's trigger first words): each scan tested every token's signature and
 * looked the passing ones up in its own table, so a word in two lists was hashed and looked up twice, and every
 * token was visited once per list. Here the lists register their words under a bit each (`wordBit`), and a document's
 * tokens are looked up once, in one table of all the lists' words (`wordBits`): each scan then reads one number a
 * token.
 *
 * The bits are a filter: a token whose bit is set is in that list (the table is exact), and a token whose bit is not
 * set is not. Lists are registered when their module or model loads; a document whose bits were computed before a
 * later registration gets them computed again (the table's version), so no list is ever missed.
 */
import type { Doc, Token } from './doc.js';
import { tokenIndex } from './token-index.js';
import { wordSignature } from './word-filter.js';

/** Word → the bits of the lists it is in. */
const BITS_OF = new Map<string, number>();
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
    BITS_OF.set(w, ((BITS_OF.get(w) ?? 0) | bit) >>> 0);
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
 * computed once per document, one signature test a token and one table look-up for the tokens that pass it.
 */
export function wordBits(doc: Doc): Uint32Array {
  const cached = cache.get(doc.tokens);
  if (cached && cached.version === version) return cached.bits;
  const { lower, sig } = tokenIndex(doc);
  const n = lower.length;
  const bits = cached && cached.bits.length === n ? cached.bits : new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const g = sig[k]!;
    bits[k] = (SIGS[g >>> 5]! & (1 << (g & 31))) === 0 ? 0 : (BITS_OF.get(lower[k]!) ?? 0);
  }
  cache.set(doc.tokens, { version, bits });
  return bits;
}
