import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokenize.js';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('joins letters and digits across single inner connectors, ASCII or not', () => {
    expect(texts('A&P co-operation 3.14 x_y a/b rock-')).toEqual(['A&P', 'co-operation', '3.14', 'x_y', 'a/b', 'rock', '-']);
    expect(texts('co‐operation naïve Café-au-lait a-é é-a')).toEqual(['co‐operation', 'naïve', 'Café-au-lait', 'a-é', 'é-a']);
    expect(texts('abc.é e\u0301té')).toEqual(['abc.é', 'e\u0301té']);
  });

  it('splits clitics, keeps abbreviation periods, and keeps URLs whole', () => {
    expect(texts("Tolkien's don’t U.S. J. Smith")).toEqual(['Tolkien', "'s", 'do', 'n’t', 'U.S.', 'J.', 'Smith']);
    expect(texts('see http://x.com/a. and www.b.org, then')).toEqual(['see', 'http://x.com/a', '.', 'and', 'www.b.org', ',', 'then']);
  });

  it('treats every Unicode space as a separator and records it', () => {
    const toks = tokenize('a\u00a0b\u2028c\u3000d  e');
    expect(toks.map((t) => t.text)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(toks.every((t) => t.spaceBefore)).toBe(true);
    expect(tokenize('x,y').map((t) => t.spaceBefore)).toEqual([true, false, false]);
  });

  it('keeps runs of repeated punctuation and astral characters as one token', () => {
    expect(texts('wait... -- !!! 😀')).toEqual(['wait', '...', '--', '!!!', '😀']);
  });
});
