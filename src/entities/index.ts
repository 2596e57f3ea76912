/**
 * The entity stage: finds named mentions with the trained recogniser, cleans
 * their edges (titles, possessives), clusters them per document, and attaches
 * roles (titles stated before person names) and places (country code and
 * coordinates for unambiguous countries and cities).
 */
import type { EntityType } from '../document/schema.js';
import { OPENING_QUOTE_TOKENS } from '../text/chars.js';
import { entityId } from '../document/ids.js';
import { ARTICLES, AWARD_HEADS, AWARD_NAMES, HOLIDAYS, HONORIFICS as HONORIFIC_WORDS, MODALS, ORGANISATION_ROLE_HEADS, PREPOSITIONS, RELATIVE_PRONOUNS, SUBORDINATORS } from '../lang/en/index.js';
import type { Doc, DocEntity, NamedMention, Stage } from '../text/doc.js';
import { clusterMentions, wordCount, type ClusterInput } from './cluster.js';
import { hashString } from './hash.js';
import { cityCandidates, countryOf, demonymCountry, resolvePlace, type PlaceInfo } from './geo.js';
import { geocodeInContext, geocodeTowns, placeOfNames } from './geocode.js';
import { ENTITY_TYPE, TYPES } from './labels.js';
import { GAZ_TYPES, nameTokens, SEQ_SEED, seqHash } from './lexicon.js';
import { loadRecognizer, recognizeSpans, type Recognizer } from './recognizer.js';
import { roleAfter, roleBefore } from './roles.js';
import { ENTITY_ALIASES, ORGANISATION_LONG_NAME_FIRSTS, ORGANISATION_LONG_NAME_WORDS, ORGANISATION_LONG_NAMES, ORGANISATION_SHORT_FORMS, OTHER_ALIASES, US_STATE_NAMES } from './aliases.js';
import { memoized } from '../text/memo.js';
import { GrowingNameKeyHash, keyHash, nameKey } from '../text/names.js';
import { tokenIndex, type TokenIndex } from '../text/token-index.js';
import { ScratchMarks } from './scratch.js';
import { wordFilter } from '../text/word-filter.js';
import { isGamesMeeting, isHappeningName, isLawName, isMediaName, orgOrMiscSubtype } from './subtypes.js';
import { typeListsByMajority } from './lists.js';
import { firstStartAtOrAfter, hasOtherReadings, joinSequelLists, joinTitleSpans, lineBreakBefore, titleShortForms, WORK_NOUNS, workNounAt } from './works.js';

export { loadRecognizer } from './recognizer.js';

const GEO_HEADS = new Set(
  'Corridor Strait Straits Sea River Mountains Mountain Mount Valley Gulf Bay Island Islands Peninsula Desert Lake Ocean Canal Province Region District County Square Street Avenue Highway Plateau Basin Heights Coast Border Pass Channel Delta Hills Plain Dam Reservoir Road Stadium'.split(' '),
);
/** Words a club adds to its city's name ("Exeter City", "Dundee United"); not "Town" or "County", which end places' names too. */
const CLUB_AFTER_CITY = new Set(['City', 'United', 'Forest', 'Athletic', 'Albion', 'Argyle', 'Wednesday']);

