/**
 * Runs the grammar's rules over a text without scanning the whole text once per
 * rule: one pass lists the words (maximal runs of letters and digits) and, per
 * rule, the words that trigger it; the rule's regex is then tried, sticky, only
 * at a trigger word and the few words before it (its Trigger), in text order
 * from the end of its previous match. Every match starts at such a word (or at
 * an apostrophe just before one, as in "'90s"), so the matches are exactly
 * those of a global scan of the whole text.
 */
import { keyHash } from '../text/names.js';
import type { Rule } from './grammar.js';

interface RuleIndex {
  /** Lower-case trigger word → indices of the rules it triggers. */
  byWord: Map<string, number[]>;
  /** The same words in an open-addressing table keyed by their FNV-1a hash (see `asciiTrigger`). */
  ascii: AsciiWords;
  /** Rules triggered by any word holding a digit. */
  digitRules: number[];
  /** Bit set: whether some trigger word has this first letter, last letter and length (see shapeKey); skips most words before any string is built. */
  shapes: Uint32Array;
  sticky: RegExp[];
}

const MAX_TRIGGER = 31;
/** Key of a word's shape: first and last letter (a–z as 0–25) and length. */
const shapeKey = (first: number, last: number, length: number) => (first * 26 + last) * (MAX_TRIGGER + 1) + length;

const indexes = new WeakMap<readonly Rule[], RuleIndex>();

function indexOf(rules: readonly Rule[]): RuleIndex {
  const known = indexes.get(rules);
  if (known) return known;
  const byWord = new Map<string, number[]>();
  const digitRules: number[] = [];
  const shapes = new Uint32Array((26 * 26 * (MAX_TRIGGER + 1)) / 32); // 2.7 kB: stays in cache
  rules.forEach((rule, r) => {
    if (rule.trigger.digits) digitRules.push(r);
    for (const w of new Set(rule.trigger.words ?? [])) {
      if (!/^[a-z]+$/.test(w) || w.length > MAX_TRIGGER) throw new Error(`trigger word of ${rule.name} must be lower-case a–z, at most ${MAX_TRIGGER} letters: ${w}`);
      const list = byWord.get(w) ?? [];
      list.push(r);
      byWord.set(w, list);
      const key = shapeKey(w.charCodeAt(0) - 97, w.charCodeAt(w.length - 1) - 97, w.length);
      shapes[key >> 5]! |= 1 << (key & 31);
    }
  });
  const sticky = rules.map((rule) => new RegExp(rule.re.source, `${rule.re.flags.replace('g', '')}y`));
  const index = { byWord, ascii: asciiWords(byWord), digitRules, shapes, sticky };
  indexes.set(rules, index);
  return index;
}

/** Trigger words (a–z) by hash: slot s holds entry `entry[s]` (-1: empty) of hash `hashes[s]`. */
interface AsciiWords {
  hashes: Int32Array;
  entry: Int32Array;
  words: string[];
  rules: number[][];
}

const fnvStep = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);
const FNV_SEED = 0x811c9dc5 | 0;

function asciiWords(byWord: Map<string, number[]>): AsciiWords {
  let size = 16;
  while (size < 2 * byWord.size) size <<= 1;
  const table: AsciiWords = { hashes: new Int32Array(size), entry: new Int32Array(size).fill(-1), words: [], rules: [] };
  for (const [w, rules] of byWord) {
    const h = keyHash(w) | 0; // the FNV-1a that asciiTrigger computes from the text's char codes
    let s = h & (size - 1);
    while (table.entry[s] !== -1) s = (s + 1) & (size - 1);
    table.hashes[s] = h;
    table.entry[s] = table.words.length;
    table.words.push(w);
    table.rules.push(rules);
  }
  return table;
}

/**
 * The rules the word text[start, end) triggers, read from its char codes: what `byWord.get(text.slice(start,
 * end).toLowerCase())` gives for a word of ASCII letters and digits (toLowerCase maps A–Z to a–z, and no trigger word
 * holds a digit), without building the two strings — about one word in ten passes the shape filter and gets here.
 * null: the word has a non-ASCII character (the caller asks `byWord`).
 */
