/**
 * Per-document clustering of mentions into entities:
 *  - identical names (case, dots and apostrophes folded; spaces and hyphens
 *    too: "TimeWarner", "Time Warner") are one entity, typed by majority (a
 *    one-word name typed both a place and a person may be two);
 *  - short forms join the full name they are part of ("Putin" → "Vladimir
 *    Putin", "Baghaei Hamaneh" → "Esmaeil Baghaei Hamaneh"), preferring the
 *    nearest preceding full name when several fit;
 *  - acronyms join their expansion, by initials ("UN" ↔ "United Nations") or
 *    by an in-text definition ("Office of the … (ODNI)");
 * Canonical name = the fullest form; other forms are aliases.
 */
import type { EntityType } from '../document/schema.js';
import { nameKey } from '../text/names.js';
import { isSpaceCode } from '../text/chars.js';

export interface ClusterInput {
  /** Surface text of the mention, already stripped of titles and possessives. */
  text: string;
  type: EntityType;
  tokenStart: number;
  tokenEnd: number;
  /** Index of the mention this one is an in-text acronym of ("(ODNI)"), if any. */
  definedBy?: number;
  /** `nameKey(text)`, when the caller has it already (computed here otherwise). */
  key?: string;
}

export interface Cluster {
  type: EntityType;
  name: string;
  aliases: string[];
  /** Indices into the input mentions, in text order. */
  members: number[];
}

const FUNCTION_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'du', 'des', 'la', 'le', 'et', 'to', 'at', '&']);

export { nameKey };

// nameKey collapses every run of white space to one space and trims: a plain split gives the
// words of a key, and its spaces count them.

/** How many words a name key has: its spaces plus one. */
export function wordCount(key: string): number {
  if (key === '') return 0;
  let n = 1;
  for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) n++;
  return n;
}

/** Acronym of a multi-word name: initials of its content words ("Office of the Director of National Intelligence" → "odni"). */
export function initials(name: string): string {
  // = name.split(/\s+/), less empty words and function words, each word's first unit lowercased; scanned by char
  // code, slicing only words short enough to be a function word (none is longer than three letters, and lowercasing
  // never shortens a string).
  let out = '';
  let words = 0;
  const n = name.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpaceCode(name.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpaceCode(name.charCodeAt(i))) i++;
    if (i - start <= 3 && FUNCTION_WORDS.has(name.slice(start, i).toLowerCase())) continue;
    words++;
    out += name[start]!.toLowerCase();
  }
  return words < 2 ? '' : out;
}

/** An acronym of three to six letters written as a word: "Sepa", "Icann". */
const TITLECASE_ACRONYM = /^\p{Lu}\p{Ll}{2,5}$/u;

const isAcronym = (s: string) => {
  // Most names hold an ASCII lowercase letter: no acronym, decided without a regex.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
  }
  const letters = s.replace(/[.\s]/g, '');
  return letters.length <= 8 && /^(?:\p{Lu}\.?){2,8}$/u.test(letters) && !/\p{Ll}/u.test(s);
};

/**
 * An acronym written with "&" or with the lowercase initial of a small word ("J&J", "S&P", "MoD", "DfES", "TfL"), or
 * in the plural ("IDNs"): its capitals, lowercase ("jj", "md", "des", "idn"), the initials of the name it stands for
 * (whose small words and "&" the initials skip); '' for any other word ("McKoy" is a name: "c" is no small word's).
 */
export function mixedAcronym(s: string): string {
  const bare = /^\p{Lu}{2,7}s$/u.test(s) ? s.slice(0, -1) : s;
  if (bare === s && !/^\p{Lu}(?:[&of]?\p{Lu}){1,6}$/u.test(s)) return '';
  let caps = '';
  for (const c of bare) if (c !== '&' && c !== 'o' && c !== 'f') caps += c.toLowerCase();
  return caps.length >= 2 ? caps : '';
}

