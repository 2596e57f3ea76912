/**
 * The time-expression grammar: regex rules (HeidelTime style) that find TIMEX3
 * expressions and normalise them against an anchor date (the publication date).
 * Spans follow TimeML: prepositions stay outside ("on [Friday]", "in [2003]"),
 * determiners and modifiers inside ("[the 1990s]", "[last week]").
 *
 * Every regex is a flat alternation of literals and bounded classes, with no
 * nested unbounded quantifiers, so a scan is linear in the text length.
 */
import {
  type Granularity,
  type Period,
  addDays,
  dayPeriod,
  isoDate,
  isoWeekday,
  periodDates,
  periodOf,
  periodValue,
  shiftPeriod,
  utc,
} from './calendar.js';
import {
  MONTH,
  MONTHS,
  NUM,
  ORDINALS,
  PART_OF_DAY,
  SEASONS,
  TENS_WORDS,
  UNIT,
  UNIT_CODE,
  UNITS_WORDS,
  UNIT_WORDS,
  WEEKDAY,
  WEEKDAYS,
  alt,
  ci,
  monthNumber,
  parseNumber,
  unitOf,
  weekdayNumber,
} from './lexicon.js';
import type { Tense, WeekdayTense } from './tense.js';
import { HOLIDAYS } from '../lang/en/calendar.js';

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A normalised expression: TIMEX3 type and value, and its calendar range when it has one. */
export interface Norm {
  type: TimeType;
  value: string;
  /** First and last day (ISO) of the calendar range, or null. */
  from: string | null;
  to: string | null;
  /** Set by rules whose value depends on the quarter under discussion ("the quarter", "a year earlier"): resolved in text order. */
  discourse?: (quarter: Period | null) => Norm | null;
}

export interface RuleContext {
  /** Publication date that relative expressions resolve against, or null (they then stay unresolved). */
  anchor: Date | null;
  tense(start: number, end: number): Tense;
  /** The tense a marker word gives the clause, or null when none does (then `tense` says past, news' default). */
  markedTense(start: number, end: number): Tense | null;
  /** The direction of a weekday: the clause's tense, a present tense included ("plays Dechy on Tuesday"). */
  weekdayTense(start: number, end: number): WeekdayTense;
  /** Whether the sentence around a position speaks of the future anywhere (will, expected, next…). */
  futureInSentence(pos: number): boolean;
  /** Text just before a position (for cues such as "in", "every"). */
  before(pos: number, chars: number): string;
  /** Text just after a position. */
  after(pos: number, chars: number): string;
}

export interface Rule {
  name: string;
  /** Prefilter: where a match of `re` can start (see Trigger). */
  trigger: Trigger;
  re: RegExp;
  norm(m: RegExpExecArray, ctx: RuleContext): Norm | null;
}

/**
 * What every match of a rule contains: one whole word (a maximal run of letters
 * and digits, compared in lower case) from `words`, or with `digits` any word
 * holding a digit, preceded inside the match by at most `before` other words.
 * The scanner (scan.ts) tries the rule's regex only at those words, so a trigger
 * must never be narrower than its regex; test/times/scan.test.ts checks that.
 */
export interface Trigger {
  words?: readonly string[];
  digits?: boolean;
  before: number;
}

/** The words, and each glued to a modifier that the regex lets touch it ("midsummer", "lastMay"). */
const glued = (prefixes: readonly string[], words: readonly string[]) => [...words, ...prefixes.flatMap((p) => words.map((w) => p + w))];
const MONTH_WORDS = Object.keys(MONTHS);
const WEEKDAY_WORDS = Object.keys(WEEKDAYS);
/** Month names, alone or glued to a modifier before them ("midOctober", "the end ofOctober"). */
const MONTH_TRIGGERS = glued(['last', 'next', 'this', 'early', 'late', 'mid', 'end', 'of'], MONTH_WORDS);

// Word boundaries that also hold next to punctuation and non-ASCII letters.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const rx = (src: string) => new RegExp(`${B}(?:${src})${E}`, 'gu');

const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '(?:1[5-9]\\d\\d|20\\d\\d)';
const DASH = '\\s*(?:-|–|—|to|and|through)\\s*';

const dayNum = (s: string) => parseInt(s, 10);

// Normalised periods repeat (a text names the same year or day again and again): memoise them.
const periodMemo = new Map<string, Norm>();
export function fromPeriod(p: Period, type: TimeType = 'DATE'): Norm {
  const key = `${type}|${p.gran}|${p.y}|${p.n ?? ''}|${p.d ?? ''}`;
  const hit = periodMemo.get(key);
  if (hit) return hit;
  const { start, end } = periodDates(p);
  const norm: Norm = Object.freeze({ type, value: periodValue(p), from: start, to: end });
  if (periodMemo.size > 5000) periodMemo.clear();
  periodMemo.set(key, norm);
  return norm;
}
const unresolved = (value: string, type: TimeType = 'DATE'): Norm => ({ type, value, from: null, to: null });

/** Days before a holiday in which it is the coming one, whatever the tense ("the Christmas rush was"). */
const HOLIDAY_SEASON_DAYS = 21;

/** Holidays on a fixed day: [month, day]. */
const FIXED_HOLIDAYS: Record<string, [number, number]> = {
  'Christmas Eve': [12, 24], 'Christmas Day': [12, 25], Christmas: [12, 25], "New Year's Eve": [12, 31], "New Year's Day": [1, 1],
  'Boxing Day': [12, 26], Halloween: [10, 31], "Valentine's Day": [2, 14], 'Independence Day': [7, 4],
};
/** Calendar date of a holiday in a year (Western Easter by the anonymous Gregorian computus; US Thanksgiving). */
function holidayDate(name: string, y: number): Date {
  const f = FIXED_HOLIDAYS[name];
  if (f) return utc(y, f[0], f[1]);
  if (name.startsWith('Thanksgiving')) {
    const nov1 = utc(y, 11, 1);
    return addDays(nov1, ((4 - isoWeekday(nov1) + 7) % 7) + 21);
  }
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const g = Math.floor((8 * b + 13) / 25), h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, mm = Math.floor((a + 11 * h + 19 * l) / 433);
  const month = Math.floor((h + l - 7 * mm + 90) / 25), day = (h + l - 7 * mm + 33 * month + 19) % 32;
  const easter = utc(y, month, day);
  return name === 'Good Friday' ? addDays(easter, -2) : name === 'Easter Monday' ? addDays(easter, 1) : easter;
}

