/**
 * Titles of works (films, albums, songs, games, books, shows) named after a noun for the work: "the film Ray",
 * "U2's latest album How to Dismantle an Atomic Bomb", "the game Call of Duty", "the TV series The A-Team". CoNLL
 * has few of them, so the recogniser types them as the people, bodies and places their words suggest, or cuts them
 * at a small word or a colon ("Call of Duty" → "Duty", "Hitman: Contracts" → "Hitman"). The noun is evidence that
 * the words after it are one title; the entity stage retypes the title's cluster (and with it its other mentions).
 */
import type { Doc } from '../text/doc.js';
import { OPENING_QUOTE_TOKENS } from '../text/chars.js';
import { tokenIndex } from '../text/token-index.js';
import { wordFilter } from '../text/word-filter.js';
import { MODALS } from '../lang/en/index.js';
import { nameKey } from '../text/names.js';

/** Nouns for a work that a title may follow, and that news text never uses as verbs. */
const PLAIN_WORK_NOUNS = ['film', 'movie', 'biopic', 'album', 'novel', 'sitcom', 'musical', 'documentary', 'drama', 'comedy', 'thriller', 'song', 'soap', 'sequel', 'memoir', 'programme', 'opera'];
/**
 * Nouns for a work that are verbs or other words too ("polls show", "to book", "will play", "to track", "a single
 * European market", "the series England won"): nouns only after a determiner or modifier. ("to film": see VERB_MARKERS.)
 */
const VERB_WORK_NOUNS = ['series', 'show', 'play', 'book', 'game', 'single', 'track'];
export const WORK_NOUNS: ReadonlySet<string> = new Set([...PLAIN_WORK_NOUNS, ...VERB_WORK_NOUNS]);
const VERB_READINGS: ReadonlySet<string> = new Set(VERB_WORK_NOUNS);
/** The scan for work nouns over every token reads each token's signature first (see `wordFilter`). */
const MAY_BE_WORK_NOUN = wordFilter(WORK_NOUNS);

/** Whether a noun for a work is also a verb or a match of sport ("play", "game", "show", "series"): no person's name after it is a title. */
export function hasOtherReadings(noun: string): boolean {
  return SPORTS_READINGS.has(noun);
}
/** Words before "film" etc. that make it a verb ("to film", "will show", "they play"). */
const VERB_MARKERS = new Set<string>(['to', 'not', 'i', 'we', 'you', 'they', 'he', 'she', 'it', 'who', 'which', 'that', ...MODALS]);
/** Determiners and modifiers after which a noun that is also a verb is the noun ("the film", "his new single", "hit show"). */
const NOUN_BEFORE = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'my', 'our', 'your', 'this', 'new', 'latest', 'debut', 'hit', 'first', 'second', 'third', 'previous', 'forthcoming', 'upcoming', 'classic', 'cult', 'smash', 'tv', 'television', 'radio', 'video', 'computer', 'romantic', 'animated', 'horror', 'war', 'stage', 'comedy', 'drama', 'crime', 'police', 'children', "children's", 'teen', 'fantasy', 'action', 'adventure', 'spy', 'reality', 'chat', 'quiz', 'talk', 'cop', 'medical', 'sci-fi', 'title', 'lead', 'original', 'popular', 'recent', 'online', 'award-winning', 'best-selling', 'bestselling', 'acclaimed', 'controversial', 'successful', 'critically-acclaimed', 'oscar-winning', 'hit-making', 'fifth', 'fourth', 'final', 'big-budget', 'current', 'own', 'talent', 'game', 'variety', 'breakfast', 'cookery', 'sketch', 'music', 'panel', 'solo', 'charity', 'comeback']);
/** "A single" before a capitalised word is mostly the adjective ("a single European market"): "single" is the noun only after these. */
const SINGLE_BEFORE = new Set(['debut', 'new', 'latest', 'hit', 'next', 'first', 'second', 'third', 'last', 'previous', 'forthcoming', 'recent', 'current', 'his', 'her', 'their', 'its', 'charity', 'comeback', 'solo']);
/** Nouns for a work that are also sports' and news verbs ("will play Federer", "in the game Henry scored", "polls show Smith ahead"): no person's name after them is a title. */
const SPORTS_READINGS = new Set(['play', 'game', 'show', 'series']);
/** Small words a title holds between its capitalised words ("Call of Duty", "Meet the Fockers", "Lost in Translation"). */
const TITLE_SMALL_WORDS = new Set(['of', 'the', 'a', 'an', 'in', 'on', 'to', 'for', 'at', 'with', 'and', ':', '&', 'de', 'la', 'le']);
/** Small words after which a separate name may follow instead of the title going on ("… and Jamie Foxx", "… in Edinburgh"). */
const JOINERS = new Set(['and', '&', 'in', 'on', 'to', 'for', 'at', 'with']);
const CLOSE_QUOTE_OF: Record<string, string> = { '"': '"', '“': '”', "'": "'", '‘': '’' };
const POSSESSIVE_CLITICS = new Set(["'s", '’s', "'", '’']);
/** Punctuation that closes a title set off by a comma after its noun. */
const TITLE_CLOSERS = new Set([',', '.', ';', ')']);
/** Longest title read after a noun, in tokens. */
const MAX_TITLE = 10;

