/**
 * A quotation's he/she is resolved once reported speech is found too (branch quotes33): quotations were attributed
 * before reported speech, so "he" after "Dennison said the money was not a factor" went to the first person named in
 * that sentence (Carrow) instead of the one whose attribution it holds.
 */
import { describe, expect, it } from 'vitest';
import { quotesOf } from './helpers.js';

const people = [
  { name: 'Jim Carrow', type: 'PERSON' as const, aliases: ['Carrow'] },
  { name: 'Paul Dennison', type: 'PERSON' as const, aliases: ['Dennison'] },
  { name: 'Ruth Okafor', type: 'PERSON' as const, aliases: ['Okafor'] },
];

function speakerOf(text: string, opening: string): string | null | undefined {
  return quotesOf(text, people).find((q) => q.text.startsWith(opening))?.speaker?.name;
}

describe('a pronoun after reported speech', () => {
  it('is the speaker of the reported speech in the sentence before', () => {
    const text =
      'The transfer would be a big one for both Carrow and the club, Dennison said the money was not a factor for the club. ' +
      '"The money side has not been settled, but it is not the point for us," he told Radio Five Live.';
    expect(speakerOf(text, 'The money side')).toBe('Paul Dennison');
  });

  it('is the speaker of the reported speech even when another person opens that sentence', () => {
    const text =
      'After meeting Carrow on Monday, Okafor said she would not stand again. "I have done my share and it is time for someone new," she told reporters.';
    expect(speakerOf(text, 'I have done my share')).toBe('Ruth Okafor');
  });
});