/** Whether `name` is a club named after the city `city`: a city of the gazetteer, and no place of that whole name. */
function isClubOfCity(city: string, name: string): boolean {
  const head = resolvePlace(city).subtype;
  return (head === 'city' || (head === null && cityCandidates(city).length > 0)) && resolvePlace(name).subtype === null;
}
/** Whether the name is a known city's name and "City" ("Truro City"), not a place of that whole name. */
function cityAndCity(name: string): boolean {
  return name.endsWith(' City') && isClubOfCity(name.slice(0, -5), name);
}
/** Feature nouns written before a place's own name: "River Avon", "Lake Geneva", "Mount Kenya". */
const GEO_PREFIXES = new Set(['River', 'Lake', 'Mount', 'Mt', 'Mt.', 'Loch', 'Cape', 'Isle', 'Gulf']);
/** Last words of buildings and institutions named after a place ("Mount Sinai Hospital", "Lake Shore Hotel"). */
const FACILITY_HEADS = new Set(['Hospital', 'Hotel', 'Airport', 'Centre', 'Center', 'Bank', 'Station', 'Club', 'Institute', 'Museum', 'Resort', 'Prison', 'Church', 'Cathedral', 'School', 'College', 'University']);
/** `nameEnds` codes (GAZ_TYPES index + 1) of words that end organisations' and other names ("Hospital", "Cup"). */
const ORG_OR_MISC_END = new Set([2, 4]);
const HONORIFICS = new Set<string>(HONORIFIC_WORDS);
/** Titles of knighthoods and peerages, capitalised, before a person's name: no part of it. */
const HONOUR_TITLES = new Set(['Sir', 'Dame', 'Lord', 'Lady', 'Baroness', 'Baron']);
const POSSESSIVE = /^(?:['’]s?|['’])$/u;
/** Punctuation that never ends or starts a name: quotes, dashes, separators, unmatched brackets. */
const EDGE_PUNCT = /^[\p{Pi}\p{Pf}"',;:\-–—(){}\[\]]+$/u;
const OPEN_OF: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Whether token `i` is a closing bracket opened within the span ("Mladost (BJ)"). */
function closesBracket(toks: Doc['tokens'], a: number, i: number): boolean {
  const open = OPEN_OF[toks[i]!.text];
  if (!open) return false;
  for (let k = i - 1; k >= a; k--) if (toks[k]!.text === open) return true;
  return false;
}

/**
 * Fills doc.mentions and doc.entities.
 * @example
 * const doc = runPipeline(createDoc({ text: 'Russian President Vladimir Putin met Masoud Pezeshkian. Putin said…' }), { until: 'entities' });
 * doc.entities.find((e) => e.name === 'Vladimir Putin')?.roles; // ['Russian President']
 */
function recognizeEntities(doc: Doc): void {
  const rec = loadRecognizer();
  const mentions = findMentions(doc, rec);
  doc.mentions = mentions;
  doc.entities = buildEntities(doc, mentions, rec);
}

/** The entity stage. */
export const entitiesStage: Stage = { name: 'entities', requires: ['text'], assigns: ['mentions', 'entities'], run: recognizeEntities };

type Span = { start: number; end: number; type: number };
const PER = TYPES.indexOf('PER');
const MISC = TYPES.indexOf('MISC');
const LOC = TYPES.indexOf('LOC');
const ORG = TYPES.indexOf('ORG');
/** Compass points written as initials in headlines ("S Korea", "N Ireland"). */
const COMPASS_INITIALS = new Set(['N', 'S', 'E', 'W']);
/** An initial: one capital letter, with or without a full stop (not "A" nor "I", which are words). */
const INITIAL = /^[B-HJ-Z]\.?$/u;
/**
 * Whether token i may be an INITIAL, from the token index's typed arrays alone: one or two characters (a token's text
 * is its slice of the document: its length is end − start), the first a capital. The scans below test every token of
 * a document; this spares the regex, and the token object and its string, for nearly all of them.
 */
function mayBeInitial(ix: TokenIndex, i: number): boolean {
  return ix.cap[i] === 1 && ix.ends[i]! - ix.starts[i]! <= 2;
}
/**
 * Negative tests for the organisation tables on the lowercased token's signature (TokenIndex.sig), for the scans that
 * look up every token or every word before a span: most tokens are rejected without hashing their strings.
 */
const MAY_BE_SHORT_FORM = wordFilter([...ORGANISATION_SHORT_FORMS].map((n) => n.toLowerCase()));
const MAY_BE_LONG_NAME_FIRST = wordFilter(ORGANISATION_LONG_NAME_FIRSTS);
/** `keyHash` of each well-known organisation's long name: most plain slices tested against them are rejected by hash. */
const LONG_NAME_HASHES = new Set([...ORGANISATION_LONG_NAMES].map(keyHash));
/** A surname: a capital, then a lowercase letter or an apostrophe ("Quist", "O'Kelly"). */
const SURNAME = /^\p{Lu}[\p{Ll}'’][\p{L}'’-]*$/u;
/** What comes before and after a name in a list: its separators and brackets. */
const LIST_BEFORE = new Set([',', ':', ';', '(', 'and', '&']);
const LIST_AFTER = new Set([',', ';', '(', ')', '.', 'and', '&']);
/** What a line-up's "A" or "I" initial follows: a list's separator or bracket ("; A Foley", "Replacements: A Titterrell"). */
const LINE_UP_BEFORE = new Set([',', ';', ':', '(', '-', '–']);
/** A number that may end a name: one to three digits ("Radio 4", "Nikkei 225"), or four that are no year ("Andre 3000", not "Christmas 2004"). */
const NAME_NUMBER = /^(?:[1-9]\d{0,2}|(?!1[5-9]|20)[1-9]\d{3})(?:['’]s)?$/u;
/** A number and its possessive written as one token ("4's"): the name ends before the possessive. */
const NUMBER_POSSESSIVE = /^\d+['’]s$/u;
const NOT_AFTER_NAME_NUMBER = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'in', 'to', 'at', 'on', 'by', 'per', 'from', 'with', 'v', 'vs', 'not', 'all', 'out', 'off', 'up', 'down', 'under', 'over', 'more', 'less', 'point', 'goal', 'run', 'seat', 'vote', 'year', 'day', 'week', 'month', 'hour', 'minute', 'second', 'mile', 'metre', 'yard', 'wicket', 'game', 'match', 'place', 'percent', 'pc', 'million', 'billion', 'bn', 'm', 'km', 'kg', 'mph', 'am', 'pm', 'st', 'nd', 'rd', 'th', 'og', 'pen', 'min', 'sec', 'ft', 'lb']);
const SINGULAR_IN_S = new Set(['is', 'was', 'has', 'does', 'says', 'its', 'this', 'his', 'as', 'plus', 'bus', 'series', 'news', 'chassis']);
/** Whether the word after "Name 3" reads the number as part of the name: a possessive, or a lowercase word that is no plural, unit or link of a count. */
function readsOnAsName(next: string): boolean {
  if (POSSESSIVE_CLITIC.has(next)) return true;
  if (!/^\p{Ll}+$/u.test(next) || NOT_AFTER_NAME_NUMBER.has(next)) return false;
  return !next.endsWith('s') || SINGULAR_IN_S.has(next);
}
/** The chapters of the US Bankruptcy Code that news names ("Chapter 11 protection", "filed for Chapter 7"). */
const BANKRUPTCY_CHAPTERS = new Set(['7', '9', '11', '12', '13', '15']);

/**
 * Whether text[from, to) is a well-known organisation's long name, given `keyHash` of its name key (-1 when only
 * nameKey can tell: see GrowingNameKeyHash). Most slices asked are none of them: the hash rejects them without
 * building the slice or its key.
 */
function isLongOrganisationName(text: string, from: number, to: number, hash: number): boolean {
  if (hash >= 0 && !LONG_NAME_HASHES.has(hash)) return false;
  return ORGANISATION_LONG_NAMES.has(nameKey(text.slice(from, to)));
}

// The helpers below read spans sorted by start, `longest` tokens long at most: a span starting `longest` tokens or
// more before a token ends before it. They look at the spans near the tokens asked (binary search), not at all of a
// document's spans per question, which made the completion quadratic on long documents.

/** Whether a span overlaps tokens [from, to) and reaches outside them. */
function straddles(spans: readonly Span[], longest: number, from: number, to: number): boolean {
  for (let k = firstStartAtOrAfter(spans, from - longest + 1); k < spans.length && spans[k]!.start < to; k++) {
    const s = spans[k]!;
    if (s.end > from && (s.start < from || s.end > to)) return true;
  }
  return false;
}

/** How many spans lie within tokens [from, to). */
function countWithin(spans: readonly Span[], from: number, to: number): number {
  let n = 0;
  for (let k = firstStartAtOrAfter(spans, from); k < spans.length && spans[k]!.start <= to; k++) if (spans[k]!.end <= to) n++;
  return n;
}

/** Index of the first span that ends after token `i` (-1 if none). */
function firstEndingAfter(spans: readonly Span[], longest: number, i: number): number {
  for (let k = firstStartAtOrAfter(spans, i - longest + 1); k < spans.length; k++) if (spans[k]!.end > i) return k;
  return -1;
}

/** The marks of `completeSpans` (tokens its spans cover) and of `buildEntities` (tokens inside a mention), reused per document. */
const COVERED = new ScratchMarks();
const NAMED = new ScratchMarks();

/** Whether any token of [from, to) is marked (the tokens spans cover, for `overlapsAny`'s question asked per token). */
function anyMarked(marks: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (marks[i] === 1) return true;
  return false;
}

/**
 * The recogniser's spans completed where English writing settles what the model may miss:
 * - "D Marlowe", "K. Ostler": an initial right before a person's name, outside any span, is the first part of that name,
 *   and before a one-word name of another type that the whole does not make a known place; a compass initial
 *   before a place's name is part of it when the whole is a known place ("S Korea");
 * - "Mount Kenya": a feature noun written before a place's name ("Mount", "Lake", "River") is part of it;
 * - "the Russian Embassy": a name and a capitalised noun for a body right after it ("Embassy", "Police", "University"),
 *   tagged as a one-word name of its own or not at all, are one name (not after a person: "told Blair Parliament …");
 *   so are a name and a capitalised word that ends only companies' names ("Henry Bolton Software", "Fenwick Holdings");
 * - "Chapter 11": the capitalised "Chapter" and a chapter number of the US Bankruptcy Code is a name, tagged or not.
 */
function completeSpans(doc: Doc, spans: Span[], rec: Recognizer): Span[] {
  const toks = doc.tokens;
  const ix = tokenIndex(doc);
  // (`cap[i] === 1` is `STARTS_UPPER.test(toks[i].text)`, read from a typed array: no token object or string is loaded.)
  const { lower, sig, cap } = ix;
  const out: Span[] = [];
  const sameSentence = (i: number, j: number) => toks[i]!.sentence === toks[j]!.sentence;
  let added = false;
  // "A Foley", "I Harinordoquy": in a line-up (three or more initials and surnames between a list's commas), "A" and "I"
  // before a surname there are initials too, not the article and the pronoun: after a list's comma, semicolon, colon or
  // bracket, or opening a sentence that goes on as the list ("A Titterrell, D Bell, …"), before a surname that a list's
  // separator ends and that is no nationality ("A Frenchman, …").
  let listedInitials = 0;
  for (let i = 1; i + 2 < toks.length && listedInitials < 3; i++) {
    if (mayBeInitial(ix, i) && INITIAL.test(toks[i]!.text) && SURNAME.test(toks[i + 1]!.text) && LIST_BEFORE.has(lower[i - 1]!) && LIST_AFTER.has(toks[i + 2]!.text)) listedInitials++;
  }
  const lineUpInitial = (i: number): boolean => {
    if (listedInitials < 3 || i < 0 || i + 1 >= toks.length || (toks[i]!.text !== 'A' && toks[i]!.text !== 'I')) return false;
    if (!sameSentence(i, i + 1) || !SURNAME.test(toks[i + 1]!.text) || !LIST_AFTER.has(toks[i + 2]?.text ?? '.')) return false;
    if (demonymCountry(toks[i + 1]!.text) !== null || DEMONYM_NOUNS.has(lower[i + 1]!)) return false;
    if (doc.sentences[toks[i]!.sentence]!.tokenStart === i) return toks[i + 2]?.text === ',' && INITIAL.test(toks[i + 3]?.text ?? '');
    return LINE_UP_BEFORE.has(lower[i - 1]!);
  };
  for (let k = 0; k < spans.length; k++) {
    const s = { ...spans[k]! };
    const prevEnd = out.length > 0 ? out[out.length - 1]!.end : 0;
    if (s.start > 0 && s.start - 1 >= prevEnd && cap[s.start] === 1 && sameSentence(s.start - 1, s.start)) {
      const before = toks[s.start - 1]!.text;
      // "Mount Kenya", "Lake Geneva": a feature noun written before a place's name is part of it.
      if (s.type === LOC && GEO_PREFIXES.has(before)) s.start--;
      else if (s.end - s.start === 1 && lineUpInitial(s.start - 1)) {
        s.start--;
        s.type = PER;
      } else if (mayBeInitial(ix, s.start - 1) && INITIAL.test(before)) {
        // A compass initial before a place is the place's ("S Korea") where the whole is a known place; before one
        // word of another type, an initial is the name's first part where the whole is no known place ("N Ormerod"
        // read as an organisation: the line-up rule types it later; "J Sainsbury" is the company's name).
        const whole = () => resolvePlace(doc.text.slice(toks[s.start - 1]!.start, toks[s.end - 1]!.end)).subtype !== null;
        if (s.type === PER) s.start--;
        else if (s.type === LOC && COMPASS_INITIALS.has(before)) {
          if (whole()) s.start--;
        } else if (s.end - s.start === 1 && !whole()) s.start--;
      }
    }
    if (s.end - s.start === 2 && s.type !== PER && lineUpInitial(s.start)) s.type = PER;
    // "Theresa May said", "Christine May had": a one-word "person" or "place" that news text always capitalises (or a given
    // name), no known place, then a month's name written as a word of its own (no day or year after it), is a person's
    // given name and surname; the model reads the month as the date.
    if (s.end - s.start === 1 && (s.type === PER || s.type === LOC) && s.end + 1 < toks.length && MONTH_SURNAMES.has(toks[s.end]!.text) && sameSentence(s.start, s.end) && toks[s.end - 1]!.end === toks[s.end]!.start - 1 && !/^\d/u.test(toks[s.end + 1]!.text) && !(spans[k + 1] && spans[k + 1]!.start === s.end) && (rec.lexicon.firstNames.has(hashString(lower[s.start]!)) || (rec.lexicon.caps.get(hashString(lower[s.start]!)) ?? 4) >= 4) && unknownPlace(toks[s.start]!.text)) {
      s.end++;
      s.type = PER;
    }
    const after = s.end < toks.length && cap[s.end] === 1 && sameSentence(s.end - 1, s.end) && toks[s.end - 1]!.end === toks[s.end]!.start - 1 ? lower[s.end]! : '';
    // (Not where a capitalised word goes on after the noun, "the Swiss Army Knife", nor after a word built on a name, "California-based Institute".)
    // (A title may follow: "Metropolitan Police Commissioner Sir John Stevens".)
    const goesOn = s.end + 1 < toks.length && cap[s.end + 1] === 1 && sameSentence(s.end, s.end + 1) && !rec.roles.heads.has(lower[s.end + 1]!);
    if (after !== '' && !goesOn && !hasNameSuffix(toks[s.end - 1]!.text) && ((s.type !== PER && BODY_HEADS.has(after)) || COMPANY_ONLY_ENDINGS.has(after))) {
      const next = spans[k + 1];
      if (!next || next.start > s.end) s.end++;
      else if (next.start === s.end && next.end === s.end + 1) {
        s.end++;
        k++;
      }
    }
    // "BBC Radio 4's", "PlayStation 3 will", "Band Aid 20 single": a number of one to three digits written right after a
    // name and read on as the name (a possessive, a verb, a singular noun) is part of it. Not a score or a count: not a
    // year, nor before a hyphen, a capitalised word, punctuation, "and"/"or", a plural or a unit ("Chelsea 1 Arsenal 2",
    // "Somerset 83 and 174", "Labour 10 points ahead", a scorer's "Gerrard 79 og"), nor after a currency ("C$ 30 a share").
    if (s.end + 1 < toks.length && NAME_NUMBER.test(toks[s.end]!.text) && /[\p{L}\d]$/u.test(toks[s.end - 1]!.text) && sameSentence(s.end - 1, s.end + 1) && toks[s.end - 1]!.end === toks[s.end]!.start - 1 && !(spans[k + 1] && spans[k + 1]!.start <= s.end + 1) && (NUMBER_POSSESSIVE.test(toks[s.end]!.text) || (toks[s.end]!.end === toks[s.end + 1]!.start - (POSSESSIVE_CLITIC.has(toks[s.end + 1]!.text) ? 0 : 1) && /^\d+$/u.test(toks[s.end]!.text) && readsOnAsName(toks[s.end + 1]!.text)))) s.end++;
    // "Chrysler LLC Jim Press": a company's legal form ends its name; a given name and capitalised words after it,
    // in the same span, are a person's name (its surname too where the span stopped short of it).
    const legal = legalFormInside(lower, s.start, s.end);
    if (legal > 0 && rec.lexicon.firstNames.has(hashString(lower[legal + 1]!)) && toks.slice(legal + 1, s.end).every((t) => STARTS_UPPER.test(t.text))) {
      let end = s.end;
      const next = spans[k + 1];
      if (end - legal - 1 === 1 && end < toks.length && sameSentence(end - 1, end) && SURNAME.test(toks[end]!.text) && (!next || next.start > end)) end++;
      if (end - legal - 1 >= 2) {
        out.push({ start: s.start, end: legal + 1, type: ORG }, { start: legal + 1, end, type: PER });
        continue;
      }
    }
    out.push(s);
  }
  // "the Liberal Democrats" read as "Liberal" and "Democrats", "the International Committee of the Red Cross" as two
  // names: the words of a well-known organisation's name, spans whole within them or untagged words, are that name.
  // (`out` is in text order here, as the recogniser's spans are: the helpers search it by start.)
  let longest = 0;
  for (const s of out) longest = Math.max(longest, s.end - s.start);
  for (let k = 0; k < out.length; k++) {
    const s = out[k]!;
    let best: Span | null = null;
    const sentence = toks[s.start]!.sentence;
    for (let a = Math.max(0, s.start - ORGANISATION_LONG_NAME_WORDS + 1); a <= s.start; a++) {
      if (cap[a] !== 1 || !MAY_BE_LONG_NAME_FIRST.mayHaveSig(sig[a]!) || !ORGANISATION_LONG_NAME_FIRSTS.has(lower[a]!) || toks[a]!.sentence !== sentence) continue;
      // The key's hash grows with the slice, b after b (each character hashed once).
      const keyHashFromA = new GrowingNameKeyHash(doc.text, toks[a]!.start);
      for (let b = Math.max(s.end, a + 2); b <= Math.min(toks.length, a + 2 * ORGANISATION_LONG_NAME_WORDS) && toks[b - 1]!.sentence === sentence; b++) {
        const hash = keyHashFromA.hashTo(toks[b - 1]!.end);
        if (best && b - a <= best.end - best.start) continue;
        if (!isLongOrganisationName(doc.text, toks[a]!.start, toks[b - 1]!.end, hash)) continue;
        if (straddles(out, longest, a, b)) continue;
        best = { start: a, end: b, type: ORG };
      }
    }
    if (!best || (best.start === s.start && best.end === s.end && countWithin(out, s.start, s.end) === 1)) continue;
    const first = firstEndingAfter(out, longest, best.start);
    out.splice(first, countWithin(out, best.start, best.end), best);
    longest = Math.max(longest, best.end - best.start);
    k = first;
  }
  // The tokens the spans cover, kept up to date as the loops below add spans: whether a span overlaps tokens is asked
  // of these marks (a scan of all the spans per token asked was quadratic in the length of a document).
  const covered = COVERED.zeroed(toks.length);
  const addSpan = (span: Span) => {
    out.push(span);
    covered.fill(1, span.start, span.end);
  };
  for (const s of out) covered.fill(1, s.start, s.end);
  // "E Varley, L Quist, N Ormerod": in a line-up (two or more names of an initial and a surname), an initial and a
  // capitalised word the model left untagged, between the list's commas, is one more of those names.
  let initialNames = 0;
  for (const s of out) if (s.end - s.start === 2 && mayBeInitial(ix, s.start) && INITIAL.test(toks[s.start]!.text)) initialNames++;
  if (initialNames >= 2) {
    for (let i = 1; i + 1 < toks.length; i++) {
      if (!(mayBeInitial(ix, i) && INITIAL.test(toks[i]!.text) && SURNAME.test(toks[i + 1]!.text) && LIST_BEFORE.has(lower[i - 1]!) && LIST_AFTER.has(toks[i + 2]?.text ?? '.')) && !lineUpInitial(i)) continue;
      if (!sameSentence(i, i + 1) || anyMarked(covered, i, i + 2)) continue;
      addSpan({ start: i, end: i + 2, type: PER });
      added = true;
    }
  }
  // "asked the BBC", "the Fed would act": a one-word name of a well-known organisation, written as the table writes
  // it, that the model left untagged. Not where it opens its sentence ("Fed up with …"), nor beside another
  // capitalised word (part of a longer name or a line of capitals: "Fed Cup", "BBC Radio", "WHO WARNS"), though a form
  // of address may follow ("BBC Mr Howard").
  const capitalAt = (i: number, j: number) => j >= 0 && j < toks.length && cap[j] === 1 && sameSentence(i, j);
  for (let i = 1; i < toks.length; i++) {
    if (!MAY_BE_SHORT_FORM.mayHaveSig(sig[i]!) || !ORGANISATION_SHORT_FORMS.has(toks[i]!.text) || doc.sentences[toks[i]!.sentence]!.tokenStart === i) continue;
    if (capitalAt(i, i - 1) || (capitalAt(i, i + 1) && !HONORIFICS.has(lower[i + 1]!))) continue;
    if (anyMarked(covered, i, i + 1)) continue;
    addSpan({ start: i, end: i + 1, type: ORG });
    added = true;
  }
  // "Chapter 11" the model left untagged. (A capitalised token of seven characters first: no string is read for the others.)
  for (let i = 0; i + 1 < toks.length; i++) {
    if (cap[i] !== 1 || ix.ends[i]! - ix.starts[i]! !== 7 || toks[i]!.text !== 'Chapter' || !BANKRUPTCY_CHAPTERS.has(toks[i + 1]!.text) || !sameSentence(i, i + 1)) continue;
    if (anyMarked(covered, i, i + 2)) continue;
    addSpan({ start: i, end: i + 1, type: MISC });
    added = true;
  }
  if (added) out.sort((x, y) => x.start - y.start);
  // "the game Call of Duty" read as "Duty", "U2's album How to Dismantle an Atomic Bomb" read as two names: one title.
  // A title stops before a separate name the recogniser found after "and" or a preposition: a person, an organisation or
  // a known place ("the film Ray and Jamie Foxx", "Hollyoaks to Channel 4", "the single … in Edinburgh"); after a
  // preposition a MISC name too ("… at the Australian Open"), after "and" a name of several words ("Meet The Fockers and
  // Shall We Dance" are two films). "Angels and Demons", "Christmas with the Kranks", "Mutiny on the Bounty" go on.
  const separateNameAt = (i: number, joiner: string): boolean => {
    const s = out[firstStartAtOrAfter(out, i)]; // (the first span starting at i: `out` is sorted by start here)
    if (s === undefined || s.start !== i) return false;
    if (s.type === PER || s.type === ORG || (s.type === LOC && isKnownPlace(doc.text.slice(toks[s.start]!.start, toks[s.end - 1]!.end)))) return true;
    return joiner === 'and' || joiner === '&' ? s.end - s.start > 1 : s.type === MISC;
  };
  const make = (start: number, end: number, type: number) => ({ start, end, type });
  // "Doom 3, Half Life 2 and Halo 2": titles with a sequel's number listed together, read over their numbers.
  return joinNicknames(doc, joinSequelLists(doc, joinTitleSpans(doc, out, MISC, make, PER, separateNameAt), MISC, make), rec);
}

const CLOSE_QUOTES = new Set(['"', "'", '’', '”']);

/**
 * "Marion "Suge" Knight", "Ahmed 'Mido' Hossam": a nickname of one or two capitalised words in quotes between a given
 * name and a surname is part of the person's name, which the recogniser reads as two or three names. The name before
 * the quote or the one after it must be a person's as the recogniser typed it (or the word before a given name of the
 * lexicon), the quotes must hug the nickname, and the word after the closing quote be capitalised, all in one sentence.
 */
function joinNicknames(doc: Doc, out: Span[], rec: Recognizer): Span[] {
  const toks = doc.tokens;
  const { lower } = tokenIndex(doc);
  for (let k = 0; k < out.length; k++) {
    const left = out[k]!;
    const q = left.end;
    if (q + 3 >= toks.length || !OPENING_QUOTE_TOKENS.has(toks[q]!.text)) continue;
    let c = q + 1;
    while (c < q + 3 && c < toks.length && STARTS_UPPER.test(toks[c]!.text) && /^\p{L}/u.test(toks[c]!.text)) c++;
    if (c === q + 1 || c + 1 >= toks.length || !CLOSE_QUOTES.has(toks[c]!.text) || !SURNAME.test(toks[c + 1]!.text)) continue;
    const sentence = toks[left.start]!.sentence;
    if (toks[c + 1]!.sentence !== sentence) continue;
    // The quotes hug the nickname: "Marion "Suge" Knight", not a quotation that opens after a name.
    if (toks[q + 1]!.start !== toks[q]!.end || toks[c]!.start !== toks[c - 1]!.end) continue;
    // The spans the recogniser made of the nickname and the surname ("Mido' Hossam" as one) go into the name.
    let j = k + 1;
    let end = c + 2;
    let personAfter = false;
    while (j < out.length && out[j]!.start < c + 2) {
      end = Math.max(end, out[j]!.end);
      personAfter = out[j]!.type === PER;
      j++;
    }
    if (left.type !== PER && !personAfter && !(left.end - left.start === 1 && rec.lexicon.firstNames.has(hashString(lower[left.start]!)))) continue;
    out.splice(k, j - k, { start: left.start, end, type: PER });
  }
  return out;
}

/** Months' names that are also surnames ("Theresa May", "Kathy March"), written in full and capitalised. */
const MONTH_SURNAMES = new Set(['March', 'April', 'May', 'June', 'August']);

/** Legal forms that end a company's name ("Acme Inc", "Chrysler LLC"). */
const LEGAL_FORMS = new Set(['inc', 'inc.', 'ltd', 'ltd.', 'llc', 'plc', 'corp', 'corp.']);

/** Index of a legal form strictly inside [a, b − 1) of a name, after its first word, or -1. */
function legalFormInside(lower: readonly string[], a: number, b: number): number {
  for (let k = a + 1; k < b - 1; k++) if (LEGAL_FORMS.has(lower[k]!)) return k;
  return -1;
}

/** Recogniser spans with clean edges, as NamedMentions in text order. */
function findMentions(doc: Doc, rec: Recognizer = loadRecognizer()): NamedMention[] {
  const toks = doc.tokens;
  // Lowercased tokens and letter-or-digit flags from the token index: no string is built per test.
  const { lower, word, cap } = tokenIndex(doc);
  const out: NamedMention[] = [];
  const titled = new Set<string>();
  const spans = completeSpans(doc, recognizeSpans(doc, rec), rec);
  const opensSentence = (i: number) => doc.sentences[toks[i]!.sentence]!.tokenStart === i;
  // "McDonald's said", "Moody's cut": names the gazetteer lists with a possessive, used somewhere in the
  // article as a verb's subject, keep the possessive everywhere ("McDonald's restaurants" too); the
  // possessive of "the Queen's speech" or "Parkinson's disease" is not a name's.
  const possessiveNames = new Set<string>();
  for (const s of spans) {
    const ownS = possessiveEnd(s.start, s.end);
    if (ownS > 0 && SUBJECT_VERBS.has(lower[ownS] ?? '') && listedAsOrganisation(rec, lower, s.start, ownS - 1)) possessiveNames.add(lower.slice(s.start, ownS - 1).join(' '));
  }
  // The type of every span's words, for "A and B" read as one name where the article also names A or B alone.
  let spanTypes: Map<string, number> | null = null;
  for (const s of spans) {
    const j = listJoin(s.start, s.end);
    if (j >= 0) {
      spanTypes ??= new Map(spans.map((x) => [lower.slice(x.start, x.end).join(' '), x.type]));
      const left = spanTypes.get(lower.slice(s.start, j).join(' '));
      const right = spanTypes.get(lower.slice(j + 1, s.end).join(' '));
      if (left !== undefined || right !== undefined || (namesPlace(s.start, j) && namesPlace(j + 1, s.end))) {
        // "Samsung Electronics and Sony", "US and Europe": two names, each typed as the article types it alone;
        // a part never named alone is a place if the gazetteer knows one of that name, else keeps the whole's type.
        // Two known places joined are two places even when neither is named alone ("the US and Canada").
        push(s.start, j, partType(left, s.start, j, s.type));
        push(j + 1, s.end, partType(right, j + 1, s.end, s.type));
        continue;
      }
    }
    // "Hodgson for Edwards" (a replacement), "Harry nor Voldemort": no person's name holds "for", "or" or "nor".
    const link = TYPES[s.type] === 'PER' ? personLink(s.start, s.end) : -1;
    if (link > 0) {
      push(s.start, link, 'PERSON');
      push(link + 1, s.end, 'PERSON');
      continue;
    }
    // "BBC Mr Howard", "Labour's Mr Brown": a form of address inside a span starts a second name;
    // what comes before it is a name of its own when it can be typed (an acronym, a known place), else dropped.
    const k = honorificInside(lower, s.start, s.end);
    let party = -1;
    const of = k < 0 ? personOfOrganisation(doc, s.start, s.end, rec) : -1;
    const named = k < 0 && of < 0 ? personAfterPortfolio(doc, s.start, s.end, rec) : -1;
    if (named >= 0) {
      // "Minister of Education Stefania Giannini": the portfolio belongs to the title; the rest is the person.
      // "chairman of Chrysler LLC Jim Press": after a company's role, the words before the name are the company.
      // So are the words before a name that follows an organisation's name ("CEO of the Refugee Council Enver Solomon").
      const role = lower[s.start - 1] === 'the' ? s.start - 3 : s.start - 2;
      if (ORG_ROLES.has(lower[role]!) || ORGANISATION_NAME_HEADS.has(lower[named - 1]!)) push(s.start, named, 'ORGANIZATION');
      push(named, s.end, 'PERSON');
    } else if (of >= 0) {
      // "Alvin Yeung of Civic Party": a given name and a surname, "of", an organisation: two names.
      push(s.start, of, 'PERSON');
      push(of + 1, s.end, 'ORGANIZATION');
    } else if (k < 0 && s.end - s.start >= 2 && DEMONYM_NOUNS.has(lower[s.start]!) && TYPES[s.type] === 'PER') {
      // "Swede Kenneth Eriksson", "Briton Tim Henman": the nationality, then the person.
      push(s.start, s.start + 1, 'MISC');
      push(s.start + 1, s.end, 'PERSON');
    } else if (k < 0 && (party = TYPES[s.type] === 'PER' ? partyBefore(lower, s.start, s.end) : -1) > 0) {
      // "Tory Dominic Grieve", "Lib Dem Norman Baker": the party, then the person. The party word is the party
      // (an organisation) where the alias table names it so, else an adjective (MISC, as "Tory" alone is typed).
      push(s.start, party, OTHER_ALIASES.canonical('ORGANIZATION', lower.slice(s.start, party).join(' ')) !== undefined ? 'ORGANIZATION' : 'MISC');
      push(party, s.end, 'PERSON');
    } else if (k < 0) push(s.start, s.end, ENTITY_TYPE[TYPES[s.type]!]);
    else {
      // After an office ("Salford MP Hazel Blears"), the person starts after it.
      const office = OFFICES_BEFORE_NAMES.has(lower[k]!);
      const before = gluedNameType(doc, s.start, k);
      if (before) push(s.start, k, before);
      push(office ? k + 1 : k, s.end, 'PERSON');
    }
  }
  // A name a title showed to be a person's is one everywhere in the article ("President George W Bush", "the George W Bush domain").
  if (titled.size > 0) for (const m of out) if (m.type !== 'PERSON' && titled.has(nameKey(doc.text.slice(m.start, m.end)))) m.type = 'PERSON';
  // "Angry Williams", "Off-colour Gardener" (headlines): a word news text mostly writes lowercase (or a hyphened word
  // starting with one), no given name, opening the article's first sentence before a person's name that the article
  // also writes after another first word ("Serena Williams") and never again so, is the headline's capital, not the
  // person's name. (Only the first sentence: in the body, "Rand Paul's departure" beside "Matt Paul" — "rand" is a
  // currency, and no given name of the lexicon.)
  for (const m of out) {
    const a = m.tokenStart;
    const n = m.tokenEnd - a - 1;
    if (m.type !== 'PERSON' || n < 1 || !opensSentence(a) || toks[a]!.sentence !== 0 || rec.lexicon.firstNames.has(hashString(lower[a]!))) continue;
    const hyphen = lower[a]!.indexOf('-');
    if (!mostlyLowercase(lower[a]!) && !(hyphen > 0 && mostlyLowercase(lower[a]!.slice(0, hyphen)))) continue;
    const rest = lower.slice(a + 1, m.tokenEnd).join(' ');
    const whole = lower.slice(a, m.tokenEnd).join(' ');
    if (out.some((o) => o !== m && lower.slice(o.tokenStart, o.tokenEnd).join(' ') === whole)) continue;
    if (!out.some((o) => o !== m && o.type === 'PERSON' && o.tokenEnd - o.tokenStart > n && lower[o.tokenEnd - n - 1] !== lower[a] && lower.slice(o.tokenEnd - n, o.tokenEnd).join(' ') === rest)) continue;
    m.tokenStart = a + 1;
    m.start = toks[a + 1]!.start;
  }
  return out;

  /**
   * The "and" of a span that may be two names joined ("Samsung Electronics and Sony"): capitalised words
   * on both sides, and the whole neither a known place ("Bosnia and Herzegovina") nor a gazetteer name
   * ("Procter and Gamble"); -1 when there is none.
   */
  function listJoin(a: number, b: number): number {
    let j = -1;
    for (let i = a + 1; i < b - 1; i++) if (lower[i] === 'and') j = i;
    if (j < 0 || !STARTS_UPPER.test(toks[j + 1]!.text) || !STARTS_UPPER.test(toks[a]!.text)) return -1;
    // "University of the Highlands and Islands", "Department of Trade and Industry": the "and" joins the
    // complement of "of", unless the right side has an "of" of its own ("Duchy of Lancaster and Duchy of Cornwall").
    if (lower.slice(a, j).includes('of') && !lower.slice(j + 1, b).includes('of')) return -1;
    const whole = doc.text.slice(toks[a]!.start, toks[b - 1]!.end);
    if (resolvePlace(whole).subtype !== null || gazetteerTypes(rec, whole) !== 0) return -1;
    return j;
  }

  /** Whether the name at [a, b) is written with its opening article: a name of the alias table or the gazetteer ("The Times"). */
  function writtenWithArticle(a: number, b: number): boolean {
    const whole = doc.text.slice(toks[a]!.start, toks[b - 1]!.end);
    return ENTITY_ALIASES.canonical('ORGANIZATION', nameKey(whole)) !== undefined || gazetteerTypes(rec, whole) !== 0;
  }

  /** The "for", "or" or "nor" between two capitalised words inside span [a, b), or -1. */
  function personLink(a: number, b: number): number {
    for (let i = a + 1; i < b - 1; i++) if (PERSON_LINKS.has(lower[i]!) && STARTS_UPPER.test(toks[i - 1]!.text) && STARTS_UPPER.test(toks[i + 1]!.text)) return i;
    return -1;
  }

  /** Whether the words [a, b) are the name of a country, region or city the gazetteer resolves. */
  function namesPlace(a: number, b: number): boolean {
    return resolvePlace(doc.text.slice(toks[a]!.start, toks[b - 1]!.end)).subtype !== null;
  }

  function partType(alone: number | undefined, a: number, b: number, whole: number): EntityType {
    if (alone !== undefined) return ENTITY_TYPE[TYPES[alone]!];
    return namesPlace(a, b) ? 'LOCATION' : ENTITY_TYPE[TYPES[whole]!];
  }

  /**
   * Whether the words [a, b) after a title are a person's names: capitalised words, those before the last ones news text mostly writes so,
   * none a role ("Lord Mayor", "Lord Chief Justice") and the last no noun that heads a place's, a building's or an
   * organisation's name ("Lady Bird Lake", "Lord Ashcroft Gallery").
   */
  function namesAfterTitle(a: number, b: number): boolean {
    for (let i = a; i < b; i++) {
      if (cap[i] !== 1 || !STARTS_UPPER.test(toks[i]!.text) || rec.roles.heads.has(lower[i]!) || rec.roles.modifiers.has(lower[i]!)) return false;
      // (A surname may be a common word, "Dame Imelda Crane"; the words before it are names.)
      if (i < b - 1 && (rec.lexicon.caps.get(hashString(lower[i]!)) ?? 5) <= 3) return false;
    }
    const last = toks[b - 1]!.text;
    return !GEO_HEADS.has(last) && !FACILITY_HEADS.has(last) && !BODY_HEADS.has(lower[b - 1]!) && !endsLikeOrganisation(last);
  }

  /** Whether news text writes the word lowercase at least half the time (caps bucket + 1: 1 always … 3 about half). */
  function mostlyLowercase(w: string): boolean {
    const c = rec.lexicon.caps.get(hashString(w)) ?? 0;
    return c >= 1 && c <= 3;
  }

  /** The end of span [a, b) with the possessive that ends it or follows it ("McDonald" + "'s"), or -1 when there is none. */
  function possessiveEnd(a: number, b: number): number {
    if (b < toks.length && POSSESSIVE_CLITIC.has(toks[b]!.text)) return b + 1;
    return b > a + 1 && POSSESSIVE_CLITIC.has(toks[b - 1]!.text) ? b : -1;
  }

  function push(a: number, b: number, type: EntityType): void {
    // "Mr Blair", "Ms. Jowell": whatever the model said, a name after a form of address is a person.
    if (b - a > 1 && HONORIFICS.has(lower[a]!)) type = 'PERSON';
    if (a > 0 && HONORIFICS.has(lower[a - 1]!) && toks[a - 1]!.sentence === toks[a]!.sentence) type = 'PERSON';
    // "Lord Tallow", "Dame Imelda Crane": a title of a peerage or an honour and one to three names after it is a
    // person, whatever the model said (not "Lord Mayor", a role, nor "Lord Howe Island", which a place noun heads).
    if (type !== 'PERSON' && b - a >= 2 && b - a <= 4 && HONOUR_TITLES.has(toks[a]!.text) && namesAfterTitle(a + 1, b)) type = 'PERSON';
    if (type !== 'PERSON' && a > 0 && b - a <= 3 && HONOUR_TITLES.has(toks[a - 1]!.text) && toks[a - 1]!.sentence === toks[a]!.sentence && namesAfterTitle(a, b)) type = 'PERSON';
    // "President George W Bush", "Minister Florence Chitauro": a given name and more after a person's title.
    // (Not when the last word is one news text writes lowercase half the time or more: "King Arthur International category".)
    // Also "the singer Nora Kessler": two names after an occupation written lowercase after an article, whether or not
    // the lexicon knows the given name (both words ones news text mostly capitalises).
    if (type !== 'PERSON' && a > 0 && b - a >= 2 && rec.roles.heads.has(lower[a - 1]!) && toks[a - 1]!.sentence === toks[a]!.sentence && !mostlyLowercase(lower[b - 1]!) && (rec.lexicon.firstNames.has(hashString(lower[a]!)) || (b - a === 2 && a > 1 && ARTICLE_WORDS.has(lower[a - 2]!) && toks[a - 1]!.text === lower[a - 1] && (rec.lexicon.caps.get(hashString(lower[a]!)) ?? 5) > 3 && (rec.lexicon.caps.get(hashString(lower[a + 1]!)) ?? 5) > 3))) {
      type = 'PERSON';
      titled.add(nameKey(doc.text.slice(toks[a]!.start, toks[b - 1]!.end)));
    }
    // "McDonald's", "Moody's": a company whose name ends in a possessive keeps it, when the gazetteer lists it so.
    const ownS = possessiveNames.size > 0 ? possessiveEnd(a, b) : -1;
    if (ownS > 0 && possessiveNames.has(lower.slice(a, ownS - 1).join(' '))) {
      b = ownS;
      type = 'ORGANIZATION';
      out.push({ start: toks[a]!.start, end: toks[b - 1]!.end, type, subtype: null, tokenStart: a, tokenEnd: b });
      return;
    }
    // Possessive endings and stray punctuation never belong to a name.
    while (b > a && (POSSESSIVE.test(toks[b - 1]!.text) || toks[b - 1]!.text === '.' || (EDGE_PUNCT.test(toks[b - 1]!.text) && !closesBracket(toks, a, b - 1)))) b--;
    while (a < b && EDGE_PUNCT.test(toks[a]!.text)) a++;
    // "Hence Tesco said": a conjunctive adverb opening the sentence is no part of the name after it.
    if (b - a > 1 && CONJUNCTIVE_ADVERBS.has(lower[a]!) && opensSentence(a)) a++;
    // "But Human Rights Watch said", "The Standards and Privileges Committee said": a conjunction opening the sentence
    // is no part of a name, nor is an article opening it before an organisation's name — unless the name is written
    // with it ("The Times" of the alias table, a gazetteer name such as "The Body Shop").
    if (b - a > 1 && opensSentence(a) && (OPENING_CONJUNCTIONS.has(toks[a]!.text) || (type === 'ORGANIZATION' && OPENING_ARTICLES.has(toks[a]!.text) && !writtenWithArticle(a, b)))) a++;
    // "Toronto-based Barrick": a word built on another name describes the name after it and is no part of it.
    if (b - a > 1 && hasNameSuffix(toks[a]!.text)) a++;
    // "Labour MP", "Salford MP", "Nicholas Blake QC": a post-nominal office or honour is no part of a name.
    if (b - a > 1 && POST_NOMINALS.has(toks[b - 1]!.text)) {
      while (b - a > 1 && POST_NOMINALS.has(toks[b - 1]!.text)) b--;
      // What is left of "Welsh MPs", "Asian MP" is a nationality, not an organisation.
      if (b - a === 1 && demonymCountry(toks[a]!.text) !== null) type = 'MISC';
    }
    // "US TV", "British TV", "European TV": a common noun written in capitals after a country, a region or a nationality
    // is no part of a name; what is before it is the place or the nationality ("Capital FM", "Court TV" stay whole; a
    // city is no such sign: "Mobile PC", "Cayenne SUV").
    if (b - a > 1 && isGenericAcronym(toks[b - 1]!.text)) {
      const rest = doc.text.slice(toks[a]!.start, toks[b - 2]!.end);
      if (demonymCountry(rest) !== null) [b, type] = [b - 1, 'MISC'];
      else if (countryOf(rest) !== null || resolvePlace(rest).subtype === 'region') [b, type] = [b - 1, 'LOCATION'];
    }
    // Titles in front of a person's name are roles, not part of the name; so are the titles of honours and
    // peerages ("Sir Alex Ferguson" is Alex Ferguson, "Lord Tebbit" is Tebbit, as CoNLL marks them), so that
    // one person has one name, and one id, whether or not an article gives the title.
    if (type === 'PERSON') while (b - a > 1 && (rec.roles.heads.has(lower[a]!) || HONORIFICS.has(lower[a]!) || HONOUR_TITLES.has(toks[a]!.text))) a++;
    if (type === 'PERSON') while (b - a > 1 && rec.roles.modifiers.has(lower[a]!) && toks[a]!.text.endsWith('.')) a++;
    if (b <= a) return;
    if (b - a === 1 && isSentenceAdverb(doc, a, rec)) return;
    let hasWord = false; // a letter or digit somewhere (/[\p{L}\p{N}]/u over the span)
    for (let t = a; t < b && !hasWord; t++) hasWord = word[t] === 1;
    if (!hasWord) return;
    // "Israel-Iran standoff", "Iran-Russia cooperation": a pair of places is a relation, not a name.
    if (b - a === 1 && isPlacePair(toks[a]!.text)) return;
    // "Texas-based", "anti-Pyongyang", "US$" (two tokens): a word built on a name, not a name (CoNLL tags many of them MISC).
    // So is a longer one ending in such a word: "Las Vegas-style", "New York-based".
    if (type === 'MISC' && ((b - a === 1 && isNameDerivedWord(toks[a]!.text)) || (b - a > 1 && hasNameSuffix(toks[b - 1]!.text)) || (b - a === 2 && toks[b - 1]!.text === '$' && toks[a]!.end === toks[b - 1]!.start))) return;
    // Whatever its type: "ex-Yukos", and "Ex-Labour" opening a sentence (its capital is the sentence's).
    if (b - a === 1 && (isNameDerivedWord(toks[a]!.text) || (opensSentence(a) && PREFIX_AT_START.test(toks[a]!.text)))) return;
    // "CBC.ca", "Amazon.com": a web domain names the organisation that runs it.
    if (b - a === 1 && WEB_DOMAIN.test(toks[a]!.text)) type = 'ORGANIZATION';
    // "PC", "DVD", "MPs": common nouns written in capitals, whatever type the model gave them.
    // (Not an acronym a name defines in brackets: "Really Simple Syndication (RSS)"; but "personal video recorders (PVRs)" is no name.)
    if (b - a === 1 && isGenericAcronym(toks[a]!.text) && !(toks[a - 1]?.text === '(' && toks[b]?.text === ')' && cap[a - 2] === 1)) return;
    // "USD 14 billion", "No. 1": a currency code or the abbreviation of "number" is no name.
    if (b - a === 1 && (CURRENCY_CODES.has(toks[a]!.text) || lower[a] === 'no.')) return;
    // "Chapter 11": the bankruptcy chapter is a name with its number, not a person called Chapter.
    if (b - a === 1 && lower[a] === 'chapter' && /^\d+$/.test(toks[b]?.text ?? '')) {
      b++;
      type = 'MISC';
    } else if (b - a === 2 && lower[a] === 'chapter' && /^\d+$/.test(toks[a + 1]!.text)) type = 'MISC';
    // "1900 GMT": a time zone belongs to the time expression (the times stage reads it), not to the entity table.
    if (b - a === 1 && TIME_ZONES.has(toks[a]!.text)) return;
    // "Christmas", "Boxing Day": dates (the times stage resolves them), not names.
    if (b - a <= 3 && mayBeHoliday(lower[a]!) && HOLIDAY_KEYS.has(nameKey(doc.text.slice(toks[a]!.start, toks[b - 1]!.end)))) return;
    // A multi-word name headed by a geographic feature noun is a place ("Zangezur Corridor", "Strait of Hormuz",
    // "River Avon", "Lake Geneva", "Mount Kenya"; not "Mount Sinai Hospital": the last word heads that one).
    if (b - a > 1 && (GEO_HEADS.has(toks[b - 1]!.text) || (GEO_HEADS.has(toks[a]!.text) && toks[a + 1]!.text === 'of'))) type = 'LOCATION';
    // "Exeter City", "Dundee United", "Nottingham Forest": a city's name and a word clubs add to it is the club
    // (not a name the gazetteer knows as a place: "Mexico City", "Salt Lake City"; nor a region's: "Kansas City";
    // nor after a place preposition: "residents in Edinburgh City").
    else if (b - a > 1 && CLUB_AFTER_CITY.has(toks[b - 1]!.text) && !PLACE_PREPOSITIONS.has(lower[a - 1] ?? '') && isClubOfCity(doc.text.slice(toks[a]!.start, toks[b - 2]!.end), doc.text.slice(toks[a]!.start, toks[b - 1]!.end))) type = 'ORGANIZATION';
    else if (b - a > 1 && b - a <= 3 && GEO_PREFIXES.has(toks[a]!.text) && toks[a]!.text !== toks[b - 1]!.text && !FACILITY_HEADS.has(toks[b - 1]!.text) && !ORG_OR_MISC_END.has(rec.lexicon.nameEnds.get(hashString(lower[b - 1]!)) ?? 0)) type = 'LOCATION';
    // ("BBC Radio 4's": the possessive written with the number is no part of the name.)
    out.push({ start: toks[a]!.start, end: toks[b - 1]!.end - (b - a > 1 && NUMBER_POSSESSIVE.test(toks[b - 1]!.text) ? 2 : 0), type, subtype: null, tokenStart: a, tokenEnd: b });
  }
}

/**
 * Index of the "of" in a span read as one name that is a person's name and an organisation's
 * ("Alvin Yeung of Civic Party", "Claudia Mo of the Civic Party"): two or three capitalised words
 * before it, the first a given name of the lexicon, the others names (not words news text mostly
 * writes lowercase), none a role or a form of address, and
 * capitalised words after it; else -1. ("Bank of America", "Duke of Edinburgh" start with no given name.)
 */
function personOfOrganisation(doc: Doc, a: number, b: number, rec: Recognizer): number {
  const { lower, cap } = tokenIndex(doc);
  const k = a + 2 <= b - 2 && lower[a + 2] === 'of' ? a + 2 : a + 3 <= b - 2 && lower[a + 3] === 'of' ? a + 3 : -1;
  if (k < 0 || !rec.lexicon.firstNames.has(hashString(lower[a]!))) return -1;
  for (let i = a; i < k; i++) if (!cap[i] || rec.roles.heads.has(lower[i]!) || HONORIFICS.has(lower[i]!)) return -1;
  // The words after the given name are names, not words news text mostly writes lowercase ("United Daughters of …").
  for (let i = a + 1; i < k; i++) if ((rec.lexicon.caps.get(hashString(lower[i]!)) ?? 5) <= 3) return -1;
  const after = lower[k + 1] === 'the' ? k + 2 : k + 1;
  return after < b && cap[after] ? k : -1;
}

/**
 * Where the person's name starts in a span that follows a title and "of" ("Minister of [Education
 * Stefania Giannini]", "Secretary of [State John Kerry]"): a given name of the lexicon after at least one
 * word, with one or two capitalised words after it, the rest of the span; else -1.
 */
function personAfterPortfolio(doc: Doc, a: number, b: number, rec: Recognizer): number {
  const { lower, cap } = tokenIndex(doc);
  // "chief executive of [the] …"
  const of = lower[a - 1] === 'the' ? a - 2 : a - 1;
  if (of < 1 || lower[of] !== 'of' || !rec.roles.heads.has(lower[of - 1]!)) return -1;
  for (let k = Math.max(a + 1, b - 3); k <= b - 2; k++) {
    // A given name of the lexicon, or any name right after the noun that heads an organisation's name
    // ("the Refugee Council Enver Solomon").
    if (!rec.lexicon.firstNames.has(hashString(lower[k]!))) {
      if (!ORGANISATION_NAME_HEADS.has(lower[k - 1]!)) continue;
      // Without a known given name, every word of the person's part must be a name ("League Against Cruel Sports" is one name).
      let names = true;
      for (let i = k; i < b; i++) names &&= (rec.lexicon.caps.get(hashString(lower[i]!)) ?? 5) > 3;
      if (!names) continue;
    }
    let names = true;
    for (let i = k; i < b; i++) names &&= cap[i] === 1;
    if (names) return k;
  }
  return -1;
}

/** Offices and honours written after a name or a party ("Labour MP", "Nicholas Blake QC"): never part of the name. */
const POST_NOMINALS = new Set(['MP', 'MPs', 'MEP', 'MEPs', 'MSP', 'MSPs', 'QC', 'KC', 'OBE', 'MBE', 'CBE', 'KBE']);

/** Last words of organisations' names, after which a person's name may follow in one span. */
const ORGANISATION_NAME_HEADS = new Set(['council', 'committee', 'commission', 'association', 'union', 'party', 'institute', 'agency', 'foundation', 'society', 'federation', 'authority', 'ministry', 'department', 'organisation', 'organization', 'league', 'trust', 'bank', 'corporation', 'group']);

/** Index of a form of address (or an office: "MP") strictly inside [a, b) with a name after it, or -1. */
function honorificInside(lower: readonly string[], a: number, b: number): number {
  for (let k = a + 1; k < b - 1; k++) if (HONORIFICS.has(lower[k]!) || OFFICES_BEFORE_NAMES.has(lower[k]!)) return k;
  return -1;
}
/** Offices written between a constituency or party and a person's name ("Salford MP Hazel Blears"). */
const OFFICES_BEFORE_NAMES = new Set(['mp', 'mep', 'msp']);

/** The type of the words [a, k) glued before a form of address: a known place is a location, a known organisation or an acronym an organisation; else null. */
function gluedNameType(doc: Doc, a: number, k: number): EntityType | null {
  const text = doc.text.slice(doc.tokens[a]!.start, doc.tokens[k - 1]!.end).replace(/['’]s$/u, '');
  const place = resolvePlace(text).subtype;
  if (place === 'country' || place === 'city' || place === 'region') return 'LOCATION';
  if (OTHER_ALIASES.canonical('ORGANIZATION', nameKey(text)) || /^[A-Z][A-Z&.]+$/.test(text)) return 'ORGANIZATION';
  return null;
}

/** Two countries or cities joined by a hyphen ("Israel-Iran"); nationality compounds ("US-Israeli") are kept. */
function isPlacePair(word: string): boolean {
  if (!word.includes('-')) return false;
  const parts = word.split('-');
  return parts.length === 2 && parts.every((p) => {
    const subtype = resolvePlace(p).subtype;
    return subtype === 'country' || subtype === 'city';
  });
}

/** A web domain: a name, a dot, a top-level domain ("CBC.ca", "Secunia.com", "bbc.co.uk"). */
const WEB_DOMAIN = /^[\p{L}\d][\p{L}\d-]*(?:\.[\p{L}\d-]+)*\.(?:com|org|net|gov|edu|info|io|co\.uk|[a-z]{2})$/u;

/** Capitalised abbreviations of common nouns: things, technologies, measures and job titles, never a name. */
const GENERIC_ACRONYMS = new Set(
  [
    'PC PCs TV TVs DVD DVDs CD CDs ID IDs MP3 PDA PDAs GPS SMS MMS LCD HD HDTV IP PIN URL URLs 3G RFID CEO CEOs CFO MP MPs MSP MSPs MEP MEPs QC GP GPs OS',
    // Technologies and devices ("broadband over UWB", "a USB stick", "P2P networks"), CoNLL leaves such words untagged.
    'FM USB GPRS GSM CDMA WAP UWB IPTV P2P PVR PVRs DTT RSS VoIP DSL ADSL ISP ISPs SIM VCR VCRs PDF HTML CPU RAM LED CCTV DNA MRI IVF ATM ATMs SUV SUVs MPV UFO TB DVI HDMI',
    // Measures, events and people of common speech ("GDP", "VAT", "the PM", "an IPO", "DJs").
    'GDP VAT PM IPO IPOs AGM ICT NGO NGOs WMD ASBO ASBOs COO CTO PR DJ DJs VIP VIPs FAQ',
  ].join(' ').split(' '),
);

/** The longest of those ("HDTV"): a longer word without its full stops and plural s is none of them. */
const LONGEST_GENERIC_ACRONYM = Math.max(...[...GENERIC_ACRONYMS].map((w) => w.length));

/** One of those, with or without full stops or a plural s ("P.C.", "LCDs"). */
function isGenericAcronym(word: string): boolean {
  if (GENERIC_ACRONYMS.has(word)) return true;
  // (Asked of every name's last word: most are longer than any of them, and hold no full stop to drop.)
  const bare = word.includes('.') ? word.replace(/\./g, '') : word;
  if (bare.length > LONGEST_GENERIC_ACRONYM + 1) return false;
  return GENERIC_ACRONYMS.has(bare) || (bare.endsWith('s') && GENERIC_ACRONYMS.has(bare.slice(0, -1)));
}

/** ISO 4217 codes of currencies news quotes prices in. */
const CURRENCY_CODES = new Set('USD EUR GBP JPY CHF CNY RMB CAD AUD NZD HKD SGD INR RUB KRW BRL MXN SEK NOK DKK ZAR TRY PLN'.split(' '));

const HOLIDAY_KEYS = new Set<string>(HOLIDAYS.map((h) => nameKey(h)));
/** Every prefix of a holiday's name key ("c", "ch", …, "christmas eve"), for `mayBeHoliday`. */
const HOLIDAY_KEY_PREFIXES = new Set<string>([...HOLIDAY_KEYS].flatMap((k) => [...k].map((_, i) => k.slice(0, i + 1))));

/**
 * Whether a name whose first token is `first` (lowercased) may be a holiday of HOLIDAY_KEYS. A first token of plain
 * lowercase ASCII letters starts the name's key as it is (nameKey changes no such letter), so it must start a holiday's
 * key: most names are told apart here without building their slice and key (the test runs for nearly every mention).
 */
function mayBeHoliday(first: string): boolean {
  for (let i = 0; i < first.length; i++) {
    const c = first.charCodeAt(i);
    if (c < 97 || c > 122) return true;
  }
  return HOLIDAY_KEY_PREFIXES.has(first);
}

/** Time-zone abbreviations (CoNLL-2003 tags "GMT" MISC; here it is part of a time). */
const TIME_ZONES = new Set('GMT BST UTC CET CEST EET EEST WET EST EDT CST CDT MST MDT PST PDT AEST AEDT IST JST HKT SGT'.split(' '));

/** English affixes that make an adjective of a name: "anti-Pyongyang", "Texas-based", "Scientology-related". */
const NAME_PREFIXES = new Set(['anti', 'pro', 'non', 'ex', 'post', 'pre', 'neo', 'pan', 'mid', 'trans', 'un', 'all', 'inter', 'intra', 'sub', 'super', 'ultra']);
const NAME_SUFFIXES = new Set([
  'based', 'related', 'led', 'owned', 'backed', 'born', 'made', 'run', 'controlled', 'style', 'listed', 'era', 'funded', 'linked',
  'friendly', 'speaking', 'inspired', 'sponsored', 'registered', 'bound', 'wide', 'centric', 'focused', 'dominated', 'affiliated', 'allied',
]);
/** Whether a single-token name is a derived word: a name with an affix. (A currency sign with a country prefix, "US$", is two tokens.) */
export function isNameDerivedWord(word: string): boolean {
  const dash = word.indexOf('-');
  if (dash <= 0) return false;
  const first = word.slice(0, dash).toLowerCase();
  const last = word.slice(word.lastIndexOf('-') + 1);
  return (NAME_PREFIXES.has(first) && word[0] === word[0]!.toLowerCase()) || NAME_SUFFIXES.has(last);
}

/** A prefix capitalised by the sentence it opens ("Ex-Labour minister …", "Anti-EU campaigners …"). */
const PREFIX_AT_START = /^(?:Ex|Anti|Pro|Non|Post|Pre)-\p{Lu}/u;

/** Whether a word ends in one of those suffixes after a dash ("Vegas-style"). */
function hasNameSuffix(word: string): boolean {
  const dash = word.lastIndexOf('-');
  return dash > 0 && NAME_SUFFIXES.has(word.slice(dash + 1));
}

/** Nouns that head the names of bodies: "… Embassy", "… Ministry", "… Council", "… University". */
const BODY_HEADS = new Set([
  'embassy', 'ministry', 'council', 'committee', 'commission', 'agency', 'department', 'authority', 'administration', 'parliament',
  'university', 'college', 'institute', 'foundation', 'association', 'federation', 'society', 'police', 'army', 'navy', 'trust',
  'bureau', 'board', 'directorate', 'secretariat', 'constabulary', 'academy',
]);

/** Whether a name of several words ends in such a noun ("Russian Embassy"; not "Embassy" alone). */
function isBodyName(name: string): boolean {
  const key = nameKey(name);
  const space = key.lastIndexOf(' ');
  return space > 0 && BODY_HEADS.has(key.slice(space + 1));
}

/** Conjunctions that may open a sentence: never the first word of a name. */
const OPENING_CONJUNCTIONS = new Set(['But', 'And']);
/** Articles opening a sentence, capitalised by its first place. */
const OPENING_ARTICLES = new Set(['The', 'A', 'An']);

/** Adverbs that link a sentence to the one before: never a name. */
const CONJUNCTIVE_ADVERBS = new Set([
  'furthermore', 'moreover', 'likewise', 'hence', 'thus', 'therefore', 'nevertheless', 'nonetheless', 'meanwhile', 'however',
  'consequently', 'accordingly', 'besides', 'otherwise', 'conversely', 'subsequently', 'additionally', 'alternatively', 'similarly',
]);

/**
 * A lone capitalised word opening a sentence and followed by a comma that is
 * an adverb or a word news text writes lowercase ("Interestingly,",
 * "Apparently,", "Indeed,"), or an -ly adverb news text writes lowercase
 * without the comma ("Usually") — capitalised only by position.
 */
function isSentenceAdverb(doc: Doc, i: number, rec: Recognizer): boolean {
  const toks = doc.tokens;
  const sent = doc.sentences[toks[i]!.sentence]!;
  if (i !== sent.tokenStart) return false;
  const w = toks[i]!.text;
  if (w.toUpperCase() === w) return false; // all caps: a headline or dateline ("NICE, France")
  const lw = w.toLowerCase();
  const h = hashString(lw);
  // A conjunctive adverb ("Furthermore", "Hence", "Likewise") is never a name, comma or not.
  if (CONJUNCTIVE_ADVERBS.has(lw)) return true;
  const caps = rec.lexicon.caps.get(h) ?? 0;
  if (toks[i + 1]?.text === ',') return caps === 1 || (caps === 0 && lw.length > 4 && lw.endsWith('ly'));
  // Without the comma ("Usually Scientology …"), only an -ly adverb that news text writes lowercase and no one is named.
  return caps === 1 && lw.length > 4 && lw.endsWith('ly') && !rec.lexicon.firstNames.has(h) && !rec.lexicon.lastNames.has(h);
}

/**
 * What the entity rules ask of a name (award? country? known place? its id per type …), each answer computed on first
 * use and kept with the name: one memo look-up per mention or cluster instead of one `Map` look-up of the same fresh
 * string per question. (entityId is a SHA-256 per entity; the same names recur across articles.)
 */
class NameFacts {
  private awardV = -1;
  private unknownPlaceV = -1;
  private countryV: string | null | undefined = undefined;
  private demonymV: string | null | undefined = undefined;
  private subtypeV: PlaceInfo['subtype'] | undefined = undefined;
  // The name's id per type, computed on first use: fields of the object itself, not an array beside it (one
  // allocation and one cold memory read fewer per name, whose facts are read once per cluster of every article).
  private idPerson: string | undefined = undefined;
  private idOrganization: string | undefined = undefined;
  private idLocation: string | undefined = undefined;
  private idMisc: string | undefined = undefined;
  /** The name-only tests below asked so far (one bit each), and those that hold. */
  private tested = 0;
  private holds = 0;
  private firstWordHashV = -1;
  private lowerHashV = -1;
  private gazetteerHashV = -1;
  private wordsV = -1;
  constructor(readonly name: string) {}
  /** Whether `test` holds of the name, computed on first use. */
  private is(bit: number, test: (name: string) => boolean): boolean {
    if ((this.tested & bit) === 0) {
      this.tested |= bit;
      if (test(this.name)) this.holds |= bit;
    }
    return (this.holds & bit) !== 0;
  }
  /** `isBodyName`: "Thames Valley Police", "the Russian Embassy". */
  get bodyName(): boolean {
    return this.is(1, isBodyName);
  }
  /** `isMediaName`: "Saudi Gazette", "BBC Radio 4". */
  get mediaName(): boolean {
    return this.is(2, isMediaName);
  }
  /** `isLawName`: "the Human Rights Act". */
  get lawName(): boolean {
    return this.is(4, isLawName);
  }
  /** `isHappeningName`: "the Athens Olympics". */
  get happeningName(): boolean {
    return this.is(8, isHappeningName);
  }
  /** `endsLikeOrganisation`: "Lucent Technologies", "Bristol Rovers". */
  get endsLikeOrganisation(): boolean {
    return this.is(16, endsLikeOrganisation);
  }
  /** `compassPlace`: "East Asia". */
  get compassPlace(): boolean {
    return this.is(32, compassPlace);
  }
  /** A name of the organisation alias table ("Tories", "Man Utd", "BBC"). */
  get organisationAlias(): boolean {
    return this.is(64, (name) => OTHER_ALIASES.canonical('ORGANIZATION', nameKey(name)) !== undefined);
  }
  /** Words of the name key (`wordCount(nameKey(name))`). */
  get words(): number {
    if (this.wordsV < 0) this.wordsV = wordCount(nameKey(this.name));
    return this.wordsV;
  }
  /** Hash of the name key's first word, for the lexicon's given names (`givenNameFirst`). */
  get firstWordHash(): number {
    if (this.firstWordHashV < 0) this.firstWordHashV = firstWordHash(this.name);
    return this.firstWordHashV;
  }
  /** Hash of the whole name lowercased, for the lexicon's given names and surnames (`isPersonName`). */
  get lowerHash(): number {
    if (this.lowerHashV < 0) this.lowerHashV = hashString(this.name.toLowerCase());
    return this.lowerHashV;
  }
  /** Hash of the name's tokens, for the gazetteer (`gazetteerTypes`). */
  get gazetteerHash(): number {
    if (this.gazetteerHashV < 0) this.gazetteerHashV = gazetteerHash(this.name);
    return this.gazetteerHashV;
  }
  get award(): boolean {
    if (this.awardV < 0) this.awardV = isAward(this.name) ? 1 : 0;
    return this.awardV === 1;
  }
  get country(): string | null {
    if (this.countryV === undefined) this.countryV = countryOf(this.name);
    return this.countryV;
  }
  get demonym(): string | null {
    if (this.demonymV === undefined) this.demonymV = demonymCountry(this.name);
    return this.demonymV;
  }
  get placeSubtype(): PlaceInfo['subtype'] {
    if (this.subtypeV === undefined) this.subtypeV = resolvePlace(this.name).subtype;
    return this.subtypeV;
  }
  get unknownPlace(): boolean {
    if (this.unknownPlaceV < 0) this.unknownPlaceV = unknownPlace(this.name) ? 1 : 0;
    return this.unknownPlaceV === 1;
  }
  id(type: EntityType): string {
    if (type === 'PERSON') return (this.idPerson ??= entityId(type, this.name, ENTITY_ALIASES));
    if (type === 'ORGANIZATION') return (this.idOrganization ??= entityId(type, this.name, ENTITY_ALIASES));
    if (type === 'LOCATION') return (this.idLocation ??= entityId(type, this.name, ENTITY_ALIASES));
    return (this.idMisc ??= entityId(type, this.name, ENTITY_ALIASES));
  }
}
const factsOf = memoized((name: string) => new NameFacts(name));

/**
 * The text with every run of white space as one space (`text.replace(/\s+/g, ' ')`); the regex runs only when the
 * text holds white space other than single spaces between other characters (rare in a name).
 */
function oneSpaced(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 ? text.charCodeAt(i + 1) <= 0x20 : c < 0x20 || (c >= 0x80 && /\s/.test(text[i]!))) return text.replace(/\s+/g, ' ');
  }
  return text;
}

/** Clusters mentions into the entity layer. */
function buildEntities(doc: Doc, mentions: NamedMention[], rec: Recognizer = loadRecognizer()): DocEntity[] {
  const toks = doc.tokens;
  // Each mention's text and name key are computed once here, for every rule and the clustering.
  const inputs: ClusterInput[] = mentions.map((m) => {
    const text = oneSpaced(doc.text.slice(m.start, m.end));
    return { text, type: m.type, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, definedBy: undefined, key: nameKey(text) };
  });
  // In-text acronym definitions: "Office of the Director of National Intelligence (ODNI)".
  // The mention starting at each token (the last one, if several), made at the first name before a bracket.
  let startsAt: Map<number, number> | null = null;
  // "Person" names an acronym in brackets spells, with the acronym's type (see below).
  const acronymOfPerson = new Map<number, EntityType>();
  mentions.forEach((m, k) => {
    const open = toks[m.tokenEnd];
    if (open?.text !== '(' || m.tokenEnd - m.tokenStart < 2) return;
    startsAt ??= new Map(mentions.map((o, j) => [o.tokenStart, j]));
    const inner = startsAt.get(m.tokenEnd + 1) ?? -1;
    if (inner < 0) return;
    const im = mentions[inner]!;
    if (toks[im.tokenEnd]?.text !== ')' || im.tokenEnd !== im.tokenStart + 1) return;
    // Only an acronym that starts like the name defines it: "… Intelligence (ODNI)", not "Carmen Wuestenhagen (Germany)".
    const acronym = toks[im.tokenStart]!.text.replace(/\./g, '');
    if (!/^\p{Lu}{2,8}$/u.test(acronym) || acronym[0] !== inputs[k]!.text[0]!.toUpperCase()) return;
    if (m.type === 'PERSON') {
      // "Carrier Pre-Selection (CPS)": a "person" whose every word's initial the acronym spells is no person (news
      // does not abbreviate people so); the name takes the acronym's reading, and the acronym means that name here,
      // not what the alias table's namesake means ("CPS" the Crown Prosecution Service).
      const initials = inputs[k]!.text.split(/[\s-]+/u).map((w) => w[0] ?? '').join('').toUpperCase();
      if (initials !== acronym) return;
      acronymOfPerson.set(k, inputs[inner]!.type === 'PERSON' ? 'ORGANIZATION' : inputs[inner]!.type);
    }
    inputs[inner]!.definedBy = k;
  });
  const named = NAMED.zeroed(toks.length);
  for (const m of mentions) for (let i = m.tokenStart; i < m.tokenEnd; i++) named[i] = 1;
  const isNamed = (i: number) => named[i] === 1;
  const capsOf = (word: string) => rec.lexicon.caps.get(hashString(word)) ?? 0;

  // An award is no short form of a person's name ("an Oscar" does not join "Oscar Pistorius"), and a country named
  // as an organisation ("US" beside "US Senate") is the country, not a short form of the organisation.
  for (const m of inputs) {
    // (The award test is cheaper computed, from the mention's name key, than looked up: its sets are small; the facts' memo is asked only for a country.)
    if (isAwardKey(m.key!)) m.type = 'MISC';
    else if ((m.type === 'ORGANIZATION' || m.type === 'MISC') && factsOf(m.text).country !== null) m.type = 'LOCATION';
  }
  const lineUp = new Set(inputs.filter((m) => initialAndSurname(m.text)).map((m) => m.text)).size >= 3;
  // The article's MISC names (before the type rules), for their plurals ("Muslim" → "Muslims").
  const miscKeys = new Set<string>();
  for (const m of inputs) if (m.type === 'MISC' && m.tokenEnd - m.tokenStart === 1) miscKeys.add(m.key!);
  typeListsByMajority(doc, inputs, (word) => isPersonName(rec, word), (word) => (gazetteerTypes(rec, word) & ORG_ONLY) !== 0);
  companyShortForms(doc, inputs);
  organisationShortForms(doc, inputs, rec);
  givenNamesAlone(doc, inputs, rec);
  // One-word "places" the article speaks of as places ("in Bedford", "Bedford, England"): they stay places beside a
  // person of that surname; other towns of a person's surname are that person ("Eastwood" beside "Clint Eastwood").
  const spokenPlaces = new Set<string>();
  for (const m of inputs) if (m.type === 'LOCATION' && m.tokenEnd - m.tokenStart === 1 && placeContext(doc, m.tokenStart, m.tokenEnd)) spokenPlaces.add(m.key!);
  const clusters = clusterMentions(inputs, {
    isNationality: (name) => factsOf(name).demonym !== null,
    countryOf: (name) => factsOf(name).country,
    givenName: (word) => rec.lexicon.firstNames.has(hashString(word)),
    knownPlace: isKnownPlace,
    staysPlace: (name) => spokenPlaces.has(nameKey(name)) || (isKnownPlace(name) && isMajorPlace(name)),
    makersProduct: (name) => makersProduct(rec, name),
  });
  // Each cluster's name facts, looked up once (the memo is a large process-wide Map: each look-up of a fresh string misses the caches).
  const clusterFacts = clusters.map((c) => factsOf(c.name));
  const titles = worksOfTheArticle(doc, clusters, clusterFacts, mentions, inputs, rec);
  // A MISC name with a sequel's number is a title too ("Halo 2"): "playing Halo" names the same game.
  for (let ci = 0; ci < clusters.length; ci++) if (clusters[ci]!.type === 'MISC' && SEQUEL_TITLE.test(clusters[ci]!.name)) titles.add(ci);
  const titleParts = titles.size === 0 ? null : titleShortForms([...titles].map((ci) => clusters[ci]!.name));
  const entities = clusters.map((c, ci) => {
    const roles: string[] = [];
    const facts = clusterFacts[ci]!;
    if (c.type === 'PERSON') {
      for (const k of c.members) {
        const before = roleBefore(doc, mentions[k]!.tokenStart, rec.roles, isNamed, capsOf);
        if (before) addRole(roles, before);
        const after = roleAfter(doc, mentions[k]!.tokenEnd, rec.roles, isNamed);
        if (after) addRole(roles, after);
      }
    }
    let subtype: string | null = null;
    let geo: DocEntity['geo'] = null;
    // A country is a place whatever the article's wording made of it ("US" as an
    // organisation or a MISC name), so one country has one type, and one id, in every article.
    // Only the canonical name counts: "GM" is an alias of General Motors, not Gambia.
    if ((c.type === 'ORGANIZATION' || c.type === 'MISC') && facts.country) c.type = 'LOCATION';
    // "a trade fair in Cannes", "MP for Henley-on-Thames, Oxfordshire": a known city or region the article only
    // speaks of as a place (every mention after "in", "near", …, or after "<place>,") is the place. ("at" is left
    // out: "three years at Newcastle" is the club.)
    // So is a known city's name with "City" after it ("families living in Truro City"), which a club's name may also be.
    if ((c.type === 'ORGANIZATION' || c.type === 'PERSON') && (!facts.unknownPlace || cityAndCity(c.name)) && c.members.every((k) => placeContext(doc, mentions[k]!.tokenStart, mentions[k]!.tokenEnd))) c.type = 'LOCATION';
    // A name the gazetteer knows only as an organisation ("Sony", "Google", "Cisco") is one in every
    // article, whatever its context made of it here: one real thing, one type, one id.
    // A "place" so listed is one too when no place gazetteer knows it and the article lists it with
    // organisations ("Microsoft, Sony and Nintendo"): conjuncts are things of one kind. (Without the
    // list test, "Pacific", "Jiangsu", "Republic", which the gazetteers know only from company names, became companies.)
    if (c.type === 'PERSON' && !c.name.includes(' ') && !isPersonNameHash(rec, facts.lowerHash) && (rec.lexicon.gaz.get(facts.gazetteerHash) ?? 0) === ORG_ONLY) c.type = 'ORGANIZATION';
    if (c.type === 'LOCATION' && !c.name.includes(' ') && facts.unknownPlace && (rec.lexicon.gaz.get(facts.gazetteerHash) ?? 0) === ORG_ONLY && c.members.some((k) => conjoinedWith(doc, mentions, k, 'ORGANIZATION'))) c.type = 'ORGANIZATION';
    // "the village of Shatoi": a one-word "person" after a settlement's noun and "of" is the place.
    if (c.type === 'PERSON' && !c.name.includes(' ') && c.members.some((k) => placeNounOf(doc, mentions[k]!.tokenStart))) c.type = 'LOCATION';
    // "Barrick shares", "Shares in Slough", "Atria's chairman": a one-word "person" or "place" spoken of as a
    // company somewhere in the article is one (countries and first-level regions stay places).
    // A known city's shares are its market's ("shares in London", "Tokyo shares"): only a company's own
    // words (its chairman, an apposition) retype a known place.
    if ((c.type === 'PERSON' || c.type === 'LOCATION') && !c.name.includes(' ')) {
      const sub = c.type === 'LOCATION' ? facts.placeSubtype : null;
      if (sub !== 'country' && sub !== 'region' && c.members.some((k) => companyContext(doc, mentions[k]!.tokenStart, mentions[k]!.tokenEnd, sub !== null, c.type === 'PERSON'))) c.type = 'ORGANIZATION';
    }
    // "the Xbox console", "its PSP handheld", "the Firefox browser", "the UMD format": a name between a determiner and a
    // noun for a device or format names that product (MISC), not its maker ("a Sony console" would; "the" does not).
    if ((c.type === 'ORGANIZATION' || (c.type === 'LOCATION' && facts.unknownPlace)) && c.members.some((k) => productBeforeNoun(doc, mentions[k]!.tokenStart, mentions[k]!.tokenEnd))) c.type = 'MISC';
    // "operating system Linux", "programs such as Ad-Aware and Spybot", "hit games like Halo 2": a one-word "person"
    // named as a product or a work is one (MISC), not a person (after the company cues, which name the maker).
    if (c.type === 'PERSON' && !c.name.includes(' ') && c.members.some((k) => namedAsProduct(doc, mentions[k]!.tokenStart))) c.type = 'MISC';
    // "the Cabir worm", "a virus called Bofra", "the Hackarmy trojan": a name the article gives as a piece of malware's
    // is that program (MISC), whatever the recogniser made of it — where no gazetteer knows the name, or where most of
    // its mentions are so named ("the FBI virus" once among many mentions of the FBI is not). Not a country, nor a
    // person of several words (the "Beckham virus" is named after David Beckham, who stays a person).
    if (c.type !== 'MISC' && facts.country === null && !(c.type === 'PERSON' && c.name.includes(' '))) {
      const named = malwareMentions(doc, c.members, mentions);
      if (named > 0 && (named * 2 >= c.members.length || (facts.unknownPlace && (rec.lexicon.gaz.get(facts.gazetteerHash) ?? 0) === 0 && !isPersonNameHash(rec, facts.lowerHash)))) c.type = 'MISC';
    }
    // "plane maker Airbus", "radio station Xfm": a one-word MISC name after a company noun too (not a people, an award or a happening).
    if (c.type === 'MISC' && !c.name.includes(' ') && facts.demonym === null && !facts.award && !facts.happeningName && c.members.some((k) => companyNounBefore(doc, mentions[k]!.tokenStart))) c.type = 'ORGANIZATION';
    // "security firm Saint Bernard Software": a longer "person" or unknown "place" after a company noun in apposition.
    // (Only nouns no person is called: "fellow broadcaster Michael Pointon", "watchdog Sir Philip Mawer" stay people.)
    if ((c.type === 'PERSON' || (c.type === 'LOCATION' && facts.unknownPlace)) && c.name.includes(' ') && c.members.some((k) => companyNounBefore(doc, mentions[k]!.tokenStart, COMPANY_ONLY_NOUNS_BEFORE))) c.type = 'ORGANIZATION';
    // "Lucent Technologies", "Warner Bros", "Calyon Securities": a "person" or "place" of several words ending like a
    // company's name is the company (not a known place: "South Bank"; "Bank" alone ends places too).
    // Sports clubs' endings too: "Belgrave Harriers", "Bristol Rovers", "Swansea RFC".
    if ((c.type === 'PERSON' || c.type === 'LOCATION') && facts.endsLikeOrganisation && facts.unknownPlace) c.type = 'ORGANIZATION';
    // "Newcastle striker", "West Ham's manager", "Leeds fans": a "place" whose players or staff the
    // article speaks of is the club (countries and first-level regions stay places: "England captain").
    if (c.type === 'LOCATION' && facts.words <= 2) {
      const sub = facts.placeSubtype;
      if (sub !== 'country' && sub !== 'region' && c.members.some((k) => clubContext(doc, mentions[k]!.tokenEnd))) c.type = 'ORGANIZATION';
    }
    // "Falcons boss", "the Falcons prop": a one-word plural (a club's nickname) whose players or staff the article speaks
    // of is the club, whatever the model made of it (MISC, or a person the lexicon does not know). Not a people's
    // plural (a nationality: "Americans"), a happening ("Olympics", "Games") or a known place.
    if ((c.type === 'MISC' || (c.type === 'PERSON' && !isPersonNameHash(rec, facts.lowerHash))) && isNicknamePlural(c.name) && facts.demonym === null && !facts.happeningName && facts.unknownPlace && c.members.some((k) => clubContext(doc, mentions[k]!.tokenEnd))) c.type = 'ORGANIZATION';
    // "London Irish 19-33 Wasps": a name beside a match score is a team; not a country (a national side is the
    // country's name) nor a region, a nationality or a happening. (A name in brackets after a player's in a squad list,
    // "J Lewsey (Wasps)", is a club in rugby line-ups but a country in results lists, "Ato Boldon (Trinidad)": not used.)
    if ((c.type === 'LOCATION' || (c.type === 'MISC' && facts.demonym === null && !facts.happeningName && !facts.award)) && facts.words <= 3 && facts.country === null) {
      const sub = facts.placeSubtype;
      if (sub !== 'country' && sub !== 'region' && c.members.some((k) => scoreBeside(doc, mentions[k]!.tokenStart, mentions[k]!.tokenEnd))) c.type = 'ORGANIZATION';
    }
    // "Muslims" beside "Muslim leaders": a one-word plural whose singular the article uses as a MISC name (a creed, a
    // people) is the people, never a place or a person; nor an organisation unless the article calls it "the …"
    // ("the Beatles" beside "the former Beatle" is the band; a people is named bare: "Hindus marched").
    if ((c.type === 'LOCATION' || c.type === 'PERSON' || (c.type === 'ORGANIZATION' && !c.members.some((k) => tokenIndex(doc).lower[mentions[k]!.tokenStart - 1] === 'the'))) && miscPluralOf(c.name, miscKeys) && facts.unknownPlace && !isPersonNameHash(rec, facts.lowerHash)) c.type = 'MISC';
    // "Bangladeshis", "Swedes", "Muslims": the plural of a nationality or a creed is a people (MISC), never a place.
    if (c.type === 'LOCATION' && isPeoplePlural(c.name, facts) && facts.unknownPlace) c.type = 'MISC';
    // "East Asia", "Western Europe": a compass word and a known continent, region or country is a place.
    if (c.type !== 'LOCATION' && facts.compassPlace) c.type = 'LOCATION';
    // "won an Oscar for", "the Aviator has": a name heading a phrase with an article is a title or an
    // award, not a person ("a Jones penalty", "the Bush administration" modify a noun and stay people).
    if (c.type === 'PERSON' && 2 * c.members.filter((k) => headsArticlePhrase(doc, mentions[k]!)).length >= c.members.length) c.type = 'MISC';
    // "the comedy Sideways", "her new album Stakonia", "BBC drama Holby City": a name after a noun for a work is the
    // work's title (MISC), not a person, a company or a place (unless a known place, or spoken of as a person).
    // Only the full name counts ("the film Ray" does not make Ray Charles a title), not an acronym, nor a possessive ("a musical Rubik's cube").
    // So is a name listed with such a title ("The Aviator, Million Dollar Baby and Sideways" beside "the comedy Sideways").
    if (c.type !== 'MISC' && titles.has(ci)) c.type = 'MISC';
    // "Halo" beside "the game Halo 2", "San Andreas" beside "Grand Theft Auto: San Andreas": a title's short form is the work.
    if (c.type !== 'MISC' && titleParts !== null && titleParts.has(nameKey(c.name)) && facts.unknownPlace) c.type = 'MISC';
    // "won an Oscar", "Bafta nominations", "the Mobo Awards": an award is MISC, however its context typed it
    // (its mentions were typed so before clustering; this catches a name completed by clustering).
    if (facts.award) c.type = 'MISC';
    // "Saudi Gazette", "Jakarta Post": a "place" or "person" ending like a newspaper's or broadcaster's name is
    // the outlet, unless a given name starts it ("Jim Press" is a person).
    if ((c.type === 'LOCATION' || c.type === 'PERSON') && !titles.has(ci) && c.name.includes(' ') && facts.mediaName && (c.type === 'LOCATION' || !rec.lexicon.firstNames.has(facts.firstWordHash))) c.type = 'ORGANIZATION';
    // "the Human Rights Act", "the Finance Bill", "the Kyoto Protocol": a law, bill or treaty is MISC, however its
    // context typed it (not a person whose given name starts the name: "Tony Bill" is no bill).
    if (c.type !== 'MISC' && facts.lawName && !(c.type === 'PERSON' && rec.lexicon.firstNames.has(facts.firstWordHash))) c.type = 'MISC';
    // "the Athens Olympics", "the Berlin Film Festival": an organisation's or a place's name ending like a happening's is the happening (MISC, subtype event).
    // So is a "person" so named, unless a given name starts it ("Macworld Expo", "Olympic Games" said to be people);
    // and a sports meeting named "… Games" ("the Athens Games"), a conference held somewhere ("at the Game Developers
    // Conference"). CoNLL has almost none of these, so the model reads them as the bodies their words suggest.
    if ((c.type === 'ORGANIZATION' || c.type === 'LOCATION' || (c.type === 'PERSON' && !rec.lexicon.firstNames.has(facts.firstWordHash))) && (facts.happeningName || isGamesMeeting(c.name, isKnownPlace) || conferenceHeld(doc, c.name, c.members.map((k) => mentions[k]!)))) c.type = 'MISC';
    // A name of the organisation alias table ("Tories", "Man Utd", "BBC") is that organisation, whatever the context typed it.
    if (c.type !== 'ORGANIZATION' && facts.organisationAlias) c.type = 'ORGANIZATION';
    // "the Russian Embassy", "the Biden Administration", "Thames Valley Police": a name of several words headed by a
    // noun for a body is that body (not a country, "the Russian Federation", nor a person whose given name starts the name).
    if (c.type !== 'ORGANIZATION' && !titles.has(ci) && facts.bodyName && facts.country === null && !(c.type === 'PERSON' && rec.lexicon.firstNames.has(facts.firstWordHash))) c.type = 'ORGANIZATION';
    // "D Chin (Belgrave Harriers), S Jones (Trafford AC)": in an article that names three or more people by an
    // initial and a surname (a line-up, a results list), such a name is a person, whatever its context typed it.
    if (lineUp && c.type !== 'PERSON' && initialAndSurname(c.name)) c.type = 'PERSON';
    // "Agence France Presse (AFP)", "Carrier Pre-Selection (CPS)": a "person" whose every word's initial an acronym in
    // brackets right after it spells is no person (news does not abbreviate people so): it takes the acronym's type
    // (an organisation's if that too was a person's). The acronym means that name here, whatever the alias table's
    // namesake ("CPS" the Crown Prosecution Service).
    if (c.type === 'PERSON' && acronymOfPerson.size > 0) for (const k of c.members) if (acronymOfPerson.has(k)) c.type = acronymOfPerson.get(k)!;
    if (c.type === 'LOCATION') {
      ({ subtype, geo } = placeOfNames(c.name, c.aliases).place); // the article's context may re-choose the city (geocodeInContext)
      // A "place" no gazetteer knows that employs someone ("consultant at Cisco", "a spokesman for Unison") is an organisation.
      if (subtype === null && geo === null && cityCandidates(c.name).length === 0 && c.members.some((k) => employedAt(doc, mentions[k]!.tokenStart))) {
        c.type = 'ORGANIZATION';
        subtype = orgOrMiscSubtype(doc, c.type, c.name, c.members.map((k) => mentions[k]!));
      }
    } else if (c.type === 'MISC' && facts.demonym) subtype = 'nationality';
    else if (c.type === 'MISC' && facts.award) subtype = 'award';
    else subtype = orgOrMiscSubtype(doc, c.type, c.name, c.members.map((k) => mentions[k]!));
    // Mentions carry their entity's type and subtype, so later stages see one answer per entity.
    for (const k of c.members) {
      mentions[k]!.type = c.type;
      mentions[k]!.subtype = subtype;
    }
    const type: EntityType = c.type;
    return {
      id: facts.id(type),
      type,
      subtype,
      name: c.name,
      aliases: c.aliases,
      roles,
      geo,
      mentions: c.members.map((k) => {
        const m = mentions[k]!;
        return { start: m.start, end: m.end, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd };
      }),
    };
  });
  const merged = mergeSameId(entities);
  // Each place's reading on its name alone (only places are asked below: no pair array per entity).
  const alone = new Map<DocEntity, DocEntity['geo']>();
  for (const e of merged) if (e.type === 'LOCATION') alone.set(e, e.geo);
  geocodeInContext(doc, merged);
  // A place the article's context moved off its name's usual reading ("Georgia" the US state,
  // "Birmingham, Alabama") is another real thing: it gets an id of its own. The usual reading keeps the name's id.
  // A US state so reached joins its alias group ("Georgia" the state and "Ga." share an id).
  let moved = false;
  for (const e of merged) {
    if (e.type !== 'LOCATION' || !e.geo || sameGeo(e.geo, alone.get(e) ?? null)) continue;
    const state = e.subtype === 'region' && e.geo.country_code === 'US' && US_STATE_NAMES.canonical('LOCATION', nameKey(e.name)) !== undefined;
    e.id = state ? entityId('LOCATION', e.name, US_STATE_NAMES) : entityId('LOCATION', e.name, ENTITY_ALIASES, placeSense(e.geo));
    moved = true;
  }
  const out = moved ? mergeSameId(merged) : merged;
  geocodeTowns(out);
  // Mentions carry their entity's subtype, which the article's context may have set.
  // (A Map: an array written at scattered token indices becomes a slow dictionary-mode array on a long document.)
  // (Built only in an article with a place.)
  let byStart: Map<number, NamedMention> | null = null;
  for (const e of out) {
    if (e.type !== 'LOCATION') continue;
    if (byStart === null) {
      byStart = new Map();
      for (const m of mentions) byStart.set(m.tokenStart, m);
    }
    for (const s of e.mentions) byStart.get(s.tokenStart)!.subtype = e.subtype;
  }
  return out;
}

const ORG_ONLY = 1 << GAZ_TYPES.indexOf('ORG');
/** A one-word capitalised plural ("Gunners", "Neath-Swansea Ospreys"; not "Jones" nor an acronym "IBS"). */
const NICKNAME_PLURAL = /^\p{Lu}[\p{Ll}'’-]*(?:-\p{Lu}[\p{Ll}'’]*)*[^s'’]s$/u;
function isNicknamePlural(name: string): boolean {
  return NICKNAME_PLURAL.test(name);
}
/** A match score ("2-1", "19-33"). */
const SCORE = /^\d{1,3}-\d{1,3}$/u;
const UPPER_START = /^\p{Lu}/u;
/**
 * Whether the name at tokens [a, b) is one side of a result line, a score between it and another capitalised name in its
 * sentence ("Leeds 2-1 Wasps"); not "a 2-1 Champions League lead", "won at Stamford Bridge 3-1,", "the 9-11 Commission".
 */
function scoreBeside(doc: Doc, a: number, b: number): boolean {
  const toks = doc.tokens;
  const s = toks[a]!.sentence;
  const inS = (i: number) => i >= 0 && i < toks.length && toks[i]!.sentence === s;
  if (inS(b + 1) && SCORE.test(toks[b]!.text) && UPPER_START.test(toks[b + 1]!.text)) return true;
  return inS(a - 2) && SCORE.test(toks[a - 1]!.text) && UPPER_START.test(toks[a - 2]!.text);
}
/** Whether a one-word name is the plural of one of the article's one-word MISC names ("Muslims" of "Muslim"). */
function miscPluralOf(name: string, miscKeys: ReadonlySet<string>): boolean {
  // (A letter before the "s": not a possessive, "NM2's" beside "NM2".)
  if (name.includes(' ') || !/\p{Ll}s$/u.test(name) || name.length < 4) return false;
  return miscKeys.has(nameKey(name.slice(0, -1)));
}
/** Adherents of a creed, named as peoples are ("Muslims", "Sikhs"); no nationality lexicon holds them. */
const CREED_NOUNS = new Set(['muslim', 'christian', 'hindu', 'sikh', 'jew', 'buddhist', 'catholic', 'protestant', 'mormon', 'shia', 'shiite', 'sunni', 'jain', 'anglican', 'methodist', 'baptist', 'evangelical', 'copt', 'druze']);

/** A one-word plural of a nationality or a creed: "Bangladeshis", "Swedes", "Muslims" (not "Wales", "Paris"). */
function isPeoplePlural(name: string, facts: NameFacts): boolean {
  if (name.includes(' ') || !/\p{Ll}s$/u.test(name)) return false;
  return facts.demonym !== null || CREED_NOUNS.has(name.slice(0, -1).toLowerCase());
}
const COMPASS_WORDS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'north-east', 'north-west', 'south-east', 'south-west', 'northeast', 'northwest', 'southeast', 'southwest']);
/** A compass word and a known continent, region or country: "East Asia", "Western Europe", "southern Africa". */
function compassPlace(name: string): boolean {
  const sp = name.indexOf(' ');
  if (sp < 0 || !COMPASS_WORDS.has(name.slice(0, sp).toLowerCase())) return false;
  const rest = name.slice(sp + 1);
  if (rest.includes(' ')) return false;
  const sub = resolvePlace(rest).subtype;
  return sub === 'region' || sub === 'country';
}
const STARTS_UPPER = /^\p{Lu}/u;

