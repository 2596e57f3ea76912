import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { COUNTRY_ALIASES } from '../../src/entities/geo.js';
import { ENTITY_ALIASES } from '../../src/entities/aliases.js';
import { entityId } from '../../src/document/ids.js';

const entities = (text: string) => {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'entities' });
  return doc.entities;
};

describe('one id per country across articles (alias table)', () => {
  it('gives every name of a country the same canonical key', () => {
    const us = COUNTRY_ALIASES.canonical('LOCATION', 'united states');
    expect(us).toBeDefined();
    for (const k of ['us', 'usa', 'united states of america']) expect(COUNTRY_ALIASES.canonical('LOCATION', k)).toBe(us);
    expect(COUNTRY_ALIASES.canonical('LOCATION', 'britain')).toBe(COUNTRY_ALIASES.canonical('LOCATION', 'uk'));
    expect(COUNTRY_ALIASES.canonical('LOCATION', 'france')).not.toBe(us);
    expect(COUNTRY_ALIASES.canonical('PERSON', 'jordan')).toBeUndefined();
  });

  it('US, U.S. and United States in different articles get one entity_id', () => {
    const ids = ['The US economy grew last year.', 'Officials in the United States said so on Monday.', 'U.S. officials met on Monday.'].map(
      (t) => entities(t).find((e) => e.type === 'LOCATION')?.id,
    );
    expect(ids[0]).toBe(entityId('LOCATION', 'United States', COUNTRY_ALIASES));
    expect(new Set(ids).size).toBe(1);
  });

  it('Britain and the UK in one article are one entity with the other name as an alias', () => {
    const es = entities('Britain will vote in May. The UK election campaign starts today.').filter((e) => e.type === 'LOCATION');
    expect(es).toHaveLength(1);
    expect([es[0]!.name, ...es[0]!.aliases].sort()).toEqual(['Britain', 'UK']);
    expect(es[0]!.mentions).toHaveLength(2);
  });
});

describe('one id per US state and per well-known organisation (alias table)', () => {
  it('gives a state and an organisation one canonical key for all their names, by type', () => {
    const ny = ENTITY_ALIASES.canonical('LOCATION', 'ny');
    expect(ny).toBeDefined();
    expect(ENTITY_ALIASES.canonical('LOCATION', 'new york state')).toBe(ny);
    expect(ENTITY_ALIASES.canonical('LOCATION', 'new york')).toBeUndefined(); // the city, more often
    expect(ENTITY_ALIASES.canonical('LOCATION', 'calif')).toBe(ENTITY_ALIASES.canonical('LOCATION', 'california'));
    expect(ENTITY_ALIASES.canonical('LOCATION', 'la')).toBeUndefined(); // "La." and "LA" share a key, and LA is Los Angeles
    expect(ENTITY_ALIASES.canonical('LOCATION', 'georgia')).toMatch(/^country:/);
    const fed = ENTITY_ALIASES.canonical('ORGANIZATION', 'fed');
    expect(ENTITY_ALIASES.canonical('ORGANIZATION', 'federal reserve')).toBe(fed);
    expect(ENTITY_ALIASES.canonical('ORGANIZATION', 'nato')).toBe(ENTITY_ALIASES.canonical('ORGANIZATION', 'north atlantic treaty organization'));
    expect(ENTITY_ALIASES.canonical('PERSON', 'fed')).toBeUndefined();
    expect(ENTITY_ALIASES.canonical('ORGANIZATION', 'us')).toBeUndefined();
    // International and British bodies news names by their initials or a short name.
    expect(ENTITY_ALIASES.canonical('ORGANIZATION', 'wada')).toBe(ENTITY_ALIASES.canonical('ORGANIZATION', 'world anti-doping agency'));
    expect(ENTITY_ALIASES.canonical('ORGANIZATION', 'boe')).toBe(ENTITY_ALIASES.canonical('ORGANIZATION', 'bank of england'));
    expect(ENTITY_ALIASES.canonical('ORGANIZATION', 'al qaida')).toBe(ENTITY_ALIASES.canonical('ORGANIZATION', 'al-qaeda'));
    expect(ENTITY_ALIASES.canonical('ORGANIZATION', 'fifa')).toBeDefined();
    expect(ENTITY_ALIASES.canonical('ORGANIZATION', 'commons')).toBe(ENTITY_ALIASES.canonical('ORGANIZATION', 'house of commons'));
    expect(ENTITY_ALIASES.canonical('ORGANIZATION', 'guardian')).toBe(ENTITY_ALIASES.canonical('ORGANIZATION', 'the guardian'));
    expect(ENTITY_ALIASES.canonical('ORGANIZATION', 'sun')).toBeUndefined(); // "the Sun": a common word too
    expect(ENTITY_ALIASES.canonical('ORGANIZATION', 'parliament')).toBeDefined();
  });

  it('the Fed and the Federal Reserve in different articles get one entity_id', () => {
    const ids = ['The Federal Reserve raised interest rates on Tuesday.', 'Analysts said the Fed would act again in March.'].map(
      (t) => entities(t).find((e) => e.type === 'ORGANIZATION')?.id,
    );
    expect(ids[0]).toBeDefined();
    expect(ids[0]).toBe(ids[1]);
  });
  it('a one-word name of a well-known organisation the recogniser left untagged is that organisation ("the Fed", "the Commons")', () => {
    const es = entities('She told the BBC on Monday that the IMF and the Fed were wrong. The Tories disagreed in the Commons.');
    const fed = es.find((e) => e.name === 'Fed');
    expect(fed?.type).toBe('ORGANIZATION');
    expect(fed?.id).toBe(entities('The Federal Reserve raised interest rates on Tuesday.').find((e) => e.type === 'ORGANIZATION')?.id);
    expect(es.find((e) => e.name === 'Commons')?.type).toBe('ORGANIZATION');
    // Not a word opening its sentence, nor a part of a longer name.
    expect(entities('Fed up with delays, fans left. The Fed Cup final starts.').map((e) => e.name)).not.toContain('Fed');
  });
  it('a name of the organisation table is an organisation whatever its context typed it', () => {
    const doc = createDoc({ text: 'The Tories said the Tories would win.' });
    runPipeline(doc, { until: 'entities' });
    expect(doc.entities.filter((e) => e.name === 'Tories').map((e) => e.type)).toEqual(['ORGANIZATION']);
  });
  it('an organisation with and without its legal form ("Microsoft Corp", "Tesco plc", "the Labour Party") has one id', () => {
    const id = (name: string) => entityId('ORGANIZATION', name, ENTITY_ALIASES);
    expect(id('Microsoft Corp')).toBe(id('Microsoft'));
    expect(id('Sony Corporation')).toBe(id('Sony'));
    expect(id('Tesco plc')).toBe(id('Tesco'));
    expect(id('Labour Party')).toBe(id('Labour'));
    expect(id('Microsoft Corp')).not.toBe(id('Microsoft Research'));
    // Only organisations: a place named "… Co" is left alone.
    expect(entityId('LOCATION', 'Tipperary Co', ENTITY_ALIASES)).not.toBe(entityId('LOCATION', 'Tipperary', ENTITY_ALIASES));
  });
});
