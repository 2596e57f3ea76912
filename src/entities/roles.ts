/**
 * Roles: the title a text states right before a person's name — "Russian
 * Deputy Foreign Minister Sergey Ryabkov", "CIA Director William Burns",
 * "the Iranian foreign ministry spokesman Esmaeil Baghaei Hamaneh",
 * "Lt. General Qassem Soleimani".
 *
 * A role is a run of tokens ending in a title head noun (minister, spokesman,
 * director, general, analyst…) directly before the name, extended leftwards
 * over modifiers: capitalised words, title words, known modifiers (deputy,
 * foreign, prime…), organisation and nationality mentions. Head nouns and
 * modifiers come from the lexicon (derived from CoNLL-2003: the nouns that
 * precede person names) plus the general list below.
 */
import type { Doc } from '../text/doc.js';
import { tokenIndex } from '../text/token-index.js';
import { isMediaName } from './subtypes.js';
import { HONORIFICS, MONTHS, NOT_TITLES, TITLE_HEADS, TITLE_MODIFIERS, WEEKDAYS } from '../lang/en/index.js';

/** Weekday and month names written in full ("on Tuesday", "in October"): a time, never a role's first word. */
const CALENDAR_WORDS = new Set([...Object.keys(WEEKDAYS), ...Object.keys(MONTHS).filter((m) => m.length > 3 || m === 'may')]);

const FORMS_OF_ADDRESS = new Set<string>(HONORIFICS);

const BASE_HEADS = TITLE_HEADS;
const NOT_ROLES = new Set<string>(NOT_TITLES);
const BASE_MODIFIERS = TITLE_MODIFIERS;

export interface RoleLexicon {
  heads: Set<string>;
  modifiers: Set<string>;
}

/** @example roleLexicon(['coach'], ['assistant']).heads.has('minister') // true */
export function roleLexicon(heads: readonly string[] = [], modifiers: readonly string[] = []): RoleLexicon {
  const h = new Set([...BASE_HEADS, ...heads].map((w) => w.toLowerCase()).filter((w) => !NOT_ROLES.has(w)));
  const m = new Set([...BASE_MODIFIERS, ...modifiers].map((w) => w.toLowerCase()));
  return { heads: h, modifiers: m };
}

const STOP = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'by', 'of', 'and', 'with', 'to', 'from', 'for', 'as', 'said', 'says', 'told', 'when', 'while']);

/**
 * The role stated before the person mention starting at token `start`, or null.
 * `isNamed(i)` tells whether token i is inside another entity mention (an
 * organisation or nationality can be part of a role: "CIA Director"); `capsOf(word)` is how often news
 * text capitalises a word (caps bucket + 1, 0 unknown), for the case of a role that opens its sentence.
 * @example roleBefore(createDoc({ text: 'CIA Director William Burns said.' }), 2, lex, () => false) // 'CIA Director'
 */
