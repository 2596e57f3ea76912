/**
 * Time stage: finds time expressions and normalises them to TIMEX3 values
 * against the publication date (see docs/times.md for the conventions).
 */
import type { Doc, DocTime, Stage } from '../text/doc.js';
import { spanOfChars } from '../text/layers.js';
import { type Period, parseIsoDate } from './calendar.js';
import { RULES, type Norm, type RuleContext } from './grammar.js';
import { scanRules } from './scan.js';
import { hasFutureMarker, markedTense, tenseAround, weekdayTense, type TenseView } from './tense.js';
import { tokenIndex } from '../text/token-index.js';

export interface TimeMatch extends Norm {
  start: number;
  end: number;
  rule: string;
}

// Matches that make sense only inside a longer expression are never tagged alone.
const MAX_EXPRESSION = 80;

/**
 * Finds and normalises every time expression of a Doc, in text order, without overlaps
 * (the longest candidate wins; at equal length, the earlier rule). Tense cues are read
 * from the Doc's tokens.
 *
 * @example
 * findTimes(createDoc({ text: 'They met on Friday.', publishedAt: '2024-10-14' })).map((t) => t.value) // ['2024-10-11']
 */
export function findTimes(doc: Doc): TimeMatch[] {
  const { text, publishedAt } = doc;
  const anchor = parseIsoDate(publishedAt);
  const toks = doc.tokens;
  const { lower } = tokenIndex(doc);
  const ctx: RuleContext = {
    anchor,
    before: (pos, n) => text.slice(Math.max(0, pos - n), pos),
    after: (pos, n) => text.slice(pos, pos + n),
    tense: (start, end) => tenseAround(sentenceTokens(toks, lower, start), start, end),
    markedTense: (start, end) => markedTense(sentenceTokens(toks, lower, start), start, end),
    weekdayTense: (start, end) => weekdayTense(sentenceTokens(toks, lower, start), start, end),
    futureInSentence: (pos) => hasFutureMarker(sentenceTokens(toks, lower, pos)),
  };
  const candidates: TimeMatch[] = [];
  scanRules(text, RULES, (rule, m) => {
    if (m[0].length === 0 || m[0].length > MAX_EXPRESSION) return;
    const norm = rule.norm(m, ctx);
    if (!norm) return;
    const c: TimeMatch = { type: norm.type, value: norm.value, from: norm.from, to: norm.to, start: m.index, end: m.index + m[0].length, rule: rule.name };
    if (norm.discourse) c.discourse = norm.discourse;
    candidates.push(c);
  });
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: TimeMatch[] = [];
  // Covered characters: spans are at most MAX_EXPRESSION long, so checking them is linear overall.
  const taken = coverage(text.length);
  for (const c of candidates) {
    let free = true;
    for (let k = c.start; k < c.end && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  for (const c of chosen) taken.fill(0, c.start, c.end);
  chosen.sort((a, b) => a.start - b.start);
  // Expressions like "the quarter" or "a year earlier" refer to the last quarter the text named.
  let quarter: Period | null = null;
  const out: TimeMatch[] = [];
  for (const c of chosen) {
    if (c.discourse) {
      const r = c.discourse(quarter);
      if (r) out.push({ type: r.type, value: r.value, from: r.from, to: r.to, start: c.start, end: c.end, rule: c.rule });
      continue;
    }
    const q = quarterNamed(text, c);
    // Only quarters already ended can be "the quarter" a report is about.
    if (q && (!publishedAt || (c.to !== null && c.to < publishedAt))) quarter = q;
    out.push(c);
  }
  return out;
}

const THREE_MONTHS_TO = /\bthree months (?:to|ended|ending|through|until)\s+(?:the end of\s+)?$/i;

/** The quarter an expression names: a quarter ("2004-Q4"), or "the three months to December" (the quarter that month ends); else null. */
function quarterNamed(text: string, c: TimeMatch): Period | null {
  const q = /^(\d{4})-Q([1-4])$/.exec(c.value);
  if (q) return { gran: 'quarter', y: +q[1]!, n: +q[2]! };
  const m = /^(\d{4})-(03|06|09|12)$/.exec(c.value);
  if (!m || !THREE_MONTHS_TO.test(text.slice(Math.max(0, c.start - 40), c.start))) return null;
  return { gran: 'quarter', y: +m[1]!, n: +m[2]! / 3 };
}

// One zeroed buffer reused across texts of ordinary size (allocating one per text cost more than the rest of the choice).
let sharedCoverage = new Uint8Array(1 << 16);
/** A zeroed byte per character of the text; the caller clears what it set. */
function coverage(length: number): Uint8Array {
  if (length > 1 << 20) return new Uint8Array(length);
  if (sharedCoverage.length < length) sharedCoverage = new Uint8Array(1 << 20);
  return sharedCoverage;
}

/** Tokens of the sentence around `pos` (binary search), at most 40 either side: a window into the Doc's arrays. */
function sentenceTokens(tokens: Doc['tokens'], lower: readonly string[], pos: number): TenseView {
  if (tokens.length === 0) return { tokens, lower, from: 0, to: 0 };
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  const s = tokens[lo]!.sentence;
  let a = lo;
  let b = lo;
  while (a > 0 && tokens[a - 1]!.sentence === s && lo - a < 40) a--;
  while (b < tokens.length - 1 && tokens[b + 1]!.sentence === s && b - lo < 40) b++;
  return { tokens, lower, from: a, to: b + 1 };
}

/**
 * Fills `doc.times` with TIMEX3-normalised expressions ("t1", "t2"… in text order).
 *
 * @example
 * const doc = runPipeline(createDoc({ text: 'Putin met Pezeshkian on Friday.', publishedAt: '2024-10-14' }), { until: 'times' });
 * doc.times[0]; // { id: 't1', type: 'DATE', value: '2024-10-11', from: '2024-10-11', to: '2024-10-11', start: 24, end: 30, tokenStart: 4, tokenEnd: 5 }
 */
function tagTimes(doc: Doc): void {
  doc.times = findTimes(doc).map((m, i): DocTime => ({ id: `t${i + 1}`, ...spanOfChars(doc, m.start, m.end), type: m.type, value: m.value, from: m.from, to: m.to }));
}

/** The time stage. */
export const timesStage: Stage = { name: 'times', requires: ['text'], assigns: ['times'], run: tagTimes };
