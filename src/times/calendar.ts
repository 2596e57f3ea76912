/**
 * Calendar arithmetic for TIMEX3 normalisation: a `Period` is a calendar unit
 * (a day, an ISO week, a weekend, a month, a quarter, a season, a year, a
 * decade…) that can be shifted, printed as a TIMEX3 value and turned into an
 * inclusive ISO date range. Everything is in UTC so the host time zone never
 * moves a date.
 */

export type Granularity =
  | 'day'
  | 'week'
  | 'weekend'
  | 'month'
  | 'quarter'
  | 'half'
  | 'season'
  | 'year'
  | 'decade'
  | 'century';

/** A calendar period. `n` is the index inside the year (month 1-12, week 1-53, quarter 1-4, half 1-2, season 0-3). */
export interface Period {
  gran: Granularity;
  /** Year (for week/weekend: the ISO week-numbering year; for decade: the decade's first year; for century: first year). */
  y: number;
  n?: number;
  /** Day of month, for gran 'day'. */
  d?: number;
}

const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
const SEASONS = ['SP', 'SU', 'FA', 'WI'] as const;

/** UTC date from y, month (1-12), day. Overflowing days roll over, as Date.UTC does. */
export const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export function isoDate(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Parses YYYY-MM-DD (anything after the date is ignored); null when malformed. */
export function parseIsoDate(s: string | null | undefined): Date | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  if (!m) return null;
  const d = utc(+m[1]!, +m[2]!, +m[3]!);
  return Number.isNaN(d.getTime()) ? null : d;
}

export const addDays = (date: Date, n: number) => new Date(date.getTime() + n * DAY_MS);
/** ISO weekday: Monday 1 … Sunday 7. */
export const isoWeekday = (date: Date) => ((date.getUTCDay() + 6) % 7) + 1;

/** ISO week-numbering year and week of a date. */
export function isoWeek(date: Date): { y: number; w: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const y = thursday.getUTCFullYear();
  const w = Math.floor((thursday.getTime() - utc(y, 1, 1).getTime()) / DAY_MS / 7) + 1;
  return { y, w };
}

/** Monday of ISO week w of ISO year y. */
export function isoWeekMonday(y: number, w: number): Date {
  const jan4 = utc(y, 1, 4);
  return addDays(jan4, (w - 1) * 7 - (isoWeekday(jan4) - 1));
}

export function dayPeriod(date: Date): Period {
  return { gran: 'day', y: date.getUTCFullYear(), n: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** The period of a given granularity that contains `date`. */
export function periodOf(date: Date, gran: Granularity): Period {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  switch (gran) {
    case 'day':
      return dayPeriod(date);
    case 'week':
    case 'weekend': {
      const { y: wy, w } = isoWeek(date);
      return { gran, y: wy, n: w };
    }
    case 'month':
      return { gran, y, n: m };
    case 'quarter':
      return { gran, y, n: Math.ceil(m / 3) };
    case 'half':
      return { gran, y, n: m <= 6 ? 1 : 2 };
    case 'season':
      // Winter spans December to February and belongs to the year of its December.
      if (m <= 2) return { gran, y: y - 1, n: 3 };
      return { gran, y, n: Math.floor((m - 3) / 3) };
    case 'year':
      return { gran, y };
    case 'decade':
      return { gran, y: Math.floor(y / 10) * 10 };
    case 'century':
      return { gran, y: Math.floor(y / 100) * 100 };
  }
}

/** First and last day (inclusive) of a period. */
export function periodRange(p: Period): [Date, Date] {
  const n = p.n ?? 1;
  switch (p.gran) {
    case 'day': {
      const d = utc(p.y, n, p.d ?? 1);
      return [d, d];
    }
    case 'week': {
      const mon = isoWeekMonday(p.y, n);
      return [mon, addDays(mon, 6)];
    }
    case 'weekend': {
      const mon = isoWeekMonday(p.y, n);
      return [addDays(mon, 5), addDays(mon, 6)];
    }
    case 'month':
      return [utc(p.y, n, 1), utc(p.y, n + 1, 0)];
    case 'quarter':
      return [utc(p.y, (n - 1) * 3 + 1, 1), utc(p.y, n * 3 + 1, 0)];
    case 'half':
      return [utc(p.y, (n - 1) * 6 + 1, 1), utc(p.y, n * 6 + 1, 0)];
    case 'season':
      return [utc(p.y, 3 + n * 3, 1), utc(p.y, 6 + n * 3, 0)];
    case 'year':
      return [utc(p.y, 1, 1), utc(p.y, 12, 31)];
    case 'decade':
      return [utc(p.y, 1, 1), utc(p.y + 9, 12, 31)];
    case 'century':
      return [utc(p.y, 1, 1), utc(p.y + 99, 12, 31)];
  }
}

/** Shifts a period by `k` of its own units (k may be negative). */
export function shiftPeriod(p: Period, k: number): Period {
  const n = p.n ?? 1;
  switch (p.gran) {
    case 'day':
      return dayPeriod(addDays(periodRange(p)[0], k));
    case 'week':
    case 'weekend': {
      const { y, w } = isoWeek(addDays(isoWeekMonday(p.y, n), 7 * k));
      return { gran: p.gran, y, n: w };
    }
    case 'month': {
      const i = p.y * 12 + (n - 1) + k;
      return { gran: 'month', y: Math.floor(i / 12), n: (i % 12) + 1 };
    }
    case 'quarter': {
      const i = p.y * 4 + (n - 1) + k;
      return { gran: 'quarter', y: Math.floor(i / 4), n: (i % 4) + 1 };
    }
    case 'half': {
      const i = p.y * 2 + (n - 1) + k;
      return { gran: 'half', y: Math.floor(i / 2), n: (i % 2) + 1 };
    }
    case 'season': {
      const i = p.y * 4 + n + k;
      return { gran: 'season', y: Math.floor(i / 4), n: i % 4 };
    }
    case 'year':
      return { gran: 'year', y: p.y + k };
    case 'decade':
      return { gran: 'decade', y: p.y + 10 * k };
    case 'century':
      return { gran: 'century', y: p.y + 100 * k };
  }
}

/** TIMEX3 value of a period: 2024-10-11, 2024-W41, 2024-W41-WE, 2024-10, 2024-Q3, 2024-H1, 2024-SU, 2024, 199, 19. */
export function periodValue(p: Period): string {
  const y = pad(p.y, 4);
  const n = p.n ?? 1;
  switch (p.gran) {
    case 'day':
      return `${y}-${pad(n)}-${pad(p.d ?? 1)}`;
    case 'week':
      return `${y}-W${pad(n)}`;
    case 'weekend':
      return `${y}-W${pad(n)}-WE`;
    case 'month':
      return `${y}-${pad(n)}`;
    case 'quarter':
      return `${y}-Q${n}`;
    case 'half':
      return `${y}-H${n}`;
    case 'season':
      return `${y}-${SEASONS[n]}`;
    case 'year':
      return y;
    case 'decade':
      return y.slice(0, 3);
    case 'century':
      return y.slice(0, 2);
  }
}

/** The ISO date range of a period, as strings. */
export function periodDates(p: Period): { start: string; end: string } {
  const [a, b] = periodRange(p);
  return { start: isoDate(a), end: isoDate(b) };
}
