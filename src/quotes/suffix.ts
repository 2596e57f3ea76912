/**
 * Word-ending tests without a regex, for the loops that run them on many tokens. Each equals
 * the regex it replaces, including for `undefined` (RegExp#test reads it as "undefined").
 */

/**
 * `/(?:a|b|c)$/.test(w)` for plain suffixes (one to three).
 *
 * @example
 * endsWith('quickly', 'ly'); // true
 */
export function endsWith(w: string | undefined, a: string, b?: string, c?: string): boolean {
  const s = String(w);
  return s.endsWith(a) || (b !== undefined && s.endsWith(b)) || (c !== undefined && s.endsWith(c));
}

/**
 * `/[^e]ed$/.test(w)`: "-ed" after a letter other than "e" ("asked", not "agreed").
 *
 * @example
 * edAfterNonE('asked'); // true
 * edAfterNonE('agreed'); // false
 */
export function edAfterNonE(w: string | undefined): boolean {
  const s = String(w);
  return s.length >= 3 && s.endsWith('ed') && s.charCodeAt(s.length - 3) !== 0x65;
}
