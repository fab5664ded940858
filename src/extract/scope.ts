// Time scope of a count or share: the period it covers, from the words of its sentence ("since last
// September", "over the first nine months of 2017", "over the past three days", "this year").

import type { IsoDate } from '../domain/types.js';
import { addDays } from '../domain/calendar.js';
import { wordsToNumber } from '../domain/figures.js';
import { dayNumber } from '../domain/intervals.js';
import { firstMonthsOfYear, periodToDate, relativePeriod } from '../domain/timescope.js';
import type { Mention } from './mentions.js';

type Scope = { from: IsoDate | null; to: IsoDate | null };

/**
 * The period a whole sentence sets for its counts ("since last September", "over the first nine months of
 * 2017", "this year"), or null when it sets none. The same for every figure of the sentence, so it is
 * worked out once per sentence.
 */
export function sentenceScope(text: string, dates: readonly Mention[], published: IsoDate): Scope | null {
  for (const d of dates) {
    const before = text.slice(Math.max(0, d.start - 8), d.start);
    // "The commander, who has led the army since 2010, said": a date of the aside on the speaker bounds no count
    if (RELATIVE_ASIDE.test(text.slice(Math.max(0, d.start - 80), d.start)) && /^[^,;]*,/.test(text.slice(d.end))) continue;
    if ((/^since\b/i.test(d.text) || /\bsince\s+$/i.test(before)) && typeof d.low === 'string') return { from: d.low, to: published };
  }
  const first = /\b(?:in\s+)?the\s+first\s+(\w+)\s+months\s+of\s+(?:the\s+year|this\s+year|(\d{4}))/i.exec(text);
  if (first?.[1]) {
    const n = Number(first[1]) || wordsToNumber(first[1]);
    if (n) {
      const span = firstMonthsOfYear(published, n, first[2] ? Number(first[2]) : undefined);
      return { from: span.low, to: span.high };
    }
  }
  const past = /\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:(\w+)\s+)?(hours?|days?|weeks?|months?|years?)\b/i.exec(text);
  if (past?.[2]) {
    const n = past[1] ? Number(past[1]) || wordsToNumber(past[1]) : 1;
    if (n) return { from: periodStart(published, n, past[2].toLowerCase().replace(/s$/, '')), to: published };
  }
  if (countedThisYear(text)) return periodToDate(published, 'this year');
  // "said in September last year that …" dates the statement, not the period its figures cover
  const lastYear = /\blast year\b/i.exec(text);
  if (lastYear && !timeOfAnother(text, lastYear.index, lastYear.index + lastYear[0].length)) {
    const span = relativePeriod(published, 'last year');
    return { from: span.low, to: span.high };
  }
  return null;
}

