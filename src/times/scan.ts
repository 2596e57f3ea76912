/**
 * Runs the grammar's rules over a text without scanning the whole text once per
 * rule: one pass lists the words (maximal runs of letters and digits) and, per
 * rule, the words that trigger it; the rule's regex is then tried, sticky, only
 * at a trigger word and the few words before it (its Trigger), in text order
 * from the end of its previous match. Every match starts at such a word (or at
 * an apostrophe just before one, as in "'90s"), so the matches are exactly
 * those of a global scan of the whole text.
 */
import type { Rule } from './grammar.js';

const WORD = /[\p{L}\p{N}]+/gu;

interface RuleIndex {
  /** Lower-case trigger word → indices of the rules it triggers. */
  byWord: Map<string, number[]>;
  /** Rules triggered by any word holding a digit. */
  digitRules: number[];
  longestWord: number;
  sticky: RegExp[];
}

const indexes = new WeakMap<readonly Rule[], RuleIndex>();

function indexOf(rules: readonly Rule[]): RuleIndex {
  const known = indexes.get(rules);
  if (known) return known;
  const byWord = new Map<string, number[]>();
  const digitRules: number[] = [];
  let longestWord = 0;
  rules.forEach((rule, r) => {
    if (rule.trigger.digits) digitRules.push(r);
    for (const w of new Set(rule.trigger.words ?? [])) {
      const list = byWord.get(w) ?? [];
      list.push(r);
      byWord.set(w, list);
      longestWord = Math.max(longestWord, w.length);
    }
  });
  const sticky = rules.map((rule) => new RegExp(rule.re.source, `${rule.re.flags.replace('g', '')}y`));
  const index = { byWord, digitRules, longestWord, sticky };
  indexes.set(rules, index);
  return index;
}

function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019;

/**
 * Where each rule's regex can match in a text: per rule, the ascending positions
 * of its trigger words, of the `before` words preceding each, and of an
 * apostrophe just before any of them.
 *
 * @example
 * ruleStarts('They met on Friday.', RULES)[RULES.findIndex((r) => r.name === 'weekday')] // [9, 12]: "on" and "Friday"
 */
export function ruleStarts(text: string, rules: readonly Rule[]): number[][] {
  const { byWord, digitRules, longestWord } = indexOf(rules);
  const starts: number[] = [];
  const triggered: number[][] = rules.map(() => []);
  WORD.lastIndex = 0;
  let w: RegExpExecArray | null;
  while ((w = WORD.exec(text))) {
    const k = starts.length;
    starts.push(w.index);
    const word = w[0];
    if (hasDigit(word)) for (const r of digitRules) triggered[r]!.push(k);
    const hit = word.length <= longestWord ? byWord.get(word.toLowerCase()) : undefined;
    // A rule listed under both digits and this word has it already.
    if (hit) for (const r of hit) if (triggered[r]!.at(-1) !== k) triggered[r]!.push(k);
  }
  return rules.map((rule, r) => {
    const out: number[] = [];
    let next = 0; // words before it are listed already
    for (const k of triggered[r]!) {
      for (let j = Math.max(next, k - rule.trigger.before); j <= k; j++) {
        const s = starts[j]!;
        if (s > 0 && isApostrophe(text.charCodeAt(s - 1))) out.push(s - 1);
        out.push(s);
      }
      next = k + 1;
    }
    return out;
  });
}

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
  ruleStarts(text, rules).forEach((positions, r) => {
    const re = sticky[r]!;
    let from = 0; // the global scan's lastIndex: its next match starts here or later
    for (const pos of positions) {
      if (pos < from) continue;
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m) continue;
      from = m[0].length === 0 ? pos + 1 : pos + m[0].length;
      visit(rules[r]!, m);
    }
  });
}
