import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { wordBit, wordBits } from '../../src/text/word-bits.js';

describe('wordBits: the stages’ word lists looked up once per token', () => {
  it('sets each token’s bits of the lists its lowercased text is in, and no others', () => {
    const FRUIT = wordBit('test fruit', ['quince', 'medlar']);
    const TREES = wordBit('test trees', ['medlar', 'rowan']);
    expect(FRUIT & TREES).toBe(0);
    const doc = createDoc({ text: 'Quince and medlar grew by the rowan; quinces did not.' });
    const bits = wordBits(doc);
    const of = (w: string) => bits[doc.tokens.findIndex((t) => t.text === w)]!;
    expect(of('Quince') & FRUIT).toBe(FRUIT);
    expect(of('Quince') & TREES).toBe(0);
    expect(of('medlar') & (FRUIT | TREES)).toBe(FRUIT | TREES);
    expect(of('rowan') & (FRUIT | TREES)).toBe(TREES);
    expect(of('quinces') & (FRUIT | TREES)).toBe(0);
    expect(of('the') & (FRUIT | TREES)).toBe(0);
  });

  it('sees a list registered after a document’s bits were first computed', () => {
    const doc = createDoc({ text: 'The sloe was sour.' });
    const before = wordBits(doc)[1]!;
    const SLOE = wordBit('test late list', ['sloe']);
    expect(before & SLOE).toBe(0);
    expect(wordBits(doc)[1]! & SLOE).toBe(SLOE);
  });

  it('adds the words of a list registered again under the same name to the same bit', () => {
    const A = wordBit('test reloaded', ['damson']);
    const B = wordBit('test reloaded', ['bullace']);
    expect(B).toBe(A);
    const bits = wordBits(createDoc({ text: 'damson bullace' }));
    expect([bits[0]! & A, bits[1]! & A]).toEqual([A, A]);
  });
});
