import { describe, expect, it } from 'vitest';
import { entityId } from '../../src/document/ids.js';
import { geoKey, resolvePlace } from '../../src/entities/geo.js';
import { extract } from '../../src/pipeline.js';
import { entityKey, GrowingNameKeyHash, keyHash, nameKey, type NameAliases } from '../../src/text/names.js';

describe('one name key', () => {
  it('folds dots, apostrophes, dashes, case and spacing, nothing else', () => {
    expect(nameKey('U.S.')).toBe('us');
    expect(nameKey('U.S')).toBe('us');
    expect(nameKey('US')).toBe('us');
    expect(nameKey('O’Brien')).toBe(nameKey("O'Brien"));
    expect(nameKey('Guinea–Bissau')).toBe('guinea-bissau');
    expect(nameKey('  Vladimir   PUTIN ')).toBe('vladimir putin');
    expect(nameKey('Paris')).not.toBe(nameKey('Parish'));
  });

  it('entity ids and the gazetteer use it', () => {
    expect(entityId('LOCATION', 'U.S.')).toBe(entityId('LOCATION', 'US'));
    expect(entityId('LOCATION', 'U.S')).toBe(entityId('LOCATION', 'US'));
    expect(entityId('ORGANIZATION', 'US')).not.toBe(entityId('LOCATION', 'US'));
    expect(geoKey('the U.S.')).toBe(nameKey('US'));
    expect(resolvePlace('U.S').geo?.country_code).toBe(resolvePlace('US').geo?.country_code);
  });

  it('an alias table plugs in at entityKey', () => {
    const aliases: NameAliases = { canonical: (type, key) => (type === 'LOCATION' && key === 'united states' ? 'us' : undefined) };
    expect(entityKey('LOCATION', 'United States', aliases)).toBe(entityKey('LOCATION', 'U.S.'));
    expect(entityKey('LOCATION', 'United States')).not.toBe(entityKey('LOCATION', 'U.S.'));
  });

  it('"U.S." in one article and "US" in another get the same entity_id', () => {
    const a = extract('The U.S. imposed new sanctions on Iran on Friday, officials in Washington said.');
    const b = extract('The US imposed new sanctions on Iran on Friday, officials in Washington said.');
    const us = (d: ReturnType<typeof extract>) => d.entities.find((e) => nameKey(e.name) === 'us');
    expect(us(a)?.name).toBe('U.S.');
    expect(us(b)?.name).toBe('US');
    expect(us(a)!.entity_id).toBe(us(b)!.entity_id);
  });
});

describe('GrowingNameKeyHash', () => {
  const hashOf = (text: string, a: number, b: number) => new GrowingNameKeyHash(text, a).hashTo(b);
  it('hashes an ASCII slice as keyHash hashes its name key, without building either', () => {
    const text = "said the Red Cross Society on Monday; the U.S. Army 's  men .";
    for (const [a, b] of [[9, 18], [5, 26], [0, 4], [42, 50], [42, 45], [42, 61], [51, 61], [50, 54]] as const) expect(hashOf(text, a, b)).toBe(keyHash(nameKey(text.slice(a, b))));
  });
  it('gives every end from one start the hash of that slice alone', () => {
    const text = "  O'Brien`s Co. . Ltd  of  the  U.S.A. ";
    for (let a = 0; a < text.length; a++) {
      const growing = new GrowingNameKeyHash(text, a);
      for (let b = a; b <= text.length; b++) expect(growing.hashTo(b)).toBe(keyHash(nameKey(text.slice(a, b))));
    }
  });
  it('gives -1 from the first character only nameKey folds (non-ASCII, control characters)', () => {
    const h = new GrowingNameKeyHash('Red Cross Fédération', 0);
    expect(h.hashTo(9)).toBe(keyHash('red cross'));
    expect(h.hashTo(20)).toBe(-1);
    expect(new GrowingNameKeyHash('Red\tCross', 0).hashTo(9)).toBe(-1);
  });
});