export function roleBefore(doc: Doc, start: number, lex: RoleLexicon, isNamed: (i: number) => boolean, capsOf: (lowercaseWord: string) => number = () => 0): string | null {
  const toks = doc.tokens;
  if (start === 0) return null;
  // (Lowercase forms and capitals from the token index: asked before every person's mention, no string is made.)
  const { lower, cap } = tokenIndex(doc);
  const sentence = toks[start]!.sentence;
  const last = start - 1;
  if (toks[last]!.sentence !== sentence) return null;
  const head = lex.heads.has(lower[last]!) ? last : headOfOwner(doc, last, lex);
  if (head < 0) return null;
  const headTok = toks[head]!;
  let first = head;
  for (let i = head - 1; i >= 0 && head - i < 8; i--) {
    const t = toks[i]!;
    if (t.sentence !== sentence) break;
    const w = t.text;
    const lw = lower[i]!;
    // "Bank of England Governor": an "of" between capitalised words belongs to the owner's name.
    if (lw === 'of' && i > 0 && toks[i - 1]!.sentence === sentence && /^\p{Lu}/u.test(toks[i - 1]!.text) && /^\p{Lu}/u.test(toks[i + 1]!.text)) continue;
    if (STOP.has(lw)) break;
    // "On Tuesday Foreign Secretary Jack Straw", "in October Tory leader Michael Howard": the day or month is the time of
    // the sentence, not part of the role ("Sunday Telegraph journalist" keeps the newspaper's name, named or named like one).
    if (CALENDAR_WORDS.has(lw) && !isNamed(i) && !isMediaName(`${w} ${toks[i + 1]!.text}`)) break;
    const capitalised = cap[i] === 1;
    const isInitial = i === doc.sentences[sentence]!.tokenStart;
    const ok = lex.heads.has(lw) || lex.modifiers.has(lw) || isNamed(i) || (capitalised && !isInitial && /^[\p{L}.-]+$/u.test(w)) || (capitalised && isInitial && lex.modifiers.has(lw));
    if (!ok) {
      // A sentence-initial capitalised word is part of the role only if it is a title word or a named entity.
      break;
    }
    first = i;
  }
  // "Archbishop of Canterbury Dr Rowan Williams": the form of address ends the role, it is not part of it.
  let end = last;
  while (end > first && FORMS_OF_ADDRESS.has(toks[end]!.text.toLowerCase())) end--;
  const text = doc.text.slice(toks[first]!.start, toks[end]!.end).replace(/\s+/g, ' ');
  return first === doc.sentences[sentence]!.tokenStart ? runningTextCase(doc, first, end, text, isNamed, capsOf) : text;
}

/**
 * A role opening its sentence, spelt as running text spells it: "Actor Tom Hanks", "Former Worldcom boss Bernie
 * Ebbers", "Chief executive Tom Smith" are the roles "actor", "former Worldcom boss", "chief executive" (so one
 * role has one spelling in every article). Only a first word news text writes lowercase — always (caps rate 1),
 * or mostly (2) when lowercase words follow it — and only when no other word of the role is capitalised but
 * names: "First Minister", "Deputy Prime Minister", "Chancellor", "Judge" keep their capital, and so does a
 * name's first word ("World Bank spokesman").
 */
function runningTextCase(doc: Doc, first: number, end: number, text: string, isNamed: (i: number) => boolean, capsOf: (lowercaseWord: string) => number): string {
  const toks = doc.tokens;
  // Not a name's first word ("World Bank spokesman", "All Blacks captain"), nor a word with inner capitals ("Vice-President").
  if (isNamed(first) || /^.\P{Lu}*\p{Lu}/u.test(toks[first]!.text)) return text;
  for (let i = first + 1; i <= end; i++) if (/^\p{Lu}/u.test(toks[i]!.text) && !isNamed(i)) return text;
  const caps = capsOf(toks[first]!.text.toLowerCase());
  if (caps === 1 || (caps === 2 && end > first)) return text[0]!.toLowerCase() + text.slice(1);
  return text;
}

/**
 * The head of an "X of Y" title ending at token `last`, right before a name:
 * "Secretary of State Colin Powell", "Chancellor of the Exchequer Gordon
 * Brown". The owner (Y) is one to four capitalised words; the head is a
 * capitalised title noun, so "a friend of Labour" is no role. Returns -1 when
 * there is none.
 */
function headOfOwner(doc: Doc, last: number, lex: RoleLexicon): number {
  const toks = doc.tokens;
  const { lower, cap } = tokenIndex(doc);
  const sentence = toks[last]!.sentence;
  let i = last;
  while (i >= 0 && last - i < 4 && cap[i] === 1 && toks[i]!.sentence === sentence && /^\p{Lu}[\p{L}.-]*$/u.test(toks[i]!.text) && !lex.heads.has(lower[i]!)) i--;
  if (i === last || i < 1) return -1;
  if (toks[i]!.text === 'the') i--;
  if (i < 1 || toks[i]!.text !== 'of') return -1;
  const head = toks[i - 1]!;
  return head.sentence === sentence && /^\p{Lu}/u.test(head.text) && lex.heads.has(head.text.toLowerCase()) ? i - 1 : -1;
}

