// The shared per-document token index (src/text/token-index.ts) and the word-list filter the
// quotation and event stages scan tokens with: they must agree exactly with the string and
// regex tests they replace, or outputs would change.
import { describe, expect, it } from 'vitest';
import { isSpaceCode } from '../../src/text/chars.js';
import { createDoc } from '../../src/text/create-doc.js';
import { tokenAtOffset, tokenIndex } from '../../src/text/token-index.js';
import { wordFilter, wordSignature } from '../../src/text/word-filter.js';

const TEXT = 'Putin met Pezeshkian in Ashgabat. “It’s fine,” İlham said — ÉTAT 42 ’90s... Ωmega naïve 𝐀bc ½ ⅷ _x_ (see: p.3)';

describe('tokenIndex', () => {
  const doc = createDoc({ text: TEXT });
  const ix = tokenIndex(doc);

  it('matches toLowerCase and the character-class regexes on every token', () => {
    doc.tokens.forEach((t, k) => {
      expect(ix.lower[k]).toBe(t.text.toLowerCase());
      expect(ix.word[k] === 1).toBe(/[\p{L}\p{N}]/u.test(t.text));
      expect(ix.cap[k] === 1).toBe(/^\p{Lu}/u.test(t.text));
      expect(ix.sig[k]).toBe(wordSignature(t.text.toLowerCase()));
      expect([ix.starts[k], ix.ends[k]]).toEqual([t.start, t.end]);
    });
  });

  it('is built once per document', () => {
    expect(tokenIndex(doc)).toBe(ix);
  });

  it('finds the token containing or following an offset', () => {
    const at = (off: number) => doc.tokens.findIndex((t) => t.end > off);
    for (let off = 0; off < TEXT.length; off++) expect(tokenAtOffset(ix, off)).toBe(at(off));
    expect(tokenAtOffset(ix, TEXT.length)).toBe(doc.tokens.length);
  });
});

describe('wordFilter', () => {
  it('never rejects a listed word and rejects most others', () => {
    const words = ['said', 'told', 'according', 'a', 'meeting', 'é'];
    const f = wordFilter(words);
    for (const w of words) expect(f.mayHave(w) && f.mayHaveSig(wordSignature(w))).toBe(true);
    const others = createDoc({ text: 'The cat sat on the mat while the dog slept under a tree by the river bank.' }).tokens.map((t) => t.text.toLowerCase()).filter((w) => !words.includes(w));
    expect(others.filter((w) => f.mayHave(w)).length).toBeLessThan(others.length / 4);
  });

  it('passes exactly the signatures of its words (the bit set packs all 65,536)', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${(i * 7919).toString(36)}${String.fromCharCode(97 + (i % 26))}`);
    const f = wordFilter(words);
    const sigs = new Set(words.map(wordSignature));
    const wrong: number[] = [];
    for (let g = 0; g < 1 << 16; g++) if (f.mayHaveSig(g) !== sigs.has(g)) wrong.push(g);
    expect(wrong).toEqual([]);
    expect([...sigs].some((g) => (g & 31) === 31)).toBe(true); // the sign bit of a 32-bit word is exercised
  });
});

describe('isSpaceCode', () => {
  it('is /\\s/ on every UTF-16 unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});
