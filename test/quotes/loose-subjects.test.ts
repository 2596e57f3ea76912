/**
 * Speakers that cannot be, removed once the models have decided: the subject of a passive verb of naming before a
 * quotation (the one named), and a loose phrase ending in a preposition or determiner.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.js';
import { createDoc } from '../../src/text/create-doc.js';
import { entitiesFromNames } from './helpers.js';

function speakers(text: string): (string | null)[] {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'quotes' });
  return doc.quotes.map((q) => (q.speaker?.mention ? text.slice(q.speaker.mention.start, q.speaker.mention.end) : null));
}

describe('loose phrases as speakers', () => {
  it('never end in a preposition (the subject of the first verb speaks across "but")', () => {
    expect(speakers('The mayor laughed at the idea but went on to say that the market was in real trouble.')).toEqual(['The mayor']);
  });

  it('keep a determiner standing alone as a pronoun', () => {
    expect(speakers('Many believe that the plan will fail next year.')).toEqual(['Many']);
  });

  it('keep the subject before a verb and its particle before an infinitive cue', () => {
    expect(speakers('Their hosts quickly went on to claim that the market was in real trouble.')).toEqual(['Their hosts']);
  });
});

describe('passive verbs of naming before a quotation', () => {
  it('never make their subject the speaker', () => {
    expect(speakers('The plan was branded “a disaster waiting to happen” by the unions.')).not.toContain('The plan');
    expect(speakers('The new stadium was described as “a white elephant” in the report.')).not.toContain('The new stadium');
  });

  it('keep active verbs of naming', () => {
    expect(speakers('Peter Wood called the plan “a disaster waiting to happen”.')).toEqual(['Peter Wood']);
  });
});

describe('a plural noun the lexicon also lists as a verb, heading the subject', () => {
  // "figures", "reports", "claims" are verb forms in the lexicon; right before the verb they are the subject's head.
  it('keeps the adjective or role word before it as part of the phrase, not as the speaker', () => {
    expect(speakers('Official figures showed that the town had grown by a tenth.')).toEqual(['Official figures']);
    expect(speakers('Latest figures suggest that fewer boats came into the harbour.')).toEqual(['Latest figures']);
    expect(speakers('Fresh reports suggested that the bridge had been closed.')).toEqual(['Fresh reports']);
  });

  it('finds a determiner-led subject ending in such a noun', () => {
    expect(speakers('The figures show that more pupils walked to school.')).toEqual(['The figures']);
    expect(speakers('Local reports have claimed that the mill will shut.')).toEqual(['Local reports']);
  });

  it('still reads a name before such a form as its subject', () => {
    expect(speakers('Smith reports that the mill will shut.')).toEqual(['Smith']);
  });
});

describe('an organisation before the plural noun heading the subject', () => {
  function speakersWith(text: string, orgs: string[]): (string | null)[] {
    const doc = createDoc({ text });
    doc.entities = entitiesFromNames(doc, orgs.map((name) => ({ name, type: 'ORGANIZATION' as const })));
    runPipeline(doc, { until: 'quotes', disable: ['entities'], given: ['entities'] });
    return doc.quotes.map((q) => (q.speaker?.mention ? text.slice(q.speaker.mention.start, q.speaker.mention.end) : null));
  }

  it('modifies it: the people speak, not the organisation', () => {
    expect(speakersWith('Kestrel Mills shareholders fear that the offer is far too low.', ['Kestrel Mills'])).toEqual(['Kestrel Mills shareholders']);
    expect(speakersWith('Oldbury Rovers fans claimed that the ticket prices were unfair.', ['Oldbury Rovers'])).toEqual(['Oldbury Rovers fans']);
  });

  it('still speaks through its own figures', () => {
    expect(speakersWith('Kestrel Mills figures showed that orders fell by a third.', ['Kestrel Mills'])).toEqual(['Kestrel Mills']);
  });
});
