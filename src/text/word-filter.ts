/**
 * A cheap negative test for membership in a word list, for scans that look up
 * every token of a document: a Set lookup hashes the whole (often freshly made)
 * token string, while this reads its length and three characters. Most tokens
 * are rejected here; the rest go on to the real Set or Map lookup.
 *
 * The filter is a bit set (8 KB), not a byte per signature (64 KB): scans test every
 * token against several filters, and the denser table stays in the nearer caches.
 */
const BITS = 1 << 16;

/** The 16-bit signature the filter keys on: length, first, second and last character. */
export function wordSignature(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  const second = n > 1 ? s.charCodeAt(1) : 0;
  return (Math.imul(n, 0x9e3779b1) ^ Math.imul(s.charCodeAt(0), 0x85ebca6b) ^ Math.imul(second, 0xc2b2ae35) ^ Math.imul(s.charCodeAt(n - 1), 0x27d4eb2f)) >>> 16;
}

export interface WordFilter {
  /** False: the word is certainly not in the list. True: it may be. */
  mayHave(s: string): boolean;
  /** The same test from a precomputed `wordSignature` (see `TokenIndex.sig`). */
  mayHaveSig(sig: number): boolean;
}

/**
 * Builds the filter of a word list.
 *
 * @example
 * const f = wordFilter(['said', 'told']);
 * f.mayHave('said'); // true
 * f.mayHave('the');  // false (almost surely: false positives are possible, false negatives are not)
 */
export function wordFilter(words: Iterable<string>): WordFilter {
  const bits = new Int32Array(BITS >>> 5);
  for (const w of words) {
    const g = wordSignature(w);
    bits[g >>> 5]! |= 1 << (g & 31);
  }
  const test = (sig: number) => (bits[sig >>> 5]! & (1 << (sig & 31))) !== 0;
  return { mayHave: (s: string) => test(wordSignature(s)), mayHaveSig: test };
}
