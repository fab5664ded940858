// The fact sheet's wording: a value, a figure, a time scope and a date in words, with full month names.
// Pure and deterministic; the model (factsheet.ts) and the renderers (src/render/factsheet/) share it.
import { datePrecision, MONTH_NAMES } from './calendar.js';
import { formatFigure } from './figures.js';
import type { ComparedClaim } from './compare.js';
import type { IsoDate } from './types.js';
import { longDate, periodWords, timeScopeWords } from './scope-words.js';

/**
 * A value in words: hedge (when every claim stating it is hedged alike), figure, metric, subject and
 * time scope. "At least 400,000 killed (Valdorian war), March 2011 – September 2021".
 */
export function statementOf(claims: readonly ComparedClaim[]): string {
  const c = claims[0]!;
  const hedges = new Set(claims.map((x) => x.hedge));
  const hedge = hedges.size === 1 && c.hedge ? `${c.hedge} ` : '';
  const subject = c.subjectName ? ` (${c.subjectName})` : '';
  const text =
    c.figure.unit === 'date'
      ? `${c.metric}${subject}: ${dateWords(c.figure.low, c.figure.high)}`
      : `${figureWords(c)} ${c.metric}${subject}, ${timeScopeWords(c, 'long')}`;
  return capitalise(hedge + text);
}

/**
 * A figure in words within its fact's section, where subject and metric go without saying: hedge (when every
 * claim stating it is hedged alike), figure and time scope. "At least 400,000, March 2011 – April 2016", "2015".
 */
export function figureStatement(claims: readonly ComparedClaim[]): string {
  const c = claims[0]!;
  const hedges = new Set(claims.map((x) => x.hedge));
  const hedge = hedges.size === 1 && c.hedge ? `${c.hedge} ` : '';
  const text = c.figure.unit === 'date' ? dateWords(c.figure.low, c.figure.high) : `${figureWords(c)}, ${timeScopeWords(c, 'long')}`;
  return capitalise(hedge + text);
}

/**
 * A key figure in words, where the label says what is measured: a date with what it dates ("March 2011 (Syrian
 * civil war, start date)"), any other figure as statementOf says it.
 */
export function leadStatement(claims: readonly ComparedClaim[]): string {
  const c = claims[0]!;
  if (c.figure.unit !== 'date') return statementOf(claims);
  return `${figureStatement(claims)} (${c.subjectName ? `${c.subjectName}, ` : ''}${c.metric})`;
}

/** "start date" → "Start date". */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function figureWords(c: ComparedClaim): string {
  const f = c.figure;
  if (f.unit === 'date') return dateWords(f.low, f.high);
  if (c.qualifier === 'vague') return `${c.valueText} (${formatFigure(f)})`;
  const n = (x: number): string => `${NUMBER.format(x)}${unitSuffix(f.unit, x)}`;
  const { low, high } = f;
  if (low !== null && high !== null && low === high) return n(low);
  if (c.qualifier === 'about' && low !== null && high !== null) return `about ${n(Number(((low + high) / 2).toPrecision(12)))}`;
  if (c.qualifier === 'nearly' && high !== null) return `nearly ${n(high)}`;
  if (low !== null && (high === null || (f.unit === 'percent' && high === 100))) return `at least ${n(low)}`;
  if ((low === null || low === 0) && high !== null) return `up to ${n(high)}`;
  if (low !== null && high !== null) return `between ${NUMBER.format(low)} and ${n(high)}`;
  return c.valueText;
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function unitSuffix(unit: string, n: number): string {
  if (unit === 'count') return '';
  if (unit === 'percent') return ' %';
  if (unit === 'km') return ' km';
  return ` ${unit}${n === 1 ? '' : 's'}`;
}

/** A date interval in words at its precision: "2015", "March 2011", "18 June 2016", or a span. */
export function dateWords(low: IsoDate | null, high: IsoDate | null): string {
  if (low === null && high === null) return 'unknown';
  if (low === null) return `by ${longDate(high!)}`;
  if (high === null) return `from ${longDate(low)}`;
  const precision = datePrecision(low, high);
  if (precision === 'day') return longDate(low);
  if (precision === 'month') return `${MONTH_NAMES[Number(low.slice(5, 7)) - 1]} ${low.slice(0, 4)}`;
  if (precision === 'year') return low.slice(0, 4);
  return periodWords(low, high);
}

