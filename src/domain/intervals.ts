// Interval arithmetic over figures (README, "Architecture": figures are intervals). Every figure is [low, high] with
// null meaning open on that side; dates are compared as day numbers so one set of functions serves
// counts, percentages, durations and calendar dates alike. Pure: no clock, no I/O.
//
// Hand-written rather than taken from a library: the interval libraries on npm model closed numeric
// intervals only, and what we need is small — open bounds, a relative tolerance and day numbers.

import type { DurationUnit, Figure, IsoDate } from './types.js';

/** A numeric interval; null = open on that side (−∞ below, +∞ above). */
export interface Interval {
  low: number | null;
  high: number | null;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a strict YYYY-MM-DD; throws RangeError on anything else. */
export function dayNumber(iso: IsoDate): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`Not a date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Date.UTC rolls 2015-02-30 over to March; a calendar date that does not exist is an error here.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Not a date: ${iso}`);
  }
  return Math.round(t / MS_PER_DAY);
}

/** The ISO date of a day number (inverse of dayNumber). */
export function isoFromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A figure as a numeric interval: dates become day numbers, other units stay as they are. */
export function toInterval(figure: Figure): Interval {
  if (figure.unit === 'date') {
    return {
      low: figure.low === null ? null : dayNumber(figure.low),
      high: figure.high === null ? null : dayNumber(figure.high),
    };
  }
  return { low: figure.low, high: figure.high };
}

/** True when two figures measure the same thing: both dates, or both numbers in the same unit. */
export function sameDimension(a: Figure, b: Figure): boolean {
  return a.unit === b.unit;
}

/**
 * Widens an interval by a relative tolerance of each bound's magnitude: [400, 500] at 5 % → [380, 525].
 * Open bounds stay open. Meant for numbers; day numbers have no meaningful magnitude.
 */
export function widen(iv: Interval, tolerance: number): Interval {
  if (tolerance <= 0) return iv;
  return {
    low: iv.low === null ? null : iv.low - Math.abs(iv.low) * tolerance,
    high: iv.high === null ? null : iv.high + Math.abs(iv.high) * tolerance,
  };
}

/** True when the intervals share at least one point, after widening both by the relative tolerance. */
export function overlaps(a: Interval, b: Interval, tolerance = 0): boolean {
  return gap(widen(a, tolerance), widen(b, tolerance)) === 0;
}

/** Distance between the nearest bounds of two intervals; 0 when they overlap (open bounds reach infinity). */
export function gap(a: Interval, b: Interval): number {
  // a lies wholly below b when a's top is under b's bottom, and the other way round.
  if (a.high !== null && b.low !== null && a.high < b.low) return b.low - a.high;
  if (b.high !== null && a.low !== null && b.high < a.low) return a.low - b.high;
  return 0;
}

/**
 * Relative gap in [0, 1]: the gap divided by the larger of the two facing bounds (10 against 131 →
 * 121/131 ≈ 0.92). 0 when the intervals overlap. Used as the severity of numeric disagreements, so a
 * gap of 10 matters more between 10 and 20 than between 10,000 and 10,010.
 */
export function relativeGap(a: Interval, b: Interval): number {
  const g = gap(a, b);
  if (g === 0) return 0;
  const [lower, upper] = a.high !== null && b.low !== null && a.high < b.low ? [a.high, b.low] : [b.high ?? 0, a.low ?? 0];
  const scale = Math.max(Math.abs(lower), Math.abs(upper));
  return scale === 0 ? 1 : Math.min(1, g / scale);
}

/**
 * Severity in [0, 1) of a gap measured in days: gap / (gap + 30). A day apart ≈ 0.03, a month 0.5,
 * a year ≈ 0.92, four years ≈ 0.98. Saturating so that any gap ranks, and years never exceed 1.
 */
export function daysGapSeverity(days: number): number {
  return days <= 0 ? 0 : days / (days + 30);
}

/** True when `inner` lies wholly inside `outer` (open bounds of `outer` contain everything on that side). */
export function contains(outer: Interval, inner: Interval): boolean {
  const lowOk = outer.low === null || (inner.low !== null && inner.low >= outer.low);
  const highOk = outer.high === null || (inner.high !== null && inner.high <= outer.high);
  return lowOk && highOk;
}

/** True when the two figures overlap after tolerance; dates are compared without tolerance. */
export function figuresOverlap(a: Figure, b: Figure, tolerance = 0): boolean {
  const t = a.unit === 'date' ? 0 : tolerance;
  return overlaps(toInterval(a), toInterval(b), t);
}

/** A period from one ISO date to another, both days included. */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** Length of a period in days, both ends included (a single day is 1). */
export function periodDays(p: Period): number {
  return Math.max(0, dayNumber(p.to) - dayNumber(p.from) + 1);
}

/**
 * How much two periods are the same period: days in common / days in either (intersection over union),
 * in [0, 1]. Symmetric; 1 only for identical periods; 0 for disjoint ones.
 */
export function periodOverlapFraction(a: Period, b: Period): number {
  const [a0, a1, b0, b1] = [dayNumber(a.from), dayNumber(a.to), dayNumber(b.from), dayNumber(b.to)];
  const common = Math.min(a1, b1) - Math.max(a0, b0) + 1;
  if (common <= 0) return 0;
  const union = Math.max(a1, b1) - Math.min(a0, b0) + 1;
  return common / union;
}

/**
 * Moves an ISO date by a whole or fractional number of calendar units. Years and months move on the
 * calendar and clamp to the month's last day (2016-02-29 − 1 year → 2015-02-28); weeks, days, hours and
 * minutes move by days, rounding down to whole days.
 */
export function shiftDate(iso: IsoDate, amount: number, unit: DurationUnit): IsoDate {
  if (unit === 'year' || unit === 'month') {
    const months = unit === 'year' ? amount * 12 : amount;
    const whole = Math.trunc(months);
    const rest = months - whole;
    const shifted = shiftMonths(iso, whole);
    // The fraction of a month left over moves by days at an average month length.
    return rest === 0 ? shifted : isoFromDayNumber(dayNumber(shifted) + Math.floor(rest * 30.44));
  }
  const perDay = unit === 'week' ? 7 : unit === 'day' ? 1 : unit === 'hour' ? 1 / 24 : 1 / 1440;
  return isoFromDayNumber(dayNumber(iso) + Math.floor(amount * perDay));
}

function shiftMonths(iso: IsoDate, months: number): IsoDate {
  const day0 = new Date(dayNumber(iso) * MS_PER_DAY);
  const y = day0.getUTCFullYear();
  const m = day0.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = Math.min(day0.getUTCDate(), last);
  return new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
}