/** Counts one more mention of the group written `form`, making the group's map of forms at its second form. */
function addForm(grp: Group, form: string): void {
  const forms = (grp.forms ??= new Map([[grp.first, grp.firstCount]]));
  forms.set(form, (forms.get(form) ?? 0) + 1);
}

/** The initials of a group's first form, computed once per group (asked again for every name it may be the expansion of). */
function initialsOf(grp: Group): string {
  return (grp.initials ??= initials(grp.first));
}

/** A word of digits only ("64" of "Commodore 64"). */
const NUMBER_WORD = /^\d+$/u;

/** True when every word of `short` occurs in `long`, in order. */
function isSubsequence(short: string[], long: string[]): boolean {
  let j = 0;
  for (const w of long) if (j < short.length && w === short[j]) j++;
  return j === short.length;
}

/** Union of two ascending lists of distinct numbers, ascending. */
function mergeSorted(a: number[], b: number[]): number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else if (i >= a.length || b[j]! < a[i]!) out.push(b[j++]!);
    else {
      out.push(a[i++]!);
      j++;
    }
  }
  return out;
}

interface Group {
  /**
   * How often each form was written, once the group has two forms; null while it has one, `first`, written
   * `firstCount` times (most groups: a name and its key nearly always have one spelling in an article).
   */
  forms: Map<string, number> | null;
  firstCount: number;
  /** One type per group: the same words typed otherwise are another group. */
  type: EntityType;
  members: number[];
  words: string[];
  parent: number;
  /** The first form seen (the first key of `forms`, when there is a map). */
  first: string;
  /** `initials(first)`, computed on first use. */
  initials: string | undefined;
}

/** What the clustering may ask of the world beyond the article (by default it knows nothing). */
export interface ClusterKnowledge {
  /** A nationality word ("Russian"): no short form of an organisation's name. */
  isNationality?: (name: string) => boolean;
  /** The country a name names ("US" → US, "United States" → US), or null: a country's acronym joins only that country by its initials. */
  countryOf?: (name: string) => string | null;
  /** Whether a word (lowercase) is a given name ("jude"): a tie between a person and another type goes to the person when one starts the name. */
  givenName?: (word: string) => boolean;
  /**
   * Whether a name is a known country, region or city: only such a one-word name typed both a place and a person may be
   * two things in one article ("Jordan"; "Netscape" so typed is one). Default: any may be.
   */
  knownPlace?: (name: string) => boolean;
  /**
   * Whether a one-word "place" stays the place beside a person of that surname: a country, a region, a capital, or a
   * place the article speaks of as one ("in Bedford"). Default: `knownPlace`. A town the model took a person's surname
   * for ("Eastwood" beside "Clint Eastwood") is the person otherwise.
   */
  staysPlace?: (name: string) => boolean;
  /**
   * Whether a longer organisation's or MISC name is a company's product, read from its first word (the maker) and
   * its last ("Nintendo DS", "Sony PSP", "Motorola Razr"): the maker's bare name is then no short form of it, but
   * the company. Default: never.
   */
  makersProduct?: (name: string) => boolean;
}

/**
 * @example
 * clusterMentions([{ text: 'Vladimir Putin', type: 'PERSON', tokenStart: 0, tokenEnd: 2 }, { text: 'Putin', type: 'PERSON', tokenStart: 9, tokenEnd: 10 }])
 * // [{ type: 'PERSON', name: 'Vladimir Putin', aliases: ['Putin'], members: [0, 1] }]
 */
