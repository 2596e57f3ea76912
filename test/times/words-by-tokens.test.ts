import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { tokenIndex } from '../../src/text/token-index.js';
import { plainTokens, tokenize } from '../../src/text/tokenize.js';
import { RULES } from '../../src/times/grammar.js';
import { ruleStarts, wordStarts, type TokenWords } from '../../src/times/scan.js';

function tokenWords(text: string): TokenWords {
  const doc = createDoc({ text });
  const ix = tokenIndex(doc);
  return { starts: ix.starts, ends: ix.ends, lower: ix.lower, plain: plainTokens(doc.tokens)! };
}

describe('plain tokens', () => {
  it('flags tokens of ASCII letters (1) or letters with a digit (2) only', () => {
    // Rates rose 5 % in Q3 , "did" "n't" , mid-October , U.S. , café
    const toks = tokenize("Rates rose 5% in Q3, didn't, mid-October, U.S., café");
    expect(toks.map((t) => t.text)).toEqual(['Rates', 'rose', '5', '%', 'in', 'Q3', ',', 'did', "n't", ',', 'mid-October', ',', 'U.S.', ',', 'café']);
    // "did" is part of the word "didn't" split by the clitic rule: not plain.
    expect([...plainTokens(toks)!]).toEqual([1, 1, 2, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('gives no flags for tokens tokenize did not make', () => {
    expect(plainTokens([{ start: 0, end: 1, text: 'a', sentence: 0, spaceBefore: true }])).toBeUndefined();
  });
});

describe('the time scanner finds the same words from the tokens as from the characters', () => {
  const texts = [
    "The five-year deal, signed in mid-October, ends in the '90s.",
    "They didn't meet on Friday at 5pm; the U.S. team came 2 days ago.",
    'Le café ouvre à 9h — 😀 二〇二四年 İstanbul, 𝐀𝐁 ٣ days later.',
    'Atlanta, Ga., said on Jan. 5, 2024: see http://example.com/2024/01/05?x=1 (www.test.org).',
    '',
    '   ',
    'e\u0301t\u00e9 12\u00a0May 2020 \u2019s',
  ];
  for (const text of texts) {
    it(JSON.stringify(text.slice(0, 30)), () => {
      const tw = tokenWords(text);
      expect(wordStarts(text, RULES, tw)).toEqual(wordStarts(text, RULES));
      expect(ruleStarts(text, RULES, tw)).toEqual(ruleStarts(text, RULES));
    });
  }

  it('on random strings of words, connectors, clitics and non-ASCII letters', () => {
    const parts = ['a', 'B', '9', ' ', '-', "'", '’', '.', 'é', 'e\u0301', '😀', '𝐀', '\u00a0', ',', "n't", 'did', 'U.S.', 'Mr.', '5pm', 'mid-October', "'90s", 'Ga.,', 'http://x.co/a', '\n', 'ß', '٣', 'Friday', 'ago', 'year'];
    let x = 7;
    const rnd = (n: number) => (x = (x * 1103515245 + 12345) & 0x7fffffff) % n;
    for (let t = 0; t < 3000; t++) {
      let text = '';
      for (let i = 1 + rnd(30); i > 0; i--) text += parts[rnd(parts.length)];
      expect(wordStarts(text, RULES, tokenWords(text)), text).toEqual(wordStarts(text, RULES));
    }
  });
});
