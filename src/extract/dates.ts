// Dates in a sentence: explicit dates of day, month or year precision, weekdays, months without a year,
// relative periods and seasons, each resolved to an interval against the publication date and the tense.
// Hand-written: the Recognizers date-time model costs ~40 ms per KB of news text (the 20 articles/s
// budget allows ~10 ms per KB for everything) and cannot tell the tense of a clause ("the summit had
// been planned for 4 March" vs "it is now set for late April"), which decides the year.

import type { IsoDate } from '../domain/types.js';
import { addDays, dateInterval, isValidDate, isoDate, monthNumber, partInterval } from '../domain/calendar.js';
import { wordsToNumber } from '../domain/figures.js';
import {
  WEEKDAYS,
  relativePeriod,
  resolveMonth,
  resolveMonthDay,
  resolveSeason,
  resolveWeekday,
  type RelativePeriod,
  type Tense,
} from '../domain/timescope.js';
import type { Mention } from './mentions.js';
import { overlaps } from './mentions.js';
import { globalCopy } from './regex.js';

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WD = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(1[89]\\d\\d|20\\d\\d)';
const SEASON = '(spring|summer|autumn|fall|winter)';

// Words before a date that say it lies ahead. A past auxiliary in the same clause wins ("was due to").
const FUTURE = /\b(will|shall|must|won't|'ll|is due|are due|due to|is set|are set|expected to|scheduled|rescheduled|re-scheduled|planned|plans|arranged|postponed|delayed|upcoming|is to|are to|would|next)\b/i;
const PAST = /\b(was|were|had|did|ago)\b/i;

/** The tense of the clause that leads up to a date at `at` in the sentence. */
export function tenseAt(sentence: string, at: number): Tense {
  // the clause leading up to a date is short; a bounded look back keeps many dates in a sentence cheap
  const before = sentence.slice(Math.max(0, at - 300), at);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(' which '), before.lastIndexOf(' that '));
  const clause = cut >= 0 && before.length - cut > 12 ? before.slice(cut) : before;
  if (PAST.test(clause)) return 'past';
  // "by October 10", "arranged for Wednesday": a deadline or an appointment lies ahead.
  if (FUTURE.test(clause) || /\b(?:by|for)\s+(?:(?:early|mid|late|next)[\s-]+)?$/i.test(before.slice(-20))) return 'future';
  return 'past';
}

/** Words that may open a sentence, matched capitalised too, while month and day names stay case-sensitive. */
function ci(words: string): string {
  return `(?:${words.split('|').map((w) => `[${w[0]}${w[0]?.toUpperCase()}]${w.slice(1)}`).join('|')})`;
}

type Resolver = (m: RegExpExecArray, tense: Tense) => { low: IsoDate; high: IsoDate; qualifier?: Mention['qualifier'] } | null;

function month(word: string | undefined): number {
  return monthNumber(word ?? '') ?? 0;
}

function day(y: number, m: number, d: number): { low: IsoDate; high: IsoDate } | null {
  return isValidDate(y, m, d) ? dateInterval(y, m, d) : null;
}

function monthDay(published: IsoDate, m: number, d: number, tense: Tense): { low: IsoDate; high: IsoDate } | null {
  if (m === 0) return null;
  const iso = resolveMonthDay(published, m, d, tense);
  return iso ? { low: iso, high: iso } : null;
}

interface Rule {
  re: RegExp;
  resolve: (published: IsoDate) => Resolver;
}

function rule(source: string, flags: string, resolve: (published: IsoDate) => Resolver): Rule {
  return { re: new RegExp(source, flags), resolve };
}