/** The gazetteer's type bits for a whole name (GAZ_TYPES order), 0 when it does not list it. */
function gazetteerTypes(rec: Recognizer, name: string): number {
  return rec.lexicon.gaz.get(gazetteerHash(name)) ?? 0;
}
function gazetteerHash(name: string): number {
  let h = SEQ_SEED;
  for (const t of nameTokens(name)) h = seqHash(h, t);
  return h;
}

const AWARDS = new Set(AWARD_NAMES);
const AWARD_LAST_WORDS = new Set(AWARD_HEADS);

/** An award's name: listed ("Oscar", "Golden Globes"), or two words or more ending in Award(s) or Prize(s). */
function isAward(name: string): boolean {
  return isAwardKey(nameKey(name));
}
/** `isAward` of a name given its name key. */
function isAwardKey(key: string): boolean {
  const space = key.lastIndexOf(' ');
  return AWARDS.has(key) || (space > 0 && AWARD_LAST_WORDS.has(key.slice(space + 1)));
}

const CONJUNCTIONS = new Set([',', 'and', 'or', '&']);
/** Lowercase words that join two people's names and are no part of one. */
const PERSON_LINKS = new Set(['for', 'or', 'nor']);

/**
 * Whether mention k stands in a list ("A, B and C", "A or B") right beside a mention of `type`
 * (`mentions` in text order).
 */
