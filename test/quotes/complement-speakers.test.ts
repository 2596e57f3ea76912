/**
 * A subject whose head noun has a complement naming something else (branch quotes34): "A leading expert on the
 * Moravian economy says" is spoken by the expert, not by "the Moravian economy" — the name after the preposition
 * belongs to the complement, and the speaker is the whole description.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { createDoc } from '../../src/text/create-doc.js';
import { subjectPhrase } from '../../src/quotes/speaker.js';
import { buildContext } from '../../src/quotes/context.js';

/** Speaker words (mention text) of each quote of `text`. */
function speakers(text: string): (string | null)[] {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'quotes' });
  return doc.quotes.map((q) => (q.speaker?.mention ? text.slice(q.speaker.mention.start, q.speaker.mention.end) : null));
}

/** The subject phrase (head part, then whole words) before the first cue `cue` of `text`. */
function phraseBefore(text: string, cue: string): [string, string] | null {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'quotes' });
  const ctx = buildContext(doc);
  const k = ctx.lower.indexOf(cue);
  const found = subjectPhrase(ctx, k, doc.sentences[doc.tokens[k]!.sentence]!.tokenStart);
  if (!found) return null;
  const start = doc.tokens[found.cand.tokenStart]!.start;
  return [text.slice(start, doc.tokens[found.cand.tokenEnd - 1]!.end), text.slice(start, doc.tokens[found.cand.phraseEnd! - 1]!.end)];
}

describe('a subject with a complement naming something', () => {
  it('gives the description its head noun before the preposition, not the named complement', () => {
    const text = 'The levy took effect on Monday. A leading expert on the Moravian economy says the levy is a bid to raise cash quickly.';
    const said = speakers(text);
    expect(said).toContain('A leading expert on the Moravian economy');
    expect(said).not.toContain('the Moravian economy');
  });

  it('walks past a name in the complement to the head noun of a plain phrase', () => {
    expect(phraseBefore('Several unions at the Moravian carmaker have said the plant must stay open.', 'said')).toEqual(['Several unions', 'Several unions at the Moravian carmaker']);
  });

  it('keeps a name that modifies the subject itself, and a phrase opening with a preposition stays as it was', () => {
    expect(phraseBefore('Kestrel Mills shareholders said the bid was too low.', 'said')).toEqual(['Kestrel Mills shareholders', 'Kestrel Mills shareholders']);
    expect(phraseBefore('In Ostrava officials said the bridge would reopen.', 'said')).toEqual(['Ostrava officials', 'Ostrava officials']);
  });
});
