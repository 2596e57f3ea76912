/**
 * The alias table beyond countries: US states and well-known organisations
 * whose short and long names both appear in news ("the Fed" / "the Federal
 * Reserve", "N.Y." / "New York State", "Nato" / "North Atlantic Treaty
 * Organization"). Plugged into the one name key with the country table, so one
 * real thing gets one entity_id in every article.
 *
 * Deliberately left out: names that more often mean something else in news —
 * "New York" and "Washington" (the cities), "Georgia" (the country, already
 * in the country table), and two-letter postal codes that are words or other
 * places ("LA", "IN", "OR", "ME", "OK", "HI", "OH", "DE", "MA", "AL",
 * "CO", "ID", "WA", "NE", "MS", "MT"), and "La." (its key is that of "LA", Los Angeles).
 */
import type { NameAliases } from '../text/names.js';
import { nameKey } from '../text/names.js';
import { AWARD_ALIASES } from '../lang/en/awards.js';
import { COUNTRY_ALIASES } from './geo.js';

/** [state, postal code, AP abbreviation(s)…]: a postal code of '' is not used on its own (see above). */
export const US_STATES: readonly (readonly string[])[] = [
  ['Alabama', '', 'Ala.'], ['Alaska', 'AK'], ['Arizona', 'AZ', 'Ariz.'], ['Arkansas', 'AR', 'Ark.'], ['California', 'CA', 'Calif.'],
  ['Colorado', '', 'Colo.'], ['Connecticut', 'CT', 'Conn.'], ['Delaware', '', 'Del.'], ['Florida', 'FL', 'Fla.'], ['Georgia (U.S. state)', '', 'Ga.'],
  ['Hawaii', ''], ['Idaho', ''], ['Illinois', 'IL', 'Ill.'], ['Indiana', '', 'Ind.'], ['Iowa', 'IA'], ['Kansas', 'KS', 'Kan.'],
  ['Kentucky', 'KY', 'Ky.'], ['Louisiana', ''], ['Maine', ''], ['Maryland', '', 'Md.'], ['Massachusetts', '', 'Mass.'],
  ['Michigan', 'MI', 'Mich.'], ['Minnesota', 'MN', 'Minn.'], ['Mississippi', '', 'Miss.'], ['Missouri', '', 'Mo.'], ['Montana', '', 'Mont.'],
  ['Nebraska', '', 'Neb.'], ['Nevada', 'NV', 'Nev.'], ['New Hampshire', 'NH', 'N.H.'], ['New Jersey', 'NJ', 'N.J.'], ['New Mexico', 'NM', 'N.M.'],
  ['New York State', 'NY', 'N.Y.'], ['North Carolina', 'NC', 'N.C.'], ['North Dakota', 'ND', 'N.D.'], ['Ohio', ''], ['Oklahoma', '', 'Okla.'],
  ['Oregon', '', 'Ore.'], ['Pennsylvania', '', 'Pa.'], ['Rhode Island', 'RI', 'R.I.'], ['South Carolina', 'SC', 'S.C.'], ['South Dakota', 'SD', 'S.D.'],
  ['Tennessee', 'TN', 'Tenn.'], ['Texas', 'TX'], ['Utah', 'UT'], ['Vermont', 'VT', 'Vt.'], ['Virginia', 'VA', 'Va.'], ['Washington State', '', 'Wash.'],
  ['West Virginia', 'WV', 'W.Va.'], ['Wisconsin', 'WI', 'Wis.'], ['Wyoming', 'WY', 'Wyo.'],
];

