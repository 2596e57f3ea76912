/**
 * A memo for look-ups asked once per mention or per cluster, where the same names come back article after
 * article: answers are kept up to `limit` names, then forgotten all at once (bounded memory in a long run).
 * @example const countryOfName = memoized(lookupCountry); countryOfName('US') // computed once
 */
export function memoized<T>(fn: (key: string) => T, limit = 50000): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    let hit = memo.get(key);
    if (hit === undefined) {
      if (memo.size > limit) memo.clear();
      memo.set(ownCopy(key), (hit = fn(key)));
    }
    return hit;
  };
}

/**
 * The key as a string of its own. A key is mostly a name sliced from an article's text, and V8 keeps a slice of 13
 * characters or more as a view on the whole text: kept as the memo's key it would hold that article's text for as
 * long as the memo lives, and each later look-up that compares with it would read the old text's characters as well
 * as the key (one more cache miss per look-up of a name from another article). Keys are copied once, on a miss.
 */
function ownCopy(key: string): string {
  return key.length < 13 ? key : key.split('').join('');
}