/**
 * Whether token i is a noun for a work read as a noun: "the film", "U2's latest album", "BBC drama", "hit single";
 * not "to film", "polls show", "a single European market", and not a noun of a compound going on ("film studio",
 * "game maker": the caller reads only a capitalised word after it).
 * @example workNounAt(doc('his film Ray'), 1) // true; workNounAt(doc('to film Ray'), 1) // false
 */
export function workNounAt(doc: Doc, i: number): boolean {
  const { lower, cap } = tokenIndex(doc);
  const noun = lower[i]!;
  if (!WORK_NOUNS.has(noun) || i === 0) return false;
  const toks = doc.tokens;
  // A capitalised noun inside a sentence is part of a name ("The Catherine Tate Show, BBC Two", "Opera, Safari and
  // Netscape"); opening one it is the noun ("Comedy Fat Albert took $12m").
  if (cap[i] === 1 && doc.sentences[toks[i]!.sentence]!.tokenStart !== i) return false;
  if (toks[i - 1]!.sentence !== toks[i]!.sentence) return !VERB_READINGS.has(noun);
  const before = lower[i - 1]!;
  if (VERB_MARKERS.has(before)) return false;
  if (noun === 'single') return SINGLE_BEFORE.has(before) || POSSESSIVE_CLITICS.has(before);
  if (!VERB_READINGS.has(noun)) return true;
  // "the film", "Spielberg's film", "BBC drama", "ITV soap": a determiner, a modifier, a possessive or a name before it.
  return NOUN_BEFORE.has(before) || POSSESSIVE_CLITICS.has(before) || before.endsWith("'s") || before.endsWith('’s') || (cap[i - 1] === 1 && doc.sentences[toks[i - 1]!.sentence]!.tokenStart !== i - 1);
}

/**
 * The end (exclusive) of the title that starts at token a right after a noun for a work: the words inside quotes when
 * a quote opens there ("the single 'Dirty Little Secret'": the title is inside), else the capitalised words and
 * numbers from a, with the small words and colons of titles between them ("Call of Duty", "Hitman: Contracts",
 * "Halo 2"), in one sentence, at most MAX_TITLE tokens. A possessive ends it ("the film Ray's"); "and" too, which
 * joins two names more often than it sits in a title ("the film Ray and Jamie Foxx"). -1 when no title starts at a.
 * With a quote, `quoted` tells the caller the title begins one token later.
 * @example titleEnd(doc('the game Call of Duty sold'), 2) // 5
 */
export function titleEnd(doc: Doc, a: number, separateNameAt: (i: number, joiner: string) => boolean = () => false): { start: number; end: number } | null {
  const toks = doc.tokens;
  const { lower, cap, word } = tokenIndex(doc);
  const sentence = toks[a]?.sentence;
  if (sentence === undefined) return null;
  // One sentence, and one line: a headline's last word is no title of the first line's words ("… Broadway play\n\nActor …").
  const same = (i: number) => i < toks.length && toks[i]!.sentence === sentence && (i === a || !lineBreakBefore(doc, i));
  const titleWord = (i: number) => same(i) && word[i] === 1 && (cap[i] === 1 || isDigitStart(toks[i]!.text));
  if (OPENING_QUOTE_TOKENS.has(toks[a]!.text)) {
    const close = CLOSE_QUOTE_OF[toks[a]!.text]!;
    for (let i = a + 1; i <= a + MAX_TITLE + 1 && same(i); i++) {
      if (toks[i]!.text !== close && !(close === '"' && toks[i]!.text === '”')) continue;
      return i > a + 1 && titleWord(a + 1) ? { start: a + 1, end: i } : null;
    }
    return null;
  }
  if (!titleWord(a)) return null;
  let end = a + 1;
  for (let i = a + 1; i < a + MAX_TITLE && same(i); i++) {
    if (titleWord(i)) {
      end = i + 1;
      continue;
    }
    // Small words between title words: "Call of Duty", "The Squid and the Whale", "Girl with a Pearl Earring".
    let j = i;
    while (j < a + MAX_TITLE && same(j) && TITLE_SMALL_WORDS.has(lower[j]!)) j++;
    // A number after a preposition is a year or a count ("… in 2004"), not the title's.
    if (j === i || !titleWord(j) || (JOINERS.has(lower[i]!) && (isDigitStart(toks[j]!.text) || (j === i + 1 || lower[i] !== 'and' ? separateNameAt(j, lower[i]!) : false)))) break;
    i = j - 1;
  }
  return { start: a, end };
}

