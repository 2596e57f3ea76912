/** Character-class tests on token texts, memoised: token strings repeat a lot. */
const wordCache = new Map<string, boolean>();
const capCache = new Map<string, boolean>();
const MAX_CACHE = 50_000;

/** The token holds a letter or digit. */
export function isWordTok(s: string): boolean {
  let v = wordCache.get(s);
  if (v === undefined) {
    v = /[\p{L}\p{N}]/u.test(s);
    if (wordCache.size < MAX_CACHE) wordCache.set(s, v);
  }
  return v;
}

/** The token starts with an uppercase letter. */
export function isCapTok(s: string): boolean {
  let v = capCache.get(s);
  if (v === undefined) {
    v = /^\p{Lu}/u.test(s);
    if (capCache.size < MAX_CACHE) capCache.set(s, v);
  }
  return v;
}
