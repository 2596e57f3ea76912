import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { documentLayers } from '../../src/document/build.js';
import { joinTitleSpans } from '../../src/entities/works.js';

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
    // A capitalised noun for a work is part of a name, or a name itself: "Opera" the browser cues no title. (After
    // "browsers such as" the names are products, MISC: see types-in-context.)
    expect(types('Some users switched to Opera, Safari and Firefox last year.').get('Safari')).not.toBe('MISC');
  });
});

describe('joinTitleSpans finds the spans in a title by their position (speed28)', () => {
  const doc = createDoc({ text: 'Fans of Ann Lee and Bo Kay saw the film Call of Duty Rising, Leeds said.' });
  // Tokens: Fans0 of1 Ann2 Lee3 and4 Bo5 Kay6 saw7 the8 film9 Call10 of11 Duty12 Rising13 ,14 Leeds15 said16 .17
  const make = (start: number, end: number, type: number) => ({ start, end, type });
  const MISC = 3;
  const PER = 0;

  it('replaces the spans inside the title by the title, in place, keeping the spans around it', () => {
    const spans = [make(2, 4, PER), make(5, 7, PER), make(10, 11, 1), make(12, 14, 2), make(15, 16, 2)];
    const out = joinTitleSpans(doc, spans, MISC, make, PER);
    expect(out).toEqual([make(2, 4, PER), make(5, 7, PER), make(10, 14, MISC), make(15, 16, 2)]);
    expect(spans).toHaveLength(5); // the caller's array is not changed
  });

  it('joins nothing where a span that starts well before the title reaches into it', () => {
    // One span from "saw" to "Call": it starts three tokens before the title, and runs out of it.
    const spans = [make(2, 4, PER), make(7, 11, 1), make(12, 14, 2)];
    expect(joinTitleSpans(doc, spans, MISC, make, PER)).toBe(spans);
  });

  it('returns spans given out of order sorted by start, the title joined', () => {
    const spans = [make(12, 14, 2), make(2, 4, PER), make(10, 11, 1)];
    expect(joinTitleSpans(doc, spans, MISC, make, PER)).toEqual([make(2, 4, PER), make(10, 14, MISC)]);
  });
});
