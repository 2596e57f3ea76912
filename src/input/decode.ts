/**
 * Bytes → text. UTF-8 (with or without BOM) and UTF-16 (with BOM, or recognised
 * by its zero bytes) decode exactly; bytes that are not valid UTF-8 are read as
 * Windows-1252, the usual culprit in news archives, one byte at a time, so a
 * file with a few stray Latin-1 bytes keeps all its UTF-8 too. Line endings are
 * normalised to \n; nothing else is changed, because offsets point into the text.
 */
import { InputError } from './errors.js';

export interface Decoded {
  text: string;
  /** utf-8, utf-8-bom, utf-16le, utf-16be, windows-1252, or utf-8+windows-1252 when mixed. */
  encoding: string;
}

const SIGNATURES: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or a Word/Excel file)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Microsoft Office document'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
];

/**
 * @example
 * decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9])) // { text: 'café', encoding: 'windows-1252' }
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new InputError('EMPTY_INPUT', 'The file is empty (0 bytes).');
  for (const [sig, what] of SIGNATURES) {
    if (sig.every((b, i) => bytes[i] === b)) {
      throw new InputError('BINARY_INPUT', `The file looks like ${what}, not text. Upload plain text, Markdown, HTML or JSON.`);
    }
  }
  let decoded: Decoded;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: decodeUtf8Lenient(bytes.subarray(3)).text, encoding: 'utf-8-bom' };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } else {
    const utf16 = sniffUtf16(bytes);
    decoded = utf16 ? { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 } : decodeUtf8Lenient(bytes);
  }
  const text = normalizeLineEndings(decoded.text);
  assertLooksLikeText(text);
  return { text, encoding: decoded.encoding };
}

export function normalizeLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** UTF-16 without BOM: in text mostly of Latin script, every other byte is zero. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.6 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.6 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
// Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 control characters,
// so the 27 characters Windows-1252 puts there are mapped here (the rest is Latin-1).
const CP1252_HIGH: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
  0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
  0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};
const cp1252Char = (byte: number) => String.fromCharCode(CP1252_HIGH[byte] ?? byte);

function decodeUtf8Lenient(bytes: Uint8Array): Decoded {
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // Mixed: decode valid UTF-8 runs as UTF-8 and every other byte as Windows-1252.
  }
  const parts: string[] = [];
  let runStart = 0;
  let sawMultibyte = false;
  let i = 0;
  while (i < bytes.length) {
    const len = utf8SequenceLength(bytes, i);
    if (len > 0) {
      if (len > 1) sawMultibyte = true;
      i += len;
      continue;
    }
    if (i > runStart) parts.push(strictUtf8.decode(bytes.subarray(runStart, i)));
    parts.push(cp1252Char(bytes[i]!));
    i += 1;
    runStart = i;
  }
  if (i > runStart) parts.push(strictUtf8.decode(bytes.subarray(runStart, i)));
  return { text: parts.join(''), encoding: sawMultibyte ? 'utf-8+windows-1252' : 'windows-1252' };
}

/** Length of the valid UTF-8 sequence at i, or 0 if the byte there does not start one. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const c1 = b[i + 1]!;
    if (c === 0xe0 && c1 < 0xa0) return 0; // overlong
    if (c === 0xed && c1 >= 0xa0) return 0; // surrogate
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const c1 = b[i + 1]!;
    if (c === 0xf0 && c1 < 0x90) return 0;
    if (c === 0xf4 && c1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}

/** Text has few control characters; binary data decoded as text has many. */
function assertLooksLikeText(text: string): void {
  const n = Math.min(text.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) control++;
  }
  if (n > 0 && control / n > 0.02) {
    throw new InputError(
      'BINARY_INPUT',
      `The file does not look like text: ${((control / n) * 100).toFixed(1)}% of its first ${n} characters are control characters or undecodable bytes.`,
    );
  }
}