function conjoinedWith(doc: Doc, mentions: readonly NamedMention[], k: number, type: EntityType): boolean {
  const lower = tokenIndex(doc).lower;
  const m = mentions[k]!;
  const prev = mentions[k - 1];
  const next = mentions[k + 1];
  const linked = (from: number, to: number) => {
    // Between the two names only a comma, a conjunction, or both (", and").
    if (to - from < 1 || to - from > 2) return false;
    for (let i = from; i < to; i++) if (!CONJUNCTIONS.has(lower[i]!)) return false;
    return true;
  };
  return (prev !== undefined && prev.type === type && linked(prev.tokenEnd, m.tokenStart)) || (next !== undefined && next.type === type && linked(m.tokenEnd, next.tokenStart));
}

/**
 * The clusters that are titles of works: a name after a noun for a work ("the comedy Sideways", "his new single
 * 'Dirty'"), before one in apposition ("Sideways, the comedy about …"), or after "starring in", "role in" ("her role in
 * Vera Drake"); and, as conjuncts are things of one kind, a name listed with such a title ("The Aviator, Million Dollar
 * Baby and Sideways": commas, then "and"), again for the names listed with those. A title is no known place, no
 * acronym, no name spoken to ("Mr …"), and, when found only through a list, or after a noun with other readings ("in
 * the game Henry scored"), no name a given name of the lexicon starts (a person).
 */
