/**
 * Branch quotes38: the name an apposed role noun introduces speaks ("Civil rights group Liberty said" → Liberty, not
 * the group), a nationality that only modifies a noun names no speaker ("the Indonesian rupiah weakened as analysts
 * warned" → analysts), and in a trailing attribution the name after a preposition inside the subject phrase is that
 * preposition's object ("…, unions at the Italian carmaker have said." → the unions).
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { createDoc } from '../../src/text/create-doc.js';

/** Speaker words (mention text) of each quote of `text`. */
function speakers(text: string): (string | null)[] {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'quotes' });
  return doc.quotes.map((q) => (q.speaker?.mention ? text.slice(q.speaker.mention.start, q.speaker.mention.end) : null));
}

describe('a role noun right before an organisation name', () => {
  it('gives the quote to the organisation', () => {
    expect(speakers('The ruling was welcomed on Monday. Civil rights group Liberty said the new rules would harm families.')).toEqual(['Liberty']);
    expect(speakers('Output grew again in the spring, the statistical office INSEE said.')).toEqual(['INSEE']);
  });

  it('keeps the role when a possessive stands between', () => {
    expect(speakers("The group's Paris office said the deal was off.")[0]).not.toBe('Paris');
  });
});

describe('a nationality modifying a noun', () => {
  it('is not the speaker of the clause after it', () => {
    expect(speakers('Markets including the Korean won and Indonesian rupiah slipped as economists warned that demand may fall.')).toEqual(['economists']);
    expect(speakers('Indonesian banks slipped as analysts warned that demand may fall.')).toEqual(['analysts']);
  });
});

describe('a name inside a prepositional phrase of a trailing subject', () => {
  it('leaves the subject to the noun before the preposition', () => {
    expect(speakers('The plant will stop making engines next year, unions at the Italian carmaker have said.')).toEqual(['unions at the Italian carmaker']);
  });
});
