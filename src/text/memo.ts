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
      memo.set(key, (hit = fn(key)));
    }
    return hit;
  };
}
