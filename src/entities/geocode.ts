/**
 * Places geocoded in their article's context. A place name alone is resolved
 * by the gazetteer (`resolvePlace`); several cities share many names
 * (Birmingham in England and in Alabama, Portland in Oregon and in Maine), so
 * the article decides where it can:
 *  - "City, ST" and "City, Country" read as one place: the city in that region
 *    or country ("Rochester, N.Y.", "Paris, Texas", "Birmingham, Alabama"),
 *    when there is one (else it is a list: "London, Singapore and Kuala Lumpur");
 *  - otherwise the other places of the article vote: the countries and
 *    first-level regions it names and the cities whose name is not shared or
 *    that one namesake dominates (London; nationalities do not: foreigners are news anywhere). A city in a named
 *    region counts twice as much as one in a named country, and a named
 *    country counts only for a namesake of some size.
 * A capital is not moved by the vote (Washington stays the capital in an
 * article that also names England), only by an explicit qualifier.
 */
import type { Doc, DocEntity } from '../text/doc.js';
import { cityCandidates, cityGeo, demonymCountry, regionNamesake, resolvePlace, resolveTown, type CityCandidate, type PlaceInfo } from './geo.js';

/**
 * What a LOCATION entity's names resolve to on their own: the canonical name
 * first, then its aliases (short codes such as "NE" of "North East" are not tried).
 */
export function placeOfNames(name: string, aliases: readonly string[]): { place: PlaceInfo; form: string } {
  const own = resolvePlace(name);
  if (own.subtype) return { place: own, form: name };
  for (const form of aliases) {
    if (form.replace(/\./g, '').length <= 3) continue;
    const place = resolvePlace(form);
    if (place.subtype) return { place, form };
  }
  return { place: own, form: name };
}

/** Words after a place name that make it a state: its offices, its legislature, "state" itself. */
const STATE_LEVEL = new Set(['state', 'governor', 'gov.', 'attorney', 'attorney-general', 'legislature', 'legislators', 'senator', 'sen.', 'statehouse', 'assembly', 'senate', 'congressman', 'congresswoman', 'primary', 'caucuses']);

const POSSESSIVE_S = new Set(["'s", '’s']);

type PlaceEntity = Pick<DocEntity, 'type' | 'subtype' | 'name' | 'aliases' | 'geo' | 'mentions'>;

/**
 * A shared city name that one namesake of a million people or more dominates (ten times the next one's
 * population: London, Paris, Moscow, Sydney; not Birmingham, Portland or Norfolk, Virginia, which in
 * British news is more often the county) reads as that city firmly enough to speak for its country.
 */
function dominant(cands: readonly CityCandidate[]): boolean {
  return cands.length > 0 && cands[0]![5] >= 1e6 && (cands.length < 2 || cands[0]![5] >= 10 * cands[1]![5]);
}

/** Whether a city of that name lies in the region (its usual reading, or one of the cities sharing the name). */
function cityOf(word: string, region: string): boolean {
  const p = resolvePlace(word);
  return (p.subtype === 'city' && p.region === region) || cityCandidates(word).some((c) => `${c[0]}-${c[1]}` === region);
}

