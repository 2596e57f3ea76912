/**
 * The time stage's reused scratch (scan.ts keeps its word offsets and trigger lists from text to text) and its tense
 * window (a window into the Doc's token arrays, not a copy of the sentence): neither may carry anything from one text
 * or sentence to the next.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/times/grammar.js';
import { ruleStarts, scanRules } from '../../src/times/scan.js';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { documentLayers } from '../../src/document/build.js';

const scanned = (text: string) => {
  const out: Array<[string, number, string]> = [];
  scanRules(text, RULES, (rule, m) => out.push([rule.name, m.index, m[0]]));
  return out;
};

function times(text: string) {
  const doc = createDoc({ text, publishedAt: '2024-10-14' });
  runPipeline(doc, { until: 'times', disable: ['entities'] });
  return documentLayers(doc).times.map((t) => [t.text, t.value]);
}

describe('time stage scratch and windows', () => {
  const short = 'They met on Friday, two days ago.';
  const long = `${'In March 2003 the 1990s ended 5 years ago; next week, on 3 May and every Monday. '.repeat(400)}The end.`;

  it('scans a short text the same after a long one (more words, dense triggers) as before it', () => {
    const fresh = scanned(short);
    const freshStarts = ruleStarts(short, RULES);
    expect(fresh.length).toBeGreaterThan(0);
    scanned(long);
    expect(ruleStarts(long, RULES)).toContain(null); // the long text makes some rule dense
    expect(scanned(short)).toEqual(fresh);
    expect(ruleStarts(short, RULES)).toEqual(freshStarts);
  });

  it('reads the tense of an expression in its own sentence only', () => {
    // "will" in the sentence before does not make this Friday the coming one, nor "met" the one after a future.
    expect(times('The minister will travel. They met on Friday.')).toEqual([['Friday', '2024-10-11']]);
    expect(times('They met last week. The leaders will meet on Friday.')).toEqual([['last week', '2024-W41'], ['Friday', '2024-10-18']]);
  });
});
