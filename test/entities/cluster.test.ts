import { describe, expect, it } from 'vitest';
import { clusterMentions, initials, nameKey, type ClusterInput } from '../../src/entities/cluster.js';
import { entityId } from '../../src/document/ids.js';
import { ENTITY_ALIASES } from '../../src/entities/aliases.js';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { documentLayers } from '../../src/document/build.js';

const m = (text: string, type: ClusterInput['type'], at: number, definedBy?: number): ClusterInput => ({ text, type, tokenStart: at, tokenEnd: at + text.split(' ').length, definedBy });

describe('clustering', () => {
  it('counts every spelling of one name key, the first one included, when a second spelling appears later', () => {
    // "Zorvex" is written first, then "ZORVEX" twice: the most frequent of two forms of one length names the entity.
    const [c] = clusterMentions([m('Zorvex', 'ORGANIZATION', 0), m('ZORVEX', 'ORGANIZATION', 4), m('ZORVEX', 'ORGANIZATION', 8)]);
    expect(c).toMatchObject({ name: 'ZORVEX', aliases: ['Zorvex'], members: [0, 1, 2] });
    // Three "Zorvex" before two "ZORVEX": the first spelling's count goes on when the second appears.
    const [d] = clusterMentions(['Zorvex', 'Zorvex', 'Zorvex', 'ZORVEX', 'ZORVEX'].map((t, i) => m(t, 'ORGANIZATION', 4 * i)));
    expect(d).toMatchObject({ name: 'Zorvex', aliases: ['ZORVEX'], members: [0, 1, 2, 3, 4] });
    const [e] = clusterMentions([m('Zorvex', 'ORGANIZATION', 0), m('Zorvex', 'ORGANIZATION', 4)]);
    expect(e).toMatchObject({ name: 'Zorvex', aliases: [], members: [0, 1] });
  });
  it('gives clusters of one group and joined clusters in the order of their first mention', () => {
    // "Velmora" (one group) comes between the two groups of "Quentin Darrow" and "Darrow", which join; "Brisk Foods"
    // alone comes last. Clusters are listed by first mention whichever way they were collected.
    const cs = clusterMentions([m('Darrow', 'PERSON', 0), m('Velmora', 'LOCATION', 3), m('Quentin Darrow', 'PERSON', 6), m('Brisk Foods', 'ORGANIZATION', 10), m('Velmora', 'LOCATION', 14)]);
    expect(cs.map((c) => [c.name, c.members])).toEqual([['Quentin Darrow', [0, 2]], ['Velmora', [1, 4]], ['Brisk Foods', [3]]]);
    expect(cs[0]!.aliases).toEqual(['Darrow']);
  });
  it('joins short forms to the full name and keeps the fullest form as name', () => {
    const cs = clusterMentions([m('Angela Merkel', 'PERSON', 0), m('Merkel', 'PERSON', 10), m('Merkel', 'PERSON', 20)]);
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ name: 'Angela Merkel', aliases: ['Merkel'], type: 'PERSON', members: [0, 1, 2] });
  });

  it('joins a multi-word short form ("Baghaei Hamaneh" style)', () => {
    const cs = clusterMentions([m('Maria Garcia Lopez', 'PERSON', 0), m('Garcia Lopez', 'PERSON', 9)]);
    expect(cs).toHaveLength(1);
    expect(cs[0]!.name).toBe('Maria Garcia Lopez');
  });

  it('keeps two people with different surnames apart and picks the nearest full name', () => {
    const cs = clusterMentions([m('John Smith', 'PERSON', 0), m('Jane Smith', 'PERSON', 5), m('Smith', 'PERSON', 8), m('Paul Jones', 'PERSON', 12)]);
    const jane = cs.find((c) => c.name === 'Jane Smith')!;
    expect(jane.members).toContain(2);
    expect(cs.find((c) => c.name === 'Paul Jones')!.members).toEqual([3]);
  });

  it('joins an organisation called by its last word to the full name ("Villa", "Aston Villa"), not a place', () => {
    const cs = clusterMentions([m('Aston Villa', 'ORGANIZATION', 0), m('Villa', 'ORGANIZATION', 10)]);
    expect(cs.find((c) => c.name === 'Aston Villa')!.members).toEqual([0, 1]);
    const place = clusterMentions([m('Aston Villa', 'ORGANIZATION', 0), m('Villa', 'LOCATION', 20)]);
    expect(place.find((c) => c.type === 'LOCATION')!.members).toEqual([1]);
  });

  it('makes one entity of one name typed two ways in an article, by majority', () => {
    const cs = clusterMentions([m('Kanye West', 'PERSON', 0), m('Kanye West', 'ORGANIZATION', 10), m('Kanye West', 'PERSON', 20)]);
    expect(cs.map((c) => [c.name, c.type, c.members])).toEqual([['Kanye West', 'PERSON', [0, 1, 2]]]);
  });

  it('makes one entity of a name written with and without spaces or hyphens ("TimeWarner", "Time Warner")', () => {
    const cs = clusterMentions([m('Time Warner', 'PERSON', 0), m('TimeWarner', 'ORGANIZATION', 10), m('TimeWarner', 'ORGANIZATION', 20), m('Coca-Cola', 'ORGANIZATION', 30), m('Coca Cola', 'ORGANIZATION', 40)]);
    expect(cs.map((c) => [c.name, c.type, c.members])).toEqual([
      ['Time Warner', 'ORGANIZATION', [0, 1, 2]],
      ['Coca Cola', 'ORGANIZATION', [3, 4]], // the fullest form: most words
    ]);
  });

  it('breaks a tie for a person when a given name starts the name, else for an organisation, else by the first mention', () => {
    const given = (w: string) => w === 'jude';
    const tied = (name: string, a: ClusterInput['type'], b: ClusterInput['type']) => clusterMentions([m(name, a, 0), m(name, b, 10)], { givenName: given }).map((c) => c.type);
    expect(tied('Jude Law', 'ORGANIZATION', 'PERSON')).toEqual(['PERSON']);
    expect(tied('ABN Amro', 'PERSON', 'ORGANIZATION')).toEqual(['ORGANIZATION']);
    expect(tied('Southcorp', 'LOCATION', 'ORGANIZATION')).toEqual(['ORGANIZATION']);
    expect(tied('Twin Peaks', 'MISC', 'LOCATION')).toEqual(['MISC']);
  });

  it('keeps a one-word name typed both a place and a person two things, unless one type is twice as frequent', () => {
    const two = clusterMentions([m('Jordan', 'LOCATION', 0), m('Jordan', 'PERSON', 10)]);
    expect(two.map((c) => c.type)).toEqual(['LOCATION', 'PERSON']);
    const one = clusterMentions([m('Jordan', 'PERSON', 0), m('Jordan', 'LOCATION', 10), m('Jordan', 'PERSON', 20)]);
    expect(one.map((c) => [c.type, c.members])).toEqual([['PERSON', [0, 1, 2]]]);
  });

  it('joins a one-word "person" that is an organisation\'s last word to it, unless a person has that name', () => {
    const club = clusterMentions([m('Aston Villa', 'ORGANIZATION', 0), m('Villa', 'PERSON', 10), m('Villa', 'PERSON', 20)]);
    expect(club).toHaveLength(1);
    expect(club[0]).toMatchObject({ name: 'Aston Villa', type: 'ORGANIZATION', members: [0, 1, 2] });
    const person = clusterMentions([m('Aston Villa', 'ORGANIZATION', 0), m('David Villa', 'PERSON', 5), m('Villa', 'PERSON', 10)]);
    expect(person.find((c) => c.name === 'David Villa')!.members).toEqual([1, 2]);
    expect(person.find((c) => c.name === 'Aston Villa')!.members).toEqual([0]);
  });

  it('links acronyms to expansions by initials and by in-text definition', () => {
    expect(initials('Office of the Director of National Intelligence')).toBe('odni');
    // Any run of white space separates words; function words in any case are skipped; one word has no initials.
    expect(initials('  Bank\u00a0Of\tThe  Élysée ')).toBe('bé');
    expect(initials('The Hague')).toBe('');
    const cs = clusterMentions([m('United Nations', 'ORGANIZATION', 0), m('UN', 'ORGANIZATION', 5), m('U.S.', 'LOCATION', 7), m('United States', 'LOCATION', 9)]);
    expect(cs.find((c) => c.name === 'United Nations')!.aliases).toEqual(['UN']);
    expect(cs.find((c) => c.name === 'United States')!.aliases).toEqual(['U.S.']);
    const defined = clusterMentions([m('Islamic Revolutionary Guard Corps', 'ORGANIZATION', 0), m('IRGC', 'ORGANIZATION', 5, 0), m('IRGC', 'ORGANIZATION', 30)]);
    expect(defined).toHaveLength(1);
    expect(defined[0]!.name).toBe('Islamic Revolutionary Guard Corps');
  });

  it('links an acronym written as a word ("Nrca") to an organisation whose initials it spells, not to a person or a place', () => {
    const cs = clusterMentions([m('Northern Rivers Conservation Authority', 'ORGANIZATION', 0), m('Nrca', 'LOCATION', 8), m('Nrca', 'ORGANIZATION', 20)]);
    expect(cs).toHaveLength(1);
    expect(cs[0]).toMatchObject({ name: 'Northern Rivers Conservation Authority', type: 'ORGANIZATION', aliases: ['Nrca'] });
    const person = clusterMentions([m('Tom Ash Rowe', 'PERSON', 0), m('Tar', 'ORGANIZATION', 6), m('Port Ellen Terminal', 'LOCATION', 9), m('Pet', 'ORGANIZATION', 14)]);
    expect(person).toHaveLength(4);
    // A word that is a short form by its words stays one ("Villa" for "Aston Villa"), not tried as an acronym only.
    expect(clusterMentions([m('Aston Villa', 'ORGANIZATION', 0), m('Villa', 'ORGANIZATION', 5)])).toHaveLength(1);
  });

  it('joins an acronym to a person only when it is a person, and a country acronym only to that country', () => {
    const countryOf = (name: string) => (name === 'US' || name === 'United States' ? 'US' : null);
    const cs = clusterMentions(
      [m('Ulrich Schulte-Strathaus', 'PERSON', 0), m('Giuseppe Morchio', 'PERSON', 3), m('GM', 'ORGANIZATION', 6), m('US', 'LOCATION', 8), m('Union Square', 'LOCATION', 10), m('United States', 'LOCATION', 12)],
      { countryOf },
    );
    expect(cs.find((c) => c.name === 'Giuseppe Morchio')!.aliases).toEqual([]);
    expect(cs.find((c) => c.name === 'Union Square')!.aliases).toEqual([]);
    expect(cs.find((c) => c.name === 'United States')!.aliases).toEqual(['US']);
  });

  it('a one-word head of another type does not swallow a known place, but takes an unknown one of its surname', () => {
    const knownPlace = (name: string) => name === 'Washington';
    const cs = clusterMentions([m('George Washington', 'PERSON', 0), m('Washington', 'LOCATION', 10)], { knownPlace });
    expect(cs).toHaveLength(2);
    const unknown = clusterMentions([m('Alessandro Troncon', 'PERSON', 0), m('Troncon', 'LOCATION', 10)], { knownPlace });
    expect(unknown.map((c) => [c.name, c.type, c.members])).toEqual([['Alessandro Troncon', 'PERSON', [0, 1]]]);
  });

  it('does not take a nationality for a short form of an organisation', () => {
    const cs = clusterMentions([m('Russian Embassy', 'ORGANIZATION', 0), m('Russian', 'ORGANIZATION', 5)], { isNationality: (n) => n === 'Russian' });
    expect(cs).toHaveLength(2);
    const cs2 = clusterMentions([m('Panama Canal Authority', 'ORGANIZATION', 0), m('Panama', 'ORGANIZATION', 5)]);
    expect(cs2).toHaveLength(1);
  });

  it('joins an initial and a surname to the one full name of the article with that initial and surname', () => {
    const cs = clusterMentions([
      m('Dafydd Pryce', 'PERSON', 0),
      m('Owain Pryce', 'PERSON', 3),
      m('D Pryce', 'PERSON', 10),
      m('O. Pryce', 'PERSON', 13),
      m('T Pryce', 'PERSON', 16),
      m('Geraint Lloyd Bevan', 'LOCATION', 20),
      m('G Bevan', 'PERSON', 30),
    ], { knownPlace: () => false });
    expect(cs.map((c) => [c.name, c.type, c.members])).toEqual([
      ['Dafydd Pryce', 'PERSON', [0, 2]],
      ['Owain Pryce', 'PERSON', [1, 3]],
      ['T Pryce', 'PERSON', [4]],
      ['Geraint Lloyd Bevan', 'PERSON', [5, 6]],
    ]);
    // two people fit: the initial stays on its own; a known place is no one's full name
    const two = clusterMentions([m('Sara Jenkins', 'PERSON', 0), m('Siôn Jenkins', 'PERSON', 3), m('S Jenkins', 'PERSON', 6)]);
    expect(two).toHaveLength(3);
    const place = clusterMentions([m('South Korea', 'LOCATION', 0), m('S Korea', 'PERSON', 3)], { knownPlace: (n) => n === 'South Korea' });
    expect(place).toHaveLength(2);
  });

  it('makes a one-word name typed a place and a person one thing unless it is a known place', () => {
    const knownPlace = (name: string) => name === 'Jordan';
    const one = clusterMentions([m('Zentrix', 'LOCATION', 0), m('Zentrix', 'PERSON', 10)], { knownPlace });
    expect(one).toHaveLength(1);
    const two = clusterMentions([m('Jordan', 'LOCATION', 0), m('Jordan', 'PERSON', 10)], { knownPlace });
    expect(two).toHaveLength(2);
  });

  it('joins a town to the person of that surname unless it stays a place', () => {
    const knownPlace = (name: string) => name === 'Eastwood' || name === 'Washington';
    const staysPlace = (name: string) => name === 'Washington';
    const cs = clusterMentions([m('Clint Eastwood', 'PERSON', 0), m('Eastwood', 'LOCATION', 10)], { knownPlace, staysPlace });
    expect(cs.map((c) => [c.name, c.members])).toEqual([['Clint Eastwood', [0, 1]]]);
    const capital = clusterMentions([m('George Washington', 'PERSON', 0), m('Washington', 'LOCATION', 10)], { knownPlace, staysPlace });
    expect(capital).toHaveLength(2);
  });

  it('joins a one-word "place" no gazetteer knows to the organisation it ends, unless spoken of as a place', () => {
    const club = clusterMentions([m('Aston Villa', 'ORGANIZATION', 0), m('Villa', 'LOCATION', 10)], { knownPlace: () => false, staysPlace: () => false });
    expect(club).toHaveLength(1);
    const county = clusterMentions([m('Bicester Hunt', 'ORGANIZATION', 0), m('Hunt', 'LOCATION', 10)], { knownPlace: () => false, staysPlace: () => true });
    expect(county).toHaveLength(2);
  });

  it('joins a town named for a person of the article, through the stage', () => {
    const doc = runPipeline(createDoc({ text: 'The director Clint Eastwood won the prize on Sunday. Critics said Eastwood deserved it, and the audience in Bedford cheered.' }), { until: 'entities' });
    expect(doc.entities.find((e) => e.name === 'Clint Eastwood')?.mentions).toHaveLength(2);
    expect(doc.entities.find((e) => e.name === 'Bedford')?.type).toBe('LOCATION');
  });

  it('keeps the same words with two comparable types apart, and folds a stray type into a dominant one', () => {
    const two = clusterMentions([m('Jordan', 'LOCATION', 0), m('Jordan', 'PERSON', 5)]);
    expect(two.map((c) => c.type).sort()).toEqual(['LOCATION', 'PERSON']);
    const one = clusterMentions([m('Iran', 'LOCATION', 0), m('Iran', 'LOCATION', 3), m('Iran', 'MISC', 6), m('Iran', 'LOCATION', 9)]);
    expect(one).toHaveLength(1);
    expect(one[0]!.type).toBe('LOCATION');
  });

  it('does not link a person to a parenthesised country ("Carmen Weber (Germany)")', () => {
    const doc = createDoc({ text: 'Results: 1. Carmen Weber (Germany) 12.5 2. Anna Fischer (Germany) 12.7' });
    runPipeline(doc, { until: 'entities' });
    const germany = documentLayers(doc).entities.find((e) => e.name === 'Germany');
    expect(germany?.type).toBe('LOCATION');
    expect(documentLayers(doc).entities.filter((e) => e.type === 'PERSON').every((e) => !e.aliases.includes('Germany'))).toBe(true);
  });

  it('folds case, dots and apostrophes in name keys', () => {
    expect(nameKey('U.S.')).toBe(nameKey('US'));
    expect(nameKey('O’Brien')).toBe(nameKey("O'Brien"));
  });

  it('gives stable ids across articles and defines acronyms from the text', () => {
    const a = createDoc({ text: 'Officials at the International Atomic Energy Agency (IAEA) in Vienna said the IAEA would inspect the site.' });
    const b = createDoc({ text: 'The International Atomic Energy Agency has no access, a diplomat said in Vienna.' });
    runPipeline(a, { until: 'entities' });
    runPipeline(b, { until: 'entities' });
    const ia = documentLayers(a).entities.find((e) => e.name === 'International Atomic Energy Agency');
    const ib = documentLayers(b).entities.find((e) => e.name === 'International Atomic Energy Agency');
    expect(ia?.aliases).toContain('IAEA');
    expect(ia?.entity_id).toBe(ib?.entity_id);
    expect(ia?.entity_id).toBe(entityId('ORGANIZATION', 'International Atomic Energy Agency', ENTITY_ALIASES)); // the id of the alias table's entry (IAEA is one)
    expect(documentLayers(a).entities.find((e) => e.name === 'Vienna')?.entity_id).toBe(documentLayers(b).entities.find((e) => e.name === 'Vienna')?.entity_id);
  });
});
