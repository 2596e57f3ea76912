/**
 * The plain noun phrase before a cue is a speaker candidate (branch quotes31): a description source with no name or
 * listed role ("Shareholders said", "Other proponents of the bill said", "nearly a quarter said"), and a cue after
 * ", but" takes the subject of the clause's first verb ("The bank gave no details …, but said …").
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { createDoc } from '../../src/text/create-doc.js';
import { subjectPhrase } from '../../src/quotes/speaker.js';
import { buildContext } from '../../src/quotes/context.js';

function reported(text: string): { text: string; speaker: string | null }[] {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'quotes' });
  return doc.quotes
    .filter((q) => q.kind === 'indirect')
    .map((q) => ({ text: text.slice(q.start, q.end), speaker: q.speaker?.mention ? text.slice(q.speaker.mention.start, q.speaker.mention.end) : null }));
}

/** The subject phrase the speaker stage adds for the first "said" of `text`, as text (null: none). */
function phraseBeforeSaid(text: string): string | null {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'quotes' });
  const ctx = buildContext(doc);
  const cue = ctx.lower.indexOf('said');
  const found = subjectPhrase(ctx, cue, 0);
  return found ? text.slice(doc.tokens[found.cand.tokenStart]!.start, doc.tokens[found.cand.tokenEnd - 1]!.end) : null;
}

describe('the plain noun phrase before the cue', () => {
  it('ends at its head noun, before a prepositional phrase', () => {
    expect(phraseBeforeSaid('Other supporters of the scheme said it would cut costs for farmers.')).toBe('Other supporters');
  });

  it('takes a quantifier and a share', () => {
    expect(phraseBeforeSaid('Most of the buyers liked the shop, though nearly a third said the queues were too long.')).toBe('nearly a third');
  });

  it('takes the name that owns it', () => {
    expect(phraseBeforeSaid("Northfield's directors said the bid undervalued the group.")).toBe("Northfield's directors");
  });

  it('skips a time phrase before the verb, and is no verb phrase or object', () => {
    expect(phraseBeforeSaid('Several brokers last week said the price would fall.')).toBe('Several brokers');
    expect(phraseBeforeSaid('In a letter to local regulators the ferry operator said the route would close.')).toBeNull();
    expect(phraseBeforeSaid('The plant, which makes engines, said output would rise.')).toBeNull();
  });

  it('is the source of reported speech no name or role stands for', () => {
    // The speaker is the whole phrase, its complement with it (quotes34); the candidate ranked ends at its head.
    const r = reported('Other backers of the plan said it was a fair compromise that avoided the excesses of the old system.');
    expect(r.map((x) => x.speaker)).toEqual(['Other backers of the plan']);
  });
});

describe('a cue after ", but" shares the subject of the first verb', () => {
  it('gives the clause subject, not the words of its verb phrase', () => {
    const r = reported('The lender gave no details of how the files went missing, but said they had probably not been misused.');
    expect(r.find((x) => x.text.startsWith('they had'))?.speaker).toBe('The lender');
  });

  it('gives the subject across a subordinate clause of the first verb', () => {
    const r = reported('Harwick did not say when the sale would close, but said it had signed a letter of intent.');
    expect(r.find((x) => x.text.startsWith('it had'))?.speaker).toBe('Harwick');
  });
});
