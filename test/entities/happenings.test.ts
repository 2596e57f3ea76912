import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { documentLayers } from '../../src/document/build.js';
import { isGamesMeeting } from '../../src/entities/subtypes.js';

/** Name → [type, subtype] of the entity layer of a text run up to the entity stage. */
const types = (text: string) => {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'entities' });
  return new Map(documentLayers(doc).entities.map((e) => [e.name, [e.type, e.subtype]]));
};

describe('shows, sports meetings and conferences are happenings (MISC), not bodies', () => {
  it('types a trade show MISC event and a TV show MISC', () => {
    const t = types('Sony unveiled the player at the Consumer Electronics Show in Las Vegas. Harris hosted the Tonight Show for years.');
    expect(t.get('Consumer Electronics Show')).toEqual(['MISC', 'event']);
    expect(t.get('Tonight Show')?.[0]).toBe('MISC');
  });

  it('types "the <place> Games" and "<kind> Games" as meetings, and leaves game makers alone', () => {
    expect(types('The pair withdrew from the Sydney Games after missing a drugs test.').get('Sydney Games')?.[0]).toBe('MISC');
    expect(types('The pair pulled out of the Athens Games in August.').get('Athens Games')?.[0]).toBe('MISC');
    expect(isGamesMeeting('Rockstar Games', () => false)).toBe(false);
    expect(isGamesMeeting('Sydney Games', (w) => w === 'Sydney')).toBe(true);
  });

  it('types a conference held somewhere MISC, not a body named "… of … Conference"', () => {
    const t = types('Details were given at the annual Game Developers Conference in San Francisco on Tuesday.');
    expect(t.get('Game Developers Conference')?.[0]).toBe('MISC');
    const b = types('The Organisation of the Islamic Conference said on Monday it would meet again.');
    expect(b.get('Organisation of the Islamic Conference')?.[0]).toBe('ORGANIZATION');
  });
});

describe('the plural of a nationality or a creed is a people, not a place', () => {
  it('types "Bangladeshis" and "Muslims" MISC, and leaves places ending in "s" alone', () => {
    const t = types('The rescued members included Bangladeshis and Rohingya, a stateless minority of Muslims from Myanmar.');
    expect([t.get('Bangladeshis')?.[0], t.get('Muslims')?.[0]]).toEqual(['MISC', 'MISC']);
    const p = types('She flew from Paris to Athens and then on to Wales.');
    expect([p.get('Paris')?.[0], p.get('Athens')?.[0], p.get('Wales')?.[0]]).toEqual(['LOCATION', 'LOCATION', 'LOCATION']);
  });
});
