/**
 * Tokens with exact offsets. Words keep inner hyphens, apostrophes and periods
 * ("S-300", "U.S.", "4.5"); possessive and clitic endings are split off the way
 * the CoNLL/Penn treebanks do ("Russia’s" → "Russia" "’s", "didn’t" → "did" "n’t"),
 * so the entity recogniser sees the same units it was trained on. Linear time:
 * one sticky regex scan with no nested quantifiers.
 */

import { isAsciiAlnumCode, isSpaceCode } from './chars.js';

export interface RawToken {
  start: number;
  end: number;
  text: string;
  /** Index of its sentence: 0 here, set by createDoc once the text is segmented (so one object serves as the Doc's Token). */
  sentence: number;
  spaceBefore: boolean;
}

// A word: letters/digits/marks, joined by single inner connectors.
const WORD = /[\p{L}\p{M}\p{N}]+(?:[-‐'’.&_/][\p{L}\p{M}\p{N}]+)*/uy;
const URL = /(?:https?:\/\/|www\.)[^\s<>"“”‘’]+/uy;
const REPEAT_PUNCT = /([.\-—–_*=!?])\1+/uy;

/** Words that take a period as part of the token (titles, months, common abbreviations). */
export const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt ft lt col gen maj capt cpt sgt adm gov sen rep rev hon pres supt cmdr brig cdr insp ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'inc ltd co corp bros plc llc no nos vs v etc al approx dept est fig ave blvd rd univ assn ' +
    'a.m p.m e.g i.e u.s u.k u.n u.s.a d.c'
  ).split(' '),
);

/**
 * AP abbreviations of US states that are not in ABBREVIATIONS: they keep their period only before
 * a comma ("Atlanta, Ga., said"), where no sentence ends; elsewhere "Mass." or "Ill." may end one.
 */
const STATE_ABBREVIATIONS = new Set('Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Vt Va Wash Wis Wyo'.split(' '));

const CLITIC = /^(.+?)((?:['’](?:s|re|ve|ll|d|m))|n['’]t)$/iu;

export function tokenize(text: string): RawToken[] {
  const out: RawToken[] = [];
  let i = 0;
  let spaceBefore = true;
  const n = text.length;
  while (i < n) {
    // Spaces and ASCII words are scanned by char code; a regex decides only
    // where a non-ASCII character is involved (or a URL may start).
    const c0 = text.charCodeAt(i);
    if (isSpaceCode(c0)) {
      i++;
      while (i < n && isSpaceCode(text.charCodeAt(i))) i++; // = /\s+/u
      spaceBefore = true;
      continue;
    }
    let m: RegExpExecArray | null = null;
    if (c0 === 0x68 || c0 === 0x77) {
      URL.lastIndex = i; // only "http…" and "www." start a URL
      m = URL.exec(text);
    }
    let wordEnd = i;
    if (m) {
      let end = i + m[0].length;
      while (end > i + 1 && /[.,;:!?)\]]/.test(text[end - 1]!)) end--;
      push(out, text, i, end, spaceBefore);
      i = end;
    } else if ((wordEnd = wordEndAt(text, i)) > i) {
      let end = wordEnd;
      let word = text.slice(i, end);
      // A trailing period belongs to abbreviations and initials ("Lt.", "J.", "U.S.").
      if (text.charCodeAt(end) === 0x2e && (isAbbreviation(word) || (text.charCodeAt(end + 1) === 0x2c && STATE_ABBREVIATIONS.has(word)))) {
        end += 1;
        word += '.';
      }
      const clitic = hasApostrophe(word) ? CLITIC.exec(word) : null;
      if (clitic && clitic[1]!.length > 0 && /[\p{L}]$/u.test(clitic[1]!)) {
        const split = i + clitic[1]!.length;
        push(out, text, i, split, spaceBefore);
        push(out, text, split, end, false);
      } else {
        out.push({ start: i, end, text: word, sentence: 0, spaceBefore }); // the word's slice, not a second one
      }
      i = end;
    } else {
      // A run of one repeated mark ("...", "--") needs the same character next: asked by char code first.
      let rep: RegExpExecArray | null = null;
      if (text.charCodeAt(i + 1) === c0) {
        REPEAT_PUNCT.lastIndex = i;
        rep = REPEAT_PUNCT.exec(text);
      }
      const cp = text.codePointAt(i)!;
      const len = rep ? rep[0].length : cp > 0xffff ? 2 : 1;
      push(out, text, i, i + len, spaceBefore);
      i += len;
    }
    spaceBefore = false;
  }
  return out;
}

/** Where the WORD match starting at i ends (i: no word there). */
function wordEndAt(text: string, i: number): number {
  const c0 = text.charCodeAt(i);
  if (c0 >= 0x80) return wordEndByRegex(text, i);
  if (!isAsciiAlnumCode(c0)) return i;
  let j = i + 1;
  for (;;) {
    let c = text.charCodeAt(j); // NaN past the end: no class matches it
    while (isAsciiAlnumCode(c)) c = text.charCodeAt(++j);
    if (c >= 0x80) return wordEndByRegex(text, i);
    // An inner connector (- ' . & _ /) joins the letters or digits after it.
    if (c === 0x2d || c === 0x27 || c === 0x2e || c === 0x26 || c === 0x5f || c === 0x2f) {
      const d = text.charCodeAt(j + 1);
      if (isAsciiAlnumCode(d)) {
        j += 2;
        continue;
      }
      if (d >= 0x80) return wordEndByRegex(text, i);
    }
    return j;
  }
}

function wordEndByRegex(text: string, i: number): number {
  WORD.lastIndex = i;
  const m = WORD.exec(text);
  return m ? i + m[0].length : i;
}

function push(out: RawToken[], text: string, start: number, end: number, spaceBefore: boolean): void {
  out.push({ start, end, text: text.slice(start, end), sentence: 0, spaceBefore });
}

/** Cheap test before the clitic regex: most words have no apostrophe (one pass over the char codes, no builtin calls). */
function hasApostrophe(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c === 0x27 || c === 0x2019) return true;
  }
  return false;
}

function isAbbreviation(word: string): boolean {
  // Asked of every word before a period (most sentence ends): each regex only where it can match — one code point
  // (at most two code units), or a word with an inner period.
  if (word.length <= 2 && /^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  if (word.includes('.') && /^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "e.g"
  return ABBREVIATIONS.has(word.toLowerCase());
}