function asciiTrigger(table: AsciiWords, text: string, start: number, end: number): number[] | undefined | null {
  let h = FNV_SEED;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return null;
    const l = c | 32; // A–Z → a–z; digits stay below 'a'
    if (l < 97 || l > 122) return undefined;
    h = fnvStep(h, l);
  }
  const mask = table.hashes.length - 1;
  for (let s = h & mask; ; s = (s + 1) & mask) {
    const e = table.entry[s]!;
    if (e === -1) return undefined;
    if (table.hashes[s] !== h) continue;
    const w = table.words[e]!;
    if (w.length !== end - start) continue;
    let same = true;
    for (let k = 0; k < w.length && same; k++) same = (text.charCodeAt(start + k) | 32) === w.charCodeAt(k);
    if (same) return table.rules[e];
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/uy;
/** ASCII letters and digits, looked up without a regex (nearly every character of a news text). */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));
/** UTF-16 length of the letter or digit at `i` (2 for an astral one), or 0: the same characters as the grammar's word boundaries. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!;
  WORD_CHAR.lastIndex = i;
  return WORD_CHAR.test(text) ? (c >= 0xd800 && c <= 0xdbff ? 2 : 1) : 0;
}

/** a–z as 0–25 for an ASCII letter of either case, else -1. */
function letterIndex(c: number): number {
  const l = c | 32;
  return l >= 97 && l <= 122 ? l - 97 : -1;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/**
 * A rule whose triggers are this dense (candidate positions per character of
 * text, as on a long line of numbers) is cheaper to scan whole, as before;
 * short texts never are (below MIN_DENSE triggers it makes no difference).
 */
const DENSE = 1 / 16;
const MIN_DENSE = 256;

/**
 * The words of a text (their start offsets, `count` of them) and, per rule, the indices of the words that trigger it,
 * or null when they are dense. The arrays are scratch reused from text to text (see `scratchOf`): valid until the
 * next call of `textWords`, which every caller finishes reading before (one text at a time, no recursion).
 */
interface TextWords {
  starts: Int32Array;
  count: number;
  triggered: Array<number[] | null>;
  limits: number[];
}

/**
 * Scratch for `textWords`, one per rule list: allocating a growing array of every word's offset and a list per rule
 * for each text was the time stage's largest allocation (about 7 MB per MB of text, in a profile over BBC News).
 */
interface Scratch {
  words: TextWords;
  /** Per rule, its list of trigger-word indices (kept while `words.triggered` holds null for a dense rule). */
  lists: number[][];
}
const scratches = new WeakMap<readonly Rule[], Scratch>();

function scratchOf(rules: readonly Rule[]): Scratch {
  let s = scratches.get(rules);
  if (!s) {
    const lists = rules.map((): number[] => []);
    s = { words: { starts: new Int32Array(4096), count: 0, triggered: [...lists], limits: rules.map(() => 0) }, lists };
    scratches.set(rules, s);
  }
  return s;
}

function addTrigger(words: TextWords, r: number, k: number): void {
  const list = words.triggered[r];
  // A rule listed under both digits and this word has it already.
  if (!list || list[list.length - 1] === k) return;
  if (list.length < words.limits[r]!) list.push(k);
  else words.triggered[r] = null;
}

function textWords(text: string, rules: readonly Rule[]): TextWords {
  const { byWord, ascii, digitRules, shapes } = indexOf(rules);
  const n = text.length;
  const { words, lists } = scratchOf(rules);
  for (let r = 0; r < rules.length; r++) {
    lists[r]!.length = 0;
    words.triggered[r] = lists[r]!;
    words.limits[r] = Math.max(MIN_DENSE, (n * DENSE) / (rules[r]!.trigger.before + 1));
  }
  let starts = words.starts;
  let k = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 128 ? ASCII_WORD[c] === 0 : wordCharAt(text, i) === 0) {
      i++;
      continue;
    }
    const start = i;
    let digit = false;
    // To the end of the word: ASCII inline (nearly all of a news text), the rest through wordCharAt.
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 128) {
        if (ASCII_WORD[c] === 0) break;
        if (c <= 57) digit = true; // the only ASCII word characters below 58 are the digits
        i++;
      } else {
        const len = wordCharAt(text, i);
        if (len === 0) break;
        i += len;
      }
    }
    if (k === starts.length) {
      const grown = new Int32Array(2 * k);
      grown.set(starts);
      words.starts = starts = grown;
    }
    starts[k] = start;
    k++;
    if (digit) for (const r of digitRules) addTrigger(words, r, k - 1);
    const first = letterIndex(text.charCodeAt(start));
    const last = letterIndex(text.charCodeAt(i - 1));
    if (first < 0 || last < 0 || i - start > MAX_TRIGGER) continue;
    const key = shapeKey(first, last, i - start);
    if ((shapes[key >> 5]! & (1 << (key & 31))) === 0) continue;
    let hit = asciiTrigger(ascii, text, start, i);
    if (hit === null) hit = byWord.get(text.slice(start, i).toLowerCase());
    if (hit) for (const r of hit) addTrigger(words, r, k - 1);
  }
  words.count = k;
  return words;
}

