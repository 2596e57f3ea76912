/**
 * Branch quotes38: a cue right after "who" with no comma before it is said by the phrase "who" follows ("…a challenge
 * from opposition leader Jan Novak who said …" → Jan Novak, not the main clause's subject), and in "…, which it says
 * …" / "…, who he says …" the pronoun between the relative word and the cue is the cue's subject.
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

describe('a cue right after "who"', () => {
  it('is said by the name before "who"', () => {
    expect(speakers('The premier was responding to a challenge from opposition leader Jan Novak who said taxes would rise.')).toEqual(['Jan Novak']);
  });

  it('is said by the noun phrase before "who"', () => {
    expect(speakers('The channel was sued by a viewer who says he was upset by the show.')).toEqual(['a viewer']);
  });

  it('leaves a place governed by a preposition to the phrase before it', () => {
    expect(speakers('Anna Berg, a professor of history at Kestrel University who has studied elections, said turnout would fall.')).not.toContain('Kestrel University');
  });
});

describe('a pronoun between "which" and the cue', () => {
  it('is the speaker, not the antecedent', () => {
    expect(speakers('The fund bought shares in Kestrel Mining, which it says are undervalued.')).toEqual(['it']);
  });
});
