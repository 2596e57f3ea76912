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

describe('a number ending a name (ent22)', () => {
  const ents = (text: string) => runPipeline(createDoc({ text }), { until: 'entities' }).entities;

  it('keeps a station\'s, a model\'s or a sequel\'s number in the name, without the possessive', () => {
    const es = ents('Mrs Kettering told BBC Radio 4\'s morning show that the Gamebox 3 will cost less. The Ferndale Aid 20 single sold well.');
    const radio = es.find((e) => e.name.startsWith('BBC Radio'));
    expect(radio?.name).toBe('BBC Radio 4');
    expect(radio?.subtype).toBe('media');
    expect(es.map((e) => e.name)).toEqual(expect.arrayContaining(['Gamebox 3', 'Ferndale Aid 20']));
  });

  it('leaves out scores, counts, scorers\' minutes, years and prices', () => {
    const found = ents('Millwall 2 Reading 1. Labour is 10 points ahead of the Tories and Kent 83 and 174 for five. Scorers: Dorrance 79 og. Sales rose over Christmas 2004 in Leeds. Norvale offered C$ 30 a share.').map((e) => e.name);
    expect(found.filter((n) => /\d/u.test(n))).toEqual([]);
  });

  it('reads titles with a sequel\'s number listed together over their numbers, as works', () => {
    const es = ents('If you finished Zorvath 3, Kelmira 2 and Dunrake 2, there is more. Fans rank Torvik 2 or Hallan 4 highest.');
    const titles = ['Zorvath 3', 'Kelmira 2', 'Dunrake 2', 'Torvik 2', 'Hallan 4'];
    expect(titles.map((name) => es.find((e) => e.name === name)?.type)).toEqual(titles.map(() => 'MISC'));
    expect(es.some((e) => e.name === 'Zorvath' || e.name === 'Kelmira' || e.name === 'Torvik')).toBe(false);
    // The title's name alone is the same work ("playing Kelmira"), not a person.
    const alone = ents('If you finished Zorvath 3, Kelmira 2 and Dunrake 2, there is more. When gamers are not playing Kelmira, they watch films.');
    expect(alone.find((e) => e.name === 'Kelmira')?.type).toBe('MISC');
    // Not substitutes and their minutes in brackets.
    const subs = ents('Dorrance, Kilbane (Tarvish 6), Molloy (Brenard 8) and Pike played.').map((e) => e.name);
    expect(subs.filter((n) => /\d/u.test(n))).toEqual([]);
  });

  it('does not join a name to the same name with a number after it', () => {
    const text = 'Zentronic Corp made the Zentronic 64 computer in 1982. Zentronic went bust in 1994 but fans still love the Zentronic 64 today.';
    const es = ents(text);
    const said = (name: string) => es.find((e) => e.name === name)?.mentions.map((x) => text.slice(x.start, x.end));
    expect(said('Zentronic 64')).toEqual(['Zentronic 64', 'Zentronic 64']);
    expect(said('Zentronic Corp')).toEqual(['Zentronic Corp', 'Zentronic']);
  });
});

describe('a common word opening the sentence before a person\'s surname (ent22)', () => {
  it('is the sentence\'s capital where the article names the person with a given name', () => {
    const found = names('Angry Hollins hits out at referee\n\nGary Hollins said the referee had been wrong all afternoon.');
    expect(found).toContain('Gary Hollins');
    expect(found).not.toContain('Angry Hollins');
  });

  it('keeps a given name that opens the sentence, and a name opening a sentence of the body', () => {
    expect(names('Bill Marsh spoke first. Later, Ann Marsh said the plan was sound.')).toEqual(expect.arrayContaining(['Bill Marsh', 'Ann Marsh']));
    expect(names('Gary Hollins spoke first on Monday. Rand Hollins said the plan was sound.')).toEqual(expect.arrayContaining(['Gary Hollins', 'Rand Hollins']));
  });
});
