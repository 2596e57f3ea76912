/**
 * Names in a list are things of one kind: "Almunia, Lauren, Toure, Campbell and Cole" (a team
 * line-up), "Nokia, Lenovo, Samsung, Sendo and Siemens". A one-word name the recogniser typed
 * otherwise than most of its list (three in five) takes their type, when what is known of the
 * word allows it: a person's type only for a word that is no known place or is a surname of the
 * lexicon ("Byrne", "Sutton"), a place's only for a known place, an organisation's never for a
 * country or a region. The name's other mentions in the article follow. Mutates the mentions' types before clustering, like the other type rules.
 */
import type { EntityType } from '../document/schema.js';
import type { Doc } from '../text/doc.js';
import { nameKey } from '../text/names.js';
import { tokenIndex } from '../text/token-index.js';
import { OTHER_ALIASES } from './aliases.js';
import type { ClusterInput } from './cluster.js';
import { cityCandidates, resolvePlace } from './geo.js';

/** Fewest names in a list for a vote, and the share of them that must agree (the odd ones included). */
const MIN_LIST = 4;
const MIN_SHARE = 0.6;

/**
 * Retypes the odd one-word names of every list of four names or more.
 * A list is names separated by commas only, then at most one "and" (or ", and") before its last name.
 */
export function typeListsByMajority(doc: Doc, inputs: ClusterInput[], isPersonName: (word: string) => boolean, listedOrganisation: (word: string) => boolean = () => true): void {
  const lower = tokenIndex(doc).lower;
  const retyped = new Map<string, EntityType>(); // "<old type> <name key>" → new type
  // (The mentions come in text order from the entity stage: sorted only when they are not, with no sort's work arrays.)
  const order = inputs.map((_, k) => k);
  if (!inTextOrder(inputs)) order.sort((a, b) => inputs[a]!.tokenStart - inputs[b]!.tokenStart);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length) {
      const gap = gapOf(lower, inputs[order[j]!]!.tokenEnd, inputs[order[j + 1]!]!.tokenStart);
      if (gap === 'comma') j++;
      else {
        if (gap === 'and') j++;
        break;
      }
    }
    if (j + 1 - i >= MIN_LIST) vote(order.slice(i, j + 1));
    i = j + 1;
  }
  // One name, one type in the article: the name's other mentions follow its mention in the list.
  if (retyped.size > 0) {
    for (const m of inputs) {
      const type = retyped.get(`${m.type} ${m.key ?? nameKey(m.text)}`);
      if (type !== undefined) m.type = type;
    }
  }

  function vote(list: number[]): void {
    const counts = new Map<EntityType, number>();
    for (const k of list) counts.set(inputs[k]!.type, (counts.get(inputs[k]!.type) ?? 0) + 1);
    let top: EntityType | null = null;
    for (const [type, n] of counts) if (n >= MIN_SHARE * list.length) top = type;
    if (top === null || top === 'MISC') return;
    for (const k of list) {
      const m = inputs[k]!;
      if (m.type === top || m.tokenEnd - m.tokenStart !== 1 || OTHER_ALIASES.canonical(m.type, m.key ?? nameKey(m.text)) !== undefined) continue;
      if (fits(m, top)) retyped.set(`${m.type} ${m.key ?? nameKey(m.text)}`, top);
    }
  }

  function fits(m: ClusterInput, type: EntityType): boolean {
    const place = resolvePlace(m.text).subtype;
    if (place === 'country' || place === 'region') return false;
    const knownPlace = place !== null || cityCandidates(m.text).length > 0;
    // In a list of people, an "organisation" no gazetteer lists as one is a person too ("Carroll, Neville, Keane, Scholes";
    // not a word in capitals, "TBC", which is no surname).
    if (type === 'PERSON') return isPersonName(m.text) || (m.type === 'LOCATION' && !knownPlace) || (m.type === 'ORGANIZATION' && !knownPlace && /\p{Ll}/u.test(m.text) && !listedOrganisation(m.text));
    if (type === 'LOCATION') return knownPlace;
    return !isPersonName(m.text); // ORGANIZATION
  }
}

/** Whether the mentions' starts never decrease (a stable sort by start would leave them as they are). */
function inTextOrder(inputs: readonly ClusterInput[]): boolean {
  for (let k = 1; k < inputs.length; k++) if (inputs[k]!.tokenStart < inputs[k - 1]!.tokenStart) return false;
  return true;
}

/** What separates two names: a comma, "and" or ", and", or anything else. */
function gapOf(lower: readonly string[], from: number, to: number): 'comma' | 'and' | null {
  if (to - from === 1) return lower[from] === ',' ? 'comma' : lower[from] === 'and' ? 'and' : null;
  return to - from === 2 && lower[from] === ',' && lower[from + 1] === 'and' ? 'and' : null;
}