function worksOfTheArticle(doc: Doc, clusters: ReadonlyArray<{ name: string; type: EntityType; members: number[] }>, facts: readonly NameFacts[], mentions: readonly NamedMention[], inputs: readonly ClusterInput[], rec: Recognizer): Set<number> {
  const titles = new Set<number>();
  // Whether a cluster may be a title at all; asked only of clusters with a cue or in a list beside a title (few).
  const can = (ci: number): boolean => {
    const c = clusters[ci]!;
    return !/^[\p{Lu}\d&.]+$/u.test(c.name) && facts[ci]!.unknownPlace && !c.members.some((k) => addressed(doc, mentions[k]!.tokenStart));
  };
  for (let ci = 0; ci < clusters.length; ci++) {
    // The cue for a "person" (`person` true) is the cue for any other type less some nouns: a cluster without the
    // latter is no title, whatever else holds, and most clusters have none.
    if (!hasTitleCue(doc, clusters[ci]!, mentions, inputs, false) || !can(ci)) continue;
    const c = clusters[ci]!;
    if (c.type !== 'PERSON' || !givenNameFirst(rec, c.name) || hasTitleCue(doc, c, mentions, inputs, true)) titles.add(ci);
  }
  if (titles.size === 0) return titles;
  const clusterOf = new Int32Array(mentions.length).fill(-1);
  clusters.forEach((c, ci) => {
    for (const k of c.members) clusterOf[k] = ci;
  });
  const lower = tokenIndex(doc).lower;
  const order = mentions.map((_, k) => k).sort((a, b) => mentions[a]!.tokenStart - mentions[b]!.tokenStart);
  // What joins the n-th name to the next: "and" or ", and", a comma, or nothing of a list.
  const link = (n: number): 'and' | 'comma' | null => {
    if (n + 1 >= order.length) return null;
    const from = mentions[order[n]!]!.tokenEnd;
    const to = mentions[order[n + 1]!]!.tokenStart;
    if (to - from === 1) return lower[from] === ',' ? 'comma' : lower[from] === 'and' ? 'and' : null;
    return to - from === 2 && lower[from] === ',' && lower[from + 1] === 'and' ? 'and' : null;
  };
  // A comma joins two names of a list only where "and" ends the list ("A, B and C"): "Set in her native Dartford, Wasp
  // tells …" and "the novel by Frances Hodgson Burnett, A Little Princess" are no lists.
  const listed = (n: number): boolean => {
    let j = n;
    while (link(j) === 'comma') j++;
    return link(j) === 'and';
  };
  for (let grew = true; grew; ) {
    grew = false;
    for (let n = 0; n + 1 < order.length; n++) {
      const a = order[n]!;
      const b = order[n + 1]!;
      if (!listed(n)) continue;
      for (const [x, y] of [[a, b], [b, a]] as const) {
        const cy = clusterOf[y]!;
        // (Not a name with a possessive after it: "Fahrenheit 9/11 and Mel Gibson's The Passion" lists the works, not Gibson.)
        if (!titles.has(clusterOf[x]!) || cy < 0 || titles.has(cy) || !can(cy) || givenNameFirst(rec, clusters[cy]!.name) || POSSESSIVE.test(lower[mentions[y]!.tokenEnd] ?? '')) continue;
        titles.add(cy);
        grew = true;
      }
    }
  }
  return titles;
}

