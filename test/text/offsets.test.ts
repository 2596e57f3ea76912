import { describe, expect, it } from 'vitest';
import { codePointLength, codePointMapper } from '../../src/text/offsets.js';
import { createDoc } from '../../src/text/create-doc.js';

describe('code point offsets', () => {
  it('is the identity without astral characters', () => {
    const map = codePointMapper('plain text é');
    expect(map(5)).toBe(5);
  });
  it('counts an emoji as one code point', () => {
    const text = 'a😀b👍🏽c';
    const map = codePointMapper(text);
    expect(map(text.indexOf('b'))).toBe(2);
    expect(map(text.indexOf('c'))).toBe(5);
    expect(map(text.length)).toBe(codePointLength(text));
    expect(codePointLength(text)).toBe([...text].length);
  });
});

describe('createDoc', () => {
  it('splits sentences and keeps abbreviations and initials whole', () => {
    const doc = createDoc({ text: 'Lt. Gen. J. Smith met U.S. officials on Friday. He said: “We agreed.” Then he left.' });
    const texts = doc.sentences.map((s) => doc.text.slice(s.start, s.end));
    expect(texts).toEqual(['Lt. Gen. J. Smith met U.S. officials on Friday.', 'He said: “We agreed.”', 'Then he left.']);
    expect(doc.tokens.map((t) => t.text)).toContain('U.S.');
  });
  it('splits possessives and clitics like the CoNLL treebank', () => {
    const doc = createDoc({ text: 'Russia’s envoy didn’t come.' });
    expect(doc.tokens.map((t) => t.text)).toEqual(['Russia', '’s', 'envoy', 'did', 'n’t', 'come', '.']);
  });
  it('ends paragraphs at line breaks in one-paragraph-per-line text', () => {
    const doc = createDoc({ text: 'Headline without a period\n\nFirst paragraph here.\nSecond paragraph here' });
    expect(doc.paragraphs).toHaveLength(3);
    for (const t of doc.tokens) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
  });
  it('is linear on a long single line', () => {
    const text = 'word, another "quote" ‘mark’ 12.5% U.S. '.repeat(20000);
    const doc = createDoc({ text });
    expect(doc.tokens.length).toBeGreaterThan(100000);
  });
});
