/**
 * Speakers named by a person's name inside the words before the cue, and by coordinated names (branch quotes32): the
 * plain subject phrase stops at a person's name followed by an apposition, an adverb or a verb ("Dr Alan Frobisher
 * head of drilling said" → the name, not "Alan Frobisher head"), but stays a phrase where the name modifies a noun
 * ("The Jane Porter campaign said"); and "X and Y said" gives the coordination as the speaker, not Y alone.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { createDoc } from '../../src/text/create-doc.js';
import { subjectPhrase } from '../../src/quotes/speaker.js';
import { buildContext } from '../../src/quotes/context.js';

/** Speaker words (mention text), entity name and description of each quote of `text`. */
function speakers(text: string): { speaker: string | null; name: string | null; description: string | null }[] {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'quotes' });
  return doc.quotes.map((q) => ({
    speaker: q.speaker?.mention ? text.slice(q.speaker.mention.start, q.speaker.mention.end) : null,
    name: q.speaker?.name ?? null,
    description: q.speaker?.description ?? null,
  }));
}

/** The subject phrase the speaker stage adds as a candidate for the first "said" of `text` (null: none). */
function phraseBeforeSaid(text: string): string | null {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'quotes' });
  const ctx = buildContext(doc);
  const cue = ctx.lower.indexOf('said');
  const found = subjectPhrase(ctx, cue, doc.sentences[doc.tokens[cue]!.sentence]!.tokenStart);
  return found ? text.slice(doc.tokens[found.cand.tokenStart]!.start, doc.tokens[found.cand.tokenEnd - 1]!.end) : null;
}

describe("a person's name in the words before the cue", () => {
  it('is the speaker when a role and its complement follow it, without commas: no phrase of "name + role"', () => {
    const text = 'Drilling began in May. Dr Alan Frobisher head of exploration said the well looked promising.';
    expect(phraseBeforeSaid(text)).toBeNull();
    expect(speakers(text)[0]?.speaker).toBe('Alan Frobisher');
  });

  it('is the speaker when an adverb or a verb follows it', () => {
    expect(speakers('The council met on Friday. Mr Simon Treadwell meanwhile said the plan would cost too much.')[0]?.speaker).toBe('Simon Treadwell');
    expect(speakers('Shares fell sharply. Chief Inspector Mark Deane went on to warn that fraud was rising.')[0]?.speaker).toBe('Mark Deane');
  });

  it('stays a modifier of the noun after it', () => {
    expect(speakers('Councillor Jane Porter is standing again. The Jane Porter campaign said the vote would be close.')[0]?.speaker).toBe('The Jane Porter campaign');
    expect(speakers('Senator Tom Harlow spoke on Monday. Some Harlow backers said they would stay at home.')[0]?.speaker).toBe('Some Harlow backers');
  });
});

describe('coordinated names before the cue', () => {
  it('speak together: the speaker is the coordination, with no one entity', () => {
    const [s] = speakers('The deal was agreed. Meanwhile, Kestrel Mills and Harbour Foods said they expected the merger to be approved.');
    expect(s).toEqual({ speaker: 'Kestrel Mills and Harbour Foods', name: null, description: 'Kestrel Mills and Harbour Foods' });
  });

  it('take a list with commas and articles', () => {
    expect(speakers('Trade talks stalled. Germany, Austria, the Netherlands and Sweden want the budget capped at 1%.')[0]?.speaker).toBe('Germany, Austria, the Netherlands and Sweden');
    expect(speakers('Talks resumed. France and the US said they would cut tariffs.')[0]?.speaker).toBe('France and the US');
  });

  it('include plain noun phrases ("Analysts and investors")', () => {
    expect(speakers('Prices rose. Wine makers and farmers said the frost had cut the harvest.')[0]?.speaker).toBe('Wine makers and farmers');
  });

  it('are not joined across two clauses or after a preposition', () => {
    expect(speakers('He has been training in Holland and Ferguson said he was happy with his form.')[0]?.speaker).toBe('Ferguson');
    expect(speakers('The plan met opposition, with bankers and farmers saying it went too far.')[0]?.speaker).not.toBe('with bankers and farmers');
  });
});
