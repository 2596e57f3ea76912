/**
 * Branch quotes39: a cue inside a relative clause set off by commas reports only that clause ("Anna Jones, who says
 * she is innocent, could lose her medals"); a name that only modifies a medial attribution's subject is no speaker
 * ("…, the Denver centre has argued, …"); and "it" right after "which" is not the relative's antecedent.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { createDoc } from '../../src/text/create-doc.js';

interface Found {
  content: string;
  speaker: string | null;
  name: string | null;
}

function quotes(text: string): Found[] {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'quotes' });
  return doc.quotes.map((q) => ({
    content: text.slice(q.start, q.end),
    speaker: q.speaker?.mention ? text.slice(q.speaker.mention.start, q.speaker.mention.end) : null,
    name: q.speaker?.entity?.name ?? null,
  }));
}

describe('a cue in a relative clause set off by commas', () => {
  it('reports only the clause, up to the main verb', () => {
    const q = quotes('Anna Jones, who says she is innocent, could lose all her medals.');
    expect(q.map((x) => x.content)).toEqual(['she is innocent']);
    expect(q[0]!.speaker).toBe('Anna Jones');
  });

  it('leaves the main clause its own quotation', () => {
    const q = quotes('Mr Tomas Reed, who insists he does not feel bitter, said: "I want to move on with my life."');
    expect(q.map((x) => x.content)).toEqual(['he does not feel bitter', 'I want to move on with my life.']);
  });

  it('runs on past a comma that opens no verb', () => {
    const q = quotes('Anna Jones, who says she lost her keys, her wallet and her phone, could lose her job.');
    expect(q[0]!.content).toBe('she lost her keys, her wallet and her phone');
  });
});

describe('a medial attribution', () => {
  it('is said by the phrase a name only modifies', () => {
    const q = quotes('The new rules, the Denver centre has argued, will hurt small farmers.');
    expect(q.map((x) => x.speaker)).toEqual(['the Denver centre', 'the Denver centre']);
  });
});

describe('"it" right after "which"', () => {
  it('is not the relative\'s antecedent', () => {
    const q = quotes('The government has fined the Vestey Group, which it says avoided tax for years.');
    expect(q.map((x) => x.name)).not.toContain('Vestey Group');
  });

  it('is the main clause\'s subject, a country speaking as its government', () => {
    const q = quotes('The US has asked the World Trade Organisation to examine Kestrel tariffs, which it says are unfair.');
    expect(q.find((x) => x.content === 'are unfair')?.name).toBe('US');
  });
});