/** Whether a mention of the cluster's full name is named as a work there (`titleCue`). */
function hasTitleCue(doc: Doc, c: { name: string; type: EntityType; members: number[] }, mentions: readonly NamedMention[], inputs: readonly ClusterInput[], person: boolean): boolean {
  for (const k of c.members) if (inputs[k]!.text === c.name && titleCue(doc, mentions[k]!.tokenStart, mentions[k]!.tokenEnd, c.type, person)) return true;
  return false;
}

/** Words a noun for a work in apposition is followed by: "Sideways, the comedy about …", "Ray, the film, …". */
// (No verb: "Set in South Wales, the film is …", "Directed by Antoine Fuqua, the film was …" open a clause whose subject is the work.)
const APPOSITION_NOUN_ENDS = new Set([',', '.', ';', ')', '-', '–', 'which', 'that', 'about', 'starring', 'by', 'set', 'based', 'directed', 'written', 'featuring', 'in', 'with', 'from', 'of']);
const APPOSITION_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its']);
/** "starring in", "her role in": the name after is a work acted in. */
const ACTING_BEFORE_IN = new Set(['starring', 'starred', 'stars', 'role', 'roles']);
/** Punctuation that closes a title set off by a comma after its noun ("the album, Absolution, was …"). */
const TITLE_CLOSERS = new Set([',', '.', ';', ')']);

/**
 * Whether the name at tokens [a, b), typed `type`, is named as a work there: a noun for a work right before it (or
 * before its opening quote), read as a noun ("the film Ray", not "to film Ray"; "in the game Henry scored" is no
 * title of a `person`), a noun for a work in apposition after it, or acting before it ("starring in", "role in"; not of
 * an organisation: "his role in Enron"). Not a name with a possessive after it ("a musical Rubik's cube").
 */
function titleCue(doc: Doc, a: number, b: number, type: EntityType, person: boolean): boolean {
  const lower = tokenIndex(doc).lower;
  if (POSSESSIVE.test(lower[b] ?? '')) return false;
  const n = workNounBefore(doc, a, b);
  if (n >= 0 && !(person && hasOtherReadings(lower[n]!))) return true;
  if (type !== 'ORGANIZATION' && lower[a - 1] === 'in' && ACTING_BEFORE_IN.has(lower[a - 2] ?? '')) return true;
  if (type === 'PERSON' && starOfWork(doc, b)) return true;
  return workNounInApposition(doc, b);
}

/** Nouns for who acts in a work, between the work and the actor's name: "Vera Drake star Imelda Staunton". */
const ACTOR_NOUNS = new Set(['star', 'stars', 'actor', 'actors', 'actress']);

/**
 * Whether an actor's noun and a capitalised name follow token b ("[Ray] star Jamie Foxx", "[Brookside] actress
 * Anna Keaveney"): what stands before is the work (or its character), never a person — no one is called "Foxx star".
 * Asked only of a "person": places, clubs and bands have stars too ("Hollywood star", "Rolling Stones star").
 * (Not "director", "producer": companies have them, "Disney director John Bryson".)
 */
function starOfWork(doc: Doc, b: number): boolean {
  const toks = doc.tokens;
  const noun = toks[b];
  const next = toks[b + 1];
  if (!noun || !next || !ACTOR_NOUNS.has(noun.text) || next.sentence !== toks[b - 1]!.sentence) return false;
  return /^\p{Lu}\p{Ll}/u.test(next.text) && noun.start === toks[b - 1]!.end + 1 && next.start === noun.end + 1;
}

/**
 * The index of a noun for a work right before token a, or before the quote opening there ("the single 'Dirty'"), or
 * before a comma when the name at [a, b) is closed by punctuation ("their new album, Absolution, is …"); else -1.
 */
function workNounBefore(doc: Doc, a: number, b = -1): number {
  const toks = doc.tokens;
  let n = OPENING_QUOTE_TOKENS.has(toks[a - 1]?.text ?? '') ? a - 2 : a - 1;
  if (b >= 0 && toks[n]?.text === ',' && n === a - 1 && TITLE_CLOSERS.has(toks[b]?.text ?? '')) n--;
  // (The noun first: it rejects nearly every word before a name without reading the tokens.)
  return n >= 0 && workNounAt(doc, n) && toks[n]!.sentence === toks[a]!.sentence && !lineBreakBefore(doc, n + 1) ? n : -1;
}

/** Whether a noun for a work stands right before the name at tokens [a, b) ("the film Ray", not "to film Ray"), and no possessive follows it. */
function titleNounBefore(doc: Doc, a: number, b: number): boolean {
  return workNounBefore(doc, a) >= 0 && !POSSESSIVE.test(tokenIndex(doc).lower[b] ?? '');
}

/** Whether ", the film" (a comma, a determiner, at most two modifiers, a noun for a work, then no noun going on) follows token b. */
function workNounInApposition(doc: Doc, b: number): boolean {
  const lower = tokenIndex(doc).lower;
  if (lower[b] !== ',' || !APPOSITION_DETERMINERS.has(lower[b + 1] ?? '')) return false;
  for (let j = b + 2; j <= b + 4 && j + 1 < lower.length; j++) {
    if (WORK_NOUNS.has(lower[j]!)) return APPOSITION_NOUN_ENDS.has(lower[j + 1]!);
    if (doc.tokens[j]!.sentence !== doc.tokens[b]!.sentence || !/^[\p{Ll}-]+$/u.test(lower[j]!)) return false;
  }
  return false;
}

/** Whether a form of address stands right before token i ("Mr Contrack"): the name is a person's. */
function addressed(doc: Doc, i: number): boolean {
  return HONORIFICS.has(tokenIndex(doc).lower[i - 1] ?? '');
}

/**
 * "Nintendo DS", "Sony PSP", "Apple Powerbook", "Motorola Razr": a name of several words whose first word the
 * gazetteer knows only as a company (and the name lists no person's) and whose last word is a name of its own —
 * always capitalised in news text (the capitalisation lexicon's top bucket) or unknown to it, in no gazetteer, and no
 * word the training corpora's names end with — is the company's product, not the company. ("Mitsubishi Motors",
 * "Samsung Electronics", "Cairn Energy", "Sony Ericsson" end in a company's word, a common noun or a company.)
 */
function makersProduct(rec: Recognizer, name: string): boolean {
  const words = nameTokens(name);
  if (words.length < 2) return false;
  const maker = words[0]!;
  const last = words[words.length - 1]!;
  if (!/^\p{L}/u.test(last) || (rec.lexicon.gaz.get(seqHash(SEQ_SEED, maker)) ?? 0) !== ORG_ONLY) return false;
  // A company named like a person ("Phillips", the given name of the athlete Phillips Idowu) may be the person's name.
  if (rec.lexicon.firstNames.has(hashString(maker)) || rec.lexicon.lastNames.has(hashString(maker))) return false;
  if ((rec.lexicon.gaz.get(seqHash(SEQ_SEED, last)) ?? 0) !== 0 || (rec.lexicon.nameEnds.get(hashString(last)) ?? 0) !== 0) return false;
  const caps = rec.lexicon.caps.get(hashString(last)) ?? 0;
  return (caps === 0 || caps === 5) && !ORGANISATION_ENDINGS.has(last) && !isKnownPlace(last);
}

/** A country, region or city of that name (or a namesake of one). */
function isKnownPlace(name: string): boolean {
  return !factsOf(name).unknownPlace;
}

/** A country, a region, or a capital city: a place whatever the article's people are called ("Washington", "Ireland"). */
function isMajorPlace(name: string): boolean {
  const facts = factsOf(name);
  if (facts.country !== null || facts.placeSubtype === 'region' || facts.placeSubtype === 'country') return true;
  return cityCandidates(name)[0]?.[6] === 1;
}

/** Prepositions after which a known place's name is the place ("in Cannes"; not "at", said of clubs and firms too). */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'throughout']);

/**
 * Whether the name at tokens [a, b) follows a place preposition, or a known place and a comma ("Henley-on-Thames,
 * Oxfordshire"), and is no possessive ("in Anderson's hometown" speaks of a person).
 */