/** Well-known organisations: every name news uses for one of them, the first being the canonical one. */
const ORGANISATIONS: readonly (readonly string[])[] = [
  ['Federal Reserve', 'Fed', 'US Federal Reserve', 'Federal Reserve Board', 'Federal Reserve Bank'],
  ['United Nations', 'UN'],
  ['European Union', 'EU'],
  ['Nato', 'North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation'],
  ['International Monetary Fund', 'IMF'],
  ['World Trade Organization', 'World Trade Organisation', 'WTO'],
  ['World Health Organization', 'World Health Organisation', 'WHO'],
  ['Federal Bureau of Investigation', 'FBI'],
  ['Central Intelligence Agency', 'CIA'],
  ['British Broadcasting Corporation', 'BBC'],
  ['Organization of the Petroleum Exporting Countries', 'Organisation of the Petroleum Exporting Countries', 'Opec'],
  ['National Health Service', 'NHS'],
  ['Securities and Exchange Commission', 'SEC'],
  ['European Central Bank', 'ECB'],
  ['National Aeronautics and Space Administration', 'Nasa'],
  ['Food and Drug Administration', 'FDA'],
  ['Federal Trade Commission', 'FTC'],
  ['International Olympic Committee', 'IOC'],
  ['World Bank'],
  ['Organisation for Economic Co-operation and Development', 'Organization for Economic Cooperation and Development', 'Organisation for Economic Cooperation and Development', 'OECD'],
  ['International Atomic Energy Agency', 'IAEA'],
  ['Interpol'],
  ['Fifa', 'Fédération Internationale de Football Association'],
  ['Uefa', 'Union of European Football Associations'],
  ['World Anti-Doping Agency', 'Wada'],
  ['Amnesty International'],
  ['Greenpeace'],
  ['International Committee of the Red Cross', 'ICRC', 'Red Cross'],
  ['al-Qaeda', 'al Qaeda', 'al-Qaida', 'al Qaida', 'Al-Qaeda', 'Al Qaeda'],
  ['Hamas'],
  ['Hezbollah', 'Hizbollah'],
  ['Taliban', 'Taleban'],
  // British bodies news names by their initials.
  ['Bank of England', 'BoE'],
  ['Financial Services Authority', 'FSA'],
  ['Office for National Statistics', 'ONS'],
  ['Confederation of British Industry', 'CBI'],
  ['Trades Union Congress', 'TUC'],
  ['Crown Prosecution Service', 'CPS'],
  ['House of Commons', 'Commons'],
  // Institutions named alone ("MPs in Parliament", "the Cabinet met"): the body, whatever the sentence made of it
  // (the recogniser typed "Parliament" a place in 39 BBC articles, an organisation in one).
  ['Parliament'],
  ['Cabinet'],
  // Newspapers called by their short names ("the Guardian", "the Times"); not those whose short name is a
  // common word or a role ("the Sun", "the Mirror", "the Independent").
  ['The Guardian', 'Guardian'],
  ['The Times', 'Times'],
  ['The Daily Telegraph', 'Daily Telegraph', 'Telegraph'],
  ['The Observer', 'Observer'],
  ['Financial Times', 'FT'],
  ['Daily Mail'],
  ['The Economist', 'Economist'],
  ['The New York Times', 'New York Times', 'NYT'],
  ['The Wall Street Journal', 'Wall Street Journal', 'WSJ'],
  ['The Washington Post', 'Washington Post'],
  ['Manchester United', 'Man Utd', 'Man United'],
  ['Labour Party', 'Labour'],
  // The singular names the party too ("Conservative leader", "the Lib Dem spokesman"); "Tory", which the
  // recogniser (as CoNLL-2003) types MISC as an adjective, stays out.
  ['Conservative Party', 'Conservatives', 'Tories', 'Tory Party', 'Conservative'],
  ['Liberal Democrats', 'Lib Dems', 'Liberal Democrat Party', 'Liberal Democrat', 'Lib Dem'],
  ['Scottish National Party', 'SNP'],
  ['UK Independence Party', 'UKIP', 'United Kingdom Independence Party'],
  ['Plaid Cymru'],
];

function table(groups: readonly (readonly string[])[], prefix: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const names of groups) {
    const canonical = `${prefix}:${nameKey(names[0]!.replace(/ \(.*\)$/, ''))}`;
    for (const n of names) if (n) m.set(nameKey(n.replace(/ \(.*\)$/, '')), canonical);
  }
  return m;
}

/** A name key that ends in a legal form or "party", and the name before it (at least two letters). */
const LEGAL_FORM = /^(.{2,}?),? (?:corp|corporation|inc|incorporated|ltd|limited|plc|llc|co|ag|sa|nv|gmbh|spa|party)$/;

const STATES = table(US_STATES, 'us-state');
const ALL_STATE_NAMES = new Map(STATES);
/** Every state's names, "Georgia" included: for a place the article's context has made the state. */
export const US_STATE_NAMES: NameAliases = { canonical: (type, key) => (type === 'LOCATION' ? ALL_STATE_NAMES.get(key) : undefined) };
// "Georgia" alone is the country; the state is reached by "Ga." only (or by the article's context).
STATES.delete('georgia');
const ORGS = table(ORGANISATIONS, 'org');
/** The one-word names of the well-known organisations, as news writes them ("BBC", "Fed", "Nato", "Labour"). */
/** The names of several words of the well-known organisations, as name keys ("liberal democrats"), and the most words one holds. */
export const ORGANISATION_LONG_NAMES: ReadonlySet<string> = new Set(ORGANISATIONS.flat().filter((n) => n.includes(' ')).map((n) => nameKey(n)));
/** Their first words, lowercased ("liberal", "international"). */
export const ORGANISATION_LONG_NAME_FIRSTS: ReadonlySet<string> = new Set([...ORGANISATION_LONG_NAMES].map((n) => n.split(' ')[0]!));
export const ORGANISATION_LONG_NAME_WORDS = Math.max(...ORGANISATIONS.flat().map((n) => n.split(/[ -]/).length));
export const ORGANISATION_SHORT_FORMS: ReadonlySet<string> = new Set(ORGANISATIONS.flat().filter((n) => !n.includes(' ')));
const AWARDS = table(AWARD_ALIASES, 'award');

/** Every name of a US state (LOCATION), of a well-known organisation (ORGANIZATION) and of an award (MISC) → one canonical key. */
export const OTHER_ALIASES: NameAliases = {
  canonical(type, key) {
    if (type === 'LOCATION') return STATES.get(key);
    if (type === 'ORGANIZATION') {
      const known = ORGS.get(key);
      if (known) return known;
      // "Microsoft Corp", "Sony Corporation", "Tesco plc", "the Labour Party": the same organisation as the bare name.
      const bare = LEGAL_FORM.exec(key)?.[1];
      return bare ? (ORGS.get(bare) ?? bare) : undefined;
    }
    if (type === 'MISC') return AWARDS.get(key);
    return undefined;
  },
};

/**
 * The alias table entity ids use: countries first, then US states and organisations.
 * @example ENTITY_ALIASES.canonical('ORGANIZATION', 'fed') === ENTITY_ALIASES.canonical('ORGANIZATION', 'federal reserve') // true
 */
export const ENTITY_ALIASES: NameAliases = {
  canonical: (type, key) => COUNTRY_ALIASES.canonical(type, key) ?? OTHER_ALIASES.canonical(type, key),
};
