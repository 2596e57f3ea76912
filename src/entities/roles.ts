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
import { NOT_TITLES, TITLE_HEADS, TITLE_MODIFIERS } from '../lang/en/index.js';

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
 * organisation or nationality can be part of a role: "CIA Director").
 * @example roleBefore(createDoc({ text: 'CIA Director William Burns said.' }), 2, lex, () => false) // 'CIA Director'
 */
export function roleBefore(doc: Doc, start: number, lex: RoleLexicon, isNamed: (i: number) => boolean): string | null {
  const toks = doc.tokens;
  if (start === 0) return null;
  const sentence = toks[start]!.sentence;
  const head = start - 1;
  const headTok = toks[head]!;
  if (headTok.sentence !== sentence || !lex.heads.has(headTok.text.toLowerCase())) return null;
  let first = head;
  for (let i = head - 1; i >= 0 && head - i < 8; i--) {
    const t = toks[i]!;
    if (t.sentence !== sentence) break;
    const w = t.text;
    const lw = w.toLowerCase();
    if (STOP.has(lw)) break;
    const capitalised = /^\p{Lu}/u.test(w);
    const isInitial = i === doc.sentences[sentence]!.tokenStart;
    const ok = lex.heads.has(lw) || lex.modifiers.has(lw) || isNamed(i) || (capitalised && !isInitial && /^[\p{L}.-]+$/u.test(w)) || (capitalised && isInitial && lex.modifiers.has(lw));
    if (!ok) {
      // A sentence-initial capitalised word is part of the role only if it is a title word or a named entity.
      break;
    }
    first = i;
  }
  const text = doc.text.slice(toks[first]!.start, headTok.end);
  return text.replace(/\s+/g, ' ');
}

const APPOSITIVE_START = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);

/**
 * The role stated in an appositive right after the person mention ending at
 * token `end`: "Sergey Ryabkov, Russia's deputy foreign minister, said" →
 * "Russia's deputy foreign minister"; "Anna Weber, the ministry spokeswoman." →
 * "ministry spokeswoman". The appositive must close (comma, period, semicolon
 * or dash) right after a title head noun; a possessive owner is kept, leading
 * articles are not.
 * @example roleAfter(createDoc({ text: 'Anna Weber, the ministry spokeswoman, said.' }), 2, lex, () => false) // 'ministry spokeswoman'
 */
export function roleAfter(doc: Doc, end: number, lex: RoleLexicon, isNamed: (i: number) => boolean): string | null {
  const toks = doc.tokens;
  const comma = toks[end];
  if (!comma || comma.text !== ',' || end === 0 || comma.sentence !== toks[end - 1]!.sentence) return null;
  const sentence = comma.sentence;
  let i = end + 1;
  if (toks[i] && APPOSITIVE_START.has(toks[i]!.text.toLowerCase())) i++;
  const first = i;
  let lastHead = -1;
  for (; i < toks.length && i - first < 8 && toks[i]!.sentence === sentence; i++) {
    const w = toks[i]!.text;
    const lw = w.toLowerCase();
    if (lex.heads.has(lw)) {
      lastHead = i;
      continue;
    }
    const possessive = /^['’]s?$/u.test(w) && i > first;
    if (possessive || lex.modifiers.has(lw) || isNamed(i) || /^\p{Lu}[\p{L}.-]*$/u.test(w) || lw === 'of' || lw === 'for') continue;
    break;
  }
  if (lastHead < 0 || lastHead !== i - 1) return null;
  const closer = toks[i];
  if (closer && closer.sentence === sentence && !/^[,.;:—–-]$/u.test(closer.text)) return null;
  return doc.text.slice(toks[first]!.start, toks[lastHead]!.end).replace(/\s+/g, ' ');
}
