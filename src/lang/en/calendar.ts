/** Calendar words: month and weekday names with their numbers. */

/** Month names and abbreviations (lower case) → month number. */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};

/** Weekday names (lower case) → ISO weekday number (Monday 1 … Sunday 7). */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};

const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const FULL_MONTHS = Object.keys(MONTHS).filter((m) => m.length > 4 || m === 'may' || m === 'june' || m === 'july');
const ABBREVIATED_MONTHS = Object.keys(MONTHS).filter((m) => !FULL_MONTHS.includes(m));

/** Regex source: a month name, capitalised or in capitals, or a capitalised abbreviation with an optional full stop (never lower case: "may", "march"). */
export const MONTH_PATTERN = `(?:${[...FULL_MONTHS.map(cap), ...FULL_MONTHS.map((m) => m.toUpperCase()), `(?:${ABBREVIATED_MONTHS.filter((m) => m !== 'may').map(cap).join('|')})\\.?`].join('|')})`;

/** Regex source: a capitalised weekday name. */
export const WEEKDAY_PATTERN = `(?:${Object.keys(WEEKDAYS).map(cap).join('|')})`;

/** Holiday names, a longer one before its prefix (a regex alternation takes the first that fits): dates to the times stage, not names. */
export const HOLIDAYS = [
  'Christmas Eve', 'Christmas Day', 'Christmas', "New Year's Eve", "New Year's Day", 'Boxing Day', 'Halloween', "Valentine's Day",
  'Independence Day', 'Thanksgiving Day', 'Thanksgiving', 'Easter Sunday', 'Easter Monday', 'Easter', 'Good Friday',
] as const;
