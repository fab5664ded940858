// Figures are intervals (README, "Architecture": figures are intervals). This module holds the one table that maps a
// qualifier to an interval, numbers in words, and the formatting of figures for people; dates of some precision are
// intervals by calendar.ts, and what a reviewer types is read by figure-input.ts. Extraction reuses the same table so
// a figure typed by a reviewer and one found in an article compare the same way. Pure: no clock, no I/O.

import type { Figure, IsoDate, NumericUnit, Qualifier } from './types.js';
import { MONTH_SHORT, parseIsoDate } from './calendar.js';

// ---------------------------------------------------------------------------------------------------------
// The qualifier table
// ---------------------------------------------------------------------------------------------------------

/** Words that introduce a figure, folded to the qualifier they mean. Longest phrases are matched first. */
export const QUALIFIER_PHRASES: Readonly<Record<string, Qualifier>> = {
  about: 'about',
  around: 'about',
  roughly: 'about',
  some: 'about',
  approximately: 'about',
  'an estimated': 'about',
  estimated: 'about',
  'close to': 'nearly',
  nearly: 'nearly',
  almost: 'nearly',
  'just under': 'nearly',
  'more than': 'at-least',
  over: 'at-least',
  'at least': 'at-least',
  'upwards of': 'at-least',
  'in excess of': 'at-least',
  'no fewer than': 'at-least',
  'no less than': 'at-least',
  'up to': 'at-most',
  'as many as': 'at-most',
  'as much as': 'at-most',
  'less than': 'at-most',
  'fewer than': 'at-most',
  under: 'at-most',
  'no more than': 'at-most',
  'at most': 'at-most',
};

const QUALIFIER_KEYS = Object.keys(QUALIFIER_PHRASES).sort((a, b) => b.length - a.length);

/** The qualifier a phrase like "more than" or "As many as" stands for, or null. */
export function qualifierFor(phrase: string): Qualifier | null {
  return QUALIFIER_PHRASES[phrase.trim().toLowerCase().replace(/\s+/g, ' ')] ?? null;
}

/** Strips a leading qualifier phrase: "more than 400" → { qualifier: 'at-least', rest: '400' }. */
export function splitQualifier(text: string): { qualifier: Qualifier | null; phrase: string | null; rest: string } {
  const t = text.trimStart();
  const lower = t.toLowerCase();
  for (const key of QUALIFIER_KEYS) {
    if (lower.startsWith(key) && /^\s/.test(t.slice(key.length))) {
      return { qualifier: QUALIFIER_PHRASES[key] ?? null, phrase: t.slice(0, key.length), rest: t.slice(key.length).trim() };
    }
  }
  return { qualifier: null, phrase: null, rest: t.trim() };
}

/** Rounds away float noise (1.1 × 85 = 93.50000000000001) without losing real decimals. */
export function clean(x: number): number {
  return Number(x.toPrecision(12));
}

/**
 * The interval a single figure N means under a qualifier (the table in the README, "Architecture"):
 * exact [N,N] · about [0.9N,1.1N] · nearly [0.9N,N] · at-least [N,open] · at-most [0,N].
 * Percentages never exceed 100, so "over half" is [50,100] rather than open.
 */
export function intervalFor(qualifier: Qualifier, n: number, unit: NumericUnit = 'count'): { low: number; high: number | null } {
  const cap = (x: number): number => (unit === 'percent' ? Math.min(x, 100) : x);
  switch (qualifier) {
    case 'about':
      return { low: clean(0.9 * n), high: cap(clean(1.1 * n)) };
    case 'nearly':
      return { low: clean(0.9 * n), high: n };
    case 'at-least':
      return { low: n, high: unit === 'percent' ? 100 : null };
    case 'at-most':
      return { low: 0, high: n };
    case 'exact':
    case 'range':
    case 'vague':
      return { low: n, high: n };
  }
}

/** The interval of an explicit range "between A and B" / "A–B" / "one or two": [min, max]. */
export function rangeInterval(a: number, b: number): { low: number; high: number } {
  return { low: Math.min(a, b), high: Math.max(a, b) };
}

/**
 * Vague quantities ("hundreds", "a few dozen"): the interval each stands for. "Hundreds" starts at 200
 * because one hundred and change would be written as a number.
 */
export const VAGUE_QUANTITIES: Readonly<Record<string, readonly [number, number]>> = {
  'a few dozen': [24, 60],
  'several dozen': [24, 99],
  dozens: [24, 144],
  scores: [40, 199],
  hundreds: [200, 999],
  'several hundred': [200, 999],
  'a few hundred': [200, 500],
  thousands: [2000, 9999],
  'several thousand': [2000, 9999],
  'a few thousand': [2000, 5000],
  'tens of thousands': [20_000, 99_999],
  'hundreds of thousands': [200_000, 999_999],
  millions: [2_000_000, 9_990_000],
  'several million': [2_000_000, 9_990_000],
  'a few million': [2_000_000, 5_000_000],
  'tens of millions': [20_000_000, 99_999_999],
};

/** The interval of a vague quantity phrase, or null when the phrase is not one. */
export function vagueInterval(phrase: string): { low: number; high: number } | null {
  const range = VAGUE_QUANTITIES[phrase.trim().toLowerCase().replace(/[\s-]+/g, ' ')];
  return range ? { low: range[0], high: range[1] } : null;
}

/** Fractions written in words, as percentages ("a third" = 33.3 %). */
export const FRACTIONS: Readonly<Record<string, number>> = {
  half: 50,
  'a half': 50,
  'one half': 50,
  'a third': 33.3,
  'one third': 33.3,
  'two thirds': 66.7,
  'a quarter': 25,
  'one quarter': 25,
  'three quarters': 75,
  'a fifth': 20,
  'one fifth': 20,
  'two fifths': 40,
  'three fifths': 60,
  'four fifths': 80,
  'a tenth': 10,
  'one tenth': 10,
};

