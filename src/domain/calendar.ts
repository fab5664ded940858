// Calendar: a date of some precision is an interval ("September 2015" is 1–30 September), with the helpers the
// figures, the extractor's dates and the time scopes share: month names, valid and ISO dates, days added, weekdays.
// Pure: no clock, no I/O.
import type { IsoDate } from './types.js';

// ---------------------------------------------------------------------------------------------------------
// Calendar: dates with a precision are intervals
// ---------------------------------------------------------------------------------------------------------

export type DatePrecision = 'year' | 'month' | 'day';

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

export const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Month words (full, short, "Sept") to month number 1–12. */
export const MONTHS: Readonly<Record<string, number>> = Object.fromEntries([
  ...MONTH_NAMES.map((n, i) => [n.toLowerCase(), i + 1]),
  ...MONTH_SHORT.map((n, i) => [n.toLowerCase(), i + 1]),
  ['sept', 9],
]);

/** The month number of a month word ("Sept.", "september"), or null. */
export function monthNumber(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

/** Days in a month of a (proleptic Gregorian) year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when year-month-day is a real calendar day. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Formats year, month, day as YYYY-MM-DD. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses a strict YYYY-MM-DD into its parts, or null when malformed or not a real day. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

/** True when a string is a strict YYYY-MM-DD naming a real calendar day. */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

/** The interval a date of some precision covers: year → Jan 1..Dec 31, month → 1..last day, day → itself. */
export function dateInterval(year: number, month?: number | null, day?: number | null): { low: IsoDate; high: IsoDate } {
  if (month == null) return { low: isoDate(year, 1, 1), high: isoDate(year, 12, 31) };
  if (day == null) return { low: isoDate(year, month, 1), high: isoDate(year, month, daysInMonth(year, month)) };
  const d = isoDate(year, month, day);
  return { low: d, high: d };
}

/** The precision of an interval that covers exactly a day, month or year; null for anything else. */
export function datePrecision(low: IsoDate, high: IsoDate): DatePrecision | null {
  const a = parseIsoDate(low);
  const b = parseIsoDate(high);
  if (!a || !b) return null;
  if (low === high) return 'day';
  if (a.year === b.year && a.month === b.month && a.day === 1 && b.day === daysInMonth(b.year, b.month)) return 'month';
  if (a.year === b.year && a.month === 1 && a.day === 1 && b.month === 12 && b.day === 31) return 'year';
  return null;
}

/** Adds (or subtracts) whole days to an ISO date. */
export function addDays(iso: IsoDate, days: number): IsoDate {
  const p = parseIsoDate(iso);
  if (!p) throw new RangeError(`Not a date: ${iso}`);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Day of the week of an ISO date: 0 = Sunday … 6 = Saturday. */
export function weekday(iso: IsoDate): number {
  const p = parseIsoDate(iso);
  if (!p) throw new RangeError(`Not a date: ${iso}`);
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
}

/** Part of a month or year: "early" = first third, "mid" = middle third, "late" = last third. */
export function partInterval(part: 'early' | 'mid' | 'late', year: number, month?: number | null): { low: IsoDate; high: IsoDate } {
  if (month == null) {
    const [a, b] = part === 'early' ? [1, 4] : part === 'mid' ? [5, 8] : [9, 12];
    return { low: isoDate(year, a, 1), high: isoDate(year, b, daysInMonth(year, b)) };
  }
  const last = daysInMonth(year, month);
  const [a, b] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : [21, last];
  return { low: isoDate(year, month, a), high: isoDate(year, month, b) };
}
