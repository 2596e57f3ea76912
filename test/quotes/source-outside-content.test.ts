/**
 * A source is never inside what it is reported to say (branch quotes30): the speaker ranker may not choose a
 * candidate from the quote's own content, and the subject before the cue is found where it is a counted or
 * sentence-initial plural noun phrase.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { createDoc } from '../../src/text/create-doc.js';

interface Record {
  text: string;
  speaker: string | null;
  inside: boolean;
}

function reported(text: string): Record[] {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'quotes' });
  return doc.quotes
    .filter((q) => q.kind === 'indirect')
    .map((q) => {
      const m = q.speaker?.mention ?? null;
      return { text: text.slice(q.start, q.end), speaker: m ? text.slice(m.start, m.end) : null, inside: m !== null && m.start >= q.start && m.end <= q.end };
    });
}

describe('the source of reported speech stands outside its content', () => {
  const texts = [
    'The exchange faces a fight. Reports say Northfield Mutual, which owns a small stake in the exchange, may seek a vote on the offer.',
    'Asked if he would stand for the leadership again, Mr Okonkwo replied: "No. Definitely not."',
    'The survey was small. The remaining 40% said they could not live without their radios.',
    'Forecasts predict that Welsh shoppers will spend far more online this winter.',
  ];
  it.each(texts)('no record names a speaker inside its own words: %s', (text) => {
    for (const r of reported(text)) expect(r.inside, `${r.speaker} in "${r.text}"`).toBe(false);
  });

  it('takes the subject before the cue: a sentence-initial plural noun', () => {
    const r = reported(texts[0]!).find((x) => x.text.startsWith('Northfield Mutual'));
    expect(r?.speaker).toBe('Reports');
    expect(reported(texts[3]!)[0]?.speaker).toBe('Forecasts');
  });

  it('takes the subject before the cue: a counted plural noun phrase', () => {
    const [r] = reported('The three carmakers claim that the new engine will be twice as efficient as the old one.');
    expect(r?.text).toBe('the new engine will be twice as efficient as the old one');
    expect(r?.speaker).toBe('The three carmakers');
  });
});
