/**
 * Whether a capitalised word can be kept as a given name or surname: not a
 * word news text mostly writes lowercase (capitalised in under 30% of its
 * sentence-inner uses: "the", "will", "court", "young" — WikiANN's person
 * names include "The Undertaker" and "Neil Young"), and, for a given name,
 * not a role word that precedes person names ("Chief", "Governor").
 *
 * @example nameFilter(new Set(['the']), new Set(['chief'])).given('The') // false
 */
export function nameFilter(lowercaseMostly: Set<string>, roleWords: Set<string>): { given: (w: string) => boolean; surname: (w: string) => boolean } {
  const lower = (w: string) => !lowercaseMostly.has(w.toLowerCase());
  return { given: (w) => lower(w) && !roleWords.has(w.toLowerCase()), surname: lower };
}

