import { describe, expect, it } from 'vitest';
import { createDoc } from '../../src/text/create-doc.js';
import { runPipeline } from '../../src/pipeline.js';
import { documentLayers } from '../../src/document/build.js';
import { resolvePlace } from '../../src/entities/geo.js';

/** The entity layer of a text run through the pipeline up to the entity stage. */
const entities = (text: string) => {
  const doc = createDoc({ text });
  runPipeline(doc, { until: 'entities' });
  return documentLayers(doc).entities;
};

const places = (text: string) => {
  const out = new Map<string, string>();
  for (const e of entities(text)) {
    if (e.type === 'LOCATION') out.set(e.name, `${e.subtype}:${e.geo?.country_code ?? '-'}:${e.geo ? Math.round(e.geo.longitude) : '-'}`);
  }
  return out;
};

describe('geocoding in context', () => {
  it('knows the world regions news names beyond the UN scheme ("Middle East", "Latin America")', () => {
    expect(resolvePlace('Middle East').subtype).toBe('region');
    expect(resolvePlace('the Middle East').subtype).toBe('region');
    expect(resolvePlace('Latin America').subtype).toBe('region');
  });

  it('reads "City ST" without a comma as one place ("Washington D.C.", "Portland Oregon")', () => {
    expect(resolvePlace('Washington D.C.')).toMatchObject({ subtype: 'city', region: 'US-DC' });
    expect(resolvePlace('Washington DC').geo?.country_code).toBe('US');
    expect(resolvePlace('Portland Oregon').region).toBe('US-OR');
    expect(resolvePlace('Kansas City').subtype).toBeNull(); // no region named "city"
  });

  it('lets a city that one large namesake dominates speak for its country ("London" places Birmingham in England)', () => {
    const p = places('Councils in Manchester and Birmingham voted against the plan. London followed.');
    expect(p.get('Birmingham')).toBe('city:GB:-2');
    expect(p.get('Manchester')).toBe('city:GB:-2');
    // Without such a city, an ambiguous name stays unresolved.
    expect(places('Councils in Manchester and Birmingham voted against the plan.').get('Birmingham')).toBe('null:-:-');
  });

  it('reads "City, ST" and "City, Region" as one place', () => {
    const p = places('The firm moved from Rochester, N.Y., to Portland, Maine, after its founder left Paris, Texas, for Cambridge, Massachusetts.');
    expect(p.get('Rochester')).toBe('city:US:-78'); // not Rochester, Minnesota
    expect(p.get('Portland')).toBe('city:US:-70'); // not Portland, Oregon (-123)
    expect(p.get('Paris')).toBe('city:US:-96'); // not the capital of France
    expect(p.get('Cambridge')).toBe('city:US:-71');
  });

  it('lets the other places of the article choose among cities of one name', () => {
    expect(places('Voters in Alabama went to the polls. Turnout in Birmingham was high.').get('Birmingham')).toBe('city:US:-87');
    expect(places('Across England, fans gathered. Turnout in Birmingham was high.').get('Birmingham')).toBe('city:GB:-2');
    expect(places('The UK team trained in Manchester on Monday.').get('Manchester')).toBe('city:GB:-2');
    // A named country speaks only for a namesake of some size: "US" alone does not pick
    // Birmingham, Alabama (212,000 people) over Birmingham, England (984,000).
    expect(places('Officials in the US said turnout in Birmingham was high.').get('Birmingham')).toBe('null:-:-');
    expect(places('Officials in Maine said turnout in Portland was high.').get('Portland')).toBe('city:US:-70');
  });

  it('reads a list of places as a list, not as "City, Country"', () => {
    expect(places('The airline flies to London, Singapore and Kuala Lumpur.').get('London')).toBe('city:GB:0');
  });

  it('leaves a shared name unresolved without evidence, and keeps a capital against a vote', () => {
    expect(places('Turnout in Birmingham was high, officials said.').get('Birmingham')).toBe('null:-:-');
    expect(places('In England, a Washington official spoke.').get('Washington')).toBe('city:US:-77');
  });

  it('knows cities by their English names and without their accents', () => {
    for (const [name, cc] of [['Cologne', 'DE'], ['Geneva', 'CH'], ['Zurich', 'CH'], ['Zürich', 'CH'], ['Seville', 'ES'], ['Kiev', 'UA'], ['Frankfurt', 'DE'], ['Gothenburg', 'SE'], ['Bombay', 'IN']] as const) {
      expect(resolvePlace(name).geo?.country_code, name).toBe(cc);
    }
    expect(resolvePlace('Frankfurt').geo?.longitude).toBeCloseTo(8.68, 1); // am Main, not (Oder)
    expect(resolvePlace('Los Angeles').geo?.country_code).toBe('US'); // not Los Ángeles, Chile
    expect(resolvePlace('America').geo?.country_code).toBe('US'); // the continents are North, South and Latin America
  });

  it('resolves first-level regions and common country names', () => {
    const p = places('Britain, Scotland, Wales and England agreed; Texas, Ontario and Queensland did not.');
    expect(p.get('Britain')).toBe('country:GB:-2');
    for (const region of ['Scotland', 'Wales', 'England']) expect(p.get(region)).toMatch(/^region:GB:/);
    expect(p.get('Texas')).toBe('region:US:-98');
    expect(resolvePlace('Ontario').geo?.country_code).toBe('CA'); // the province, not Ontario, California
    expect(resolvePlace('N.Y.').subtype).toBe('region');
    expect(resolvePlace('Georgia').subtype).toBe('country'); // the bare name stays the country
  });

  it('reads a country\'s name that a US state shares as the state where the article says so', () => {
    // After a city of the state, before a state-level word, or among places of the state's country.
    expect(places('The storm hit Atlanta, Georgia, on Monday.').get('Georgia')).toBe('region:US:-84');
    expect(places("Georgia's governor signed the bill on Monday.").get('Georgia')).toBe('region:US:-84');
    expect(places('Voters in Georgia and Florida went to the polls.').get('Georgia')).toBe('region:US:-84');
    // After a city of the state and a comma, whatever the recogniser made of the city.
    expect(places('Augusta, Georgia, hosts the Masters.').get('Georgia')).toBe('region:US:-84');
    // The country where the article points there, or points nowhere.
    expect(places('Russian troops entered Georgia in 2008. The Georgian government in Tbilisi protested.').get('Georgia')).toBe('country:GE:44');
    expect(places('The EU and Georgia signed a trade pact.').get('Georgia')).toBe('country:GE:44');
    // A country named by its code stays the country: "CA" and "PA" are Canada and Panama before they are states.
    expect(places('Ottawa, Canada, was quiet.').get('Canada')).toBe('country:CA:-95');
  });

  it('gives namesakes the article tells apart their own ids, and the usual reading the name\'s id', () => {
    const idOf = (text: string, name: string) => entities(text).find((e) => e.name === name)!.entity_id;
    const state = idOf("Georgia's governor signed the bill on Monday.", 'Georgia');
    const country = idOf('The EU and Georgia signed a trade pact.', 'Georgia');
    expect(state).not.toBe(country);
    expect(idOf('Voters in Georgia and Florida went to the polls.', 'Georgia')).toBe(state);
    expect(idOf('The storm hit Atlanta, Ga., on Monday.', 'Ga.')).toBe(state); // the state's alias group
    expect(idOf('Russian troops entered Georgia in 2008. The Georgian government in Tbilisi protested.', 'Georgia')).toBe(country);
    // Birmingham, Alabama and Birmingham, England are two places, two ids.
    const alabama = idOf('Voters in Alabama went to the polls. Turnout in Birmingham was high.', 'Birmingham');
    expect(alabama).not.toBe(idOf('Across England, fans gathered. Turnout in Birmingham was high.', 'Birmingham'));
    // A place the context leaves at its usual reading keeps the id of its name.
    expect(idOf('The UK team trained in London on Monday.', 'London')).toBe(idOf('Fans in London cheered.', 'London'));
  });

  it('geocodes only places', () => {
    const delta = entities('Delta Air Lines said on Monday it would cut flights from Atlanta.').find((e) => e.name.startsWith('Delta'));
    expect(delta?.type).toBe('ORGANIZATION');
    expect(delta?.geo).toBeNull();
  });

  it('reads a one-word "place" that starts a company\'s name, spoken of as a company, as that company', () => {
    const delta = entities('She was suspended by Delta in September. A Delta spokesperson confirmed it. She sued Delta Airlines in March.');
    const company = delta.find((e) => e.name === 'Delta Airlines')!;
    expect(company.type).toBe('ORGANIZATION');
    expect(company.aliases).toContain('Delta');
    expect(delta.filter((e) => e.type === 'LOCATION')).toEqual([]);
    // A one-word name spoken of as a company is one, without a fuller name beside it.
    const slough = entities('Shares in Slough rose 4p. Slough\'s chairman Sir Nigel Mobbs welcomed the results.');
    expect(slough.find((e) => e.name === 'Slough')?.type).toBe('ORGANIZATION');
    expect(entities('Voters in Slough backed Labour. Slough shares its hospital with Windsor.').find((e) => e.name === 'Slough')?.type).toBe('LOCATION');
    // An apposition after the name that ends in a company noun; not a clause ("Smith, whose firm …").
    expect(entities("Wipro, India's third-biggest software firm, has reported a rise in profit.").find((e) => e.name === 'Wipro')?.type).toBe('ORGANIZATION');
    expect(entities('Tom Smith, whose firm makes toys, said sales rose.').find((e) => e.name === 'Tom Smith')?.type).toBe('PERSON');
    // A company noun in apposition before the name, after a modifier ("car company DaimlerChrysler"); not after an article.
    expect(entities('International car company DaimlerChrysler said it would cut 13,000 jobs.').find((e) => e.name === 'DaimlerChrysler')?.type).toBe('ORGANIZATION');
    // A name in a list of examples after a plural noun for organisations ("firms such as", "sites like").
    const listed = entities('The success of sites such as Zorbly, Quentix and Vellamo showed it. It helps firms like Quentix.');
    expect(listed.filter((e) => ['Zorbly', 'Quentix', 'Vellamo'].includes(e.name)).map((e) => e.type)).toEqual(['ORGANIZATION', 'ORGANIZATION', 'ORGANIZATION']);
    expect(entities('Countries such as Norway and Sweden agreed.').filter((e) => e.type === 'ORGANIZATION')).toEqual([]);
    // Unions, charities and the like too: "Britain's biggest union Unison".
    expect(entities("In four days, Britain's biggest union Unison will start balloting workers.").find((e) => e.name === 'Unison')?.type).toBe('ORGANIZATION');
    expect(entities('He left the company Jobs founded in 1976.').find((e) => e.name === 'Jobs')?.type).not.toBe('ORGANIZATION');
    // A known city's shares are its market's.
    expect(entities('Shares in London rose on Monday, and Tokyo shares fell.').filter((e) => e.type !== 'LOCATION').map((e) => e.name)).toEqual([]);
    expect(entities('The play echoed the money lender Shylock in The Merchant of Venice.').find((e) => e.name === 'Shylock')?.type).not.toBe('ORGANIZATION');
    // A country stays a place beside its airline.
    const sg = entities('Singapore Airlines staff flew to Singapore. A Singapore spokesman said so.');
    expect(sg.find((e) => e.name === 'Singapore')?.type).toBe('LOCATION');
  });

  it('reads "New York attorney general" and "Washington state" as the states, "police in New York" as the city', () => {
    expect(places('The New York attorney general, Eliot Spitzer, sued the firm.').get('New York')).toBe('region:US:-74');
    expect(places('Washington state voters approved the plan.').get('Washington')).toBe('region:US:-122');
    expect(places('Police in New York arrested two men.').get('New York')).toBe('city:US:-74');
  });
});
