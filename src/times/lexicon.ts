/**
 * Words of the time grammar: numbers, months, weekdays, units, and small helpers
 * that build case-tolerant regex alternations from them (the grammar itself is
 * case-sensitive so "May" the month and "may" the verb stay apart).
 */
import type { Granularity } from './calendar.js';
import { MONTHS, MONTH_PATTERN, WEEKDAYS, WEEKDAY_PATTERN } from '../lang/en/calendar.js';

/** "last" → "[Ll]ast": the word as written or capitalised at a sentence start. */
export const ci = (w: string) => w.replace(/(^|\s)([a-z])/g, (_, s: string, c: string) => `${s}[${c.toLowerCase()}${c.toUpperCase()}]`);
/** Alternation of words, each case-tolerant on its first letter; longest first so the regex prefers it. */
export const alt = (words: readonly string[]) =>
  `(?:${[...words].sort((a, b) => b.length - a.length).map((w) => ci(w.replace(/[.]/g, '\\.')).replace(/ /g, '\\s+')).join('|')})`;

export const UNITS_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
] as const;
export const TENS_WORDS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;
/** Quantities too vague for a number: the TIMEX3 value gets an X ("PXY"). */
export const VAGUE_QUANTITIES = ['a few', 'few', 'several', 'some', 'many', 'a couple of', 'a couple', 'couple of', 'a number of'] as const;

/** Unicode vulgar fractions in mixed numbers ("2½"). */
const FRACTION_CHARS: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75 };

/** A number written in digits or words ("24", "twenty-four", "twenty four", "a"); null when vague or unknown. */
export function parseNumber(raw: string): number | null {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  // "two and a half", "2 and a half".
  const half = /^(.+?)\s+and\s+a\s+half$/.exec(s);
  if (half) {
    const whole = parseNumber(half[1]!);
    return whole === null ? null : whole + 0.5;
  }
  // Mixed numbers: "5 1/2", "2 3/4", "2½".
  const mixed = /^(\d+)(?:\s+(\d)\/(\d)|([½¼¾]))$/.exec(s);
  if (mixed) return Number(mixed[1]) + (mixed[4] ? FRACTION_CHARS[mixed[4]]! : Number(mixed[2]) / Number(mixed[3]));
  if (s === 'a' || s === 'an') return 1;
  if (s === 'half a' || s === 'half an') return 0.5;
  const parts = s.split(/[- ]/);
  let total = 0;
  for (const p of parts) {
    const u = (UNITS_WORDS as readonly string[]).indexOf(p);
    const t = (TENS_WORDS as readonly string[]).indexOf(p);
    if (u >= 0) total += u;
    else if (t >= 0) total += (t + 2) * 10;
    else if (p === 'hundred') total = (total || 1) * 100;
    else if (p === 'and') continue;
    else return null;
  }
  return total;
}

/** Number phrase regex: digits, number words (incl. "twenty four"), articles, vague quantities. */
export const NUM = `(?:(?:\\d+|${alt(UNITS_WORDS.slice(1))})\\s+and\\s+a\\s+half|\\d+(?:\\s+[1-3]\\/[234]|[½¼¾])|\\d+(?:\\.\\d+)?|${alt(TENS_WORDS)}(?:[- ]${alt(UNITS_WORDS.slice(1, 10))})?|${alt(UNITS_WORDS)}(?:\\s+hundred)?|${alt(VAGUE_QUANTITIES)}|[Hh]alf\\s+an?|[Aa]n?)`;

export { MONTHS, WEEKDAYS };
/** Month names, capitalised only (the grammar never reads "may" or "march" in lower case as months). */
export const MONTH = MONTH_PATTERN;
export const monthNumber = (s: string) => MONTHS[s.toLowerCase().replace(/\.$/, '')] ?? null;

export const WEEKDAY = WEEKDAY_PATTERN;
export const weekdayNumber = (s: string) => WEEKDAYS[s.toLowerCase()] ?? null;

/** Time units and the TIMEX3 duration letter each uses. */
export const UNIT_CODE: Record<string, { code: string; time: boolean; gran: Granularity | null; factor: number }> = {
  second: { code: 'S', time: true, gran: null, factor: 1 },
  minute: { code: 'M', time: true, gran: null, factor: 1 },
  hour: { code: 'H', time: true, gran: null, factor: 1 },
  day: { code: 'D', time: false, gran: 'day', factor: 1 },
  night: { code: 'D', time: false, gran: 'day', factor: 1 },
  week: { code: 'W', time: false, gran: 'week', factor: 1 },
  weekend: { code: 'WE', time: false, gran: 'weekend', factor: 1 },
  fortnight: { code: 'W', time: false, gran: 'week', factor: 2 },
  month: { code: 'M', time: false, gran: 'month', factor: 1 },
  quarter: { code: 'Q', time: false, gran: 'quarter', factor: 1 },
  year: { code: 'Y', time: false, gran: 'year', factor: 1 },
  decade: { code: 'DE', time: false, gran: 'decade', factor: 1 },
  century: { code: 'CE', time: false, gran: 'century', factor: 1 },
};
export const UNIT = '(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade)s?|centur(?:y|ies)';
/** The words UNIT matches, singular and plural. */
export const UNIT_WORDS = [
  ...['second', 'minute', 'hour', 'day', 'night', 'week', 'fortnight', 'month', 'quarter', 'year', 'decade'].flatMap((w) => [w, `${w}s`]),
  'century', 'centuries',
];
/** Singular unit of a (possibly plural) unit word. */
export const unitOf = (s: string) => {
  const w = s.toLowerCase();
  if (w.startsWith('centur')) return 'century';
  return w.replace(/s$/, '');
};

export const SEASONS: Record<string, number> = { spring: 0, summer: 1, fall: 2, autumn: 2, winter: 3 };
export const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' };
export const ORDINALS: Record<string, number> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, sixth: 6,
  seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14,
  fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  'twenty-first': 21, '21st': 21,
};
