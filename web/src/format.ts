// Numbers, dates and durations in the user's locale (the browser's), never hand-formatted.
const locale = typeof navigator !== 'undefined' ? navigator.language : 'en';

const integer = new Intl.NumberFormat(locale);
const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

export const formatNumber = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : integer.format(n));
export const formatPercent = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : percent.format(n));
export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—');
export const formatDate = (iso: string | null | undefined): string => (iso ? date.format(new Date(iso)) : '—');
export const formatTime = (iso: string | null | undefined): string => (iso ? time.format(new Date(iso)) : '—');

/** "in 3 hours", "5 minutes ago". */
export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relative.format(seconds, 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86_400), 'day');
}

/** "23:59:59" left of a window; "closed" when past. */
export function formatCountdown(untilIso: string, now = Date.now()): string {
  const left = Math.floor((new Date(untilIso).getTime() - now) / 1000);
  if (left <= 0) return 'closed';
  const h = Math.floor(left / 3600);
  const m = Math.floor((left % 3600) / 60);
  const s = left % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

// A calendar day the API names as "YYYY-MM-DD" (already in the user's time zone): formatted at UTC midnight so no
// time-zone offset moves it to the day before.
const dayShort = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayLong = new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
export const formatCalendarDay = (ymd: string, style: 'short' | 'long' = 'short'): string =>
  (style === 'short' ? dayShort : dayLong).format(new Date(`${ymd}T00:00:00Z`));
