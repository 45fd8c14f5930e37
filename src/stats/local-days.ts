// Calendar days in a time zone, as the instants they start and end at. Computed here, not in SQL: the name is
// checked by the same time-zone database that computes the days (ICU's), and PostgreSQL reads a name like
// "+05:30" as a POSIX zone with the opposite sign, so the two must never disagree about what a name means.

/** One local calendar day: its date (YYYY-MM-DD) and [start, end) as instants. */
export type LocalDay = { date: string; start: Date; end: Date };

const formatters = new Map<string, Intl.DateTimeFormat>();

// Names only: Intl also takes offsets ("+05:30"), which are not zones and which PostgreSQL would read inverted.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

/** Whether `tz` names a time zone this runtime knows ("Asia/Kolkata", "UTC"; case does not matter). */
export function isTimeZone(tz: string): boolean {
  if (!ZONE_NAME.test(tz)) return false;
  try {
    formatterOf(tz);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false; // Intl's answer for a name it does not know
    throw error;
  }
}

/** The `count` days up to and including today in `tz`, oldest first. */
export function localDays(now: Date, tz: string, count: number): LocalDay[] {
  const today = localDateOf(now, tz);
  const dates = Array.from({ length: count + 1 }, (_, i) => addDays(today, i - count + 1));
  const starts = dates.map((d) => startOfLocalDay(d, tz));
  return dates.slice(0, count).map((date, i) => ({ date, start: starts[i]!, end: starts[i + 1]! }));
}

/** The local calendar date (YYYY-MM-DD) of an instant in `tz`. */
export function localDateOf(at: Date, tz: string): string {
  const parts = Object.fromEntries(formatterOf(tz).formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/**
 * The first instant whose local date is `date` or later: local midnight, or the end of a daylight-saving gap when
 * midnight does not exist that day (America/Santiago in September). Offsets lie within ±15 hours of UTC, so the
 * instant is in that window around the date's UTC midnight; the search is to the second, as offsets are whole seconds.
 */
export function startOfLocalDay(date: string, tz: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  let lo = utcMidnight / 1000 - 15 * 3600; // local date before `date` whatever the offset
  let hi = utcMidnight / 1000 + 15 * 3600; // local date `date` or after whatever the offset
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDateOf(new Date(mid * 1000), tz) >= date) hi = mid;
    else lo = mid;
  }
  return new Date(hi * 1000);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function formatterOf(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    // en-CA with 2-digit parts gives zero-padded year, month and day that compare as strings.
    f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
    if (formatters.size >= 1000) formatters.clear();
    formatters.set(tz, f);
  }
  return f;
}
