// Figures are intervals (README, "Architecture": figures are intervals). This module holds the one table that maps a
// qualifier to an interval, the calendar helpers that turn a date of some precision into an interval, and
// the parser/formatter used by the claim form. Extraction reuses the same table so a figure typed by a
// reviewer and one found in an article compare the same way. Pure: no clock, no I/O.

import type { ClaimKind, DurationUnit, Figure, IsoDate, NumericUnit, Qualifier } from './types.js';
import { DURATION_UNITS } from './types.js';

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
function clean(x: number): number {
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
// Calendar: dates with a precision are intervals
// ---------------------------------------------------------------------------------------------------------

export type DatePrecision = 'year' | 'month' | 'day';

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

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

// ---------------------------------------------------------------------------------------------------------
// Parsing what a reviewer types
// ---------------------------------------------------------------------------------------------------------

export type ParsedFigure = { ok: true; figure: Figure; qualifier: Qualifier } | { ok: false; error: string };

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

const DURATION_SET: ReadonlySet<string> = new Set(DURATION_UNITS);
const MINUTES: Readonly<Record<DurationUnit, number>> = { year: 525_960, month: 43_830, week: 10_080, day: 1440, hour: 60, minute: 1 };

const EXAMPLES = 'e.g. "more than 400,000", "about 85 %", "15–20 km", "8 years" or "September 2015"';

function normalise(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Parses a figure as a reviewer types it in the claim form ("more than 400,000", "about 85 %", "15–20 km",
 * "between 25,000 and 30,000", "hundreds", "half", "8 years", "September 2015", "2011-03") into its
 * interval and qualifier. `kind` settles ambiguity: a bare "2015" is a year for kind date, a count otherwise;
 * a bare "85" is a percentage for kinds percentage and territory.
 */
export function parseFigure(input: string, kind?: ClaimKind): ParsedFigure {
  const text = normalise(input);
  if (text === '') return { ok: false, error: `Type a figure, ${EXAMPLES}.` };
  if (kind === 'date' || looksLikeDate(text)) {
    const date = parseDateFigure(text, kind === 'date');
    if (date.ok || kind === 'date' || date.error !== NOT_A_DATE) return date;
  }
  return parseNumericFigure(text, kind);
}

const NOT_A_DATE = 'not a date';
const MONTH_RE = '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';

function looksLikeDate(text: string): boolean {
  return /^\d{4}-\d{1,2}(-\d{1,2})?$/.test(text) || /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(text) || new RegExp(`\\b${MONTH_RE}(\\s|$|,)`).test(text);
}

type DateParts = { year: number; month: number | null; day: number | null };

/** One date of year, month or day precision in the usual written shapes, or an error message. */
function parseDateParts(text: string, yearAlone: boolean): DateParts | string {
  let m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) return checkParts(Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3]));
  m = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)? ${MONTH_RE},? (\\d{4})$`).exec(text);
  if (m) return checkParts(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]));
  m = new RegExp(`^${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})$`).exec(text);
  if (m) return checkParts(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2]));
  m = new RegExp(`^${MONTH_RE},? (\\d{4})$`).exec(text);
  if (m) return checkParts(Number(m[2]), monthNumber(m[1] ?? ''), null);
  if (yearAlone && /^\d{4}$/.test(text)) return { year: Number(text), month: null, day: null };
  return NOT_A_DATE;
}

function checkParts(year: number, month: number | null, day: number | null): DateParts | string {
  if (month === null || month < 1 || month > 12) return `There is no month ${month ?? ''} — use 1 to 12.`;
  if (day !== null && !isValidDate(year, month, day)) {
    return `${isoDate(year, month, day)} is not a real date: ${MONTH_NAMES[month - 1]} ${year} has ${daysInMonth(year, month)} days.`;
  }
  return { year, month, day };
}

function partsInterval(p: DateParts): { low: IsoDate; high: IsoDate } {
  return dateInterval(p.year, p.month, p.day);
}

function parseDateFigure(text: string, yearAlone: boolean): ParsedFigure {
  // "between January and April 2016" / "January–April 2016": a range within one year names it once.
  const between = /^between (.+) and (.+)$/.exec(text) ?? /^(.+?)(?: ?- ?| to | until )(.+)$/.exec(text);
  if (between) {
    const right = parseDateParts(between[2] ?? '', yearAlone || /^\d{4}$/.test(between[1] ?? ''));
    if (typeof right !== 'string') {
      // The left end may leave out what it shares with the right: "January–April 2016", "1–30 Sep 2015".
      const leftText = between[1] ?? '';
      let left = parseDateParts(leftText, true);
      if (typeof left === 'string') left = parseDateParts(`${leftText} ${right.year}`, false);
      if (typeof left === 'string' && /^\d{1,2}$/.test(leftText) && right.month !== null) {
        left = checkParts(right.year, right.month, Number(leftText));
      }
      if (typeof left !== 'string') {
        const a = partsInterval(left);
        const b = partsInterval(right);
        if (a.low > b.high) return { ok: false, error: 'The first date of the range comes after the second.' };
        return { ok: true, figure: { unit: 'date', low: a.low, high: b.high }, qualifier: 'range' };
      }
    }
  }
  const lead = /^(before|until|till|by|after|since|from|early|mid|late|in|on) (.+)$/.exec(text.replace(/^mid-/, 'mid '));
  const word = lead?.[1];
  const rest = lead ? (lead[2] ?? '') : text;
  const parts = parseDateParts(rest, yearAlone || word !== undefined);
  if (typeof parts === 'string') return { ok: false, error: parts === NOT_A_DATE ? notADate(text) : parts };
  const whole = partsInterval(parts);
  switch (word) {
    case 'before':
      return { ok: true, figure: { unit: 'date', low: null, high: addDays(whole.low, -1) }, qualifier: 'at-most' };
    case 'until':
    case 'till':
    case 'by':
      return { ok: true, figure: { unit: 'date', low: null, high: whole.high }, qualifier: 'at-most' };
    case 'after':
      return { ok: true, figure: { unit: 'date', low: addDays(whole.high, 1), high: null }, qualifier: 'at-least' };
    case 'since':
    case 'from':
      return { ok: true, figure: { unit: 'date', low: whole.low, high: null }, qualifier: 'at-least' };
    case 'early':
    case 'mid':
    case 'late': {
      if (parts.day !== null) return { ok: false, error: `"${word}" goes with a month or a year, not a day.` };
      const part = partInterval(word, parts.year, parts.month);
      return { ok: true, figure: { unit: 'date', ...part }, qualifier: 'about' };
    }
    default:
      return { ok: true, figure: { unit: 'date', ...whole }, qualifier: 'exact' };
  }
}

function notADate(text: string): string {
  return `"${text}" is not a date: write e.g. "2015", "September 2015", "2015-09", "30 September 2015" or "2015-09-30".`;
}

/** A number with an optional unit: "85 %", "15 km", "8 years", "400,000 people". */
function splitUnit(text: string): { number: string; unit: NumericUnit | null; noun: string | null } {
  const m = /^(.*?)\s*(%|per cent|percent|pct|percentage|km|kilomet(?:er|re)s?|years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?)$/.exec(text);
  if (m && m[1] !== '') return { number: m[1] ?? '', unit: unitFor(m[2] ?? ''), noun: null };
  // A trailing plain noun ("400,000 people", "seven servicemen") says what is counted, not the unit.
  const noun = /^(.*?\d.*?|.*?)\s+([a-z][a-z' ]*)$/.exec(text);
  if (noun && !/\b(or|to|and)\b/.test(noun[2] ?? '') && parseNumber(noun[1] ?? '') !== null && parseNumber(text) === null) {
    return { number: noun[1] ?? '', unit: null, noun: noun[2] ?? null };
  }
  return { number: text, unit: null, noun: null };
}

function defaultUnit(kind: ClaimKind | undefined): NumericUnit | null {
  if (kind === 'percentage' || kind === 'territory') return 'percent';
  if (kind === 'casualties' || kind === 'count') return 'count';
  return null;
}

function parseNumericFigure(text: string, kind: ClaimKind | undefined): ParsedFigure {
  const composite = parseCompositeDuration(text);
  if (composite) return composite;
  const { qualifier: lead, rest } = splitQualifier(text);
  let body = rest.replace(/^of /, '');
  const between = /^between (.+) and (.+)$/.exec(body);
  const { number, unit: writtenUnit } = splitUnit(between ? (between[2] ?? '') : body);
  if (between) body = `${between[1] ?? ''}-${number}`;
  else body = number;
  const unit = writtenUnit ?? defaultUnit(kind) ?? (fractionPercent(body.replace(/ of( the)?$/, '')) !== null ? 'percent' : 'count');
  if (kind === 'duration' && !DURATION_SET.has(unit)) {
    return { ok: false, error: 'A duration needs its unit: years, months, weeks, days, hours or minutes (e.g. "8 years").' };
  }
  const value = parseBody(body.replace(/ of( the)?$/, ''), unit);
  if (typeof value === 'string') return { ok: false, error: value };
  if (value.kind !== 'single') {
    if (lead) return { ok: false, error: `"${text}": a qualifier like "about" or "more than" goes with one number, not a range.` };
    return finish({ unit, low: value.low, high: value.high }, value.kind);
  }
  const qualifier = lead ?? 'exact';
  const { low, high } = intervalFor(qualifier, value.n, unit);
  return finish({ unit, low, high }, qualifier);
}

function finish(figure: { unit: NumericUnit; low: number; high: number | null }, qualifier: Qualifier): ParsedFigure {
  if (figure.unit === 'percent' && (figure.low > 100 || (figure.high ?? 0) > 100)) {
    return { ok: false, error: 'A percentage is between 0 and 100.' };
  }
  return { ok: true, figure, qualifier };
}

type Body = { kind: 'single'; n: number } | { kind: 'range' | 'vague'; low: number; high: number };

function parseBody(body: string, unit: NumericUnit): Body | string {
  const vague = vagueInterval(body);
  if (vague) return { kind: 'vague', ...vague };
  const fraction = fractionPercent(body);
  if (fraction !== null) {
    if (unit !== 'percent') return `"${body}" is a share: use it for a percentage or territory figure.`;
    return { kind: 'single', n: fraction };
  }
  // "15-20" joins digits; words need spaced separators so "twenty-five" stays one number.
  const range = /^(\d[\d,.]*\s*(?:million|thousand)?)\s?-\s?(\d.*)$/.exec(body) ?? /^(.+?) (?:-|to|or) (.+)$/.exec(body);
  if (range) {
    const a = parseNumber(range[1] ?? '');
    const b = parseNumber(range[2] ?? '');
    if (a !== null && b !== null) return { kind: 'range', ...rangeInterval(a, b) };
  }
  if (/^-\s*\d/.test(body)) return 'A figure cannot be negative.';
  const n = parseNumber(body);
  if (n === null) return `Could not read "${body}" as a figure: ${EXAMPLES}.`;
  return { kind: 'single', n };
}

/** "an hour and 50 minutes", "2 years and 3 months": one duration in the smaller unit. */
function parseCompositeDuration(text: string): ParsedFigure | null {
  const m = /^(.+?) (years?|months?|weeks?|days?|hours?) and (.+?) (months?|weeks?|days?|hours?|minutes?)$/.exec(text);
  if (!m) return null;
  const one = (t: string): number | null => (t === 'a' || t === 'an' ? 1 : parseNumber(t));
  const a = one(m[1] ?? '');
  const b = one(m[3] ?? '');
  const ua = unitFor(m[2] ?? '') as DurationUnit | null;
  const ub = unitFor(m[4] ?? '') as DurationUnit | null;
  if (a === null || b === null || !ua || !ub || MINUTES[ua] <= MINUTES[ub]) return null;
  const n = clean((a * MINUTES[ua]) / MINUTES[ub] + b);
  return { ok: true, figure: { unit: ub, low: n, high: n }, qualifier: 'exact' };
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
