import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/input/decode.js';
import { InputError } from '../../src/input/errors.js';
import { DATA_DIR, hasData } from '../helpers/fixtures.js';

const enc = (s: string) => new TextEncoder().encode(s);
const utf16 = (s: string, le: boolean, bom: boolean) => {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return new Uint8Array(out);
};
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as InputError).code;
  }
  return 'no error';
};

describe('decodeBytes', () => {
  it('reads UTF-8 and drops a BOM', () => {
    expect(decodeBytes(enc('Müller said “yes” 😀'))).toEqual({ text: 'Müller said “yes” 😀', encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Zoë')]))).toEqual({ text: 'Zoë', encoding: 'utf-8-bom' });
  });
  it('reads UTF-16 with a BOM, and without one from its zero bytes', () => {
    const s = 'Paris, “Zoë” 2024 — a longer line of text';
    expect(decodeBytes(utf16(s, true, true))).toEqual({ text: s, encoding: 'utf-16le' });
    expect(decodeBytes(utf16(s, false, true))).toEqual({ text: s, encoding: 'utf-16be' });
    expect(decodeBytes(utf16(s, true, false))).toEqual({ text: s, encoding: 'utf-16le' });
  });
  it('reads stray Windows-1252 bytes inside UTF-8 without losing the UTF-8', () => {
    const bytes = new Uint8Array([...enc('café “ok” '), 0x93, 0x41, 0x94, 0x20, 0xa3, 0x35]);
    expect(decodeBytes(bytes)).toEqual({ text: 'café “ok” “A” £5', encoding: 'utf-8+windows-1252' });
    expect(decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toEqual({ text: 'café', encoding: 'windows-1252' });
  });
  it('normalises line endings only', () => {
    expect(decodeBytes(enc('a\r\nb\rc\n\td')).text).toBe('a\nb\nc\n\td');
  });
  it('rejects empty and binary input with a clear reason', () => {
    expect(code(() => decodeBytes(new Uint8Array()))).toBe('EMPTY_INPUT');
    expect(code(() => decodeBytes(enc('%PDF-1.7 ...')))).toBe('BINARY_INPUT');
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(code(() => decodeBytes(random))).toBe('BINARY_INPUT');
    expect(code(() => decodeBytes(new Uint8Array([0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 65, 0, 0, 0, 0, 0])))).toBe('BINARY_INPUT');
  });
  it.skipIf(!hasData)('decodes every BBC News file (some hold Latin-1 bytes) into clean text', () => {
    let mixed = 0;
    for (const topic of ['business', 'entertainment', 'politics', 'sport', 'tech']) {
      const dir = join(DATA_DIR, 'bbc-news', topic);
      for (const f of readdirSync(dir)) {
        const { text, encoding } = decodeBytes(readFileSync(join(dir, f)));
        expect(text).not.toContain('\uFFFD');
        if (encoding !== 'utf-8') mixed++;
      }
    }
    expect(mixed).toBeGreaterThan(0);
  });
});
