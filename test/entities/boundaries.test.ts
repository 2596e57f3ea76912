import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { clusterMentions, type ClusterInput } from '../../src/entities/cluster.js';
import { entityId } from '../../src/document/ids.js';
import { ENTITY_ALIASES } from '../../src/entities/aliases.js';

const names = (text: string) => runPipeline(createDoc({ text }), { until: 'entities' }).entities.map((e) => e.name);
const m = (text: string, type: ClusterInput['type'], at: number): ClusterInput => ({ text, type, tokenStart: at, tokenEnd: at + text.split(' ').length });

describe('where a name starts', () => {
  it('leaves a conjunction or an article opening the sentence out of an organisation\'s name', () => {
    const found = names('The Standards and Privileges Committee will meet on Monday. But Human Rights Watch said the plan was flawed.');
    expect(found).toContain('Standards and Privileges Committee');
    expect(found).toContain('Human Rights Watch');
    expect(found.some((n) => n.startsWith('The ') || n.startsWith('But '))).toBe(false);
  });

  it('makes "The Aviator" and "Aviator" one name, but not "The Hague" and Hague', () => {
    const knownPlace = (name: string) => name === 'The Hague';
    const film = clusterMentions([m('The Mariner', 'MISC', 0), m('Mariner', 'PERSON', 10), m('Mariner', 'MISC', 20)], { knownPlace });
    expect(film.map((c) => [c.name, c.members])).toEqual([['The Mariner', [0, 1, 2]]]);
    const city = clusterMentions([m('The Hague', 'LOCATION', 0), m('Hague', 'PERSON', 10)], { knownPlace });
    expect(city).toHaveLength(2);
  });

  it('gives a name of the alias table with an article before it the table\'s id', () => {
    expect(entityId('ORGANIZATION', 'The Liberal Democrats', ENTITY_ALIASES)).toBe(entityId('ORGANIZATION', 'Lib Dems', ENTITY_ALIASES));
    expect(entityId('MISC', 'the Academy Awards', ENTITY_ALIASES)).toBe(entityId('MISC', 'Oscars', ENTITY_ALIASES));
  });

  it('leaves a common noun in capitals after a place or a nationality out of the name', () => {
    const found = names('He told US TV channels he would stay. The show was a hit on British TV last year. She presents on Court TV.');
    expect(found).toEqual(expect.arrayContaining(['US', 'British', 'Court TV']));
    expect(found).not.toContain('US TV');
    expect(found).not.toContain('British TV');
  });
});