/** Re-chooses the city of LOCATION entities whose name several cities share, from the article (mutates geo and subtype). */
export function geocodeInContext(doc: Doc, entities: readonly PlaceEntity[]): void {
  const toks = doc.tokens;
  const places = entities.filter((e) => e.type === 'LOCATION');
  // Each place's reading on its own names, and the cities of the name that reading used (filled in one loop: no
  // arrays of pairs per place).
  const own = new Map<PlaceEntity, PlaceInfo>();
  const shared = new Map<PlaceEntity, readonly CityCandidate[]>();
  for (const e of places) {
    const { place, form } = placeOfNames(e.name, e.aliases);
    own.set(e, place);
    shared.set(e, cityCandidates(form));
  }

  // The article's context: countries and regions it names, its nationalities, its unshared cities.
  const countries = new Set<string>();
  const regions = new Set<string>();
  // The country a dominant shared city votes for: it may not vote for itself ("Sale" would keep Salé, Morocco).
  const ownVote = new Map<PlaceEntity, string>();
  for (const e of entities) {
    if (e.type === 'LOCATION') {
      const p = own.get(e)!;
      if (!p.geo?.country_code || (p.subtype === 'city' && shared.get(e)!.length > 0 && !dominant(shared.get(e)!))) continue;
      if (p.subtype === 'city' && shared.get(e)!.length > 0) {
        // Its country only: London speaks for Birmingham, England, as a country does (for a namesake of
        // some size), not for every English Boston as the region England itself would.
        ownVote.set(e, p.geo.country_code);
        continue;
      }
      countries.add(p.geo.country_code);
      if (p.region) regions.add(p.region);
    }
  }

  // "Buffalo, N.Y.": a place right after a comma after a city's mention qualifies it.
  const startsAt = new Map<number, { e: PlaceEntity; end: number }>();
  for (const e of places) for (const m of e.mentions) startsAt.set(m.tokenStart, { e, end: m.tokenEnd });
  const qualifier = new Map<PlaceEntity, PlaceInfo>();
  /** Countries whose name is also a region's, found qualifying a city of that region ("Atlanta, Georgia"). */
  const qualifiesAsRegion = new Set<PlaceEntity>();
  const cityIn = (e: PlaceEntity, region: string) => own.get(e)!.region === region || shared.get(e)!.some((c) => `${c[0]}-${c[1]}` === region);
  for (const e of places) {
    for (const m of e.mentions) {
      const q = toks[m.tokenEnd]?.text === ',' ? startsAt.get(m.tokenEnd + 1) : undefined;
      if (!q || q.e === e || toks[m.tokenEnd + 1]!.sentence !== toks[m.tokenStart]!.sentence) continue;
      // The qualifier's own words first: "N.Y." is the state even where the article's "New York" is the city.
      const qualifierText = doc.text.slice(toks[m.tokenEnd + 1]!.start, toks[q.end - 1]!.end);
      const words = resolvePlace(qualifierText);
      let qp = words.subtype ? words : own.get(q.e)!;
      // "Atlanta, Georgia": a country's name that is also a region's, after a city of that region, is the region.
      const namesake = qp.subtype === 'country' ? regionNamesake(qualifierText) : null;
      if (namesake && own.get(e)!.subtype !== 'country' && cityIn(e, namesake.region!)) {
        qp = namesake;
        qualifiesAsRegion.add(q.e);
      }
      if (qp.geo && (qp.subtype === 'country' || (qp.subtype === 'region' && qp.region))) qualifier.set(e, qp);
    }
  }

  // A country whose name a region shares ("Georgia", the country or the US state) is the region when it
  // qualifies a city of the region, when a state-level word follows it ("Georgia's governor"), or when the
  // article's places below country level and its nationalities lie more in the region's country than in it.
  for (const e of places) {
    const p = own.get(e)!;
    const namesake = p.subtype === 'country' ? regionNamesake(e.name) : null;
    if (!namesake) continue;
    // (A city of the region right before the comma counts whatever the recogniser made of it, or if it tagged nothing.)
    const cityBefore = (i: number) => i >= 2 && toks[i - 1]!.text === ',' && toks[i - 2]!.sentence === toks[i]!.sentence && /^\p{Lu}/u.test(toks[i - 2]!.text) && cityOf(toks[i - 2]!.text, namesake.region!);
    let toRegion = qualifiesAsRegion.has(e) || e.mentions.some((m) => cityBefore(m.tokenStart)) || e.mentions.some((m) => STATE_LEVEL.has(toks[m.tokenEnd]?.text.toLowerCase() ?? '') || (POSSESSIVE_S.has(toks[m.tokenEnd]?.text ?? '') && STATE_LEVEL.has(toks[m.tokenEnd + 1]?.text.toLowerCase() ?? '')));
    if (!toRegion) {
      let there = 0;
      let home = 0;
      for (const o of entities) {
        if (o === e) continue;
        const cc = o.type === 'LOCATION' ? (own.get(o)!.subtype === 'city' || own.get(o)!.subtype === 'region' ? own.get(o)!.geo?.country_code : undefined) : o.subtype === 'nationality' ? demonymCountry(o.name) : undefined;
        if (cc === namesake.geo!.country_code) there++;
        else if (cc === p.geo?.country_code) home++;
      }
      toRegion = there > home;
    }
    if (!toRegion) continue;
    e.geo = namesake.geo;
    e.subtype = 'region';
    own.set(e, namesake);
    regions.add(namesake.region!);
  }

  for (const e of places) {
    const p = own.get(e)!;
    // "the New York attorney general", "Washington state": a state-level office or the word "state"
    // after a city's name that is also a US state's ("<name> State" in the table) makes it the state.
    if (p.subtype === 'city') {
      const stateWord = (k: number) => STATE_LEVEL.has(toks[k]?.text.toLowerCase() ?? '');
      if (e.mentions.some((m) => stateWord(m.tokenEnd) || ((toks[m.tokenEnd]?.text === "'s" || toks[m.tokenEnd]?.text === '’s') && stateWord(m.tokenEnd + 1)))) {
        const state = resolvePlace(`${e.name} State`);
        if (state.subtype === 'region' && state.geo) {
          e.geo = state.geo;
          e.subtype = 'region';
          continue;
        }
      }
    }
    if (p.subtype === 'country' || p.subtype === 'region') continue;
    const cands = shared.get(e)!;
    const regionOf = (c: CityCandidate) => `${c[0]}-${c[1]}`;
    const q = qualifier.get(e);
    if (q) {
      // The named region or country decides among the cities of that name (or the one city the gazetteer knows).
      const g = p.geo;
      const known: readonly CityCandidate[] =
        cands.length > 0 ? cands : p.subtype === 'city' && g?.country_code ? [[g.country_code, p.region?.slice(3) ?? '', g.latitude ?? 0, g.longitude ?? 0, g.geonames_id ?? 0, 0, 0]] : [];
      const fit = known.find((c) => (q.region ? regionOf(c) === q.region : c[0] === q.geo!.country_code));
      // No city of that name there: a list ("London, Singapore and Kuala Lumpur"), not a qualifier.
      if (fit) {
        e.geo = cityGeo(fit);
        e.subtype = 'city';
        continue;
      }
    }
    if (cands.length === 0) continue;
    // A named country only speaks for a namesake of some size (a quarter of the largest's population):
    // "US" in an article does not make Birmingham the one in Michigan.
    const major = (c: CityCandidate) => c[5] * 4 >= cands[0]![5];
    // The countries the dominant shared cities other than this one vote for.
    const voted = new Set(countries);
    for (const [o, cc] of ownVote) if (o !== e) voted.add(cc);
    const score = (c: CityCandidate) => (regions.has(regionOf(c)) ? 2 : 0) + (voted.has(c[0]) && major(c) ? 1 : 0);
    let best = cands[0]!;
    for (const c of cands) if (score(c) > score(best)) best = c; // ties: the more populous (candidates come sorted)
    if (score(best) === 0) continue; // no evidence: the gazetteer's answer (or none, for an ambiguous name)
    const dflt = p.subtype === 'city' ? cands.find((c) => c[4] === p.geo?.geonames_id) : undefined;
    if (dflt && (dflt[6] === 1 || score(dflt) >= score(best))) continue;
    e.geo = cityGeo(best);
    e.subtype = 'city';
  }
}

/**
 * A place the place table does not know that is the only town of its name ("Gateshead", "Llanelli": 30,000 to
 * 100,000 people, no namesake of comparable size) is that town when the article names another place of its
 * country, or a nationality of it: "Cornwall" in a British article is not Cornwall, Ontario. The town is the
 * name's only reading, so the entity keeps its name's id. (Mutates geo and subtype.)
 */
export function geocodeTowns(entities: DocEntity[]): void {
  let countries: Set<string> | null = null;
  for (const e of entities) {
    if (e.type !== 'LOCATION' || e.geo || e.subtype !== null || cityCandidates(e.name).length > 0) continue;
    const town = resolveTown(e.name);
    if (!town) continue;
    countries ??= new Set(entities.map((o) => (o.type === 'LOCATION' ? o.geo?.country_code : o.subtype === 'nationality' ? demonymCountry(o.name) : null)).filter((cc): cc is string => !!cc));
    if (!countries.has(town.geo!.country_code!)) continue;
    e.geo = town.geo;
    e.subtype = town.subtype;
  }
}
