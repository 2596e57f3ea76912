/**
 * Publication dates as people write them → ISO calendar date.
 *
 * Accepted without further ado: ISO dates and timestamps ("2024-10-14",
 * "2024-10-14T09:30:00+03:00"), compact "20241014", "2024/10/14", and dates with
 * a month name ("Mon, 14 Oct 2024 09:30:00 GMT", "14 October 2024", "Oct. 14, 2024").
 * All-numeric day/month dates ("01/03/2005", "01.03.2005", "01-03-2005") mean
 * 1 March in Europe and 3 January in the US: they are read only when the input
 * states its convention (`dmy` or `mdy`), and otherwise rejected with a message
 * saying how to fix it — never guessed, never silently dropped.
 * A timestamp keeps the calendar date it states, not the UTC one, because that is
 * the date the newsroom's "yesterday" refers to.
 */

/** How an all-numeric date orders day and month. */
export type DateOrder = 'dmy' | 'mdy';

export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy'];

export type DateReading = { date: string } | { error: string };

/**
 * @example
 * readDate('14 October 2024') // { date: '2024-10-14' }
 * readDate('01/03/2005', 'dmy') // { date: '2005-03-01' }
 * readDate('01/03/2005') // { error: '"01/03/2005" is ambiguous: …' }
 */
export function readDate(value: string, order?: DateOrder | null): DateReading {
  const s = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/.exec(s) ?? /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (iso) return checked(s, +iso[1]!, +iso[2]!, +iso[3]!);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) return checked(s, +compact[1]!, +compact[2]!, +compact[3]!);
  const numeric = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(s);
  if (numeric) {
    const [a, b, y] = [+numeric[1]!, +numeric[3]!, +numeric[4]!];
    if (!order) {
      return {
        error: `"${s}" is ambiguous: day and month order is not stated. Write the date as YYYY-MM-DD (${isoOf(y, b, a) ?? '…'} or ${isoOf(y, a, b) ?? '…'}), or state the convention (front matter "date_order: dmy" or "mdy", S3 metadata date-order, CLI --date-order).`,
      };
    }
    return order === 'dmy' ? checked(s, y, b, a) : checked(s, y, a, b);
  }
  if (/[a-z]/i.test(s) && s.length <= 100) {
    const t = Date.parse(s);
    if (!Number.isNaN(t)) {
      const d = new Date(t);
      // Date.parse reads zone-less strings as local time: take the calendar fields it read.
      const hasZone = /(?:GMT|UTC|Z|[+-]\d{2}:?\d{2})\s*$/i.test(s);
      return hasZone ? checked(s, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) : checked(s, d.getFullYear(), d.getMonth() + 1, d.getDate());
    }
  }
  return { error: `"${s}" is not a date this tool reads. Write it as YYYY-MM-DD (e.g. 2024-10-14), an ISO timestamp, or with the month's name ("14 October 2024").` };
}

/**
 * The date, or null when the value is absent or cannot be read: for metadata
 * that is only a hint (HTML pages carry many dates). Inputs whose stated date
 * must not be lost use `readDate` and report its error.
 *
 * @example normalizeDate('2024-10-14T09:30:00+03:00') // '2024-10-14'
 */
export function normalizeDate(value: string | null | undefined, order?: DateOrder | null): string | null {
  if (!value) return null;
  const r = readDate(value, order);
  return 'date' in r ? r.date : null;
}

/** Reads a stated date order ("dmy", "DD/MM/YYYY", "mdy", "MM/DD/YYYY"), or null when absent; throws on anything else. */
export function parseDateOrder(value: string | null | undefined): DateOrder | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const v = value.trim().toLowerCase().replace(/[^a-z]/g, '');
  if (v === 'dmy' || v === 'ddmmyyyy' || v === 'dmyyyy') return 'dmy';
  if (v === 'mdy' || v === 'mmddyyyy' || v === 'mdyyyy') return 'mdy';
  throw new RangeError(`date order must be "dmy" (DD/MM/YYYY) or "mdy" (MM/DD/YYYY), got "${value}"`);
}

function checked(s: string, y: number, m: number, d: number): DateReading {
  const iso = isoOf(y, m, d);
  return iso ? { date: iso } : { error: `"${s}" is not a real calendar date.` };
}

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