export function clusterMentions(mentions: ClusterInput[], knowledge: ClusterKnowledge = {}): Cluster[] {
  const { isNationality = () => false, countryOf = () => null, givenName = () => false, knownPlace = () => true } = knowledge;
  const staysPlace = knowledge.staysPlace ?? knownPlace;
  const makersProduct = knowledge.makersProduct ?? (() => false);
  // 1. Identical names.
  const groups: Group[] = [];
  // Group of each (type, name key): one map per type, so no concatenated key is built and hashed per mention.
  const byKey = new Map<EntityType, Map<string, number>>();
  // Groups of each name key, whatever their type (in creation order).
  // (keyed by the name without spaces or hyphens: "TimeWarner" and "Time Warner" are one name written two ways)
  const byName = new Map<string, number[]>();
  const keyMemo = new Map<string, string>();
  const keyOf = (text: string) => {
    let k = keyMemo.get(text);
    if (k === undefined) keyMemo.set(text, (k = nameKey(text)));
    return k;
  };
  const groupOf = (m: ClusterInput) => byKey.get(m.type)!.get(m.key ?? keyOf(m.text))!;
  mentions.forEach((m, k) => {
    const name = m.key ?? keyOf(m.text);
    let ofType = byKey.get(m.type);
    if (ofType === undefined) byKey.set(m.type, (ofType = new Map()));
    let g = ofType.get(name);
    if (g === undefined) {
      g = groups.length;
      ofType.set(name, g);
      groups.push({ forms: null, firstCount: 0, type: m.type, members: [], words: name === '' ? [] : name.split(' '), parent: -1, first: m.text, initials: undefined });
      // "The Aviator" and "Aviator", "The Home Office" opening a sentence and "Home Office": an article before a name
      // is no part of which name it is (but "The Hague", a place so named, is not "Hague").
      const bare = name.startsWith('the ') && name.length > 4 && !knownPlace(m.text) ? name.slice(4) : name;
      const compact = bare.includes(' ') || bare.includes('-') ? bare.replace(/[ -]/g, '') : bare;
      const same = byName.get(compact);
      if (same === undefined) byName.set(compact, [g]);
      else same.push(g);
    }
    const grp = groups[g]!;
    if (grp.forms === null && m.text === grp.first) grp.firstCount++;
    else addForm(grp, m.text);
    grp.members.push(k);
  });
  const root = (g: number): number => {
    while (groups[g]!.parent >= 0) g = groups[g]!.parent;
    return g;
  };

  // One name in one article is one thing, typed by majority: "Kanye West" typed PERSON twice and
  // ORGANIZATION once is one person. A tie goes to a person when a given name starts the name ("Jude
  // Law"), else to an organisation ("ABN Amro", "Roc-a-Fella": the recogniser's weakest type is the one
  // it misses), else to the type of the first mention.
  // Only a one-word name typed both a place and a person stays two things unless one type is at
  // least twice as frequent: "Jordan" the country and "Jordan" the player.
  for (const ids of byName.values()) {
    if (ids.length < 2) continue;
    const rank = (g: Group) => g.members.length * 4 + (g.type === 'PERSON' && givenName(g.words[0] ?? '') ? 2 : g.type === 'ORGANIZATION' ? 1 : 0);
    const sorted = [...ids].sort((a, b) => rank(groups[b]!) - rank(groups[a]!)); // stable: ties keep text order
    const top = groups[sorted[0]!]!;
    for (const other of sorted.slice(1)) {
      const grp = groups[other]!;
      // (A name no gazetteer knows as a place is no such pair: "Netscape" typed a place once and a person once is one thing.)
      const placeAndPerson = top.words.length === 1 && knownPlace(top.first) && ((top.type === 'LOCATION' && grp.type === 'PERSON') || (top.type === 'PERSON' && grp.type === 'LOCATION'));
      if (!placeAndPerson || top.members.length >= 2 * grp.members.length) grp.parent = sorted[0]!;
    }
  }

  // 2. In-text acronym definitions: "… Intelligence (ODNI)".
  mentions.forEach((m, k) => {
    if (m.definedBy === undefined) return;
    const a = root(groupOf(m));
    const b = root(groupOf(mentions[m.definedBy]!));
    if (a !== b) groups[a]!.parent = b;
  });

  // 2b. "M Williams" in a line-up is the "Martyn Williams" of the report: a person's initial and surname join the one
  // name of the article that starts with that letter and ends in that surname (none when two fit: "Shane Williams").
  const bySurname = new Map<string, number[]>();
  groups.forEach((grp, g) => {
    if (grp.words.length >= 2 && grp.words[0]!.length > 1) {
      const last = grp.words[grp.words.length - 1]!;
      const list = bySurname.get(last);
      if (list === undefined) bySurname.set(last, [g]);
      else list.push(g);
    }
  });
  groups.forEach((grp, g) => {
    if (grp.type !== 'PERSON' || grp.parent >= 0 || grp.words.length < 2 || grp.words[0]!.length !== 1) return;
    const initial = grp.words[0]!;
    const surname = grp.words.slice(1);
    let found = -1;
    for (const h of bySurname.get(surname[surname.length - 1]!) ?? []) {
      const head = groups[h]!;
      if (head.words.length <= surname.length || !head.words[0]!.startsWith(initial)) continue;
      if (!surname.every((w, i) => head.words[head.words.length - surname.length + i] === w)) continue;
      // A place is no person's full name ("S Korea" is no "Sam Korea"); a "place" no gazetteer knows may be one.
      if (head.type !== 'PERSON' && (head.type !== 'LOCATION' || knownPlace(head.first))) continue;
      const r = root(h);
      if (found >= 0 && found !== r) return;
      found = r;
    }
    if (found < 0 || found === g) return;
    grp.parent = found;
    groups[found]!.type = 'PERSON';
  });

  // 3. Short forms and acronyms join longer names (longest first, so chains resolve to the fullest).
  // Candidate heads come from two indexes, in group order: the multi-word names
  // containing the short form's first word, and those whose initials spell an
  // acronym. The rest could never fit, so this stays linear-ish in the number
  // of names instead of comparing every name with every other.
  const byWord = new Map<string, number[]>();
  const byInitials = new Map<string, number[]>();
  const push = (index: Map<string, number[]>, key: string, g: number) => {
    const list = index.get(key);
    if (list === undefined) index.set(key, [g]);
    else if (list[list.length - 1] !== g) list.push(g);
  };
  groups.forEach((grp, g) => {
    if (grp.words.length < 2) return;
    for (const w of grp.words) push(byWord, w, g);
    push(byInitials, initialsOf(grp), g);
  });
  const order = byWordCount(groups);
  for (const g of order) {
    const grp = groups[g]!;
    if (grp.parent >= 0) continue;
    const gType = grp.type;
    const firstTok = mentions[grp.members[0]!]!.tokenStart;
    const firstText = mentions[grp.members[0]!]!.text;
    const plain = isAcronym(firstText);
    const acronym = plain ? nameKey(firstText).replace(/[\s-]/g, '') : mixedAcronym(firstText);
    // British style writes longer acronyms as words ("Sepa", "Icann", "Acpo"): one only joins an organisation's
    // or a MISC name whose initials it spells (a person's or a place's name is no acronym of a longer one).
    const wordAcronym = acronym === '' && TITLECASE_ACRONYM.test(firstText) ? firstText.toLowerCase() : '';
    let best = -1;
    let bestDist = Infinity;
    let crossType = false;
    const candidates = mergeSorted(byWord.get(grp.words[0] ?? '') ?? [], acronym || wordAcronym ? (byInitials.get(acronym || wordAcronym) ?? []) : []);
    for (const h of candidates) {
      const head = groups[h]!;
      if (h === g || (head.words.length <= grp.words.length && !acronym) || root(h) === g) continue;
      const hType = head.type;
      let fits = false;
      // By initials, an acronym never makes a person of a non-person ("US" is not Ulrich Schulte-Strathaus),
      // and a country's short name ("US", "UK") is the country, not whatever else has those initials.
      if (wordAcronym && head.words.length >= 2 && initialsOf(head) === wordAcronym) {
        fits = hType === 'ORGANIZATION' || hType === 'MISC';
      } else if (acronym && head.words.length >= 2 && (plain || initialsOf(head) === acronym)) {
        // (A mixed acronym that spells no initials may still be a short form, below: "AAAs" of "AAAs Championships".)
        const country = countryOf(mentions[grp.members[0]!]!.text);
        fits = initialsOf(head) === acronym && (hType !== 'PERSON' || gType === 'PERSON') && (country === null || countryOf(head.first) === country);
      }
      else if (head.words.length > grp.words.length && isSubsequence(grp.words, head.words)) {
        // "Commodore" is not "Commodore 64", nor "Shrek" "Shrek 2", nor "BBC Radio" "BBC Radio 4": a number ending a
        // name (a model, a sequel, a station) makes it another thing than the name without it (a person's aside:
        // "Andre 3000").
        if (hType !== 'PERSON' && NUMBER_WORD.test(head.words[head.words.length - 1]!) && !grp.words.includes(head.words[head.words.length - 1]!)) continue;
        // A one-word "place" no gazetteer knows is the person of that surname ("Troncon" after "Alessandro Troncon").
        if (hType === 'PERSON') fits = gType === 'PERSON' || (grp.words.length === 1 && head.words[head.words.length - 1] === grp.words[0] && (gType !== 'LOCATION' || !staysPlace(mentions[grp.members[0]!]!.text)));
        // "Zangezur" → "Zangezur Corridor"; but "Russian" is not a short form of "Russian Embassy".
        // An organisation is also called by its last word: "Villa" for "Aston Villa", "United" for "Manchester United".
        else fits = gType === hType && ((head.words[0] === grp.words[0] && !isNationality(mentions[grp.members[0]!]!.text)) || (gType === 'ORGANIZATION' && grp.words.length === 1 && head.words[head.words.length - 1] === grp.words[0]));
        // "Nintendo" beside "Nintendo DS" is the company, not the console: a maker's name is no short form of its product's.
        if (fits && gType === 'ORGANIZATION' && grp.words.length === 1 && head.words[0] === grp.words[0] && makersProduct(head.first)) fits = false;
        // "Department of Justice" beside "US Department of Justice", "Borders Council" beside "Scottish Borders Council":
        // a name of two words or more is the one the article also writes with its country or nationality before it
        // (an organisation's one-word last word joins it by the rule above).
        if (!fits && gType !== 'PERSON' && grp.words.length >= 2 && head.words.length === grp.words.length + 1 && grp.words.every((w, i) => head.words[i + 1] === w)) {
          const prefix = head.first.slice(0, head.first.search(/\s/u));
          fits = countryOf(prefix) !== null || isNationality(prefix);
        }
        // A one-word "person" that is an organisation's last word ("Villa" beside "Aston Villa") is that
        // organisation's short form when no person in the article has that name (person heads come first).
        // So is a one-word "place" no gazetteer knows and the article does not speak of as a place ("Villa" typed a
        // place once and a person once; not "in Oxfordshire", which the geo table does not hold).
        if (!fits && hType === 'ORGANIZATION' && (gType === 'PERSON' || (gType === 'LOCATION' && !knownPlace(mentions[grp.members[0]!]!.text) && !staysPlace(mentions[grp.members[0]!]!.text))) && grp.words.length === 1 && head.words[head.words.length - 1] === grp.words[0]) fits = (crossType = true);
      }
      if (!fits) continue;
      // Prefer the nearest full name mentioned before the short form, else the nearest after.
      const hFirst = mentions[head.members[0]!]!.tokenStart;
      const dist = (crossType ? 4e9 : 0) + (hFirst <= firstTok ? firstTok - hFirst : 1e9 + hFirst - firstTok);
      crossType = false;
      if (dist < bestDist) {
        bestDist = dist;
        best = h;
      }
    }
    if (best >= 0 && root(best) !== g) grp.parent = root(best);
  }

  // 4. Collect.
  // Most groups are clusters of their own: those are built straight from the group, and only the roots of several
  // groups get a list of them (in group order, which the choice of the name among equal forms follows).
  // Clusters come in the order of their first mention with no sort: groups are made in the order of their first
  // mention, so a cluster's first mention is that of its first group, where its place in `out` is taken.
  // (Plain arrays: a typed array of this size is made off V8's heap, microseconds per article.)
  const rootOf: number[] = [];
  const size: number[] = new Array<number>(groups.length).fill(0);
  for (let g = 0; g < groups.length; g++) size[(rootOf[g] = root(g))]!++;
  const out: Cluster[] = [];
  const clusters = new Map<number, { groups: Group[]; at: number }>();
  for (let g = 0; g < groups.length; g++) {
    const r = rootOf[g]!;
    if (size[r] === 1) out.push(singleGroupCluster(groups[g]!, mentions, keyOf));
    else {
      const joined = clusters.get(r);
      if (joined === undefined) {
        clusters.set(r, { groups: [groups[g]!], at: out.length });
        out.push(null as unknown as Cluster); // (filled below)
      } else joined.groups.push(groups[g]!);
    }
  }
  for (const [r, { groups: gs, at }] of clusters) {
    const votes = new Map<EntityType, number>();
    const forms = new Map<string, number>();
    // (Each group's members are in text order, and no mention is in two groups: merged, not sorted.)
    let members: number[] = [];
    for (const grp of gs) {
      votes.set(grp.type, (votes.get(grp.type) ?? 0) + grp.members.length);
      if (grp.forms === null) forms.set(grp.first, (forms.get(grp.first) ?? 0) + grp.firstCount);
      else for (const [f, c] of grp.forms) forms.set(f, (forms.get(f) ?? 0) + c);
      members = mergeSorted(members, grp.members);
    }
    // The fullest form: most words, then longest, then most frequent, then first seen.
    let name = '';
    let nameWords = -1;
    for (const [f, count] of forms) {
      const w = wordCount(keyOf(f));
      if (w > nameWords || (w === nameWords && (f.length > name.length || (f.length === name.length && count > forms.get(name)!)))) {
        name = f;
        nameWords = w;
      }
    }
    // A multi-word head (the full name, the expansion) decides the type: short
    // forms are the ambiguous ones. A one-word head goes by majority, head wins ties.
    const headType = groups[r]!.type;
    let type = headType;
    if (groups[r]!.words.length < 2) {
      let n = votes.get(headType)! + 0.5;
      for (const [t, c] of votes) if (c > n) [type, n] = [t, c];
    }
    const seen = new Set([name]);
    const aliases: string[] = [];
    for (const m of members) {
      const f = mentions[m]!.text;
      if (seen.has(f)) continue;
      seen.add(f);
      aliases.push(f);
    }
    out[at] = { type, name, aliases, members };
  }
  return out;
}

