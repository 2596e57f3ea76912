/**
 * A name that only modifies the subject of a trailing attribution is not its speaker (branch quotes37): in "…, City
 * consultancy Deloitte has warned." the firm speaks, not the City; in "…, the UK elections watchdog has said." the
 * watchdog speaks, not the UK. And an inverted verb of saying before a plain noun phrase that ends the sentence takes
 * that phrase as its speaker ("…, warned the magazine."), whatever its noun.
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

describe('a name modifying the subject of a trailing attribution', () => {
  it('gives the quote to the name the phrase ends with', () => {
    expect(speakers('Prices rose in May. Growth will slow sharply next year, Ruritanian consultancy Kestrel Partners has warned.')).toEqual(['Kestrel Partners']);
  });

  it('gives the quote to the whole phrase when it ends with a common noun', () => {
    expect(speakers('Turnout could be raised by changing how people register, the Ruritania elections watchdog has said.')).toEqual(['the Ruritania elections watchdog']);
    expect(speakers('Ministers have been far too slow in the campaign, a Labour backbencher has said.')).toEqual(['a Labour backbencher']);
    expect(speakers("Savers who lost money are to receive compensation, the Ruritania's financial watchdog has announced.")).toEqual(["the Ruritania's financial watchdog"]);
  });

  it('keeps a person the organisation introduces', () => {
    expect(speakers("Food prices will rise next year, the BBC's Nick Robinson said.")).toEqual(['Nick Robinson']);
  });
});

describe('an inverted verb before a plain noun phrase ending the sentence', () => {
  it('takes the phrase as the speaker', () => {
    expect(speakers('Sales of the new handheld device are slowing sharply, warned the magazine.')).toEqual(['the magazine']);
    expect(speakers('Schools must do more to teach reading in the early years, says the education watchdog.')).toEqual(['the education watchdog']);
  });

  it('reads no speaker from the object of a verb that takes one', () => {
    expect(speakers('The finance director, who had moved to Boston in May, acknowledged the point.')).not.toContain('the point');
    expect(speakers('She left the party in Leeds early on Friday, told the press.')).not.toContain('the press');
  });
});
