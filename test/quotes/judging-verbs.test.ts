/**
 * The object of a verb of judging is never the speaker (branch quotes35): "X, for the Greens, accused Mr Hale of …"
 * was read as an inverted attribution ("…, said the spokesman.") with the sentence before the verb as content and the
 * accused as its speaker; that wrong record then also took the he/she of the quotation after it.
 */
import { describe, expect, it } from 'vitest';
import { quotesOf } from './helpers.js';

const people = [
  { name: 'Martin Hale', type: 'PERSON' as const, aliases: ['Hale', 'Mr Hale'] },
  { name: 'Owen Whitfield', type: 'PERSON' as const, aliases: ['Whitfield'] },
  { name: 'Harbour Standards Board', type: 'ORGANIZATION' as const, aliases: ['HSB'] },
];

describe('a verb of judging', () => {
  it('never makes the one accused the speaker', () => {
    const text = 'Owen Whitfield, for the Green Party, accused Mr Hale of dodging hard questions.';
    const quotes = quotesOf(text, people);
    expect(quotes.some((q) => q.speaker?.name === 'Martin Hale')).toBe(false);
    expect(quotes.some((q) => q.text.startsWith('Owen Whitfield'))).toBe(false);
  });

  it('leaves the pronoun of the next quotation to the accuser', () => {
    const text =
      'Owen Whitfield, for the Green Party, accused Mr Hale of dodging hard questions. ' +
      '"The plan has no money behind it and no date for the work," he said.';
    expect(quotesOf(text, people).find((q) => q.text.startsWith('The plan has'))?.speaker?.name).toBe('Owen Whitfield');
  });

  it('reads no inverted speaker after a participle of blame', () => {
    const text = 'Since the old ferry service was closed last spring, the council has been slow and unhelpful, blaming it for the losses.';
    expect(quotesOf(text, people).some((q) => q.text.startsWith('Since the old ferry'))).toBe(false);
  });

  it('never takes a name after the one it judges as the speaker', () => {
    const text = 'The head of the pilots guild, a former captain, has criticised the port regulator, the Harbour Standards Board (HSB).';
    const quotes = quotesOf(text, people);
    expect(quotes.some((q) => q.speaker?.name === 'Harbour Standards Board')).toBe(false);
  });
});