/**
 * The groups' indices by word count, fewest first, in group order within a count (as a stable sort by word count
 * would give them; counted, not sorted: no comparator, no sort's work arrays per article).
 */
function byWordCount(groups: readonly Group[]): number[] {
  let most = 0;
  for (const grp of groups) most = Math.max(most, grp.words.length);
  const order: number[] = [];
  for (let w = 0; w <= most; w++) for (let g = 0; g < groups.length; g++) if (groups[g]!.words.length === w) order.push(g);
  return order;
}

/**
 * The cluster of a group that nothing joined (most of them): what the general collection computes, without its
 * per-cluster maps and sets. Its members are already in text order (pushed by mention index), one type votes, and
 * its forms are the group's own.
 */
function singleGroupCluster(grp: Group, mentions: readonly ClusterInput[], keyOf: (text: string) => string): Cluster {
  if (grp.forms === null) return { type: grp.type, name: grp.first, aliases: [], members: grp.members };
  // The fullest form: most words, then longest, then most frequent, then first seen.
  let name = '';
  let nameWords = -1;
  let nameCount = 0;
  for (const [f, count] of grp.forms) {
    const w = wordCount(keyOf(f));
    if (w > nameWords || (w === nameWords && (f.length > name.length || (f.length === name.length && count > nameCount)))) {
      name = f;
      nameWords = w;
      nameCount = count;
    }
  }
  const aliases: string[] = [];
  for (const m of grp.members) {
    const f = mentions[m]!.text;
    if (f !== name && !aliases.includes(f)) aliases.push(f);
  }
  return { type: grp.type, name, aliases, members: grp.members };
}