/** Year for a month/day without one: the publication year, moved by a year when the tense points across it. */
function yearFor(ctx: RuleContext, month: number, day: number, start: number, end: number): number | null {
  if (!ctx.anchor) return null;
  const y = ctx.anchor.getUTCFullYear();
  const candidate = utc(y, month, day);
  const diffDays = (candidate.getTime() - ctx.anchor.getTime()) / 86_400_000;
  // Only far-away readings flip: "18 September" in an October article is this year's, whatever the tense.
  if (diffDays > 120 && ctx.tense(start, end) === 'past') return y - 1;
  // A future clause's month more than three months past is next year's ("will join in April" in December);
  // a future word elsewhere in the sentence is weaker evidence, trusted only far away.
  if (diffDays < -90 && ctx.tense(start, end) === 'future') return y + 1;
  if (diffDays < -240 && ctx.futureInSentence(start)) return y + 1;
  // A clause with no tense marker ("The law comes into force on 1 January" in a December article): the nearest reading.
  if (diffDays < -300 && ctx.markedTense(start, end) === null) return y + 1;
  return y;
}

function dayNorm(y: number | null, m: number, d: number): Norm | null {
  if (d < 1 || d > 31) return null;
  if (y === null) return unresolved(`XXXX-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const date = utc(y, m, d);
  if (date.getUTCMonth() + 1 !== m) return null;
  return fromPeriod(dayPeriod(date));
}

/** A month name and day, with the year given or inferred from the anchor and tense ("14 October", "Oct. 14, 2024"). */
function monthDayNorm(m: RegExpExecArray, ctx: RuleContext, month: string, day: string, year: string | undefined): Norm | null {
  const mo = monthNumber(month)!;
  const d = dayNum(day);
  const y = year ? +year : yearFor(ctx, mo, d, m.index, m.index + m[0].length);
  return dayNorm(y, mo, d);
}

function rangeNorm(y: number | null, m: number, d1: number, d2: number, m2 = m): Norm | null {
  const a = dayNorm(y, m, d1);
  const b = dayNorm(y, m2, d2);
  if (!a || !b || (m2 === m && d2 <= d1)) return null;
  if (y === null) return unresolved(`${a.value}/${b.value}`);
  return { type: 'DATE', value: `${a.value}/${b.value}`, from: a.from, to: b.to };
}

/** Weekday relative to the anchor: the last one for past clauses, the next one for future ones. */
function weekdayDate(ctx: RuleContext, wd: number, mod: string | null, start: number, end: number): Date | null {
  if (!ctx.anchor) return null;
  const a = isoWeekday(ctx.anchor);
  const m = mod?.toLowerCase() ?? null;
  if (m === 'this') return addDays(ctx.anchor, wd - a);
  const tense = m === 'last' || m === 'past' ? 'past' : m === 'next' || m === 'coming' ? 'future' : ctx.weekdayTense(start, end);
  if (tense === 'past') {
    const back = (a - wd + 7) % 7 || (m ? 7 : 0);
    return addDays(ctx.anchor, -back);
  }
  // A present speaks of today or the coming day ("Ireland face the Faroe Islands on Wednesday", read on a Wednesday).
  const fwd = (wd - a + 7) % 7 || (tense === 'present' ? 0 : 7);
  return addDays(ctx.anchor, fwd);
}

function durationValue(n: number | null, unit: string): string | null {
  const u = UNIT_CODE[unit];
  if (!u) return null;
  let code = u.code;
  let k: number | null = n === null ? null : n * u.factor;
  if (code === 'DE') {
    if (k === null) return 'PXDE';
    code = 'Y';
    k *= 10;
  }
  if (code === 'CE') {
    if (k === null) return 'PXCE';
    code = 'Y';
    k *= 100;
  }
  if (code === 'Q') {
    if (k === null) return 'PXQ';
    code = 'M';
    k *= 3;
  }
  // A fraction goes to the next smaller unit, as TimeML writes it: "5 1/2 hours" PT5H30M, "2 1/2 years" P2Y6M.
  const smaller = k !== null && !Number.isInteger(k) ? FRACTION_UNIT[`${u.time ? 'T' : ''}${code}`] : undefined;
  if (smaller && k !== null && Number.isInteger((k % 1) * smaller.per)) {
    const whole = Math.floor(k);
    return `P${u.time || smaller.time ? 'T' : ''}${whole > 0 ? `${whole}${code}` : ''}${(k % 1) * smaller.per}${smaller.code}`;
  }
  const num = k === null ? 'X' : String(k);
  return `P${u.time ? 'T' : ''}${num}${code}`;
}
/** The next smaller unit of a duration unit code (T: a time unit), and how many of it make one. */
const FRACTION_UNIT: Record<string, { code: string; per: number; time: boolean }> = {
  TH: { code: 'M', per: 60, time: true },
  TM: { code: 'S', per: 60, time: true },
  Y: { code: 'M', per: 12, time: false },
  W: { code: 'D', per: 7, time: false },
};

function shiftFromAnchor(ctx: RuleContext, gran: Granularity, k: number): Norm | null {
  if (!ctx.anchor) return null;
  return fromPeriod(shiftPeriod(periodOf(ctx.anchor, gran), k));
}

const REL_UNITS = '(?:week|weekend|month|year|quarter|decade|century)';
const SEASON = '(?:spring|summer|fall|autumn|winter)';
const SEASON_C = alt(['spring', 'summer', 'fall', 'autumn', 'winter']);

/** Granularity and index of a relative head ("week", "summer"). */
function relHead(word: string): { gran: Granularity; season?: number } | null {
  const w = word.toLowerCase();
  if (w in SEASONS) return { gran: 'season', season: SEASONS[w]! };
  const u = UNIT_CODE[w];
  return u?.gran ? { gran: u.gran } : null;
}

/** "last/this/next/past/coming/previous/current" + head, relative to the anchor. */
function relativeNorm(ctx: RuleContext, modifier: string, head: string, start: number, end: number): Norm | null {
  const h = relHead(head);
  if (!h) return null;
  const mod = modifier.toLowerCase();
  const k = mod === 'last' || mod === 'past' || mod === 'previous' ? -1 : mod === 'next' || mod === 'coming' ? 1 : 0;
  if (!ctx.anchor) {
    const ref = k < 0 ? 'PAST_REF' : k > 0 ? 'FUTURE_REF' : 'PRESENT_REF';
    const x: Record<string, string> = { week: 'XXXX-WXX', weekend: 'XXXX-WXX-WE', month: 'XXXX-XX', year: 'XXXX', quarter: 'XXXX-QX' };
    return unresolved(x[h.gran] ?? ref);
  }
  if (h.gran === 'season') {
    const cur = periodOf(ctx.anchor, 'season');
    let p: Period = { gran: 'season', y: cur.y, n: h.season! };
    // "last summer": the most recent summer that has ended; "next summer": the first one to come.
    if (k < 0 && (p.y > cur.y || (p.y === cur.y && p.n! >= cur.n!))) p = shiftPeriod(p, -4);
    if (k > 0 && (p.y < cur.y || (p.y === cur.y && p.n! <= cur.n!))) p = shiftPeriod(p, 4);
    if (k === 0 && ctx.tense(start, end) === 'past' && p.n! > cur.n!) p = shiftPeriod(p, -4);
    return fromPeriod(p);
  }
  if (h.gran === 'weekend' && k < 0) {
    // "last weekend" read on a Monday is the one that just ended.
    return fromPeriod(mostRecentWeekend(ctx.anchor));
  }
  const plain = shiftFromAnchor(ctx, h.gran, k);
  // "the previous quarter" is the one before the quarter the text is about ("profits in the three months
  // to December were up on the previous quarter": July–September), not before publication; "last quarter" is deictic.
  if (mod === 'previous' && h.gran === 'quarter' && plain) return { ...plain, discourse: (q) => (q ? fromPeriod(shiftPeriod(q, -1)) : plain) };
  return plain;
}

function mostRecentWeekend(anchor: Date): Period {
  const wd = isoWeekday(anchor);
  const sat = wd >= 6 ? addDays(anchor, 6 - wd) : addDays(anchor, -(wd + 1));
  return { ...periodOf(sat, 'week'), gran: 'weekend' };
}

function nextWeekend(anchor: Date): Period {
  const wd = isoWeekday(anchor);
  const sat = addDays(anchor, 6 - wd);
  return { ...periodOf(sat, 'week'), gran: 'weekend' };
}

function partOfDay(base: Norm, part: string | undefined): Norm {
  const code = part ? PART_OF_DAY[part.toLowerCase()] : undefined;
  if (!code) return base;
  return { ...base, type: 'TIME', value: `${base.value}T${code}` };
}

function clockValue(h: number, min: number, ampm: string | undefined): string | null {
  let hour = h;
  const ap = ampm?.toLowerCase().replace(/\./g, '');
  if (ap === 'pm' && hour < 12) hour += 12;
  if (ap === 'am' && hour === 12) hour = 0;
  if (hour > 23 || min > 59) return null;
  return `T${String(hour).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** Day a time of day belongs to: the named weekday/relative day, else the anchor. */
function dayFor(ctx: RuleContext, word: string | undefined, start: number, end: number): Norm | null {
  if (!word) return ctx.anchor ? fromPeriod(dayPeriod(ctx.anchor)) : unresolved('XXXX-XX-XX');
  const w = word.toLowerCase();
  const wd = weekdayNumber(w);
  if (wd) {
    const d = weekdayDate(ctx, wd, null, start, end);
    return d ? fromPeriod(dayPeriod(d)) : unresolved(`XXXX-WXX-${wd}`);
  }
  const off = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
  if (!ctx.anchor) return unresolved(off < 0 ? 'PAST_REF' : off > 0 ? 'FUTURE_REF' : 'PRESENT_REF');
  return fromPeriod(dayPeriod(addDays(ctx.anchor, off)));
}

const REF_WORDS: Record<string, string> = {
  now: 'PRESENT_REF', currently: 'PRESENT_REF', current: 'PRESENT_REF', nowadays: 'PRESENT_REF', presently: 'PRESENT_REF',
  'at present': 'PRESENT_REF', 'the present': 'PRESENT_REF', recently: 'PAST_REF', lately: 'PAST_REF',
  'the past': 'PAST_REF', 'the future': 'FUTURE_REF', 'the near future': 'FUTURE_REF', 'the near term': 'FUTURE_REF',
  'these days': 'PRESENT_REF', 'the short term': 'FUTURE_REF',
};

const TIMEZONE = '(?:\\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|PT|local time))?';
const AMPM = '(?:a\\.m\\.?|p\\.m\\.?|am|pm|AM|PM|A\\.M\\.|P\\.M\\.)';
const DAYWORD = `(?:${WEEKDAY}|${alt(['yesterday', 'today', 'tomorrow'])})`;
const EDGE = `(?:${alt(['early', 'late', 'mid', 'the end of', 'the beginning of', 'the start of', 'the middle of', 'end of', 'end-', 'mid-'])}[- ]?\\s*)`;

const PARTS_OF_DAY = Object.keys(PART_OF_DAY);
const BARE_UNITS = ['days', 'weeks', 'months', 'years', 'decades', 'hours', 'minutes', 'centuries'];
const RELATIVE = ['last', 'next', 'this', 'past', 'coming', 'previous', 'current'];
const EARLIER_LATER = ['earlier', 'later'];
const EVERY = ['every', 'each'];
const NOON = ['noon', 'midnight', 'midday'];
const FREQUENCY_WORDS = ['annually', 'yearly', 'quarterly', 'monthly', 'weekly', 'daily', 'hourly', 'nightly', 'biannually'];

/** The rules, tried independently; overlaps are settled by the tagger (longest wins). */
export const RULES: Rule[] = [
  {
    name: 'iso-date',
    trigger: { digits: true, before: 0 },
    re: rx(`(\\d{4})-(\\d{2})-(\\d{2})`),
    norm: (m) => dayNorm(+m[1]!, +m[2]!, +m[3]!),
  },
  {
    name: 'numeric-date',
    trigger: { digits: true, before: 0 },
    re: rx(`(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})`),
    norm: (m) => {
      let y = +m[3]!;
      if (y < 100) y += y > 40 ? 1900 : 2000;
      // US order (month first) unless the first number cannot be a month.
      const [a, b] = [+m[1]!, +m[2]!];
      return a > 12 ? dayNorm(y, b, a) : dayNorm(y, a, b);
    },
  },
  {
    name: 'day-range-month',
    // "22nd to 24th of October": the month, after the two days, the dash word and "of"
    trigger: { words: MONTH_WORDS, before: 4 },
    re: rx(`(${DAY})${DASH}(${DAY})\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(${YEAR}))?`),
    norm: (m, ctx) => {
      const mo = monthNumber(m[3]!)!;
      const d1 = dayNum(m[1]!);
      const y = m[4] ? +m[4] : yearFor(ctx, mo, d1, m.index, m.index + m[0].length);
      return rangeNorm(y, mo, d1, dayNum(m[2]!));
    },
  },
  {
    name: 'month-day-range',
    trigger: { words: MONTH_WORDS, before: 0 },
    re: rx(`(${MONTH})\\s+(${DAY})${DASH}(?:(${MONTH})\\s+)?(${DAY})(?:,?\\s+(${YEAR}))?`),
    norm: (m, ctx) => {
      const mo = monthNumber(m[1]!)!;
      const mo2 = m[3] ? monthNumber(m[3])! : mo;
      const d1 = dayNum(m[2]!);
      const y = m[5] ? +m[5] : yearFor(ctx, mo, d1, m.index, m.index + m[0].length);
      return rangeNorm(y, mo, d1, dayNum(m[4]!), mo2);
    },
  },
  {
    name: 'day-month',
    // "Monday, the 22nd of October"
    trigger: { words: MONTH_WORDS, before: 4 },
    re: rx(`(?:(${WEEKDAY}),?\\s+)?(?:the\\s+)?(${DAY})\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+(${YEAR}))?`),
    norm: (m, ctx) => monthDayNorm(m, ctx, m[3]!, m[2]!, m[4]),
  },
  {
    name: 'month-day',
    // "Monday, October 22"
    trigger: { words: MONTH_WORDS, before: 1 },
    re: new RegExp(`${B}(?:(${WEEKDAY}),?\\s+)?(${MONTH})\\s+(${DAY})(?:,?\\s+(${YEAR}))?(?![\\p{L}\\p{N}%]|,\\d|\\.\\d)`, 'gu'),
    norm: (m, ctx) => monthDayNorm(m, ctx, m[2]!, m[3]!, m[4]),
  },
  {
    name: 'month-year',
    // "the beginning of October, of 2024": the month, glued to an edge word or after up to three words
    trigger: { words: MONTH_TRIGGERS, before: 3 },
    re: rx(`${EDGE}?(${MONTH}),?\\s+(?:of\\s+)?(${YEAR})`),
    norm: (m) => fromPeriod({ gran: 'month', y: +m[2]!, n: monthNumber(m[1]!)! }),
  },
  {
    name: 'month-relative-year',
    // "June last year", "January of this year": the month of the year before, of or after publication
    trigger: { words: MONTH_WORDS, before: 0 },
    re: rx(`(${MONTH})(?:\\s+of)?\\s+(${alt(['last', 'this', 'next'])})\\s+year`),
    norm: (m, ctx) => {
      const mo = monthNumber(m[1]!)!;
      const shift = { last: -1, this: 0, next: 1 }[m[2]!.toLowerCase() as 'last' | 'this' | 'next'];
      if (!ctx.anchor) return unresolved(`XXXX-${String(mo).padStart(2, '0')}`);
      return fromPeriod({ gran: 'month', y: ctx.anchor.getUTCFullYear() + shift, n: mo });
    },
  },
  {
    name: 'month',
    // "the beginning of October", "midOctober"
    trigger: { words: MONTH_TRIGGERS, before: 3 },
    re: rx(`(${alt(['last', 'next', 'this', 'early', 'late', 'mid', 'mid-', 'the end of', 'the beginning of', 'the start of', 'the middle of', 'end of', 'end-'])}[- ]?\\s*)?(${MONTH})`),
    norm: (m, ctx) => {
      const word = m[2]!;
      const mod = m[1]?.trim().toLowerCase() ?? '';
      // Abbreviations and the ambiguous "May"/"March" need a cue before them.
      const ambiguous = /^(?:May|March|MAY|MARCH)$/.test(word) || /^[A-Z][a-z]{2,3}\.?$/.test(word);
      if (ambiguous && !mod && !/(?:^|\s)(?:in|since|until|till|by|of|during|from|to|before|after|through|early|late|mid|last|next|this|between)\s+$/i.test(ctx.before(m.index, 16))) {
        return null;
      }
      const mo = monthNumber(word)!;
      if (!ctx.anchor) return unresolved(`XXXX-${String(mo).padStart(2, '0')}`);
      const cur = periodOf(ctx.anchor, 'month');
      let y = cur.y;
      if (mod === 'last') y = mo >= cur.n! ? y - 1 : y;
      else if (mod === 'next') y = mo <= cur.n! ? y + 1 : y;
      else if (mod !== 'this') y = yearFor(ctx, mo, 15, m.index, m.index + m[0].length) ?? y;
      return fromPeriod({ gran: 'month', y, n: mo });
    },
  },
  {
    name: 'year',
    // "the beginning of 2024"; a glued "mid2024" holds a digit too
    trigger: { digits: true, before: 3 },
    re: new RegExp(
      `(?<![\\p{L}\\p{N}$£€.,:/#-])(${alt(['fiscal', 'calendar', 'early', 'late', 'mid', 'mid-', 'the end of', 'the beginning of', 'end-', 'the year'])}[- ]?\\s*)?(${YEAR})(?![\\p{L}\\p{N}%]|,\\d|\\.\\d|-\\d|\\s*(?:%|per\\s?cent|percent|people|persons|troops|km|miles|meters|metres|tons|tonnes|feet|dollars|euros))`,
      'gu',
    ),
    norm: (m) => fromPeriod({ gran: 'year', y: +m[2]! }),
  },
  {
    name: 'spelled-year',
    // "the winter of two thousand"
    trigger: { words: ['nineteen', 'twenty', 'thousand'], before: 4 },
    re: rx(
      `(?:(?:${ci('the')}\\s+year\\s+)|(?:${alt(['the winter of', 'the summer of', 'the spring of', 'the fall of', 'the autumn of'])}\\s+))?(?:(nineteen|twenty)[- ](${[...UNITS_WORDS.slice(10), ...TENS_WORDS].join('|')})(?:[- ](${UNITS_WORDS.slice(1, 10).join('|')}))?|two\\s+thousand(?:\\s+and)?(?:[- ](${UNITS_WORDS.slice(1, 11).join('|')}))?)`,
    ),
    norm: (m) => {
      const season = /^(?:[Tt]he)\s+(winter|summer|spring|fall|autumn)/.exec(m[0])?.[1];
      let y: number | null;
      if (m[1]) y = (m[1].toLowerCase() === 'nineteen' ? 1900 : 2000) + (parseNumber(`${m[2]}${m[3] ? `-${m[3]}` : ''}`) ?? 0);
      else y = 2000 + (m[4] ? parseNumber(m[4]) ?? 0 : 0);
      if (!y) return null;
      if (!/^(?:[Tt]he)\s/.test(m[0]) && !m[3] && m[1] && ['ten', 'eleven', 'twelve'].includes(m[2]!)) return null; // "nineteen ten" alone is too rare to trust
      return season ? fromPeriod({ gran: 'season', y, n: SEASONS[season.toLowerCase()]! }) : fromPeriod({ gran: 'year', y });
    },
  },
  {
    name: 'holiday',
    // "last New Year's Eve": the first word of each holiday
    trigger: { words: [...new Set(HOLIDAYS.map((h) => h.split(/[ ']/)[0]!.toLowerCase()))], before: 1 },
    re: rx(
      `(?:(${alt(['last', 'next', 'this'])})\\s+)?(${HOLIDAYS.map((h) => h.replace("'", "['’]")).join('|')})(?:\\s+(${YEAR}))?`,
    ),
    norm: (m, ctx) => {
      const name = m[2]!.replace(/’/g, "'");
      const dateIn = (y: number): Date => holidayDate(name, y);
      const mod = m[1]?.toLowerCase();
      let y: number;
      if (m[3]) y = +m[3];
      else if (!ctx.anchor) return unresolved(`XXXX-${holidayDate(name, 2001).toISOString().slice(5, 10)}`);
      else {
        y = ctx.anchor.getUTCFullYear();
        const d = dateIn(y);
        if (mod === 'last') y = d < ctx.anchor ? y : y - 1;
        else if (mod === 'next') y = d > ctx.anchor ? y : y + 1;
        // Past tense moves a holiday still ahead to last year's, unless it is near: "used his Christmas message"
        // three days before Christmas is this year's (messages, parties and shopping come before the day).
        else if (mod !== 'this' && (d.getTime() - ctx.anchor.getTime()) / 86_400_000 > HOLIDAY_SEASON_DAYS && ctx.tense(m.index, m.index + m[0].length) === 'past') y -= 1;
        else if (mod !== 'this' && d < ctx.anchor && (d.getTime() - ctx.anchor.getTime()) / 86_400_000 < -240 && ctx.tense(m.index, m.index + m[0].length) === 'future') y += 1;
      }
      return fromPeriod(dayPeriod(dateIn(y)));
    },
  },
  {
    name: 'year-ended',
    // "the fiscal year"
    trigger: { words: ['year', 'quarter', 'half'], before: 2 },
    // "for the year ended Sept. 30": the span of a fiscal period (its end date is a separate expression).
    re: new RegExp(`${B}${ci('the')}\\s+(?:fiscal\\s+)?(year|quarter|half)(?=\\s+(?:ended|ending|to)\\b)`, 'gu'),
    norm: (m) => ({ type: 'DURATION', value: m[1] === 'year' ? 'P1Y' : m[1] === 'quarter' ? 'P3M' : 'P6M', from: null, to: null }),
  },
  {
    name: 'whole-year',
    trigger: { words: ['full', 'entire', 'whole'], before: 1 },
    re: rx(`${ci('the')}\\s+(?:full|entire|whole)\\s+year`),
    norm: (m, ctx) => {
      if (!ctx.anchor) return unresolved('XXXX');
      // Early in a year, a whole year spoken of in the past is the one just ended.
      const back = ctx.anchor.getUTCMonth() < 3 && ctx.tense(m.index, m.index + m[0].length) === 'past';
      return fromPeriod({ gran: 'year', y: ctx.anchor.getUTCFullYear() - (back ? 1 : 0) });
    },
  },
  {
    name: 'decade',
    // "the early 1990s"; "'90s" starts at its apostrophe, which the scanner tries too
    trigger: { digits: true, before: 2 },
    re: rx(`(?:${ci('the')}\\s+)?(?:${alt(['early', 'late', 'mid'])}[- ]?\\s*)?(?:(1[5-9]\\d0|20\\d0)|['’](\\d0))['’]?s`),
    norm: (m) => {
      const y = m[1] ? +m[1] : +m[2]! >= 30 ? 1900 + +m[2]! : 2000 + +m[2]!;
      return fromPeriod({ gran: 'decade', y });
    },
  },
  {
    name: 'century',
    // "the early twenty-first century"
    trigger: { words: ['century'], before: 4 },
    re: rx(`(?:${ci('the')}\\s+)?(?:${alt(['early', 'late', 'mid'])}[- ]?\\s*)?(\\d{1,2}(?:st|nd|rd|th)|${alt(Object.keys(ORDINALS).filter((k) => !/\d/.test(k)))})[- ]century`),
    norm: (m) => {
      const o = /^\d/.test(m[1]!) ? parseInt(m[1]!, 10) : ORDINALS[m[1]!.toLowerCase()];
      return o ? fromPeriod({ gran: 'century', y: (o - 1) * 100 }) : null;
    },
  },
  {
    name: 'quarter',
    // "last year's 2024 fiscal first quarter"
    trigger: { words: ['quarter', 'half'], before: 6 },
    re: rx(
      `(?:${alt(['the', 'its', 'their', 'this', 'last', "this year's", "last year's", "next year's", 'the year-earlier', 'the year-ago', 'year-earlier', 'year-ago'])}\\s+)?(?:(${YEAR})\\s+)?(?:${alt(['fiscal', 'calendar'])}\\s+)?(${alt(['first', 'second', 'third', 'fourth', 'final', '1st', '2nd', '3rd', '4th'])})[- ](quarter|half)(?:\\s+of\\s+(?:fiscal\\s+)?(?:(${YEAR})|(${alt(['last year', 'this year', 'next year', 'the year', 'the previous year'])})))?`,
    ),
    norm: (m, ctx) => {
      const gran: Granularity = m[3] === 'half' ? 'half' : 'quarter';
      const n = m[2]!.toLowerCase() === 'final' ? (gran === 'half' ? 2 : 4) : ORDINALS[m[2]!.toLowerCase()]!;
      const ofRel = m[5]?.toLowerCase().replace(/\s+/g, ' ');
      if (gran === 'half' && n > 2) return null;
      const explicit = m[1] ?? m[4];
      const lead = m[0].toLowerCase();
      if (explicit) return fromPeriod({ gran, y: +explicit, n });
      if (!ctx.anchor) return unresolved(gran === 'quarter' ? `XXXX-Q${n}` : `XXXX-H${n}`);
      let y = ctx.anchor.getUTCFullYear();
      if (ofRel) return fromPeriod({ gran, y: y + (/^(?:last|the previous)/.test(ofRel) ? -1 : ofRel.startsWith('next') ? 1 : 0), n });
      if (/^(?:last|the year-|year-)/.test(lead)) y -= 1;
      else if (lead.startsWith('next')) y += 1;
      else {
        // A quarter not yet begun is last year's when the clause looks back.
        const p: Period = { gran, y, n };
        const startsAfter = periodDates(p).start > isoDate(ctx.anchor);
        if (startsAfter && ctx.tense(m.index, m.index + m[0].length) === 'past') y -= 1;
      }
      return fromPeriod({ gran, y, n });
    },
  },
  {
    name: 'weekday',
    trigger: { words: WEEKDAY_WORDS, before: 1 },
    re: rx(`(?:(${alt(['last', 'next', 'this', 'coming', 'past'])})\\s+)?(${WEEKDAY})(?:\\s+(${alt(['morning', 'afternoon', 'evening', 'night'])}))?`),
    norm: (m, ctx) => {
      const wd = weekdayNumber(m[2]!)!;
      // "the Sunday Times", "The Sunday Telegraph", "the Monday Club": a capitalised weekday between "the" and a
      // capitalised word that is no month is part of a name, not a day.
      const next = /^\s+(\p{Lu}\p{L}*)/u.exec(ctx.after(m.index + m[0].length, 16));
      if (!m[1] && !m[3] && /^\p{Lu}/u.test(m[2]!) && next && !(next[1]!.toLowerCase() in MONTHS) && /(?:^|\s)the\s+$/i.test(ctx.before(m.index, 5))) return null;
      const d = weekdayDate(ctx, wd, m[1] ?? null, m.index, m.index + m[0].length);
      const base = d ? fromPeriod(dayPeriod(d)) : unresolved(`XXXX-WXX-${wd}`);
      return partOfDay(base, m[3]);
    },
  },
  {
    name: 'deictic-day',
    // "early the day before yesterday"
    trigger: { words: ['yesterday', 'today', 'tomorrow', 'tonight'], before: 4 },
    re: rx(`(?:(${alt(['early', 'late'])})\\s+)?(${alt(['yesterday', 'today', 'tomorrow', 'tonight', 'the day before yesterday', 'the day after tomorrow'])})(?:\\s+(${alt(['morning', 'afternoon', 'evening', 'night'])}))?`),
    norm: (m, ctx) => {
      const w = m[2]!.toLowerCase().replace(/\s+/g, ' ');
      const off: Record<string, number> = { yesterday: -1, today: 0, tomorrow: 1, tonight: 0, 'the day before yesterday': -2, 'the day after tomorrow': 2 };
      const k = off[w]!;
      const part = w === 'tonight' ? 'night' : m[3];
      if (!ctx.anchor) {
        const ref = k < 0 ? 'PAST_REF' : k > 0 ? 'FUTURE_REF' : 'PRESENT_REF';
        return unresolved(ref, part ? 'TIME' : 'DATE');
      }
      return partOfDay(fromPeriod(dayPeriod(addDays(ctx.anchor, k))), part);
    },
  },
  {
    name: 'this-part-of-day',
    trigger: { words: ['morning', 'afternoon', 'evening'], before: 1 },
    re: rx(`${ci('this')}\\s+(morning|afternoon|evening)`),
    norm: (m, ctx) => (ctx.anchor ? partOfDay(fromPeriod(dayPeriod(ctx.anchor)), m[1]) : unresolved(`PRESENT_REF`, 'TIME')),
  },
  {
    name: 'clock',
    // "10.30am" starts with its digits; "1500 GMT", "1700 local time" (no colon) only with a time zone
    // ("1500 hours" may be a duration)
    trigger: { digits: true, words: NOON, before: 0 },
    re: new RegExp(
      `${B}(?:(\\d{1,2})(?:[:.](\\d{2}))?\\s*(${AMPM})|(\\d{1,2})(?::(?=\\d{2}\\s*(?:GMT|UTC|EST|EDT|BST|CET|ET|local time|hours|h\\b))|(?=\\d{2}\\s*(?:GMT|UTC|EST|EDT|BST|CET|ET|local time)\\b))(\\d{2})|(${alt(NOON)}))${TIMEZONE}(?:\\s+(?:on\\s+)?(${DAYWORD}))?(?![\\p{L}\\p{N}])`,
      'gu',
    ),
    norm: (m, ctx) => {
      let t: string | null;
      if (m[6]) t = /^mid(?:day|$)|^noon/i.test(m[6]) && !/night/i.test(m[6]) ? 'T12:00' : 'T24:00';
      else if (m[4]) t = clockValue(+m[4], +m[5]!, undefined);
      else t = clockValue(+m[1]!, m[2] ? +m[2] : 0, m[3]);
      if (!t) return null;
      const day = dayFor(ctx, m[7], m.index, m.index + m[0].length);
      if (!day) return null;
      const v = /_REF$/.test(day.value) ? `XXXX-XX-XX${t}` : `${day.value}${t}`;
      return { type: 'TIME', value: v, from: day.from, to: day.to };
    },
  },
  {
    name: 'part-of-day-weekday',
    trigger: { words: PARTS_OF_DAY, before: 0 },
    re: rx(`(${alt(PARTS_OF_DAY)})\\s+(?:of\\s+)?(${WEEKDAY}|${alt(['yesterday', 'today', 'tomorrow'])})`),
    norm: (m, ctx) => {
      const day = dayFor(ctx, m[2], m.index, m.index + m[0].length);
      return day ? partOfDay(day, m[1]) : null;
    },
  },
  {
    name: 'relative-unit',
    // "the remainder of the last week"
    trigger: { words: RELATIVE, before: 4 },
    re: rx(
      `(?:(${alt(['early', 'late', 'earlier', 'later', 'the end of', 'the beginning of', 'the start of', 'the middle of', 'end of', 'the rest of', 'the remainder of'])})\\s+)?(?:${ci('the')}\\s+)?(${alt(RELATIVE)})\\s+(${REL_UNITS}|${SEASON})`,
    ),
    norm: (m, ctx) => relativeNorm(ctx, m[2]!, m[3]!, m.index, m.index + m[0].length),
  },
  {
    name: 'earlier-in-the-unit',
    trigger: { words: EARLIER_LATER, before: 0 },
    re: rx(`(${alt(EARLIER_LATER)})\\s+in\\s+the\\s+(week|month|year)`),
    norm: (m, ctx) => {
      const unit = m[2]!;
      if (!ctx.anchor) return unresolved(unit === 'week' ? 'XXXX-WXX' : unit === 'month' ? 'XXXX-XX' : 'XXXX');
      const gran = unit as Granularity;
      let p = periodOf(ctx.anchor, gran);
      // Nothing of the week is "earlier" on its first day: the text means the week just past.
      const first = periodDates(p).start === isoDate(ctx.anchor);
      if (m[1]!.toLowerCase() === 'earlier' && first) p = shiftPeriod(p, -1);
      return fromPeriod(p);
    },
  },
  {
    name: 'weekend',
    trigger: { words: ['weekend'], before: 1 },
    re: rx(`(?:${ci('the')}\\s+)?weekend`),
    norm: (m, ctx) => {
      if (/\b(?:a|every|each|per|one)\s+$/i.test(ctx.before(m.index, 8))) return null;
      if (!ctx.anchor) return unresolved('XXXX-WXX-WE');
      const future = ctx.tense(m.index, m.index + m[0].length) === 'future';
      return fromPeriod(future ? nextWeekend(ctx.anchor) : mostRecentWeekend(ctx.anchor));
    },
  },
  {
    name: 'season',
    // "early the summer", "midsummer"
    trigger: { words: glued(['early', 'late', 'mid'], Object.keys(SEASONS)), before: 2 },
    re: rx(`(?:(${alt(['early', 'late', 'mid'])})[- ]?\\s*)?(?:${ci('the')}\\s+)?(${SEASON_C})(?:\\s+(?:of\\s+)?(${YEAR}))?`),
    norm: (m, ctx) => {
      const n = SEASONS[m[2]!.toLowerCase()]!;
      if (m[3]) return fromPeriod({ gran: 'season', y: +m[3], n });
      // A bare season word needs "the" or a cue ("in spring"); otherwise it is too often a name.
      if (!/^(?:[Tt]he|early|late|mid)/.test(m[0]) && !/(?:^|\s)(?:in|this|last|next|during|by|until|since)\s+$/i.test(ctx.before(m.index, 10))) return null;
      if (!ctx.anchor) return unresolved(`XXXX-${['SP', 'SU', 'FA', 'WI'][n]}`);
      return relativeNorm(ctx, 'this', m[2]!, m.index, m.index + m[0].length);
    },
  },
  {
    name: 'ago',
    // "more than a couple of days ago"
    trigger: { words: UNIT_WORDS, before: 5 },
    re: rx(`(?:${alt(['nearly', 'almost', 'about', 'around', 'some', 'more than', 'less than', 'over', 'just', 'only', 'roughly', 'exactly'])}\\s+)?(${NUM})[- ]+(${UNIT})\\s+(${alt(['ago', 'earlier', 'before', 'later', 'from now', 'hence', 'since'])})`),
    norm: (m, ctx) => {
      const unit = unitOf(m[2]!);
      const u = UNIT_CODE[unit];
      const dir = m[3]!.toLowerCase();
      if (dir === 'since') return null;
      const n = parseNumber(m[1]!);
      if (!u) return null;
      const sign = dir === 'ago' || dir === 'earlier' || dir === 'before' ? -1 : 1;
      if (u.time) {
        return { type: 'TIME', value: ctx.anchor && n !== null ? `${isoDate(ctx.anchor)}` : sign < 0 ? 'PAST_REF' : 'FUTURE_REF', from: ctx.anchor ? isoDate(ctx.anchor) : null, to: ctx.anchor ? isoDate(ctx.anchor) : null };
      }
      if (!ctx.anchor || n === null || !u.gran || !Number.isInteger(n * u.factor)) return unresolved(sign < 0 ? 'PAST_REF' : 'FUTURE_REF');
      const plain = shiftFromAnchor(ctx, u.gran, sign * n * u.factor);
      // "a year ago" in a report about a quarter means that quarter a year before.
      if (u.gran === 'year' && n === 1 && plain) {
        return { ...plain, discourse: (q) => (q ? fromPeriod(shiftPeriod(q, 4 * sign)) : plain) };
      }
      return plain;
    },
  },
  {
    name: 'duration',
    // "the more than a couple of days"
    trigger: { words: UNIT_WORDS, before: 6 },
    re: rx(
      `(?:${alt(['the', 'a', 'an', 'another', 'its', 'their'])}\\s+)?(?:${alt(['past', 'last', 'next', 'first', 'previous', 'coming', 'following', 'latest', 'final', 'initial', 'remaining', 'other', 'full', 'entire', 'whole', 'further', 'additional', 'more than', 'less than', 'about', 'nearly', 'almost', 'around', 'some', 'over'])}\\s+)?(${NUM})[- ]+(${UNIT})(\\s+and\\s+a\\s+half)?(?:[- ](?:long|old))?`,
    ),
    norm: (m, ctx) => {
      const unit = unitOf(m[2]!);
      const before = ctx.before(m.index, 12);
      if (/(?:^|\s)(?:every|each)\s+$/i.test(before)) return null;
      const num = m[1]!.toLowerCase();
      // "one day" at a clause start is idiom ("one day, they will…"), but "for one day" is a duration.
      const whole = parseNumber(num);
      const n = whole !== null && m[3] ? whole + 0.5 : whole; // "a minute and a half"
      if (n !== null && n >= 1000) return null; // "the 1988 quarter" names a period, it is no duration
      const v = durationValue(n, unit);
      if (!v) return null;
      if (/^[- ]old\b/.test(ctx.after(m.index + m[0].length, 4)) || /old$/.test(m[0])) return null; // ages are not times
      // "a day" after a frequency ("twice a day", "$5 a year") is a set, not a duration.
      if ((num === 'a' || num === 'an' || num === 'per') && /(?:twice|once|times|\d|percent|%|dollars?|euros?|cents?)\s+$/i.test(before)) {
        return { type: 'SET', value: v, from: null, to: null };
      }
      return { type: 'DURATION', value: v, from: null, to: null };
    },
  },
  {
    name: 'bare-units',
    trigger: { words: BARE_UNITS, before: 1 },
    re: rx(`(?:(${alt(['recent', 'coming', 'past', 'next', 'last'])})\\s+)?(${BARE_UNITS.join('|')})`),
    norm: (m, ctx) => {
      const mod = m[1]?.toLowerCase();
      if (mod === 'recent') {
        // TimeBank reads "recent years" as the past, "recent months/weeks" as a vague span.
        const unit = unitOf(m[2]!);
        const v = unit === 'year' || unit === 'decade' || unit === 'century' ? null : durationValue(null, unit);
        return v ? { type: 'DURATION', value: v, from: null, to: null } : unresolved('PAST_REF');
      }
      if (!mod && !/(?:^|\s)(?:within|for|over|in|after|takes?|took|lasted|last)\s+$/i.test(ctx.before(m.index, 10))) return null;
      const v = durationValue(null, unitOf(m[2]!));
      return v ? { type: 'DURATION', value: v, from: null, to: null } : null;
    },
  },
  {
    name: 'set',
    trigger: { words: EVERY, before: 0 },
    re: rx(`(${alt(EVERY)})\\s+(?:(other)\\s+)?(?:(${NUM})\\s+)?(${UNIT}|${WEEKDAY}|${alt(['morning', 'afternoon', 'evening', 'night', 'weekend'])})`),
    norm: (m) => {
      const head = m[4]!;
      const wd = weekdayNumber(head);
      if (wd) return { type: 'SET', value: `XXXX-WXX-${wd}`, from: null, to: null };
      const part = PART_OF_DAY[head.toLowerCase()];
      if (part) return { type: 'SET', value: `XXXX-XX-XXT${part}`, from: null, to: null };
      if (head.toLowerCase() === 'weekend') return { type: 'SET', value: 'XXXX-WXX-WE', from: null, to: null };
      const n = m[3] ? parseNumber(m[3]) : m[2] ? 2 : 1;
      const v = durationValue(n, unitOf(head));
      return v ? { type: 'SET', value: v, from: null, to: null } : null;
    },
  },
  {
    name: 'frequency-adverb',
    trigger: { words: FREQUENCY_WORDS, before: 0 },
    re: rx(alt(FREQUENCY_WORDS)),
    norm: (m, ctx) => {
      const w = m[0].toLowerCase();
      // Only as adverbs: "paid annually", not "a weekly magazine" (an adjective before a noun).
      if (!/annually$/.test(w) && /^\s+[a-z]/.test(ctx.after(m.index + m[0].length, 2))) return null;
      const v: Record<string, string> = { annually: 'P1Y', yearly: 'P1Y', quarterly: 'P3M', monthly: 'P1M', weekly: 'P1W', daily: 'P1D', hourly: 'PT1H', nightly: 'P1D', biannually: 'P6M' };
      return { type: 'SET', value: v[w]!, from: null, to: null };
    },
  },
  {
    name: 'ref-word',
    // the last word of each phrase ("the near future")
    trigger: { words: Object.keys(REF_WORDS).map((w) => w.split(' ').at(-1)!), before: Math.max(...Object.keys(REF_WORDS).map((w) => w.split(' ').length)) - 1 },
    re: rx(alt(Object.keys(REF_WORDS))),
    norm: (m, ctx) => {
      const w = m[0].toLowerCase().replace(/\s+/g, ' ');
      // "now" as a discourse marker ("now that") and "current" before non-time nouns stay untagged.
      if (w === 'current' && !/^\s+(?:year|quarter|period|month|week|term|season|fiscal|session|administration|government|crisis|situation|level|levels|rate|rates|price|prices)\b/i.test(ctx.after(m.index + m[0].length, 14))) return null;
      return unresolved(REF_WORDS[w]!);
    },
  },
  {
    name: 'discourse-quarter',
    // "the year-earlier 2024 fiscal quarter"
    trigger: { words: ['quarter', 'period'], before: 5 },
    re: rx(
      `(?:${alt(['the', 'its', 'their', 'this', 'that'])}\\s+)?(?:(${alt(['latest', 'most recent', 'recent', 'same', 'comparable', 'just-ended', 'year-earlier', 'year-ago', 'year-before', 'corresponding'])})\\s+)?(?:(${YEAR})\\s+)?(?:${alt(['fiscal'])}\\s+)?(quarter|period)(?:\\s+(a year (?:ago|earlier)|last year))?`,
    ),
    norm: (m, ctx) => {
      const mod = m[1]?.toLowerCase() ?? '';
      const back = /year/.test(mod) || !!m[4];
      const year = m[2] ? +m[2] : null;
      if (m[3] === 'period' && !mod && !year) return null;
      if (!/^(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)\s/.test(m[0]) && !mod) return null;
      if (/(?:^|\s)(?:a|per|each|every)\s+$/i.test(ctx.before(m.index, 6))) return null;
      return {
        ...unresolved('XXXX-QX'),
        discourse: (q) => {
          const cur = q ?? (ctx.anchor ? shiftPeriod(periodOf(ctx.anchor, 'quarter'), -1) : null);
          if (!cur) return year ? fromPeriod({ gran: 'year', y: year }) : unresolved('XXXX-QX');
          if (year) return fromPeriod({ gran: 'quarter', y: year, n: cur.n });
          return fromPeriod(back ? shiftPeriod(cur, -4) : cur);
        },
      };
    },
  },
  {
    name: 'year-earlier',
    // "a year earlier"
    trigger: { words: ['earlier', 'ago'], before: 2 },
    re: rx(alt(['year-earlier', 'year-ago', 'year earlier', 'a year earlier'])),
    norm: (m, ctx) => {
      if (!ctx.anchor) return unresolved('PAST_REF');
      const plain = shiftFromAnchor(ctx, 'year', -1)!;
      return { ...plain, discourse: (q) => (q ? fromPeriod(shiftPeriod(q, -4)) : plain) };
    },
  },
];
