import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { clusterMentions, mixedAcronym, type ClusterInput } from '../../src/entities/cluster.js';

const entities = (text: string) => runPipeline(createDoc({ text }), { until: 'entities' }).entities;
const m = (text: string, type: ClusterInput['type'], at: number): ClusterInput => ({ text, type, tokenStart: at, tokenEnd: at + text.split(' ').length });
const nationality = (name: string) => name === 'Scottish' || name === 'French';
const countryOf = (name: string) => (name === 'US' ? 'US' : null);

describe('one thing, one record', () => {
  it('joins an acronym written with "&" or lowercase small words to its expansion', () => {
    expect(mixedAcronym('P&Q')).toBe('pq');
    expect(mixedAcronym('DfWP')).toBe('dwp');
    expect(mixedAcronym('MoT')).toBe('mt');
    expect(mixedAcronym('ABCs')).toBe('abc');
    expect(mixedAcronym('McLeish')).toBe('');
    expect(mixedAcronym('Smith')).toBe('');
    const shop = clusterMentions([m('Pratt & Quayle', 'ORGANIZATION', 0), m('P&Q', 'ORGANIZATION', 10)]);
    expect(shop.map((c) => [c.name, c.members])).toEqual([['Pratt & Quayle', [0, 1]]]);
    expect(clusterMentions([m('BBQs Festival', 'MISC', 0), m('BBQs', 'MISC', 10)])).toHaveLength(1);
    const office = clusterMentions([m('Department for Work and Pensions', 'ORGANIZATION', 0), m('DfWP', 'ORGANIZATION', 10)]);
    expect(office).toHaveLength(1);
    // A name with lowercase letters that are no small words' initials is no acronym.
    const person = clusterMentions([m('Milton Corbett', 'PERSON', 0), m('McCorbin', 'PERSON', 10)]);
    expect(person).toHaveLength(2);
  });

  it('joins a name of two words or more to the same name with a country or nationality before it', () => {
    const court = clusterMentions([m('US Tax Court', 'ORGANIZATION', 0), m('Tax Court', 'ORGANIZATION', 10)], { countryOf });
    expect(court.map((c) => [c.name, c.members])).toEqual([['US Tax Court', [0, 1]]]);
    const board = clusterMentions([m('Scottish Salmon Board', 'ORGANIZATION', 0), m('Salmon Board', 'ORGANIZATION', 10)], { isNationality: nationality });
    expect(board).toHaveLength(1);
    // Not any first word: "Old" is no country.
    expect(clusterMentions([m('Old Tax Court', 'ORGANIZATION', 0), m('Tax Court', 'ORGANIZATION', 10)], { countryOf })).toHaveLength(2);
  });

  it('reads a given name and a month written as a word of its own as a person', () => {
    const es = entities('Rules may change and firms may object. Conservative spokeswoman Teresa May said the plans may fail. The vote is due in May 2006.');
    expect(es.find((e) => e.name === 'Teresa May')?.type).toBe('PERSON');
    expect(es.some((e) => e.name === 'Teresa')).toBe(false);
  });

  it('joins a given name alone, typed otherwise, to the one person of the article it starts', () => {
    const es = entities('Radio host Huw Pritchard will present the new show. Fans of Huw have waited months.');
    expect(es.find((e) => e.name === 'Huw Pritchard')?.aliases).toContain('Huw');
    expect(es.some((e) => e.name === 'Huw')).toBe(false);
    // A work's title named after its subject stays apart.
    const film = entities('The film Ray won praise for Ray Charles\'s story. Jamie Foxx starred in Ray last year.');
    expect(film.some((e) => e.name === 'Ray')).toBe(true);
    // A name the gazetteer knows only as a company's does not make the company a person.
    const cars = entities('Aston Martin sold more cars. Aston said demand was strong.');
    expect(cars.find((e) => e.name === 'Aston')?.type).toBe('ORGANIZATION');
  });
});

describe('line-up initials "A" and "I"', () => {
  const names = (text: string) => new Map(entities(text).map((e) => [e.name, e.type] as const));

  it('reads "A" and "I" before a surname in a line-up as initials, not as the article and the pronoun', () => {
    const t = names('Wexford: G Hallam; B Tennant, A Pellow, F Mossop; R Quade, I Brannock. Replacements: A Corwen, D Lusk, I Abernath.');
    for (const n of ['A Pellow', 'I Brannock', 'A Corwen', 'I Abernath']) expect([n, t.get(n)]).toEqual([n, 'PERSON']);
    for (const n of ['Pellow', 'Brannock', 'Corwen', 'Abernath']) expect(t.has(n)).toBe(false);
    // A line-up line opening with one.
    const bench = names('Squad named. Forwards: G Hallam, B Tennant, F Mossop, R Quade.\nA Fennick, D Lusk, S Orde.');
    expect(bench.get('A Fennick')).toBe('PERSON');
    // "A Pellow" joins the full name of the report, as "B Tennant" does.
    const report = entities('Adam Pellow scored twice. Wexford: G Hallam; B Tennant, A Pellow, F Mossop; R Quade, I Brannock.');
    expect(report.filter((e) => e.name.endsWith('Pellow')).map((e) => [e.name, e.aliases])).toEqual([['Adam Pellow', ['A Pellow']]]);
  });

  it('leaves "A" an article outside line-ups and before a nationality', () => {
    const t = names('A Frenchman, G Hallam, B Tennant and F Mossop were picked; R Quade, A Pellow and I Brannock were not.');
    expect(t.has('A Frenchman')).toBe(false);
    expect(names('A Pellow, a builder, said so.').has('A Pellow')).toBe(false);
  });
});

describe('nicknames in quotes', () => {
  it('keeps a quoted nickname between a given name and a surname inside one person\'s name', () => {
    const rap = entities('Label boss Carlton "Ace" Pendry was arrested. Pendry denied it.');
    expect(rap.filter((e) => e.type === 'PERSON').map((e) => [e.name, e.aliases])).toEqual([['Carlton "Ace" Pendry', ['Pendry']]]);
    const striker = entities("Forward Ahmed 'Zizo' Mansour scored twice.").filter((e) => e.type === 'PERSON');
    expect(striker.map((e) => e.name)).toEqual(["Ahmed 'Zizo' Mansour"]);
  });

  it('leaves a quotation that follows a name alone', () => {
    const t = entities('Pendry said "Yes" Mansour nodded.');
    expect(t.some((e) => e.name.includes('"'))).toBe(false);
  });
});
