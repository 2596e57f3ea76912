/** Character tests on UTF-16 code units, for scans that would otherwise run a regex per character. */

/**
 * `/\s/.test(ch)` for one UTF-16 unit (the same set with or without the `u` flag):
 * ECMAScript white space and line terminators.
 *
 * @example
 * isSpaceCode(' '.charCodeAt(0)); // true
 * isSpaceCode('\u00a0'.charCodeAt(0)); // true
 * isSpaceCode('x'.charCodeAt(0)); // false
 */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `/[0-9A-Za-z]/` for one code unit or code point: the ASCII letters and digits.
 *
 * @example
 * isAsciiAlnumCode('7'.charCodeAt(0)); // true
 * isAsciiAlnumCode('-'.charCodeAt(0)); // false
 */
export function isAsciiAlnumCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** The tokens that open a quotation or a quoted title: straight and curly, double and single marks. */
export const OPENING_QUOTE_TOKENS: ReadonlySet<string> = new Set(['"', '“', "'", '‘']);