function placeContext(doc: Doc, a: number, b: number): boolean {
  const { lower } = tokenIndex(doc);
  const toks = doc.tokens;
  // (The word before first: most names follow neither a place preposition nor a comma, and are told so from it alone.)
  const before = a < 1 ? '' : lower[a - 1]!;
  if ((before !== ',' && !PLACE_PREPOSITIONS.has(before)) || toks[a - 1]!.sentence !== toks[a]!.sentence || POSSESSIVE.test(lower[b] ?? '')) return false;
  if (before !== ',') return true;
  return a >= 2 && isKnownPlace(toks[a - 2]!.text);
}

/** No country, region or city of that name (nor a namesake of one). (Memoized: several rules ask it of each name.) */
function unknownPlace(name: string): boolean {
  const place = resolvePlace(name);
  return place.subtype === null && place.geo === null && cityCandidates(name).length === 0;
}

/** Whether a given name of the lexicon starts the name ("Jim Press", "Tony Bill"): a person's, whatever its last word says. */
function givenNameFirst(rec: Recognizer, name: string): boolean {
  return rec.lexicon.firstNames.has(firstWordHash(name));
}
function firstWordHash(name: string): number {
  return hashString(nameKey(name).split(' ')[0]!);
}

/** A given name or surname of the lexicon ("Jones", "Freddie"): a person's name, whatever else it is. */
function isPersonName(rec: Recognizer, word: string): boolean {
  return isPersonNameHash(rec, hashString(word.toLowerCase()));
}
function isPersonNameHash(rec: Recognizer, h: number): boolean {
  return rec.lexicon.firstNames.has(h) || rec.lexicon.lastNames.has(h);
}

