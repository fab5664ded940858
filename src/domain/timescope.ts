// Time scope: relative time expressions ("on Tuesday", "last September", "earlier this month", "since
// September 2015") resolved against the publication date and the tense of the sentence. Hand-written
// because the date-time recognizer we tried costs ~40 ms per 1 KB of text and mis-reads news prose; the
// rules a newsroom uses are few and are pinned by tests here. Pure: the publication date is an argument.

import type { IsoDate } from './types.js';
import { addDays, dateInterval, daysInMonth, isoDate, parseIsoDate, weekday } from './calendar.js';

/** Whether the sentence speaks of what has happened (past/present) or of what is to come (future). */
export type Tense = 'past' | 'future';

/** The days a date expression covers, both ends included. */
export interface DateSpan {
  low: IsoDate;
  high: IsoDate;
}

function parts(published: IsoDate): { year: number; month: number; day: number } {
  const p = parseIsoDate(published);
  if (!p) throw new RangeError(`Not a publication date: ${published}`);
  return p;
}

/** Weekday names to 0 = Sunday … 6 = Saturday. */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

/**
 * "On Tuesday": in past tense the most recent such day on or before publication (a Tuesday paper's "on
 * Tuesday" is that day); in future tense the next such day after publication.
 */
export function resolveWeekday(published: IsoDate, day: number, tense: Tense): IsoDate {
  const today = weekday(published);
  if (tense === 'future') return addDays(published, ((day - today + 7) % 7) || 7);
  return addDays(published, -((today - day + 7) % 7));
}

/**
 * A month named without a year ("in March", "last November"): past tense → the latest such month on or
 * before the publication month ("last" → strictly before it); future tense → the next one on or after
 * ("next" → strictly after).
 */
export function resolveMonth(published: IsoDate, month: number, tense: Tense, modifier: 'last' | 'next' | null = null): DateSpan {
  const p = parts(published);
  let year = p.year;
  if (tense === 'future' || modifier === 'next') {
    if (month < p.month || (month === p.month && modifier === 'next')) year += 1;
  } else if (month > p.month || (month === p.month && modifier === 'last')) {
    year -= 1;
  }
  return dateInterval(year, month);
}

/** A day of a month without a year ("on September 13", "by October 10"), by the same rule as resolveMonth. */
export function resolveMonthDay(published: IsoDate, month: number, day: number, tense: Tense): IsoDate | null {
  const p = parts(published);
  let year = p.year;
  const candidate = isoDate(year, month, Math.min(day, 31));
  if (tense === 'future' && candidate < published) year += 1;
  if (tense === 'past' && candidate > published) year -= 1;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return isoDate(year, month, day);
}

/** Monday of the week an ISO date falls in (weeks run Monday to Sunday, as in ISO 8601). */
function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** The relative periods relativePeriod() understands. */
export const RELATIVE_PERIODS = [
  'today', 'yesterday', 'tomorrow',
  'this week', 'last week', 'next week', 'earlier this week',
  'this month', 'last month', 'next month', 'earlier this month', 'later this month',
  'this year', 'last year', 'next year', 'earlier this year', 'later this year',
] as const;
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number];

/** The days a relative period covers, seen from the publication date ("last week" = the previous Monday–Sunday). */
export function relativePeriod(published: IsoDate, period: RelativePeriod): DateSpan {
  const p = parts(published);
  switch (period) {
    case 'today':
      return { low: published, high: published };
    case 'yesterday':
      return { low: addDays(published, -1), high: addDays(published, -1) };
    case 'tomorrow':
      return { low: addDays(published, 1), high: addDays(published, 1) };
    case 'this week':
      return { low: mondayOf(published), high: addDays(mondayOf(published), 6) };
    case 'earlier this week':
      return { low: mondayOf(published), high: published };
    case 'last week':
      return { low: addDays(mondayOf(published), -7), high: addDays(mondayOf(published), -1) };
    case 'next week':
      return { low: addDays(mondayOf(published), 7), high: addDays(mondayOf(published), 13) };
    case 'this month':
      return dateInterval(p.year, p.month);
    case 'earlier this month':
      return { low: isoDate(p.year, p.month, 1), high: published };
    case 'later this month':
      return { low: published, high: dateInterval(p.year, p.month).high };
    case 'last month':
      return p.month === 1 ? dateInterval(p.year - 1, 12) : dateInterval(p.year, p.month - 1);
    case 'next month':
      return p.month === 12 ? dateInterval(p.year + 1, 1) : dateInterval(p.year, p.month + 1);
    case 'this year':
      return dateInterval(p.year);
    case 'earlier this year':
      return { low: isoDate(p.year, 1, 1), high: published };
    case 'later this year':
      return { low: published, high: isoDate(p.year, 12, 31) };
    case 'last year':
      return dateInterval(p.year - 1);
    case 'next year':
      return dateInterval(p.year + 1);
  }
}

/** Meteorological seasons of the northern hemisphere, the convention of the outlets we read. */
const SEASONS: Readonly<Record<string, readonly [number, number]>> = {
  spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11], winter: [12, 2],
};

/**
 * A season ("last autumn", "this summer", "next spring"): "last" is the latest one that has ended before
 * publication, "this" the one of the publication year (winter: the one starting in December before it).
 */
export function resolveSeason(published: IsoDate, season: string, modifier: 'last' | 'this' | 'next'): DateSpan | null {
  const months = SEASONS[season.toLowerCase()];
  if (!months) return null;
  const [first, last] = months;
  const p = parts(published);
  const spanFrom = (startYear: number): DateSpan => {
    const endYear = last < first ? startYear + 1 : startYear;
    return { low: isoDate(startYear, first, 1), high: isoDate(endYear, last, daysInMonth(endYear, last)) };
  };
  // The season that contains (or most recently started before) publication.
  let year = p.year;
  if (first === 12) year = p.month === 12 ? p.year : p.year - 1;
  let current = spanFrom(year);
  if (current.low > published) current = spanFrom(year - 1);
  if (modifier === 'this') return current;
  if (modifier === 'next') return spanFrom(Number(current.low.slice(0, 4)) + 1);
  const previous = current.high < published ? current : spanFrom(Number(current.low.slice(0, 4)) - 1);
  return previous;
}

/** "The first nine months of the year": from 1 January to the end of month n of the publication year. */
export function firstMonthsOfYear(published: IsoDate, n: number, year: number = parts(published).year): DateSpan {
  const month = Math.max(1, Math.min(12, n));
  return { low: isoDate(year, 1, 1), high: isoDate(year, month, daysInMonth(year, month)) };
}

/** "Since September 2015": the period from the start of that date to publication. */
export function sincePeriod(start: DateSpan, published: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: start.low, to: published };
}

/**
 * A year-to-date or running period a count covers ("this year" → 1 Jan to publication), for figures that
 * are totals over a period rather than a point in time.
 */
export function periodToDate(published: IsoDate, period: 'this year' | 'this month' | 'this week'): { from: IsoDate; to: IsoDate } {
  const span = relativePeriod(published, period);
  return { from: span.low, to: published };
}