// Most specific first: a span taken by one rule is not read again by a later one.
const RULES: readonly Rule[] = [
  // Tuesday, March 19, 2019 · 19 March 2019 · Tuesday 21 November 2017
  rule(`\\b(?:${WD},?\\s+)?${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, '', () => (m) => day(Number(m[4]), month(m[3]), Number(m[2]))),
  rule(`\\b(?:${WD},?\\s+)?${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, '', () => (m) => day(Number(m[4]), month(m[2]), Number(m[3]))),
  rule(`\\b${YEAR}-(\\d{2})-(\\d{2})\\b`, '', () => (m) => day(Number(m[1]), Number(m[2]), Number(m[3]))),
  rule(`\\b${YEAR}-(0[1-9]|1[0-2])\\b(?![-\\d])`, '', () => (m) => dateInterval(Number(m[1]), Number(m[2]))),
  // 19/06/2016: day first, as outside the US; month first only when the day-first reading is impossible.
  rule(`\\b(\\d{1,2})/(\\d{1,2})/${YEAR}\\b`, '', () => (m) => {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return day(y, b, a) ?? day(y, a, b);
  }),
  // between January and April (2016) · from March to May 2015 · January–April 2016
  rule(`\\b(?:between|from)\\s+${MONTH}(?:\\s+${YEAR})?\\s+(?:and|to|until)\\s+${MONTH}(?:\\s+${YEAR})?`, '', (published) => (m, tense) => {
    const [a, b] = [month(m[1]), month(m[3])];
    if (!a || !b) return null;
    const right = m[4] ? dateInterval(Number(m[4]), b) : resolveMonth(published, b, tense);
    const rightYear = Number(right.low.slice(0, 4));
    const left = m[2] ? dateInterval(Number(m[2]), a) : dateInterval(a <= b ? rightYear : rightYear - 1, a);
    return { low: left.low, high: right.high, qualifier: 'range' };
  }),
  rule(`\\b(?:between|from)\\s+${YEAR}\\s+(?:and|to|until)\\s+${YEAR}\\b`, '', () => (m) => ({
    low: dateInterval(Number(m[1])).low, high: dateInterval(Number(m[2])).high, qualifier: 'range',
  })),
  rule(`\\b${YEAR}\\s?[-–]\\s?${YEAR}\\b`, '', () => (m) => ({
    low: dateInterval(Number(m[1])).low, high: dateInterval(Number(m[2])).high, qualifier: 'range',
  })),
  // early December (2017) · mid-July · late 2015
  rule(`\\b(early|mid|late)(?:-|\\s+)(?:in\\s+)?${MONTH}(?:,?\\s+${YEAR})?\\b`, 'i', (published) => (m, tense) => {
    const mo = month(m[2]);
    if (!mo || !/^[A-Z]/.test(m[2] ?? '')) return null;
    const year = m[3] ? Number(m[3]) : Number(resolveMonth(published, mo, tense).low.slice(0, 4));
    return { ...partInterval((m[1] ?? 'early').toLowerCase() as 'early', year, mo), qualifier: 'about' };
  }),
  rule(`\\b(early|mid|late)(?:-|\\s+)(?:in\\s+)?${YEAR}\\b`, 'i', () => (m) => ({
    ...partInterval((m[1] ?? 'early').toLowerCase() as 'early', Number(m[2])), qualifier: 'about',
  })),
  // September 2015 · Sept. 2015
  rule(`\\b${MONTH},?\\s+${YEAR}\\b`, '', () => (m) => (month(m[1]) ? dateInterval(Number(m[2]), month(m[1])) : null)),
  // (in) February last year · March of this year: one month of the year before, this or the next
  rule(`\\b(?:${ci('since|in|by|until|from|during|through|before|after|of')}\\s+)?${MONTH}\\s+(?:of\\s+)?(last|this|next)\\s+year\\b`, '', (published) => (m) => {
    const shift = m[2] === 'last' ? -1 : m[2] === 'next' ? 1 : 0;
    return month(m[1]) ? dateInterval(Number(published.slice(0, 4)) + shift, month(m[1])) : null;
  }),
  // (Tuesday,) September 13 · Feb. 27 · on 18 November — the year comes from the tense.
  rule(`\\b(?:${WD},?\\s+)?${MONTH}\\s+${DAY}\\b(?![,.]?\\d)`, '', (published) => (m, tense) => monthDay(published, month(m[2]), Number(m[3]), tense)),
  rule(`\\b(?:${WD},?\\s+)?${DAY}\\s+(?:of\\s+)?${MONTH}(?![a-z])`, '', (published) => (m, tense) => monthDay(published, month(m[3]), Number(m[2]), tense)),
  // last November · since last September · in March · by October
  rule(`\\b(?:${ci('since|in|by|until|from|during|through|before|after')}\\s+)?(${ci('last|next|this')})\\s+${MONTH}(?![a-z])`, '', (published) => (m, tense) => {
    const mo = month(m[2]);
    if (!mo) return null;
    const word = (m[1] ?? '').toLowerCase();
    const mod = word === 'last' ? 'last' : word === 'next' ? 'next' : null;
    return resolveMonth(published, mo, mod === 'next' ? 'future' : mod === 'last' ? 'past' : tense, mod);
  }),
  rule(`\\b${ci('since|in|by|until|from|during|through|before|after|of')}\\s+${MONTH}(?![a-z])(?!\\s+\\d)`, '', (published) => (m, tense) => {
    const mo = month(m[1]);
    return mo ? resolveMonth(published, mo, tense) : null;
  }),
  // on Tuesday · last Friday · said Friday
  rule(`\\b(?:(${ci('on|last|next|this')})\\s+)?${WD}\\b`, '', (published) => (m, tense) => {
    const wd = WEEKDAYS[(m[2] ?? '').toLowerCase()];
    if (wd === undefined) return null;
    const word = (m[1] ?? '').toLowerCase();
    const t = word === 'next' ? 'future' : word === 'last' ? 'past' : tense;
    let iso = resolveWeekday(published, wd, t);
    if (word === 'last' && iso === published) iso = addDays(iso, -7);
    return { low: iso, high: iso };
  }),
  // last week · earlier this month · yesterday
  rule(`\\b(last (?:week|month|year)|next (?:week|month|year)|earlier this (?:week|month|year)|later this (?:month|year)|yesterday|tomorrow)\\b`, 'i', (published) => (m) =>
    relativePeriod(published, (m[1] ?? '').toLowerCase() as RelativePeriod)),
  // last autumn · this summer · the autumn of 2015
  rule(`\\b(last|this|next)\\s+${SEASON}\\b`, 'i', (published) => (m) =>
    resolveSeason(published, m[2] ?? '', (m[1] ?? 'last').toLowerCase() as 'last')),
  rule(`\\b${SEASON}\\s+(?:of\\s+)?${YEAR}\\b`, 'i', () => (m) => {
    const s = resolveSeason(isoDate(Number(m[2]), 12, 31), m[1] ?? '', 'this');
    return s && { low: s.low, high: s.high };
  }),
  // three years ago · a week ago: the day, week, month or year that far back
  rule(`\\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+(day|week|month|year)s?\\s+ago\\b`, 'i', (published) => (m) => {
    const n = /^an?$/i.test(m[1] ?? '') ? 1 : Number(m[1]) || wordsToNumber(m[1] ?? '') || 0;
    return agoInterval(published, n, (m[2] ?? 'day').toLowerCase() as 'day');
  }),
  // Russia's 2015 intervention · the 2011 uprising: a year naming an event
  rule(`(?<=\\b(?:the|[A-Za-z]+['’]s?)\\s)${YEAR}(?=\\s+(?:[a-z]+\\s+)?(?:intervention|war|campaign|elections?|offensive|uprising|revolution|agreement|deal|ceasefire|cease-fire|truce|invasion|attack|withdrawal|operation|deployment|referendum|summit|talks|accord|protests|crackdown|coup)\\b)`, '', () => (m) =>
    dateInterval(Number(m[1]))),
  // in 2015 · since 2011 · by 2020: a year alone needs a preposition, or it may be a count or a name.
  rule(`\\b(?:in|since|by|until|from|during|before|after|through|throughout|of|around|end of|start of|beginning of)\\s+${YEAR}\\b(?![-,.]?\\d)`, 'i', () => (m) =>
    dateInterval(Number(m[1]))),
];

/** The calendar unit that lies `n` units before publication ("three years ago" → that whole year). */
function agoInterval(published: IsoDate, n: number, unit: 'day' | 'week' | 'month' | 'year'): { low: IsoDate; high: IsoDate } {
  const p = { year: Number(published.slice(0, 4)), month: Number(published.slice(5, 7)) };
  if (unit === 'day') return { low: addDays(published, -n), high: addDays(published, -n) };
  if (unit === 'week') {
    const week = relativePeriod(addDays(published, -7 * n), 'this week');
    return week;
  }
  if (unit === 'month') {
    const total = p.year * 12 + (p.month - 1) - n;
    return dateInterval(Math.floor(total / 12), (total % 12) + 1);
  }
  return dateInterval(p.year - n);
}

/** Finds the dates of one sentence; `taken` spans are skipped. */
export type DateFinder = (sentence: string, taken?: { start: number; end: number }[]) => Mention[];

/**
 * A date finder for one article: the rules' global copies and resolvers, made once for all its sentences
 * (a copy per sentence and rule would cost more than the matching).
 */
export function dateFinder(published: IsoDate): DateFinder {
  const rules = RULES.map(({ re, resolve }) => ({ re: globalCopy(re), resolver: resolve(published) }));
  return (sentence, taken = []) => datesIn(sentence, rules, taken);
}

/** Finds the dates in one sentence, resolved against the publication date; `taken` spans are skipped. */
export function findDates(sentence: string, published: IsoDate, taken: { start: number; end: number }[] = []): Mention[] {
  return dateFinder(published)(sentence, taken);
}

function datesIn(sentence: string, rules: readonly { re: RegExp; resolver: Resolver }[], taken: { start: number; end: number }[]): Mention[] {
  const found: Mention[] = [];
  for (const { re, resolver } of rules) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(taken, start, end) || overlaps(found, start, end)) continue;
      const span = resolver(m, tenseAt(sentence, start));
      if (!span) continue;
      found.push({ start, end, text: m[0], unit: 'date', low: span.low, high: span.high, qualifier: span.qualifier ?? 'exact' });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Clock times ("17:34", "8 a.m.", "08:52 GMT") and web addresses: never figures. */
export function findClockTimes(sentence: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const url = /\b(?:https?:\/\/|www\.)\S+/gi;
  for (let m = url.exec(sentence); m; m = url.exec(sentence)) out.push({ start: m.index, end: m.index + m[0].length });
  const re = /\b\d{1,2}[:.]\d{2}(?:\s?(?:a\.m\.|p\.m\.|am|pm|GMT|UTC|BST|CET|EST|local time))?|\b\d{1,2}\s?(?:a\.m\.|p\.m\.|am\b|pm\b)/gi;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    // "1.5" or "12.50" amounts are not clock times unless marked as such
    if (/^\d{1,2}\.\d{2}$/.test(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