/**
 * Fills `out` with the positions, ascending, where a rule can match: its
 * trigger words, the `before` words preceding each, and an apostrophe just
 * before any of them.
 */
function startsOf(text: string, starts: Int32Array, triggered: readonly number[], before: number, out: number[]): void {
  out.length = 0;
  let next = 0; // words before it are listed already
  for (const k of triggered) {
    for (let j = Math.max(next, k - before); j <= k; j++) {
      const s = starts[j]!;
      if (s > 0 && isApostrophe(text.charCodeAt(s - 1))) out.push(s - 1);
      out.push(s);
    }
    next = k + 1;
  }
}

/**
 * Where each rule's regex can match in a text (the positions the scanner tries),
 * per rule in ascending order; null for a rule whose triggers are so dense that
 * the scanner runs its regex over the whole text instead.
 *
 * @example
 * ruleStarts('They met on Friday.', RULES)[RULES.findIndex((r) => r.name === 'weekday')] // [9, 12]: "on" and "Friday"
 */
export function ruleStarts(text: string, rules: readonly Rule[]): Array<number[] | null> {
  const { starts, triggered } = textWords(text, rules);
  return rules.map((rule, r) => {
    const words = triggered[r];
    if (!words) return null;
    const out: number[] = [];
    startsOf(text, starts, words, rule.trigger.before, out);
    return out;
  });
}

/** Scratch of `scanRules`: the positions one rule is tried at (refilled per rule). */
const POSITIONS: number[] = [];

/**
 * Calls `visit` with every match of every rule, rule by rule (in array order)
 * and, within a rule, in text order: the same matches, in the same order, as
 * `rule.re.exec` looping over the whole text.
 *
 * @example
 * scanRules('They met on Friday.', RULES, (rule, m) => console.log(rule.name, m[0])) // weekday Friday
 */
export function scanRules(text: string, rules: readonly Rule[], visit: (rule: Rule, m: RegExpExecArray) => void): void {
  const { sticky } = indexOf(rules);
  const positions = POSITIONS;
  const { starts, triggered } = textWords(text, rules);
  rules.forEach((rule, r) => {
    const words = triggered[r];
    if (!words) {
      rule.re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = rule.re.exec(text))) {
        if (m[0].length === 0) rule.re.lastIndex++;
        visit(rule, m);
      }
      return;
    }
    const re = sticky[r]!;
    startsOf(text, starts, words, rule.trigger.before, positions);
    let from = 0; // the global scan's lastIndex: its next match starts here or later
    for (const pos of positions) {
      if (pos < from) continue;
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m) continue;
      from = m[0].length === 0 ? pos + 1 : pos + m[0].length;
      visit(rule, m);
    }
  });
}