/** The percentage a fraction word stands for ("two-thirds" → 66.7), or null. */
export function fractionPercent(phrase: string): number | null {
  return FRACTIONS[phrase.trim().toLowerCase().replace(/[\s-]+/g, ' ')] ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers in words — hand-written because the claim form must stay light (the Recognizers library costs
// a second to load) and only plain English cardinals are needed here.
// ---------------------------------------------------------------------------------------------------------

const SMALL: Readonly<Record<string, number>> = {
  zero: 0, one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { dozen: 12, hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 };

/** Plain English cardinal in words ("twenty-five", "two hundred thousand", "a dozen") to a number, or null. */
export function wordsToNumber(words: string): number | null {
  const tokens = words.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter((w) => w && w !== 'and');
  if (tokens.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const [i, w] of tokens.entries()) {
    if (w in SMALL) {
      if ((w === 'a' || w === 'an') && i !== 0) return null;
      current += SMALL[w] ?? 0;
      seen = true;
    } else if (w in SCALES) {
      const scale = SCALES[w] ?? 1;
      if (scale < 1000) current = (current || 1) * scale;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      seen = true;
    } else return null;
  }
  if (!seen || tokens.every((w) => w === 'a' || w === 'an')) return null;
  return total + current;
}

/** A number written with digits ("400,000", "1.5", "2 million", "1.2m") or in words, or null. */
export function parseNumber(text: string): number | null {
  // "400 000" and "400'000" group thousands as "400,000" does
  const t = text.trim().toLowerCase().replace(/(\d)[\s'’](?=\d{3}(?!\d))/g, '$1,');
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(million|billion|thousand|m|bn|k)?$/.exec(t);
  if (m) {
    const base = Number((m[1] ?? '').replace(/,/g, '') + (m[2] ?? ''));
    const scale = m[3] ? { million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, thousand: 1e3, k: 1e3 }[m[3]] ?? 1 : 1;
    return clean(base * scale);
  }
  return wordsToNumber(t);
}

// ---------------------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------------------

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function num(n: number): string {
  return NUMBER_FORMAT.format(n);
}

function unitLabel(unit: NumericUnit, high: number | null, low: number | null): string {
  if (unit === 'count') return '';
  if (unit === 'percent') return ' %';
  if (unit === 'km') return ' km';
  const plural = (high ?? low) !== 1;
  return ` ${unit}${plural ? 's' : ''}`;
}

/** Human text of a numeric interval: "400,000", "400,000 or more", "up to 32 %", "76.5–93.5 %", "15–20 km". */
export function formatInterval(low: number | null, high: number | null, unit: NumericUnit): string {
  const u = unitLabel(unit, high, low);
  if (low !== null && high !== null && low === high) return `${num(low)}${u}`;
  if (low !== null && high === null) return `${num(low)}${u} or more`;
  if (low !== null && unit === 'percent' && high === 100 && low > 0) return `${num(low)}${u} or more`;
  if ((low === null || low === 0) && high !== null) return `up to ${num(high)}${u}`;
  if (low !== null && high !== null) return `${num(low)}–${num(high)}${u}`;
  return 'unknown';
}

function day(iso: IsoDate): { y: number; m: number; d: number } {
  const p = parseIsoDate(iso);
  if (!p) throw new RangeError(`Not a date: ${iso}`);
  return { y: p.year, m: p.month, d: p.day };
}

function formatDay(iso: IsoDate): string {
  const { y, m, d } = day(iso);
  return `${d} ${MONTH_SHORT[m - 1]} ${y}`;
}

/** Human text of a date interval: "19 Mar 2019", "1–30 Sep 2015", "1 Jan – 30 Apr 2016", "from 1 Sep 2015". */
export function formatDateInterval(low: IsoDate | null, high: IsoDate | null): string {
  if (low === null && high === null) return 'unknown';
  if (low === null) return `until ${formatDay(high ?? '')}`;
  if (high === null) return `from ${formatDay(low)}`;
  if (low === high) return formatDay(low);
  const a = day(low);
  const b = day(high);
  if (a.y === b.y && a.m === b.m) return `${a.d}–${b.d} ${MONTH_SHORT[a.m - 1]} ${a.y}`;
  if (a.y === b.y) return `${a.d} ${MONTH_SHORT[a.m - 1]} – ${formatDay(high)}`;
  return `${formatDay(low)} – ${formatDay(high)}`;
}

/** Human text of any figure's interval, as shown beside the claim form and in comparisons. */
export function formatFigure(figure: Figure): string {
  if (figure.unit === 'date') return formatDateInterval(figure.low, figure.high);
  return formatInterval(figure.low, figure.high, figure.unit);
}

const UNIT_WORDS: Readonly<Record<string, NumericUnit>> = {
  '%': 'percent', percent: 'percent', 'per cent': 'percent', pct: 'percent', percentage: 'percent',
  km: 'km', kilometer: 'km', kilometers: 'km', kilometre: 'km', kilometres: 'km',
  year: 'year', years: 'year', yr: 'year', yrs: 'year',
  month: 'month', months: 'month',
  week: 'week', weeks: 'week',
  day: 'day', days: 'day',
  hour: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour',
  minute: 'minute', minutes: 'minute', min: 'minute', mins: 'minute',
};

/** The unit a word names ("per cent" → percent, "kilometres" → km, "days" → day), or null. */
export function unitFor(word: string): NumericUnit | null {
  return UNIT_WORDS[word.trim().toLowerCase().replace(/\s+/g, ' ')] ?? null;
}