// A time phrase followed by who spoke and a verb of saying: "In February last year the government gave a toll of"
const STATEMENT_AFTER = /^\s*,?\s*(?:the|a|an|its|their)\s+[^,;.\d]{0,40}?\b(?:said|says|gave|put|published|reported|announced|released|issued|told|estimated)\b/i;
const RELATIVE_ASIDE = /,\s*(?:who|which)\s[^,;]*$/i;
/** "killed this year", "this year's toll": a count of this year; "reported this year that …" dates the report instead. */
function countedThisYear(text: string): boolean {
  const m = /\b(?:so far )?this year\b|\bsince the (?:start|beginning) of (?:the|this) year\b/i.exec(text);
  if (!m) return false;
  return /^[’']s\b/.test(text.slice(m.index + m[0].length)) || !STATEMENT_TIME_BEFORE.test(text.slice(Math.max(0, m.index - 50), m.index));
}

// The longest span, in days, of a month that dates a statement
const MONTH_DAYS = 31;

// A toll given, not a count told: "put the number of dead at", "gave an official toll of" (an aside may come first)
const TOLL_GIVEN_AFTER = /^[^.;]{0,120}?\b(?:gave|gives|put|puts|published|issued|released)\s+(?:a|an|the|its|their|his|her)\s+(?:[\p{L}-]+\s+){0,3}?(?:toll|number|figure|count|estimate|tally)\b/iu;

/**
 * "In February last year the government gave a toll of …", "In early March, … leaders put the number of dead at": a
 * month opening the sentence dates the statement.
 */
function monthOfStatement(text: string, d: Mention): boolean {
  if (typeof d.low !== 'string' || typeof d.high !== 'string' || daysBetween(d.low, d.high) >= MONTH_DAYS) return false;
  if (d.start > 1 && !/^\s*in\s+$/i.test(text.slice(0, d.start))) return false;
  // (a month of this year opening the sentence is still the period of its counts: "In February the ministry said 340
  // died"; only a toll given, as "put the number at", dates the statement)
  const after = text.slice(d.end);
  // ("In February alone, the ministry gave a toll of 410", "put the number killed that month at", "now puts": the month's
  // count, or today's)
  if (/^\s*alone\b/i.test(after) || /\b(?:that|the)\s+month\b|\bnow\b/i.test(after)) return false;
  return (/\blast\s+year\b/i.test(d.text) && STATEMENT_AFTER.test(after)) || TOLL_GIVEN_AFTER.test(after);
}

function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * A time phrase that dates something else than the sentence's counts: a statement ("said last year", "In February last
 * year the government gave") or the aside on a speaker ("the ministry, which began registering victims last year so
 * that families could claim, has recorded").
 */
function timeOfAnother(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  return STATEMENT_TIME_BEFORE.test(before.slice(-50)) || STATEMENT_AFTER.test(text.slice(end)) || (RELATIVE_ASIDE.test(before) && /^[^,;]*,/.test(text.slice(end)));
}

// A reporting verb right before a time phrase: "said last year", "reported in March last year".
const STATEMENT_TIME_BEFORE = /\b(?:said|says|told\s+\w+|reported|announced|stated|claimed|estimated|wrote|noted|concluded)\s+(?:(?:in|on|early|late)\s+)?(?:\p{L}+\s+)?$/iu;

// A sentence that opens on the war it speaks of, before that war's span: "For the first war, "
const FOR_THE_WAR = /^\s*(?:for|in|of)\s+the\s+(?:[\p{Ll}-]+\s+)?(?:war|conflict|insurgency|uprising|rebellion|campaign)\s*,\s*$/iu;

/** The period a count or share covers, from the words of its sentence. */
export function scopeOf(
  text: string,
  m: Mention,
  dates: readonly Mention[],
  published: IsoDate,
  sentenceWide?: Scope | null,
): Scope | null {
  const wide = sentenceWide === undefined ? sentenceScope(text, dates, published) : sentenceWide;
  if (wide && !inLaterClause(text, m, dates)) return wide;
  // "In 2017, 10,000 were killed": a period opening the sentence bounds its counts
  // ("In February last year the government gave a toll of …": the time of the statement)
  const opening = dates.find((d) => d.start <= 1 && d.end <= m.start && /^(?:in|during|throughout)\s/i.test(d.text) && typeof d.low === 'string' && !monthOfStatement(text, d));
  if (opening && typeof opening.high === 'string') return { from: opening.low as IsoDate, to: opening.high };
  // "killed 300 people in 2016": a date just after the figure bounds the count
  const after = dates.find((d) => d.start >= m.end && d.start - m.end < 60 && typeof d.low === 'string' && typeof d.high === 'string');
  const lead = (d: Mention): string => `${text.slice(Math.max(0, d.start - 12), d.start).trim().split(/\s+/).pop() ?? ''} ${d.text}`;
  // "killed 4,000 since it began in March 2025": the war's whole toll so far, not a count over March 2025
  if (after && /\bsince\b/i.test(text.slice(m.end, after.start))) return null;
  // "died in the battle for Mesa, which ended in July": the date of the event's end, not the count's period
  if (after && /,\s*(?:which|that)\s/i.test(text.slice(m.end, after.start))) return null;
  if (after && /(?:^|\s)(?:in|during|throughout)\s/i.test(lead(after))) {
    return { from: after.low as IsoDate, to: after.high as IsoDate };
  }
  // "Two airmen died on Tuesday": a day named after the figure makes it that day's count, not a running
  // total; "said on Tuesday" dates the statement instead
  const between = after ? text.slice(m.end, after.start) : '';
  const onDay = after && (/^on\s/i.test(after.text) || /\bon\s+$/i.test(text.slice(Math.max(0, after.start - 4), after.start)));
  // ("put the toll at 132 in a statement read on state television on Saturday": the day of the statement)
  if (after && onDay && !/\b(?:said|says|told|reported|announced|stated|added|confirmed|claimed|statement|broadcast|briefing|conference|published|released|issued)\b|[;:]/i.test(between)) {
    return { from: after.low as IsoDate, to: after.high as IsoDate };
  }
  return attackDated(text, m, dates);
}

// An attack named before its date: "the bombing of October 2017", "the raid on 2 May", "the massacre in March 1993"
const ATTACK_OF = /\b(?:attacks?|bombings?|massacres?|raids?|strikes?|ambush(?:es)?|assaults?|blasts?|explosions?|shelling|killings)\s+(?:(?:of|in|on)\s+)?$/i;
// … then the toll in a relative clause: ", which killed", ", that left … dead"
// (or ", in which local officials say": the toll told of it)
const WHICH_KILLED = /^\s*,?\s*(?:(?:which|that)\s+(?:killed|left|claimed)\s+(?:\S+\s+){0,2}|in\s+which\s+(?:\S+\s+){0,4}(?:say|says|said)\s+(?:that\s+)?(?:\S+\s+){0,2})$/i;

/** "Survivors of the bombing of October 2017, which killed 587 people": the toll of that attack, over its date. */
function attackDated(text: string, m: Mention, dates: readonly Mention[]): Scope | null {
  const d = dates.filter((x) => x.end <= m.start && m.start - x.end < 40 && typeof x.low === 'string' && typeof x.high === 'string').pop();
  if (!d || !WHICH_KILLED.test(text.slice(d.end, m.start))) return null;
  return ATTACK_OF.test(text.slice(Math.max(0, d.start - 30), d.start)) ? { from: d.low as IsoDate, to: d.high as IsoDate } : null;
}

/**
 * True when the sentence's "since" date sits in a clause of its own after the figure: "held 55% of the region, he
 * said, and much of that had been in rebel hands since 2014" dates the rebels' hold, not the 55 %.
 */
function inLaterClause(text: string, m: Mention, dates: readonly Mention[]): boolean {
  const since = dates.find((d) => /^since\b/i.test(d.text) || /\bsince\s+$/i.test(text.slice(Math.max(0, d.start - 8), d.start)));
  return since !== undefined && since.start >= m.end && /;|,\s*(?:and|but|while|whereas|although)\b/i.test(text.slice(m.end, since.start));
}

/** The first day of a period of `n` units that ends on publication ("the past two weeks"). */
function periodStart(published: IsoDate, n: number, unit: string): IsoDate {
  const days = unit === 'year' ? 365 * n : unit === 'month' ? 30 * n : unit === 'week' ? 7 * n : unit === 'day' ? n : Math.ceil(n / 24);
  return addDays(published, -days);
}

// The widest span a sentence-opening statement date may have and still date the statement ("last week").
const STATEMENT_WEEK = 7;

/**
 * The day a figure was stated, when the sentence says so: "On May 20 the spokesperson said that … 310"
 * or "… told reporters on Friday that …". A figure stated on that day holds as of that day, not as of the
 * publication date of an article that recalls it months later. Null when the sentence names no such day.
 */
export function statementDate(text: string, dates: readonly Mention[], m: Mention, published: IsoDate): IsoDate | null {
  for (const d of dates) {
    if (d.end > m.start || typeof d.low !== 'string' || typeof d.high !== 'string' || d.low > published) continue;
    const opener = /^\W*(?:on\s+)?$/i.test(text.slice(0, d.start));
    if (d.low !== d.high) {
      // "Last week, officials had put the toll at 1,000": a statement of a past week held by that week's end;
      // "In February last year the government gave": held by the month's end
      const week = opener && daysBetween(d.low, d.high) <= STATEMENT_WEEK;
      if (d.high < published && (week || monthOfStatement(text, d))) return d.high;
      continue;
    }
    const afterVerb = /\b(?:said|says|told\s+\w+|reported|announced|stated|claimed|estimated)\s+(?:on\s+)?$/i.test(text.slice(Math.max(0, d.start - 40), d.start));
    if (opener || afterVerb) return d.low;
  }
  return null;
}

/**
 * The day a running total held, when the sentence says so after the figure: "had killed 377,000 people by the end
 * of 2021", "by March 2024". A total told as of a past date meets other totals of that date, not today's.
 */
export function heldBy(text: string, dates: readonly Mention[], m: Mention, published: IsoDate): IsoDate | null {
  // "For the first war, from December 1994 to August 1996, the group gives 35,000 dead": the whole war's toll, as of its end
  const war = dates.find((x) => x.end <= m.start && x.qualifier === 'range' && typeof x.high === 'string' && FOR_THE_WAR.test(text.slice(0, x.start)));
  if (war && (war.high as IsoDate) <= published) return war.high as IsoDate;
  const d = dates.find((x) => x.start >= m.end && x.start - m.end < 80 && typeof x.high === 'string');
  if (!d || (d.high as IsoDate) > published || /[;]/.test(text.slice(m.end, d.start))) return null;
  const by = /\bby\s+(?:the\s+(?:(?:end|close)\s+of\s+)?)?$/i.test(text.slice(Math.max(0, d.start - 20), d.start)) || /^by\s/i.test(d.text);
  return by ? (d.high as IsoDate) : null;
}

/**
 * The day a figure held, when a "when" clause of its sentence dates it: "When the president announced the withdrawal on
 * 14 April, about 3,500 troops were in Mesa", "the 2,500 troops who were in Mesa when the president announced it in
 * April". The count is the one of that day, not of the day it is retold. ("When asked on Monday, the minister said":
 * the day of the statement, which statementDate reads.) Null otherwise.
 */
export function heldWhen(text: string, dates: readonly Mention[], m: Mention, published: IsoDate): IsoDate | null {
  for (const w of text.matchAll(WHEN())) {
    const at = w.index;
    const d = dates.find((x) => x.start > at && x.start - at < 90 && typeof x.high === 'string' && !/[;,.]/.test(text.slice(at, x.start)));
    if (!d || (d.high as IsoDate) > published) continue;
    const clauseEnd = d.end + Math.max(0, text.slice(d.end).search(/[,;]|$/));
    // the figure follows the clause it opens, or the clause comes soon after the figure in its own phrase
    const opens = at < m.start && m.start - clauseEnd >= 0 && m.start - clauseEnd < 60 && /^[^;]*,/.test(text.slice(clauseEnd, m.start + 1));
    const follows = at >= m.end && at - m.end < 60 && !/[;,]/.test(text.slice(m.end, at));
    if (opens || follows) return d.high as IsoDate;
  }
  return null;
}

// "when" opening a clause of time, not "when asked" (the statement) nor a future "when … will"
// (a fresh global pattern for each scan, so no lastIndex outlives it)
const WHEN = (): RegExp => /\bwhen\s+(?!asked\b|questioned\b|pressed\b)(?![^,;.]*\bwill\b)/gi;

/**
 * The day a force was sent, when the sentence dates the sending: "Peru sent 1,000 soldiers to Lerna in July", "which
 * deployed 2,000 troops there in July 2021". The count is the size of that deployment, so it holds then, not on the
 * day it is retold (the last day of the month or year the date names). Null otherwise.
 */
export function sentAt(text: string, dates: readonly Mention[], m: Mention, published: IsoDate): IsoDate | null {
  if (!SENT_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start))) return null;
  const d = dates.find((x) => x.start >= m.end && x.start - m.end < 80 && typeof x.high === 'string');
  if (!d || (d.high as IsoDate) > published || /[;,]/.test(text.slice(m.end, d.start))) return null;
  return /\b(?:in|on)\s+$/i.test(text.slice(Math.max(0, d.start - 4), d.start)) || /^(?:in|on)\s/i.test(d.text) ? (d.high as IsoDate) : null;
}