const APPOSITIVE_START = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);
/** Words that open a clause, not a role: "John Smith, who spoke later," */
const NOT_IN_ROLE = new Set([...STOP, 'who', 'whose', 'whom', 'which', 'that', 'is', 'was', 'has', 'had', 'will', 'would', 'also', 'not', 'in', 'on', 'at', 'after', 'before']);
/** Prepositions that tie a role to its organisation or place: "strategist at Bank of America", "chief executive of Shell". */
const ROLE_OWNER = new Set(['at', 'of', 'for', 'with']);

/**
 * The role stated in an appositive right after the person mention ending at
 * token `end`: "Sergey Ryabkov, Russia's deputy foreign minister, said" →
 * "Russia's deputy foreign minister"; "Anna Weber, the ministry spokeswoman." →
 * "ministry spokeswoman"; "Joe Quinlan, chief market strategist at Bank of
 * America, said" → "chief market strategist at Bank of America". The
 * appositive must close (comma, period, semicolon or dash) right after a title
 * head noun, or after the name its head is "at"/"of"/"for"/"with" (a
 * capitalised name: "a lawyer for the family" is no role). A possessive owner is
 * kept, leading articles are not; up to two other lowercase words may stand
 * among the modifiers ("chief market strategist").
 * @example roleAfter(createDoc({ text: 'Anna Weber, the ministry spokeswoman, said.' }), 2, lex, () => false) // 'ministry spokeswoman'
 */
export function roleAfter(doc: Doc, end: number, lex: RoleLexicon, isNamed: (i: number) => boolean): string | null {
  const toks = doc.tokens;
  const comma = toks[end];
  if (!comma || comma.text !== ',' || end === 0 || comma.sentence !== toks[end - 1]!.sentence) return null;
  const sentence = comma.sentence;
  const { lower } = tokenIndex(doc);
  const inSentence = (i: number) => i < toks.length && toks[i]!.sentence === sentence;
  let i = end + 1;
  if (toks[i] && APPOSITIVE_START.has(lower[i]!)) i++;
  const first = i;
  let lastHead = -1;
  let other = 0;
  for (; inSentence(i) && i - first < 8; i++) {
    const w = toks[i]!.text;
    const lw = lower[i]!;
    if (lex.heads.has(lw)) {
      lastHead = i;
      continue;
    }
    if (lastHead >= 0 && ROLE_OWNER.has(lw)) break; // the owner follows the head
    const possessive = /^['’]s?$/u.test(w) && i > first;
    if (possessive || lex.modifiers.has(lw) || isNamed(i) || /^\p{Lu}[\p{L}.-]*$/u.test(w) || lw === 'of' || lw === 'for') continue;
    if (/^\p{Ll}[\p{Ll}-]*$/u.test(w) && !NOT_IN_ROLE.has(lw) && ++other <= 2) continue;
    break;
  }
  if (lastHead < 0) return null;
  let last = lastHead;
  if (lastHead === i - 1 && ROLE_OWNER.has(toks[i]?.text.toLowerCase() ?? '')) {
    // "… at [the] Bank of America": capitalised or named words, "of"/"&" inside the name.
    let j = i + 1;
    if (toks[j]?.text.toLowerCase() === 'the') j++;
    let ownerEnd = -1;
    for (; inSentence(j) && j - i < 9; j++) {
      const w = toks[j]!.text;
      if (isNamed(j) || /^\p{Lu}[\p{L}.&'’-]*$/u.test(w)) ownerEnd = j;
      else if (ownerEnd < 0 || !['of', '&', 'and', "'s", '’s'].includes(w.toLowerCase())) break;
    }
    if (ownerEnd < 0) return null;
    last = ownerEnd;
    i = ownerEnd + 1;
  } else if (lastHead !== i - 1) return null;
  const closer = toks[i];
  if (closer && closer.sentence === sentence && !/^[,.;:—–-]$/u.test(closer.text)) return null;
  return doc.text.slice(toks[first]!.start, toks[last]!.end).replace(/\s+/g, ' ');
}