const isDigitStart = (s: string) => s.charCodeAt(0) >= 48 && s.charCodeAt(0) <= 57;

/** Whether a line break separates token i from the token before it. */
export function lineBreakBefore(doc: Doc, i: number): boolean {
  // (= doc.text.slice(…).includes('\n'), read by char code: no string is made per token asked.)
  const toks = doc.tokens;
  const text = doc.text;
  for (let k = toks[i - 1]!.end, end = toks[i]!.start; k < end; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** A token span with a type index, as the recogniser gives them. */
type TypedSpan = { start: number; end: number; type: number };

/**
 * Joins the recogniser's spans inside a title after a noun for a work into the one title span, typed MISC
 * (`miscType`): "the game Call of Duty" read as "Duty", "U2's album How to Dismantle an Atomic Bomb" read as
 * "Dismantle" and "Atomic Bomb", "the game Hitman: Contracts" read as "Hitman". Only where the recogniser found a
 * name inside the title (its evidence that a name is there) and no span runs out of it; a span the title equals is
 * left to the entity stage's type rules. Returns the spans sorted by start (the input array when nothing changed).
 */
export function joinTitleSpans<S extends TypedSpan>(doc: Doc, spans: S[], miscType: number, make: (start: number, end: number, type: number) => S, personType: number, separateNameAt?: (i: number, joiner: string) => boolean): S[] {
  const { lower, sig } = tokenIndex(doc);
  // The spans overlapping a title are found by binary search in the spans sorted by start, not by a scan of all of
  // them per noun for a work (that made the stage quadratic on long documents: a newspaper issue has hundreds).
  let out = isSortedByStart(spans) ? spans : [...spans].sort((x, y) => x.start - y.start);
  let longest = 0; // the longest span: none starting further back than that before a title reaches into it
  for (const s of out) longest = Math.max(longest, s.end - s.start);
  for (let i = 0; i + 1 < lower.length; i++) {
    if (!MAY_BE_WORK_NOUN.mayHaveSig(sig[i]!) || !workNounAt(doc, i)) continue; // (workNounAt checks the word)
    // "their third album, The Holy Bible, was …": a title set off by commas after its noun.
    const comma = lower[i + 1] === ',' ? 1 : 0;
    if (lineBreakBefore(doc, i + 1 + comma)) continue;
    const title = titleEnd(doc, i + 1 + comma, separateNameAt);
    if (title === null || (comma === 1 && !TITLE_CLOSERS.has(lower[title.end] ?? ''))) continue;
    const inside: number[] = [];
    let outside = false;
    for (let k = firstStartAtOrAfter(out, title.start - longest + 1); k < out.length && out[k]!.start < title.end; k++) {
      const s = out[k]!;
      if (s.end <= title.start) continue;
      if (s.start < title.start || s.end > title.end) outside = true;
      inside.push(k);
    }
    // A person inside is no title after a noun that is also a verb: "will play Roger Federer at …".
    if (outside || inside.length === 0 || (hasOtherReadings(lower[i]!) && inside.some((k) => out[k]!.type === personType))) continue;
    if (inside.length === 1 && out[inside[0]!]!.start === title.start && out[inside[0]!]!.end === title.end) continue;
    // (Every span inside starts within the title, so they are consecutive in start order, and the title takes their place.)
    if (out === spans) out = [...spans];
    out.splice(inside[0]!, inside.length, make(title.start, title.end, miscType));
    longest = Math.max(longest, title.end - title.start);
  }
  return out;
}

function isSortedByStart(spans: readonly TypedSpan[]): boolean {
  for (let k = 1; k < spans.length; k++) if (spans[k]!.start < spans[k - 1]!.start) return false;
  return true;
}

/** Index of the first span (sorted by start) that starts at token `i` or after it; the length when none does. */
export function firstStartAtOrAfter(spans: readonly { start: number }[], i: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.start < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The name keys of the short forms of titles: the words before a number ("Halo" of "Halo 2", "Fahrenheit" of
 * "Fahrenheit 9/11") and the parts around a colon ("Hitman" and "Contracts" of "Hitman: Contracts"), of two letters or more.
 * @example [...titleShortForms(['Halo 2', 'Grand Theft Auto: San Andreas'])] // ['halo', 'grand theft auto', 'san andreas']
 */
export function titleShortForms(titles: readonly string[]): Set<string> {
  const out = new Set<string>();
  const add = (part: string) => {
    const p = part.trim();
    if (p.length >= 2) out.add(nameKey(p));
  };
  for (const t of titles) {
    const colon = t.indexOf(':');
    if (colon > 0) {
      add(t.slice(0, colon));
      add(t.slice(colon + 1));
    }
    const last = t.lastIndexOf(' ');
    if (last > 0 && isDigitStart(t.slice(last + 1))) add(t.slice(0, last));
  }
  return out;
}

/** A sequel's number as a token of its own: "Halo 2", "Rocky IV" (not 1: "Formula 1", "Channel 1" are no sequels). */
const SEQUEL_NUMBER = /^(?:[2-9]|II|III|IV|VI?)$/;
/** Words that join the items of a list. */
const LIST_JOINERS = new Set([',', 'and', 'or']);

/**
 * Joins titles with a sequel's number listed together into MISC spans over their numbers: "Doom 3, Half Life 2 and
 * Halo 2", "Halo 2 and Half-Life 2", "like Half-Life 2, or Halo 2" (the recogniser reads "Halo" as a person, cut
 * before the number, and "Doom 3" as an organisation). A name with a number after it is mostly a score ("Cruzeiro 2
 * Vitoria 1") or a line of a scorecard in news text, but two or more such names joined by "and", "or" or commas are
 * titles: CoNLL-2003 train, with hundreds of scores, has no such list. Not inside brackets ("Scotland (Samuel 6)":
 * a substitute and his minute), nor a number going on ("Bolton 2-1", "Smith 2.5").
 */
export function joinSequelLists<S extends TypedSpan>(doc: Doc, spans: S[], miscType: number, make: (start: number, end: number, type: number) => S): S[] {
  const toks = doc.tokens;
  const lower = tokenIndex(doc).lower;
  const sameSentence = (i: number, j: number) => j < toks.length && toks[i]!.sentence === toks[j]!.sentence;
  // Whether token i is a sequel's number ending the name before it: a lone small number, with no number, sign or
  // bracket going on after it, the name not in brackets.
  const sequelAt = (i: number, nameStart: number): boolean => {
    if (i >= toks.length || !sameSentence(nameStart, i) || !SEQUEL_NUMBER.test(toks[i]!.text)) return false;
    if (toks[i - 1]!.end !== toks[i]!.start - 1) return false; // one space between name and number
    const next = toks[i + 1];
    if (next !== undefined && sameSentence(i, i + 1) && (isDigitStart(next.text) || NUMBER_GOES_ON.has(next.text))) return false;
    return lower[nameStart - 1] !== '(';
  };
  // The end (exclusive) of each span's title with its number: after the span ("Halo" 2) or its own last token ("Doom 3"); -1 if none.
  const itemEnd = spans.map((s) => (sequelAt(s.end, s.start) ? s.end + 1 : s.end - s.start > 1 && sequelAt(s.end - 1, s.start) ? s.end : -1));
  // The index of the next span when it starts right after span k's number and a joiner (", and" too).
  const joinedNext = (k: number): number => {
    let i = itemEnd[k]!;
    if (!LIST_JOINERS.has(lower[i] ?? '')) return -1;
    i++;
    if (lower[i - 1] === ',' && (lower[i] === 'and' || lower[i] === 'or')) i++;
    const n = k + 1;
    return n < spans.length && spans[n]!.start === i && itemEnd[n]! > 0 && sameSentence(spans[k]!.start, i) ? n : -1;
  };
  // (Made at the first list found: most articles have none, and a typed array per article costs microseconds.)
  let inList: Uint8Array | null = null;
  for (let k = 0; k + 1 < spans.length; k++) {
    if (itemEnd[k]! < 0) continue;
    const n = joinedNext(k);
    if (n > 0) {
      inList ??= new Uint8Array(spans.length);
      inList[k] = inList[n] = 1;
    }
  }
  if (inList === null) return spans;
  const listed = inList;
  return spans.map((s, k) => (listed[k] === 1 ? make(s.start, itemEnd[k]!, miscType) : s));
}

/** Tokens after a number that make it a score, a decimal, a range or a time rather than a sequel's number. */
const NUMBER_GOES_ON = new Set(['-', '–', '.', '%', ':', '/', 'per', 'goals', 'points', 'pts']);
