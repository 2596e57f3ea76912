/**
 * The quote stage's own span and id helpers (branch speed40): `charSpan` gives what the text layer's `spanOfChars`
 * gives for every character range, and `quoteId` the ids "q1", "q2", … by rank.
 */
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/quotes/context.js';
import { charSpan, quoteId } from '../../src/quotes/index.js';
import { createDoc } from '../../src/text/create-doc.js';
import { spanOfChars } from '../../src/text/layers.js';

describe('charSpan', () => {
  it('equals spanOfChars for every character range, spaces and text ends included', () => {
    const doc = createDoc({ text: 'Mr  Lee said: “We will win,” and left.\n\nThe end ' });
    doc.entities = [];
    doc.quotedSpans = [];
    const ctx = buildContext(doc);
    const n = doc.text.length;
    for (let start = 0; start <= n; start++) {
      for (let end = start; end <= n + 1; end++) expect(charSpan(ctx, start, end)).toEqual(spanOfChars(doc, start, end));
    }
  });

  it('covers the tokens a range touches', () => {
    const doc = createDoc({ text: 'Putin met Xi.' });
    doc.entities = [];
    doc.quotedSpans = [];
    expect(charSpan(buildContext(doc), 6, 9)).toEqual({ start: 6, end: 9, tokenStart: 1, tokenEnd: 2 });
    expect(charSpan(buildContext(doc), 4, 7)).toEqual({ start: 4, end: 7, tokenStart: 0, tokenEnd: 2 });
  });
});

describe('quoteId', () => {
  it('is "q" and the rank from 1, the same string each time', () => {
    expect([0, 1, 9, 99].map(quoteId)).toEqual(['q1', 'q2', 'q10', 'q100']);
    expect(quoteId(41)).toBe(quoteId(41));
  });
});
