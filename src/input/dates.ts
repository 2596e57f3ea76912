/**
 * Publication dates as given by metadata ("2024-10-14", "2024-10-14T09:30:00+03:00",
 * "Mon, 14 Oct 2024 09:30:00 GMT", "14 October 2024") → ISO calendar date, or null.
 * A timestamp keeps the calendar date it states, not the UTC one, because that is
 * the date the newsroom's "yesterday" refers to.
 */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s);
  if (iso) return validDate(+iso[1]!, +iso[2]!, +iso[3]!);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) return validDate(+compact[1]!, +compact[2]!, +compact[3]!);
  if (!/[a-z]/i.test(s) || s.length > 100) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  // Date.parse reads zone-less strings as local time: take the calendar fields it read.
  const hasZone = /(?:GMT|UTC|Z|[+-]\d{2}:?\d{2})\s*$/i.test(s);
  return hasZone
    ? validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
    : validDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
