import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { documentLayers } from '../../src/document/build.js';

/** Name → type of the entity layer of a text run up to the entity stage. */
const types = (text: string) => {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'entities' });
  return new Map(documentLayers(doc).entities.map((e) => [e.name, e.type]));
};

describe('titles of works after a noun for the work are one MISC name', () => {
  it('reads the whole title after the noun, over its small words and colon', () => {
    const t = types('Players queued overnight for the game Call of Duty: Northern Front, which went on sale on Friday.');
    expect(t.get('Call of Duty: Northern Front')).toBe('MISC');
    const u = types("The singer's new album Songs About Marigold Lane sold 80,000 copies in its first week.");
    expect(u.get('Songs About Marigold Lane')).toBe('MISC');
  });

  it('types a title MISC after "role in" and before a noun in apposition, and its short form with it', () => {
    expect(types('Critics praised her role in Vera Lockhart, which opened in March.').get('Vera Lockhart')).toBe('MISC');
    expect(types('Wrenfield Abbey, the comedy about a village choir, opens on Friday.').get('Wrenfield Abbey')).toBe('MISC');
    const t = types('The video game Hollow Peak 2 went on sale on Monday. Sales of Hollow Peak beat the studio\'s forecasts.');
    expect(t.get('Hollow Peak')).toBe('MISC');
  });

  it('leaves a headline, a verb and a person after "and" out of a title', () => {
    const t = types('Pryce to star in new play\n\nActor Jonathan Pryce will take the lead in the production, its producers said.');
    expect(t.get('Jonathan Pryce')).toBe('PERSON');
    expect(types('Murray will next play Roger Federer in the final on Sunday.').get('Roger Federer')).toBe('PERSON');
    const u = types('Set in Leeds, the film was shot in six weeks by director Anna Whitcombe.');
    expect(u.get('Leeds')).toBe('LOCATION');
    // A capitalised noun for a work is part of a name, or a name itself: "Opera" the browser cues no title.
    expect(types('Some users switched to browsers such as Opera, Safari and Firefox last year.').get('Safari')).not.toBe('MISC');
  });
});
