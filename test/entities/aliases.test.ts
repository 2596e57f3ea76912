import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { COUNTRY_ALIASES } from '../../src/entities/geo.js';
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