// The verb of sending a force, right before its count: "sent", "has deployed about", "dispatched some".
const SENT_BEFORE = /\b(?:sent|deployed|dispatched|sends|deploys)\s+(?:(?:about|around|some|nearly|more\s+than|over|at\s+least|up\s+to|another|an\s+extra)\s+)?$/i;

/**
 * The day a toll belongs to when the sentence ties the killing to one day: "raiders crossed the river on
 * 2 May 2031, killing about 300 villagers", "gunmen who attacked on May 2 killed 340 people". Such a toll is the count
 * of that day's attack whenever it is reported, so it is scoped to that day. Null otherwise.
 */
export function eventDay(text: string, dates: readonly Mention[], m: Mention, published: IsoDate): IsoDate | null {
  for (const d of dates) {
    if (d.end > m.start || m.start - d.end > 90 || typeof d.low !== 'string' || d.low !== d.high || d.low > published) continue;
    const between = text.slice(d.end, m.start);
    if (/\b(?:said|says|told|reported|announced|according|claimed|claims|stated|insisted|since|until|by)\b/i.test(between)) continue;
    if (/^\W*(?:on\s+)?$/i.test(text.slice(0, d.start))) continue; // a sentence-opening date is when it was said
    // "the army said on Saturday it had killed 150": the day of the statement, not of the killing
    if (/\b(?:said|says|told\s+\w+|reported|announced|stated|claimed)\s+(?:on\s+)?$/i.test(text.slice(Math.max(0, d.start - 30), d.start))) continue;
    if (/\b(?:killing|killed|kill|murdered|massacred|slaughtered)\s+(?:\w+\s+){0,2}$/i.test(between)) return d.low;
  }
  return null;
}
