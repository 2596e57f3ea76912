/**
 * A noun of speech with a possessor and a that-clause reports the clause, said by the possessor (branch quotes40):
 * "rejected Mr Smith's claim that …", "an inquiry into his allegation that …". Not when the noun phrase is a subject
 * (its content would run on into the main verb) or the "that" opens a relative clause ("the claim that he made").
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { createDoc } from '../../src/text/create-doc.js';

/** Reported speech whose cue is `cue`: content, speaker mention and the speaker's entity name. */
function byCue(text: string, cue: string): { content: string; mention: string | null; name: string | null }[] {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'quotes' });
  return doc.quotes
    .filter((q) => q.kind === 'indirect' && q.cue && text.slice(q.cue.start, q.cue.end) === cue)
    .map((q) => ({
      content: text.slice(q.start, q.end),
      mention: q.speaker?.mention ? text.slice(q.speaker.mention.start, q.speaker.mention.end) : null,
      name: q.speaker?.name ?? null,
    }));
}

describe('nouns of speech with a possessor and a that-clause', () => {
  it('reports the clause after the object of a verb, said by the named possessor', () => {
    const text = "The regulator has rejected Mr Peter Gallow's claim that the bank misled its savers about the fees.";
    expect(byCue(text, 'claim')).toEqual([{ content: 'the bank misled its savers about the fees', mention: 'Peter Gallow', name: 'Peter Gallow' }]);
  });

  it('resolves a possessive pronoun to the person it stands for', () => {
    const text = 'Coach Tomas Verhoek spoke after the match. The league opened an inquiry into his allegation that the referee had been paid by the home side.';
    expect(byCue(text, 'allegation')).toEqual([{ content: 'the referee had been paid by the home side', mention: 'his', name: 'Tomas Verhoek' }]);
  });

  it('takes a title before the name as part of the possessor', () => {
    const text = "Opposition MPs accepted Prime Minister Ann Dorrel's promise that the tax would be reviewed within a year.";
    expect(byCue(text, 'promise')).toEqual([{ content: 'the tax would be reviewed within a year', mention: 'Ann Dorrel', name: 'Ann Dorrel' }]);
  });

  it('leaves a subject noun phrase and a relative clause alone', () => {
    expect(byCue("Mr Robert Hale said Lord Pemberton's admission that the figures were wrong suggested a cover-up.", 'admission')).toEqual([]);
    expect(byCue("The board dismissed Ms Karen Ode's statement that she made on Monday about the merger.", 'statement')).toEqual([]);
  });
});