const ARTICLE_WORDS = new Set<string>(ARTICLES);
/** Lowercase words that end a noun phrase rather than continue it: "an Oscar for", "the Aviator is". */
const PHRASE_ENDERS = new Set<string>([...PREPOSITIONS, ...MODALS, ...SUBORDINATORS, ...RELATIVE_PRONOUNS, 'and', 'or', 'but', 'is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'said', 'says']);

/** Whether a mention follows "a"/"an"/"the" and heads its noun phrase (no noun after it: "a Jones penalty" is a modifier). */
function headsArticlePhrase(doc: Doc, m: NamedMention): boolean {
  const { lower, word, cap } = tokenIndex(doc);
  const before = m.tokenStart - 1;
  if (before < 0 || !ARTICLE_WORDS.has(lower[before]!) || doc.tokens[before]!.sentence !== doc.tokens[m.tokenStart]!.sentence) return false;
  const after = m.tokenEnd;
  const continues = after < doc.tokens.length && word[after] === 1 && cap[after] === 0 && !PHRASE_ENDERS.has(lower[after]!) && doc.tokens[after]!.spaceBefore;
  return !continues;
}

const ORG_ROLES = new Set(ORGANISATION_ROLE_HEADS);

/** Nouns after a name (or its "'s") that only a company has: "Barrick shares", "Slough's chairman". */
const COMPANY_ONLY_AFTER = new Set(['shares', 'shareholders', 'stock', 'chairman', 'chairwoman']);
/** Party names written before a member's name ("Tory Liam Fox", "Labour Ken Livingstone"). */
const PARTY_WORDS = new Set(['tory', 'tories', 'labour', 'conservative', 'democrat', 'republican', 'snp', 'ukip']);

/** Where the person starts after a party name that opens a person's span of two names or more ("Lib Dem Norman Baker"), else -1. */
function partyBefore(lower: readonly string[], a: number, b: number): number {
  const p = PARTY_WORDS.has(lower[a]!) ? a + 1 : lower[a] === 'lib' && lower[a + 1] === 'dem' ? a + 2 : -1;
  return p > 0 && b - p >= 2 ? p : -1;
}

/** Nationality nouns that are not also adjectives: before a name they say who the person is, not what they are called. */
const DEMONYM_NOUNS = new Set('swede finn briton dane scot pole turk spaniard frenchman frenchwoman englishman englishwoman irishman irishwoman welshman welshwoman dutchman dutchwoman scotsman scotswoman kiwi'.split(' '));
/** Nouns for a settlement or an area before "of" and its name: "the village of Shatoi". */
const PLACE_NOUNS = new Set(['village', 'town', 'city', 'province', 'region', 'district', 'county', 'island', 'port', 'state', 'republic', 'kingdom', 'municipality']);

/** Nouns for a company that stand before its name in apposition. */
const COMPANY_NOUNS_BEFORE = new Set(['company', 'automaker', 'carmaker', 'retailer', 'manufacturer', 'conglomerate', 'airline', 'insurer', 'chipmaker', 'supermarket', 'bank', 'brokerage', 'firm', 'group',
  // Not only companies: "Britain's biggest union Unison", "US banking giant Citigroup", "flag carrier Olympic".
  'union', 'charity', 'broadcaster', 'carrier', 'regulator', 'watchdog', 'giant', 'chain',
  // Bodies of other kinds that one name stands for: "US TV network Fox", "UK rock band Muse", "independent label
  // Domino", "film studio Fox", "property website Rightmove", "Russian newspaper Vedomosti", "rock outfit Rooster".
  // So do "net provider Pipex", "Nordic operator Teliasonera", "technology site ZDNet", "TV channel Five", "radio station
  // Xfm", "browser maker Netscape" ("developer" is left out: "property developer Candy" is a person).
  'network', 'band', 'outfit', 'label', 'studio', 'website', 'newspaper', 'provider', 'operator', 'site', 'channel', 'station', 'maker']);
/** Words before "maker" that make the maker a person: "film maker Moore". */
const CRAFT_WORDS = new Set(['film', 'movie', 'documentary', 'programme', 'program', 'music', 'record', 'furniture', 'cheese', 'wine']);
/** A name ending in a sequel's number written in digits: "Halo 2", "Doom 3" (not 1: "Formula 1"; not Roman numerals: "Richard III" the play is also the king). */
const SEQUEL_TITLE = /\S [2-9]$/u;

/** The company nouns no person is called (a retailer, a broadcaster, a watchdog, a giant may be one). */
const COMPANY_ONLY_NOUNS_BEFORE = new Set(['company', 'firm', 'group', 'bank', 'brokerage', 'airline', 'automaker', 'carmaker', 'chipmaker', 'conglomerate', 'supermarket', 'chain', 'union', 'charity']);
/** Words after "X shares" that make "shares" a verb ("Trump shares his view"). */
const OBJECT_STARTS = new Set(['his', 'her', 'its', 'their', 'my', 'our', 'your', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'some', 'many', 'much', 'in', 'with']);

const POSSESSIVE_CLITIC = new Set(["'s", '’s']);
/** Verbs that follow a company's name as their subject ("McDonald's said", "Moody's cut"). */
const SUBJECT_VERBS = new Set(['said', 'says', 'has', 'had', 'is', 'was', 'will', 'would', 'announced', 'reported', 'posted', 'cut', 'raised', 'lowered', 'downgraded', 'upgraded', 'added', 'plans', 'opened', 'closed', 'sold', 'bought', 'made']);

/** Whether the gazetteer lists the words [a, b) followed by "'s" as an organisation's name only ("McDonald 's"). */
function listedAsOrganisation(rec: Recognizer, lower: readonly string[], a: number, b: number): boolean {
  let h = SEQ_SEED;
  for (let i = a; i < b; i++) h = seqHash(h, lower[i]!);
  return (rec.lexicon.gaz.get(seqHash(h, "'s")) ?? 0) === ORG_ONLY;
}

/** Whether the mention at token `a` follows "<settlement noun> of": "the village of Shatoi", "the town of Mostar". */
function placeNounOf(doc: Doc, a: number): boolean {
  const lower = tokenIndex(doc).lower;
  return lower[a - 1] === 'of' && PLACE_NOUNS.has(lower[a - 2] ?? '');
}

/** Whether the mention at tokens [a, b) is spoken of as a company: "Barrick shares", "shares in Slough", "Atria's chairman" (a known place's shares are its market's). */
function companyContext(doc: Doc, a: number, b: number, knownPlace: boolean, person: boolean): boolean {
  const { lower, word } = tokenIndex(doc);
  if (!knownPlace && (lower[a - 1] === 'in' || lower[a - 1] === 'of') && (lower[a - 2] === 'shares' || lower[a - 2] === 'stake')) return true;
  if (companyNounBefore(doc, a)) return true;
  if (companyApposition(doc, b)) return true;
  if (listedAfterOrganisationNoun(doc, a)) return true;
  // Cues a town shares ("a report from Grozny", "40% of Grozny"): read only for a "person".
  // A list after the cue shares it: "a survey by Earthlink and Webroot".
  if (person && (findingsBy(lower, beforeList(doc, a) + 1) || stakeOf(lower, a, b))) return true;
  const k = POSSESSIVE.test(lower[b] ?? '') ? b + 1 : b;
  const w = lower[k] ?? '';
  if (!COMPANY_ONLY_AFTER.has(w) || (knownPlace && (w === 'shares' || w === 'stock'))) return false;
  return w !== 'shares' || !OBJECT_STARTS.has(lower[k + 1] ?? '');
}

/**
 * The token before the list of names that the name at token a ends ("by [Earthlink and] Webroot", "including
 * [Hyundai, Toyota,] Suzuki"): back over capitalised words (with their "'s": "Macy's, Bloomingdale's"), commas, "and",
 * "or", at most 15 tokens, in the sentence; -1 at the sentence's start.
 */
function beforeList(doc: Doc, a: number): number {
  const { lower, cap } = tokenIndex(doc);
  const sentence = doc.tokens[a]!.sentence;
  let i = a - 1;
  while (i >= 0 && a - i < 16 && doc.tokens[i]!.sentence === sentence && (cap[i] === 1 || lower[i] === ',' || lower[i] === 'and' || lower[i] === 'or' || POSSESSIVE_CLITIC.has(lower[i]!))) i--;
  return i >= 0 && doc.tokens[i]!.sentence === sentence ? i : -1;
}

/** Plural nouns for organisations that introduce examples ("firms such as", "sites like", "clubs including"). */
const ORGANISATION_PLURALS = new Set(['firms', 'companies', 'sites', 'websites', 'giants', 'rivals', 'brands', 'makers', 'manufacturers', 'retailers', 'banks', 'airlines', 'carmakers', 'automakers', 'operators', 'providers', 'publishers', 'studios', 'labels', 'chains', 'supermarkets', 'stores', 'insurers', 'funds', 'clubs', 'teams', 'sides', 'bands', 'groups', 'charities', 'unions', 'broadcasters', 'networks']);
/**
 * The plural nouns that name only bodies when a list of names stands right after them in apposition: "hedge funds TCI
 * and Atticus", "carmakers Hyundai and Kia". (Not "rivals", "giants", "sides", "makers", "teams": "title rivals
 * Federer and Nadal", "film makers Coen and Coen" are people.)
 */
const BODY_PLURALS_BEFORE_LIST = new Set(['firms', 'companies', 'websites', 'brands', 'manufacturers', 'retailers', 'banks', 'airlines', 'carmakers', 'automakers', 'operators', 'providers', 'publishers', 'studios', 'labels', 'chains', 'supermarkets', 'insurers', 'funds', 'clubs', 'bands', 'charities', 'unions', 'broadcasters', 'networks']);
const EXAMPLE_MARKERS = new Set(['like', 'including']);

/**
 * Whether the name at token a stands in a list of examples of organisations: "firms such as Amazon", "sites like
 * Google, Amazon and eBay", "100 firms including Sony", "carmakers, including Hyundai, Toyota, Kia" (things of the kind
 * the noun names), or in a list right after such a noun in apposition ("hedge funds TCI and Atticus").
 */
function listedAfterOrganisationNoun(doc: Doc, a: number): boolean {
  const { lower, cap } = tokenIndex(doc);
  const i = beforeList(doc, a);
  if (i < 1) return false;
  // The noun itself right before the list: the list is in apposition to it ("hedge funds TCI and Atticus").
  if (BODY_PLURALS_BEFORE_LIST.has(lower[i]!) && cap[i + 1] === 1) return true;
  return examplesOf(lower, i, ORGANISATION_PLURALS);
}

/**
 * Whether token i ends a marker of examples ("like", "including", "such as") after one of `nouns`: "firms such as",
 * "programs like"; a comma may stand between the noun and the marker ("carmakers, including").
 */
function examplesOf(lower: readonly string[], i: number, nouns: ReadonlySet<string>): boolean {
  const nounBefore = (j: number) => lower[lower[j] === ',' ? j - 1 : j] ?? '';
  if (EXAMPLE_MARKERS.has(lower[i]!)) return nouns.has(nounBefore(i - 1));
  return lower[i] === 'as' && lower[i - 1] === 'such' && nouns.has(nounBefore(i - 2));
}

/**
 * Plural nouns for products and works that introduce examples of them: "programs such as Ad-Aware", "software like
 * Linux", "browsers such as Opera, Safari", "hit games like Halo 2", "viruses such as Gaobot". (Not "brands" and
 * "services", whose examples are often the companies: "services like Napster".)
 */
const PRODUCT_PLURALS = new Set(['programs', 'programmes', 'software', 'applications', 'browsers', 'games', 'films', 'movies', 'albums', 'songs', 'singles', 'novels', 'products', 'drugs', 'medicines', 'gadgets', 'devices', 'consoles', 'handsets', 'tools', 'viruses', 'worms']);
/** Nouns for a product that stand right before its name in apposition and that no person is called: "drug Tysabri", "web browser Safari". */
const PRODUCT_NOUNS_BEFORE = new Set(['software', 'browser', 'drug', 'console', 'toy', 'handset', 'gadget', 'virus', 'worm', 'program', 'application', 'processor', 'codenamed', 'code-named']);

/** Nouns for a device, a program or a format that follow its name ("the Xbox console"); not nouns a maker's name also precedes ("operating system", "software", "network"). */
const PRODUCT_NOUNS_AFTER = new Set(['console', 'consoles', 'handheld', 'handhelds', 'browser', 'format', 'chip', 'handset', 'camera']);
const OWN_DETERMINERS = new Set(['the', 'its', 'their']);

/** A name after "the", "its" or "their" (and "new", "latest") and before a noun of `PRODUCT_NOUNS_AFTER`, in one sentence. */
function productBeforeNoun(doc: Doc, a: number, b: number): boolean {
  const lower = tokenIndex(doc).lower;
  if (!PRODUCT_NOUNS_AFTER.has(lower[b] ?? '')) return false;
  let d = a - 1;
  if (lower[d] === 'new' || lower[d] === 'latest') d--;
  return d >= 0 && OWN_DETERMINERS.has(lower[d]!) && doc.tokens[d]!.sentence === doc.tokens[b]!.sentence;
}

/**
 * Whether the name at token a is named as a product or a work: after a product noun in apposition ("multiple sclerosis
 * drug Tysabri", "operating system Linux", "codenamed Longhorn"), or in a list of examples after a plural one
 * ("programs such as Ad-Aware and Spybot", "software like Linux").
 */
function namedAsProduct(doc: Doc, a: number): boolean {
  const lower = tokenIndex(doc).lower;
  const before = lower[a - 1] ?? '';
  if (PRODUCT_NOUNS_BEFORE.has(before) || (before === 'system' && lower[a - 2] === 'operating')) return doc.tokens[a - 1]!.sentence === doc.tokens[a]!.sentence;
  const i = beforeList(doc, a);
  if (i < 1) return false;
  return examplesOf(lower, i, PRODUCT_PLURALS);
}

/** Nouns for malicious programs, which follow their name ("the Slammer worm") or are "called" it. */
const MALWARE_NOUNS = new Set(['virus', 'worm', 'trojan']);

/** How many of the mentions are named as malware: "the Santy worm", "a virus called Bofra". */
function malwareMentions(doc: Doc, members: readonly number[], mentions: readonly NamedMention[]): number {
  const lower = tokenIndex(doc).lower;
  let named = 0;
  for (const k of members) {
    const m = mentions[k]!;
    const after = doc.tokens[m.tokenEnd];
    const followed = after !== undefined && MALWARE_NOUNS.has(lower[m.tokenEnd]!) && after.text !== 'Virus' && after.sentence === doc.tokens[m.tokenStart]!.sentence;
    const called = (lower[m.tokenStart - 1] === 'called' || lower[m.tokenStart - 1] === 'dubbed') && MALWARE_NOUNS.has(lower[m.tokenStart - 2] ?? '');
    if (followed || called) named++;
  }
  return named;
}

/** Nouns for findings that a body publishes: "a survey by Earthlink", "research by Jupiter", "figures from Nielsen". */
const FINDINGS_NOUNS = new Set(['survey', 'surveys', 'research', 'study', 'poll', 'report', 'figures', 'data', 'statistics', 'analysis', 'estimates', 'forecast', 'forecasts', 'index']);
/** Those whose "from" names their publisher, not where they came from ("a report from Kabul"). */
const FINDINGS_FROM_NOUNS = new Set(['survey', 'surveys', 'research', 'study', 'poll', 'figures', 'data', 'statistics', 'estimates']);
/** Participles of gathering findings: "figures compiled by Chart-Track", "data gathered by Websidestory". */
const FINDINGS_PARTICIPLES = new Set(['compiled', 'gathered', 'collected', 'conducted', 'commissioned', 'published']);

/**
 * Whether the one-word name at token a is who published findings: "a survey by Earthlink", "figures compiled by
 * Chart-Track". A person so credited is named in full first ("a study by Professor Ann Lee"), so a name never given
 * more than one word there is a body's.
 */
function findingsBy(lower: readonly string[], a: number): boolean {
  if (a < 2) return false;
  const head = lower[a - 2] ?? '';
  if (lower[a - 1] === 'from') return FINDINGS_FROM_NOUNS.has(head);
  return lower[a - 1] === 'by' && (FINDINGS_NOUNS.has(head) || (FINDINGS_PARTICIPLES.has(head) && FINDINGS_NOUNS.has(lower[a - 3] ?? '')));
}

/** Whether the name at tokens [a, b) is what a share is of: "20% of Yugansk", "49 per cent of Tiscali" (no person is owned in percent). */
function stakeOf(lower: readonly string[], a: number, b: number): boolean {
  if (lower[a - 1] !== 'of' || POSSESSIVE.test(lower[b] ?? '')) return false; // "30% of Blair's voters"
  const amount = lower[a - 2] ?? '';
  return amount === '%' || amount === 'percent' || amount === 'cent' || /^\d+(?:\.\d+)?%$/u.test(amount);
}

/**
 * Whether a company noun stands in apposition before the name at token a: "car company DaimlerChrysler",
 * "U.S. automaker GM" (after a modifier, not an article: "the company Jobs founded" names a person).
 */
function companyNounBefore(doc: Doc, a: number, nouns: ReadonlySet<string> = COMPANY_NOUNS_BEFORE): boolean {
  const { lower, word } = tokenIndex(doc);
  if (lower[a - 1] === 'maker' && CRAFT_WORDS.has(lower[a - 2] ?? '')) return false;
  return nouns.has(lower[a - 1] ?? '') && a >= 2 && !ARTICLE_WORDS.has(lower[a - 2]!) && doc.tokens[a - 2]!.sentence === doc.tokens[a]!.sentence && word[a - 2] === 1;
}

/**
 * A one-word "person" that is the first word of an organisation's longer name in the same article, a name
 * that ends like an organisation's ("Contrack" beside "Contrack International") is that organisation, when nothing makes it a person:
 * no given name or surname of the lexicon, no form of address before it, no person's longer name with
 * that word (news introduces a person by the full name before the surname alone).
 * Mutates the inputs' types before clustering, so the short form joins the full name.
 */
function organisationShortForms(doc: Doc, inputs: ClusterInput[], rec: Recognizer): void {
  const firstWords = organisationFirstWords(inputs, ORGANISATION_ENDINGS);
  if (firstWords.size === 0) return;
  const personWords = new Set<string>();
  for (const m of inputs) if (m.type === 'PERSON' && m.tokenEnd - m.tokenStart >= 2) for (const w of m.key!.split(' ')) personWords.add(w);
  for (const list of oneWordMentions(inputs, 'PERSON', firstWords, (key) => personWords.has(key) || isPersonName(rec, key)).values()) {
    if (list.some((m) => addressed(doc, m.tokenStart))) continue;
    for (const m of list) m.type = 'ORGANIZATION';
  }
  // So does a one-word "place" ("Delta might be concerned" beside "Delta Airlines"; not Delta, British Columbia)
  // that the article never speaks of as a place (after in, near, …) and that is no country or region ("China"
  // beside "China Airlines" stays the country).
  const lower = tokenIndex(doc).lower;
  for (const list of oneWordMentions(inputs, 'LOCATION', firstWords).values()) {
    const sub = resolvePlace(list[0]!.text).subtype;
    if (sub === 'country' || sub === 'region') continue;
    if (list.some((m) => placeContext(doc, m.tokenStart, m.tokenEnd) || PLACE_NOUNS_AFTER.has(lower[m.tokenEnd] ?? ''))) continue; // "the Shanghai city government"
    for (const m of list) m.type = 'ORGANIZATION';
  }
}

/**
 * "Jonny" typed an organisation, "Huw" a place, beside "Jonny Wilkinson", "Huw Stephens": a one-word name of another type
 * that is a given name of the lexicon, or a word news text always capitalises, and the first word of exactly one person's
 * longer name in the article is that person (news calls people by their given name too; "Windows" beside "Windows
 * Messenger" is a word news also writes lowercase). Not a known place ("Victoria"), nor a work's title after its noun
 * or in quotes ("the film Ray", "'Ray'"), nor where the article speaks of it as a place ("starred in Ray").
 * Mutates the inputs' types before clustering, so the given name joins the full name.
 */
function givenNamesAlone(doc: Doc, inputs: ClusterInput[], rec: Recognizer): void {
  const fullNames = new Map<string, string | null>();
  for (const m of inputs) {
    if (m.type !== 'PERSON' || m.tokenEnd - m.tokenStart < 2) continue;
    const key = m.key!;
    const first = key.slice(0, key.indexOf(' '));
    if (first.length < 2) continue;
    const seen = fullNames.get(first);
    if (seen === undefined) fullNames.set(first, key);
    else if (seen !== null && seen !== key) fullNames.set(first, null);
  }
  if (fullNames.size === 0) return;
  const toks = doc.tokens;
  const quoted = (a: number, b: number) => a > 0 && b < toks.length && EDGE_PUNCT.test(toks[a - 1]!.text) && EDGE_PUNCT.test(toks[b]!.text) && toks[a - 1]!.text !== ',' && toks[b]!.text !== ',';
  const byKey = new Map<string, ClusterInput[]>();
  for (const m of inputs) {
    if (m.type === 'PERSON' || m.tokenEnd - m.tokenStart !== 1 || !fullNames.get(m.key!)) continue;
    let list = byKey.get(m.key!);
    if (!list) byKey.set(m.key!, (list = []));
    list.push(m);
  }
  for (const [key, list] of byKey) {
    const h = hashString(key);
    if ((!rec.lexicon.firstNames.has(h) && (rec.lexicon.caps.get(h) ?? 5) < 5) || isKnownPlace(list[0]!.text)) continue;
    if (factsOf(list[0]!.text).demonym !== null || factsOf(list[0]!.text).award) continue; // "Irish", "an Oscar" are no one's given name
    // A name the gazetteer knows only as an organisation's starts a company's name the model took for a person's ("Apple"
    // beside "Apple Computer"): joining would make the company a person.
    if (gazetteerTypes(rec, list[0]!.text) === ORG_ONLY) continue;
    // (A title may stand in apposition after its noun: "the biopic, Ray.")
    const titled = (a: number, b: number) => titleNounBefore(doc, a, b) || (a > 1 && toks[a - 1]!.text === ',' && workNounAt(doc, a - 2));
    if (list.some((m) => quoted(m.tokenStart, m.tokenEnd) || titled(m.tokenStart, m.tokenEnd) || placeContext(doc, m.tokenStart, m.tokenEnd))) continue;
    for (const m of list) m.type = 'PERSON';
  }
}

/** Nouns after a name that make it a place: "the Shanghai city government", "Guangdong province". */
const PLACE_NOUNS_AFTER = new Set(['city', 'province', 'county', 'region', 'state', 'district', 'area', 'town', 'village', 'municipality']);

/** First words of the article's organisation names of two words or more that end in one of `endings` ("delta" of "Delta Airlines"). */
function organisationFirstWords(inputs: readonly ClusterInput[], endings: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const m of inputs) {
    if (m.type !== 'ORGANIZATION') continue;
    // The key's last word and last two words, sliced by its spaces (a name key has single spaces, none at its ends).
    const key = m.key!;
    const last = key.lastIndexOf(' ');
    if (last < 0) continue;
    const beforeLast = key.lastIndexOf(' ', last - 1);
    if (endings.has(key.slice(last + 1)) || (beforeLast >= 0 && endings.has(key.slice(beforeLast + 1)))) out.add(key.slice(0, key.indexOf(' ')));
  }
  return out;
}

/** The one-word mentions of `type` whose name key is one of `keys` (and not skipped), by key. */
function oneWordMentions(inputs: readonly ClusterInput[], type: EntityType, keys: ReadonlySet<string>, skip: (key: string) => boolean = () => false): Map<string, ClusterInput[]> {
  const out = new Map<string, ClusterInput[]>();
  for (const m of inputs) {
    if (m.type !== type || m.tokenEnd - m.tokenStart !== 1) continue;
    const key = m.key!;
    if (!keys.has(key) || skip(key)) continue;
    let list = out.get(key);
    if (!list) out.set(key, (list = []));
    list.push(m);
  }
  return out;
}

/** Nouns after a name (or its "'s") that speak of a sports club: its players and staff ("fans" and "supporters" are a festival's or a forum's too). */
const CLUB_NOUNS_AFTER = new Set(['striker', 'strikers', 'midfielder', 'midfielders', 'defender', 'defenders', 'goalkeeper', 'keeper', 'winger', 'full-back', 'centre-back', 'fly-half', 'scrum-half', 'flanker', 'boss', 'manager', 'coach', 'skipper', 'squad', 'youngster', 'forward', 'team-mate', 'teammate', 'loanee', 'prop', 'hooker', 'lock', 'loose-head', 'tight-head']);

/** Whether the name ending at token b is followed (after an optional "'s") by a club noun: "Newcastle striker", "Leeds's manager". */
function clubContext(doc: Doc, b: number): boolean {
  const { lower } = tokenIndex(doc);
  const k = POSSESSIVE.test(lower[b] ?? '') ? b + 1 : b;
  return CLUB_NOUNS_AFTER.has(lower[k] ?? '') && doc.tokens[k]?.sentence === doc.tokens[b - 1]?.sentence;
}

/** Nouns that head an apposition describing a company, and never a person ("India's third-biggest software firm"). */
const COMPANY_APPOSITION_HEADS = new Set(['company', 'firm', 'group', 'retailer', 'manufacturer', 'carrier', 'airline', 'bank', 'lender', 'insurer', 'operator', 'conglomerate', 'automaker', 'carmaker', 'chipmaker', 'supermarket', 'corporation', 'multinational']);
/** First words of an apposition that make it a clause, not a description: "Smith, whose firm …". */
const CLAUSE_STARTS = new Set(['who', 'whose', 'which', 'that', 'he', 'she', 'it', 'they', 'and', 'but', 'or']);

/** Whether ", <description ending in a company noun>," follows the name ending at token b: "Wipro, India's third-biggest software firm, said". */
function companyApposition(doc: Doc, b: number): boolean {
  const { lower } = tokenIndex(doc);
  const toks = doc.tokens;
  if (lower[b] !== ',' || CLAUSE_STARTS.has(lower[b + 1] ?? '')) return false;
  const sentence = toks[b]!.sentence;
  for (let k = b + 2; k < b + 9 && k < toks.length && toks[k]!.sentence === sentence; k++) {
    const w = lower[k]!;
    if (w === ',' || w === '.' || w === ';' || w === ')') return COMPANY_APPOSITION_HEADS.has(lower[k - 1]!) || BODY_APPOSITION_HEADS.has(lower[k - 1]!);
    // "Jones, head of the union,": the apposition names what the person heads, not what the name is.
    if (w === 'of') return false;
  }
  return false;
}
/** Nouns for bodies no person is, heading an apposition ("Unison, Britain's biggest union,"). */
const BODY_APPOSITION_HEADS = new Set(['union', 'charity']);

/** Last words that make a name a company's ("Delta Airlines", "Acme Corp"); not clubs' ("City", "United"). */
const COMPANY_ENDINGS = new Set(['airlines', 'airways', 'air lines', 'corp', 'corporation', 'inc', 'ltd', 'plc', 'llc', 'group', 'holdings', 'motors', 'bank', 'telecom', 'communications', 'pharmaceuticals', 'industries', 'technologies', 'systems', 'airline', 'insurance', 'petroleum', 'energy', 'entertainment', 'records', 'studios']);
/** Last words of an organisation's name that its first word alone may stand for ("Contrack International", "Forrester Research"; not "Sky News"). */
const ORGANISATION_ENDINGS = new Set([...COMPANY_ENDINGS, 'international', 'research', 'networks', 'securities', 'software', 'electronics', 'finance', 'party']);
/** Last words of companies' names only ("Bros", "Inc", "Securities"; not "Bank", "Group" or "Party", which end other names too). */
const COMPANY_ONLY_ENDINGS = new Set(['airlines', 'airways', 'air lines', 'airline', 'corp', 'corporation', 'inc', 'ltd', 'plc', 'llc', 'co', 'company', 'bros', 'holdings', 'motors', 'telecom', 'communications', 'pharmaceuticals', 'industries', 'technologies', 'systems', 'insurance', 'petroleum', 'entertainment', 'records', 'studios', 'networks', 'securities', 'software', 'electronics', 'stores']);

/** An initial and one capitalised word ("D Chin", "S. Jones"); not "A" or "I", which open sentences. */
const INITIAL_AND_WORD = /^[B-HJ-Z]\.? (\p{Lu}\p{Ll}[\p{L}'’-]*)$/u;

/** A person's initial and surname: not a place or a nationality ("S Korea", "S Korean", "N Ireland"). */
function initialAndSurname(name: string): boolean {
  const m = INITIAL_AND_WORD.exec(name);
  if (m === null || countryOf(name) !== null || demonymCountry(name) !== null) return false;
  const sub = resolvePlace(m[1]!).subtype;
  return sub !== 'country' && sub !== 'region' && demonymCountry(m[1]!) === null;
}

/** Last words of sports clubs' names only ("Belgrave Harriers", "Bristol Rovers", "Swansea RFC", "Trafford AC"; not "City", "United" or "County", which end places' names too). */
const CLUB_ONLY_ENDINGS = new Set(['harriers', 'rovers', 'wanderers', 'hotspur', 'fc', 'afc', 'rfc', 'ac']);

/** Several words, the last a company's or a club's ("Warner Bros.", "Lucent Technologies", "Belgrave Harriers"). */
function endsLikeOrganisation(name: string): boolean {
  const key = nameKey(name);
  const space = key.lastIndexOf(' ');
  const last = key.slice(space + 1);
  return space > 0 && (COMPANY_ONLY_ENDINGS.has(last) || CLUB_ONLY_ENDINGS.has(last));
}
/** Words after a name that speak of an organisation: "a Delta spokesperson", "Delta shares". */
const COMPANY_NOUNS_AFTER = new Set([...ORGANISATION_ROLE_HEADS, 'shares', 'stock', 'staff', 'workers', 'board', 'branding']);

/**
 * A one-word "place" that starts a company's name in the same article ("Delta" beside "Delta
 * Airlines") is the company when the article speaks of it as one somewhere: "a Delta spokesperson",
 * "Delta shares", "analyst at Delta". Countries and first-level regions stay places ("Singapore Airlines").
 * Mutates the inputs' types before clustering, so the short form joins the full name.
 */
function companyShortForms(doc: Doc, inputs: ClusterInput[]): void {
  const firstWords = organisationFirstWords(inputs, COMPANY_ENDINGS);
  if (firstWords.size === 0) return;
  const lower = tokenIndex(doc).lower;
  for (const list of oneWordMentions(inputs, 'LOCATION', firstWords).values()) {
    const sub = resolvePlace(list[0]!.text).subtype;
    if (sub === 'country' || sub === 'region') continue;
    if (list.some((m) => COMPANY_NOUNS_AFTER.has(lower[m.tokenEnd] ?? '') || employedAt(doc, m.tokenStart))) for (const m of list) m.type = 'ORGANIZATION';
  }
}
const EMPLOYER_PREPOSITIONS = new Set(['at', 'of', 'for', 'with', 'from']);

/** Words before a conference's name that say it is held, not a body: "at the …", "the annual …", "the 2005 …". */
const HELD_BEFORE = new Set(['at', 'annual', 'attend', 'attends', 'attended', 'attending', 'during', 'told', 'addressed', 'opened', 'opens']);

/**
 * Whether a name ending in "Conference" is a meeting: one of its mentions follows a word of HELD_BEFORE or a year
 * ("at the Worldwide Developers Conference", "the annual Game Developers Conference"). Not a name with "of" or "for"
 * in it, which bodies have ("Organisation of the Islamic Conference", "Conference for …").
 */
function conferenceHeld(doc: Doc, name: string, ms: readonly NamedMention[]): boolean {
  if (!name.endsWith(' Conference') || name.includes(' of ') || name.includes(' for ')) return false;
  const lower = tokenIndex(doc).lower;
  for (const m of ms) {
    let k = m.tokenStart - 1;
    if (/^(?:19|20)\d\d$/u.test(lower[k] ?? '')) return true;
    if (lower[k] === 'the') k--;
    if (/^(?:19|20)\d\d$/u.test(lower[k] ?? '') || HELD_BEFORE.has(lower[k] ?? '')) return true;
  }
  return false;
}

/** Whether the mention at token `i` follows an organisation's role and a preposition: "analyst at [the] X". */
function employedAt(doc: Doc, i: number): boolean {
  const lower = tokenIndex(doc).lower;
  let k = i - 1;
  if (lower[k] === 'the') k--;
  return k >= 1 && EMPLOYER_PREPOSITIONS.has(lower[k]!) && ORG_ROLES.has(lower[k - 1]!);
}

/** Same place: the same gazetteer entry, or (without one) the same country and point. */
function sameGeo(a: NonNullable<DocEntity['geo']>, b: DocEntity['geo']): boolean {
  if (!b) return false;
  if (a.geonames_id != null || b.geonames_id != null) return a.geonames_id === b.geonames_id;
  return a.country_code === b.country_code && a.latitude === b.latitude && a.longitude === b.longitude;
}

/** What tells a place apart from its namesakes: its gazetteer entry, else its country and point. */
function placeSense(g: NonNullable<DocEntity['geo']>): string {
  return g.geonames_id != null ? `geonames:${g.geonames_id}` : `${g.country_code ?? ''}:${g.latitude},${g.longitude}`;
}

/** Whether name a is a fuller form than b: more words, or as many and longer. */
function fullerName(a: string, b: string): boolean {
  const wa = wordCount(nameKey(a));
  const wb = wordCount(nameKey(b));
  return wa > wb || (wa === wb && a.length > b.length);
}

/**
 * Entities that the alias table gives one id ("Britain" and "UK" in one
 * article) become one entity, named by the fullest form, the other names as aliases.
 */
function mergeSameId(entities: DocEntity[]): DocEntity[] {
  const byId = new Map<string, DocEntity>();
  const out: DocEntity[] = [];
  for (const e of entities) {
    const first = byId.get(e.id);
    if (!first) {
      byId.set(e.id, e);
      out.push(e);
      continue;
    }
    // The fullest form names the entity, as within a cluster ("Liberal Democrats", not "Lib Dem").
    if (fullerName(e.name, first.name)) {
      first.aliases = first.aliases.filter((a) => a !== e.name);
      first.aliases.unshift(first.name);
      first.name = e.name;
    }
    for (const a of [e.name, ...e.aliases]) if (a !== first.name && !first.aliases.includes(a)) first.aliases.push(a);
    for (const r of e.roles) addRole(first.roles, r);
    first.mentions = [...first.mentions, ...e.mentions].sort((x, y) => x.start - y.start);
  }
  return out;
}

/**
 * Adds a role unless the list has it already in any letter case: a title before
 * the name ("Prime Minister Blair") and an apposition after it ("Blair, the prime
 * minister") are one role; the first spelling seen is kept, unless it differs from a later one only in a
 * first capital (a sentence opened with it).
 * @example const r = ['Prime Minister']; addRole(r, 'prime minister'); r // ['Prime Minister']
 */
export function addRole(roles: string[], role: string): void {
  const key = role.toLowerCase();
  const i = roles.findIndex((r) => r.toLowerCase() === key);
  if (i < 0) roles.push(role);
  // A role first seen opening a sentence ("Former Worldcom boss …") takes the article's running-text spelling when it
  // has one that differs only in that first capital ("former Worldcom boss"; "Prime Minister" keeps its capitals).
  else if (roles[i]!.slice(1) === role.slice(1) && roles[i]![0] !== role[0] && role[0] === role[0]!.toLowerCase()) roles[i] = role;
}
