/**
 * "Name: …" is a headline or transcript turn only where it opens its paragraph (branch quotes30): after other
 * sentences of the paragraph it is a title with a colon or a list heading, no speech.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { createDoc } from '../../src/text/create-doc.js';

function colonTurns(text: string): { speaker: string | null; text: string }[] {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'quotes' });
  return doc.quotes
    .filter((q) => q.cue && text.slice(q.cue.start, q.cue.end) === ':')
    .map((q) => ({ speaker: q.speaker?.mention ? text.slice(q.speaker.mention.start, q.speaker.mention.end) : null, text: text.slice(q.start, q.end) }));
}

describe('colon turns', () => {
  it('reads a turn that opens its paragraph', () => {
    const turns = colonTurns('Blair: Taxes will not rise after the election\n\nThe prime minister spoke on Monday.');
    expect(turns.map((t) => t.speaker)).toEqual(['Blair']);
  });

  it('reads no title with a colon inside a paragraph as speech', () => {
    expect(colonTurns('The gallery failed to buy the painting last year. Maria Fenwick: The Making of a Star will feature prints and drawings by the artist.')).toEqual([]);
  });

  it('reads no list heading inside a paragraph as speech', () => {
    expect(colonTurns('Rovers won 2-0.\n\nGoals: Kiely 12, Dunne 80. Rovers: Dunne, Harper, Lyle, Okafor, Brandt, Kiely.')).toEqual([]);
  });
});
