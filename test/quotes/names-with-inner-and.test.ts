/**
 * A speaker whose name holds "and" or a comma (branch ent27): the speaker stage cuts the words before the cue into
 * pieces at commas and clause words, "and" among them; a piece must not start inside a name the entity stage found
 * ("The Marsh Tenants and Leaseholders Association said" is the association, not "Leaseholders Association"), and a
 * role's "for …" / "from …" phrase goes on to the end of such a name.
 */
import { describe, expect, it } from 'vitest';
import { quotesOf } from './helpers.js';

/** The first quote's speaker: its mention's words and its entity's name. */
function firstSpeaker(text: string, names: { name: string; type: 'ORGANIZATION' | 'PERSON' }[]) {
  const q = quotesOf(text, names)[0];
  const m = q?.speaker?.mention;
  return { words: m ? text.slice(m.start, m.end) : null, name: q?.speaker?.name ?? null, description: q?.speaker?.description ?? null };
}

describe('a name holding "and" as the speaker', () => {
  it('is read whole before the cue', () => {
    const text = 'Rents rose again. The Marsh Tenants and Leaseholders Association said it would appeal against the rise.';
    expect(firstSpeaker(text, [{ name: 'Marsh Tenants and Leaseholders Association', type: 'ORGANIZATION' }])).toMatchObject({ words: 'Marsh Tenants and Leaseholders Association', name: 'Marsh Tenants and Leaseholders Association' });
  });

  it('is read whole with a comma inside it too', () => {
    const text = 'Fares will rise. The Ministry of Roads, Rail and Harbours said the change was overdue.';
    expect(firstSpeaker(text, [{ name: 'Ministry of Roads, Rail and Harbours', type: 'ORGANIZATION' }]).words).toBe('Ministry of Roads, Rail and Harbours');
  });

  it('still lets "and" join two separate names: both speak', () => {
    const text = 'Talks ended. Veltrop and Quarrymax said the merger was off.';
    const s = firstSpeaker(text, [{ name: 'Veltrop', type: 'ORGANIZATION' }, { name: 'Quarrymax', type: 'ORGANIZATION' }]);
    expect(s.words).toBe('Veltrop and Quarrymax');
  });

  it('ends a role\'s "from …" phrase at the end of the name, not at its "and"', () => {
    const text = 'The plan was published on Monday. Officials from the Fenwick Heritage and Wildlife Trust said the plan would fail.';
    expect(firstSpeaker(text, [{ name: 'Fenwick Heritage and Wildlife Trust', type: 'ORGANIZATION' }]).words).toBe('Officials from the Fenwick Heritage and Wildlife Trust');
  });
});

describe('a role after a name holding "and" or "of"', () => {
  it('is described with the whole name', () => {
    const text = 'The scheme closed on Friday. A Ministry for Roads and Harbours spokeswoman said the decision was final.';
    const s = firstSpeaker(text, [{ name: 'Ministry for Roads and Harbours', type: 'ORGANIZATION' }]);
    expect(s.words).toBe('A Ministry for Roads and Harbours spokeswoman');
  });

  it('is described with the whole name holding "of the" too', () => {
    const text = 'The show was cancelled. A Best of the Week spokesperson said the decision was final.';
    expect(firstSpeaker(text, [{ name: 'Best of the Week', type: 'ORGANIZATION' }]).words).toBe('A Best of the Week spokesperson');
  });
});
