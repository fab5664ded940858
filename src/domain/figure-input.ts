// Parsing what a reviewer types in the claim form's figure field into a figure (an interval with its unit) and a
// qualifier, with a message that gives examples when it cannot be read. Uses the qualifier table and the calendar,
// so a typed figure and one found in an article compare the same way. Pure: no clock, no I/O.
import type { ClaimKind, DurationUnit, Figure, IsoDate, NumericUnit, Qualifier } from './types.js';
import { DURATION_UNITS } from './types.js';
import { MONTH_NAMES, addDays, dateInterval, daysInMonth, isValidDate, isoDate, monthNumber, partInterval } from './calendar.js';
import { clean, fractionPercent, intervalFor, parseNumber, rangeInterval, splitQualifier, unitFor, vagueInterval } from './figures.js';

// ---------------------------------------------------------------------------------------------------------
// Parsing what a reviewer types
// ---------------------------------------------------------------------------------------------------------

export type ParsedFigure = { ok: true; figure: Figure; qualifier: Qualifier } | { ok: false; error: string };

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
