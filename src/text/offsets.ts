/**
 * UTF-16 (JavaScript string index) → Unicode code point offsets. Outputs use
 * code points so that Python's text[start:end] and JS's [...text].slice(start, end)
 * both give the span's text, emoji included.
 */
export type OffsetMapper = (utf16: number) => number;

/** Whether the text has UTF-16 surrogates (characters beyond the BMP, such as emoji): without them, UTF-16 offsets are code point offsets. */
export function hasSurrogates(text: string): boolean {
  return /[\uD800-\uDFFF]/.test(text);
}

export function codePointMapper(text: string): OffsetMapper {
  if (!hasSurrogates(text)) return (i) => i;
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    // The low half of a surrogate pair shares its code point with the high half.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1)))) cp++;
    else map[i] = cp - 1;
  }
  map[text.length] = cp;
  return (i) => map[i]!;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** Number of code points in text. */
export function codePointLength(text: string): number {
  if (!hasSurrogates(text)) return text.length; // one native scan instead of a loop over the text
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1)))) n++;
  }
  return n;
}
