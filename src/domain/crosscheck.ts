// The cross-check: claims about the same subject and metric form a *fact*; the rules of the README ("Cross-checking")
// "Conflicts" flag pairs of claims that cannot both be right, and `agreement` counts the independent
// sources behind each value. Pure functions of their inputs; no clock, no I/O.
//
// ── Metric names the rules rely on (compared case-insensitively, spaces collapsed) ────────────────────
//   "start date"      kind `date`: when the subject (a war, a campaign) began.
//   "end date"        kind `date`: when it ended.
//   "duration", "war duration"
//                     kind `duration`: how long the subject has lasted as of the claim's as-of date
//                     ("eight-year civil war" → 8 year, as of the publication date). Meets the subject's
//                     "start date" claims in the duration-vs-start rule.
//   A subject begins and ends once, so its start and end dates can conflict; "… start date" and
//   "… end date" metrics ("campaign start date") count too. Other date metrics ("meeting date", "attack
//   date", "ceasefire date") name events that recur — a minister visits Valdoria more than once, strikes on a
//   town come on many days — so two different dates are two occurrences: they are laid out over time and
//   counted for agreement, never called conflicting.
//
// ── Time scope of a claim (decides which rule can compare two claims) ─────────────────────────────────
//   event       the figure is a date (unit `date`)
//   duration    kind `duration` or a duration unit
//   cumulative  a count since scope_from up to the as-of date (scope_to null or equal to the as-of date):
//               "since the campaign began"
//   period      a count over scope_from..scope_to that ended before the as-of date: "in the first nine
//               months of 2017"
//   point       no scope: a share, a force size, a total as of the as-of date
//   The as-of date is claim.asOf, else the publication date of its source.
//
// ── Rules (rule id → when a pair conflicts) ───────────────────────────────────────────────────────────
//   event-date         same start or end metric, dates that do not overlap. Guard for subjects that
//                      begin more than once under one name (two ceasefires): when both dates are recent
//                      news (each within the window of its own as-of date) but the two reports are further
//                      apart than the window, they are taken to be two occurrences, not one disputed date.
//   point-in-time      as-of dates within `asOfWindowDays`, intervals that do not overlap after widening
//                      each bound by `tolerance`.
//   period-count       periods overlapping ≥ 80 % (intersection over union of days), intervals that do not
//                      overlap after tolerance. Different periods are never compared.
//   cumulative-total   totals counted from starts within the window of each other: a later total below
//                      an earlier one (after tolerance) of at most CUMULATIVE_LOOKBACK_DAYS (a year) before
//                      conflicts; totals as of dates within the window
//                      that do not overlap conflict either way.
//   The three numeric rules compare claims of different articles only: inside one article, differing
//   figures for one subject and metric are nearly always parts of a whole ("seven in combat, two in a
//   crash, one by suicide"). Internal inconsistency is flagged for dates and for duration vs start.
//   duration-vs-start  "N-year" as of D puts the start in [D − (N+1), D − (N−1)] years: one unit of
//                      slack on each side because writers round both ways ("eight-year war" for a war in
//                      its eighth year or past its eighth anniversary). A stated start outside it
//                      conflicts, in the same article (internal inconsistency) or across sources.
//                      Only durations in years or months with no period of their own take part: "four
//                      days of fighting" and "from January to September 2017" are episodes, not the
//                      subject's age.
//
// ── Severity (0–1, higher = further apart; documented so the conflicts list sorts meaningfully) ───────
//   numbers: the relative gap, gap / larger facing bound (10 against 131 → 0.92).
//   dates:   gap in days / (gap + 30): a day apart ≈ 0.03, a month 0.5, a year ≈ 0.92.
//
// ── Which claims take part ────────────────────────────────────────────────────────────────────────────
//   Rejected claims never. Candidates (unreviewed) do when settings.includeCandidates is true — the
//   default, so a disagreement shows up right after an import, before anyone has reviewed the claims.
//   Deprecated claims still take part: a settled conflict must keep its key so its decision survives
//   recomputation. Claims without a subject are never compared: "same subject" cannot be shown.

import { formatDateInterval } from './figures.js';
import {
  dayNumber,
  daysGapSeverity,
  gap,
  overlaps,
  periodOverlapFraction,
  relativeGap,
  shiftDate,
  toInterval,
  type Interval,
} from './intervals.js';
import type { Claim, DurationUnit, Figure, IsoDate } from './types.js';
import { DURATION_UNITS } from './types.js';

export const METRIC_START_DATE = 'start date';
export const METRIC_END_DATE = 'end date';
export const METRIC_DURATION = 'duration';
/** Metrics of durations that meet a subject's start date (the default lexicon says "war duration"). */
export const DURATION_METRICS: readonly string[] = [METRIC_DURATION, 'war duration'];

/** True for date metrics of events that happen once per subject: its start or its end. */
export function isOnceOnlyEventMetric(metric: string): boolean {
  const m = normaliseMetric(metric);
  return m === METRIC_START_DATE || m === METRIC_END_DATE || m.endsWith(` ${METRIC_START_DATE}`) || m.endsWith(` ${METRIC_END_DATE}`);
}

function isDurationMetric(metric: string): boolean {
  return DURATION_METRICS.includes(metric);
}

/** Two periods are "the same period" at or above this overlap (intersection over union). */
export const SAME_PERIOD_OVERLAP = 0.8;

export interface CrosscheckSettings {
  /** Point-in-time figures are compared when their as-of dates are at most this many days apart. */
  asOfWindowDays: number;
  /** Relative tolerance added to each bound before intervals are compared (0.05 = 5 %). */
  tolerance: number;
  /** Whether unreviewed (candidate) claims take part; default true. */
  includeCandidates?: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Required<CrosscheckSettings>> = {
  asOfWindowDays: 31,
  tolerance: 0.05,
  includeCandidates: true,
};

/**
 * A claim with the source and entity names the rules need to explain themselves. Field names match the
 * store's ClaimView, so a ClaimView can be passed as it is.
 */
export interface ClaimInContext extends Claim {
  sourcePublisher: string;
  sourcePublishedAt: IsoDate;
  subjectName: string | null;
  speakerName: string | null;
}

export const RULES = ['event-date', 'point-in-time', 'period-count', 'cumulative-total', 'duration-vs-start'] as const;
export type RuleId = (typeof RULES)[number];

/** A conflict as the rules compute it; the store adds status and reviewer decisions by key. */
export interface ComputedConflict {
  /** rule + sorted claim ids: "event-date:12,40". Stable across recomputation. */
  key: string;
  rule: RuleId;
  severity: number;
  explanation: string;
  claimIds: number[];
  subjectId: number | null;
  metric: string;
  /** All claims come from one article. */
  internal: boolean;
}

export type TimeScopeKind = 'event' | 'duration' | 'cumulative' | 'period' | 'point';

/** The stable key of a conflict: rule and claim ids in ascending order. */
export function conflictKey(rule: string, claimIds: readonly number[]): string {
  return `${rule}:${[...claimIds].sort((a, b) => a - b).join(',')}`;
}

/** A metric as the rules compare it: lower case, single spaces, trimmed. */
export function normaliseMetric(metric: string): string {
  return metric.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The date the claim's figure holds at: its as-of date, else its source's publication date. */
export function effectiveAsOf(claim: ClaimInContext): IsoDate {
  return claim.asOf ?? claim.sourcePublishedAt;
}

/** Which kind of time scope a claim has (see the header of this module). */
export function timeScopeKind(claim: ClaimInContext): TimeScopeKind {
  if (claim.figure.unit === 'date') return 'event';
  if (claim.kind === 'duration' || (DURATION_UNITS as readonly string[]).includes(claim.figure.unit)) return 'duration';
  if (claim.scopeFrom !== null) {
    return claim.scopeTo === null || claim.scopeTo === effectiveAsOf(claim) ? 'cumulative' : 'period';
  }
  return 'point';
}

/** True when the claim takes part in the cross-check under these settings. */
export function participates(claim: Claim, settings: CrosscheckSettings): boolean {
  if (claim.status === 'rejected') return false;
  return claim.status === 'confirmed' || settings.includeCandidates !== false;
}

/** The fact a claim belongs to: subject and metric ("12|start date"; "-|killed" without a subject). */
export function factKey(claim: Pick<Claim, 'subjectId' | 'metric'>): string {
  return `${claim.subjectId ?? '-'}|${normaliseMetric(claim.metric)}`;
}

/**
 * The group a claim's conflicts are computed in, or null when it cannot conflict (no subject). Equals the
 * fact key, except that a subject's duration claims join its "start date" fact, so that recomputing
 * one group sees both sides of the duration-vs-start rule.
 */
export function conflictGroupKey(claim: Pick<Claim, 'subjectId' | 'metric'>): string | null {
  if (claim.subjectId === null) return null;
  const metric = normaliseMetric(claim.metric);
  return `${claim.subjectId}|${isDurationMetric(metric) ? METRIC_START_DATE : metric}`;
}

/** The metrics (normalised) whose claims share a conflict group with this metric. */
export function metricsInConflictGroup(metric: string): string[] {
  const m = normaliseMetric(metric);
  return isDurationMetric(m) || m === METRIC_START_DATE ? [METRIC_START_DATE, ...DURATION_METRICS] : [m];
}

/** Claims grouped by conflictGroupKey; claims without a subject are left out. */
export function groupForConflicts<T extends Claim>(claims: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const claim of claims) {
    const key = conflictGroupKey(claim);
    if (key === null) continue;
    const list = groups.get(key);
    if (list) list.push(claim);
    else groups.set(key, [claim]);
  }
  return groups;
}

export interface Fact<T extends Claim = ClaimInContext> {
  key: string;
  subjectId: number | null;
  metric: string;
  claims: T[];
}

/** Claims grouped into facts by subject and metric, in order of first appearance. */
export function groupIntoFacts<T extends Claim>(claims: readonly T[]): Fact<T>[] {
  const facts = new Map<string, Fact<T>>();
  for (const claim of claims) {
    const key = factKey(claim);
    let fact = facts.get(key);
    if (!fact) {
      fact = { key, subjectId: claim.subjectId, metric: normaliseMetric(claim.metric), claims: [] };
      facts.set(key, fact);
    }
    fact.claims.push(claim);
  }
  return [...facts.values()];
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Pairwise rules
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** What a rule needs of a claim, worked out once per claim rather than once per pair. */
interface Prepared {
  claim: ClaimInContext;
  scope: TimeScopeKind;
  metric: string;
  asOf: number;
  interval: Interval;
  /** the interval the numeric rules compare: "about 1,200" is 1,200 itself, the tolerance gives the slack */
  core: Interval;
  /** scope_from..(scope_to or as-of) for cumulative and period claims */
  period: { from: IsoDate; to: IsoDate } | null;
}

function prepare(claim: ClaimInContext): Prepared {
  const scope = timeScopeKind(claim);
  const asOf = effectiveAsOf(claim);
  const period = claim.scopeFrom !== null ? { from: claim.scopeFrom, to: claim.scopeTo ?? asOf } : null;
  const interval = toInterval(claim.figure);
  return { claim, scope, metric: normaliseMetric(claim.metric), asOf: dayNumber(asOf), interval, core: coreOf(claim, interval), period };
}

/** "about n" is compared as [0.95 n, 1.05 n] (stored as [0.9 n, 1.1 n]). */
export const ABOUT_CORE_LOW = 0.95;
export const ABOUT_CORE_HIGH = 1.05;

/**
 * "about 1,200" is stored as [1,080, 1,320] so that a search finds it, but a writer who says "about 1,200"
 * means about 1,200: compared as 1,200 ± 5 % (with the tolerance either way), "about 1,200" and "1,400" disagree.
 */
export function coreOf(claim: Claim, interval: Interval = toInterval(claim.figure)): Interval {
  // "over 20,000" is a toll in the twenty-thousands, not any number above: read as up to twice the figure
  if (claim.qualifier === 'at-least' && claim.figure.unit !== 'date' && claim.figure.unit !== 'percent' && interval.low !== null && interval.low > 0) {
    return { low: interval.low, high: interval.low * 2 };
  }
  if (claim.qualifier !== 'about' || claim.figure.unit === 'date' || interval.low === null || interval.high === null) return interval;
  const mid = (interval.low + interval.high) / 2;
  return { low: mid * ABOUT_CORE_LOW, high: mid * ABOUT_CORE_HIGH };
}

/** Checks one pair of claims against every rule; the conflict, or null when they can both be right. */
export function checkPair(a: ClaimInContext, b: ClaimInContext, settings: CrosscheckSettings): ComputedConflict | null {
  if (!participates(a, settings) || !participates(b, settings)) return null;
  return checkPrepared(prepare(a), prepare(b), settings);
}

function checkPrepared(x: Prepared, y: Prepared, settings: CrosscheckSettings): ComputedConflict | null {
  // Canonical order, so a pair gives the same conflict (explanation included) whichever way it is met.
  const [a, b] = x.claim.id <= y.claim.id ? [x, y] : [y, x];
  if (a.claim.id === b.claim.id || a.claim.subjectId === null || a.claim.subjectId !== b.claim.subjectId) return null;
  if (a.scope === 'duration' || b.scope === 'duration') return durationVsStart(a, b);
  if (a.metric !== b.metric || a.claim.figure.unit !== b.claim.figure.unit) return null;
  if (a.scope === 'event' && b.scope === 'event') return eventDate(a, b, settings);
  // Within one article, different figures for one fact by one speaker are nearly always a breakdown ("ten
  // died: seven in combat, two in a crash, one by suicide"); figures of different speakers ("the monitor puts the toll
  // at 20,000 … the envoy says as high as 150,000") or set against each other ("closer to 100,000 than the
  // figure of 200,000", "revised from 1,400 to 1,200") are a disagreement the article reports.
  if (a.claim.sourceId === b.claim.sourceId && !disagreeInOneArticle(a.claim, b.claim)) return null;
  if (a.scope === 'point' && b.scope === 'point') return pointInTime(a, b, settings);
  if (a.scope === 'cumulative' && b.scope === 'cumulative') return cumulativeTotal(a, b, settings);
  if (a.period && b.period) return periodCount(a, b, settings);
  return null;
}

/** Two figures of one article that the article sets against each other (see checkPrepared). */
export function disagreeInOneArticle(a: ClaimInContext, b: ClaimInContext): boolean {
  // "… 43,500 more deaths, bringing the total to 62,000": a total the article adds up is no rival of its parts
  if (sumsEarlier(a, b) || sumsEarlier(b, a)) return false;
  // The publisher's own voice beside a cited figure is most often context or a part ("the war began … killing
  // 1,200"; "thousands of bodies are still buried"): only two named speakers disagree outright.
  if (a.speakerId !== null && b.speakerId !== null && independenceKey(a) !== independenceKey(b)) return true;
  if (a.quoteStart !== b.quoteStart) return false;
  return CONTRAST.test(between(a, b)) || (REVISION.test(a.quote) && /^\s*to\b/i.test(between(a, b)));
}

// Words that make the figure after them the sum of figures stated before ("bringing the total to 62,000").
const SUM_BEFORE = /\b(?:bring\w*|tak\w*|took|push\w*|rais\w*)\s+the\s+(?:\w+\s+)?(?:total|toll|tally|count)\s+to\s+(?:\S+\s+){0,4}$/i;

/** True when `total` is stated as the sum of figures before it and `part` comes no later in the article. */
function sumsEarlier(total: ClaimInContext, part: ClaimInContext): boolean {
  if (part.quoteStart > total.quoteStart) return false;
  const at = total.quote.indexOf(total.valueText);
  return at > 0 && SUM_BEFORE.test(total.quote.slice(Math.max(0, at - 80), at));
}

// Words between two figures of one sentence that set one against the other.
const CONTRAST = /\b(?:than|not|rather than|instead of|contrary to|against|contradict\w*|disput\w*)\b/i;
const REVISION = /\b(?:revis\w*|updat\w*|correct\w*|lower\w*|rais\w*|cut|adjust\w*)\b/i;

/** The words between two figures of one sentence (located by their value text in the quote). */
function between(a: ClaimInContext, b: ClaimInContext): string {
  const x = a.quote.indexOf(a.valueText);
  const y = a.quote.indexOf(b.valueText, x < 0 ? 0 : x + a.valueText.length);
  if (x < 0 || y < 0) {
    const y2 = a.quote.indexOf(b.valueText);
    const x2 = y2 < 0 ? -1 : a.quote.indexOf(a.valueText, y2 + b.valueText.length);
    return x2 < 0 || y2 < 0 ? '' : a.quote.slice(y2 + b.valueText.length, x2);
  }
  return a.quote.slice(x + a.valueText.length, y);
}

function eventDate(a: Prepared, b: Prepared, settings: CrosscheckSettings): ComputedConflict | null {
  if (!isOnceOnlyEventMetric(a.metric)) return null;
  if (looksLikeTwoOccurrences(a, b, settings.asOfWindowDays)) return null;
  const g = gap(a.interval, b.interval);
  if (g === 0) return null;
  const [first, second] = ordered(a, b, (p) => p.interval.low ?? Number.NEGATIVE_INFINITY);
  const explanation =
    `${lead(a, b, topic(a))}${says(first)}; ${says(second)}. These dates do not overlap; they are ${days(g)} apart.`;
  return build('event-date', a, b, daysGapSeverity(g), explanation);
}

/** Two recent-news dates reported further apart than the window are two occurrences (two visits). */
function looksLikeTwoOccurrences(a: Prepared, b: Prepared, windowDays: number): boolean {
  const recent = (p: Prepared): boolean => gap(p.interval, { low: p.asOf, high: p.asOf }) <= windowDays;
  return recent(a) && recent(b) && Math.abs(a.asOf - b.asOf) > windowDays;
}

function pointInTime(a: Prepared, b: Prepared, settings: CrosscheckSettings): ComputedConflict | null {
  const apart = Math.abs(a.asOf - b.asOf);
  if (apart > settings.asOfWindowDays) return null;
  if (overlaps(a.core, b.core, settings.tolerance)) return null;
  const [first, second] = ordered(a, b, (p) => p.asOf);
  const explanation =
    `${lead(a, b, topic(a))}${says(first)}; ${says(second)}. ` +
    `The figures hold at dates ${apart === 0 ? 'on the same day' : `${days(apart)} apart`} and do not overlap, ` +
    `even allowing ${percent(settings.tolerance)} either way.`;
  return build('point-in-time', a, b, relativeGap(a.core, b.core), explanation);
}

function periodCount(a: Prepared, b: Prepared, settings: CrosscheckSettings): ComputedConflict | null {
  if (!a.period || !b.period) return null;
  const shared = periodOverlapFraction(a.period, b.period);
  if (shared < SAME_PERIOD_OVERLAP) return nestedPeriods(a, b, settings);
  if (overlaps(a.core, b.core, settings.tolerance)) return null;
  const [first, second] = ordered(a, b, (p) => dayNumber(p.period!.from));
  const explanation =
    `${lead(a, b, `${topic(a)} over the same period`)}${says(first)}; ${says(second)}. ` +
    `The periods share ${Math.round(shared * 100)} % of their days and the counts do not overlap, ` +
    `even allowing ${percent(settings.tolerance)} either way.`;
  return build('period-count', a, b, relativeGap(a.core, b.core), explanation);
}

/**
 * A count over part of a period cannot exceed the count over the whole of it: "200,000 dead in the 1992–1995 war"
 * against "110,000 dead in the war of the 1990s". A part below its whole is no disagreement (fewer died in one
 * year than in five). Only closed periods nest; a running total to its as-of date is another rule's.
 */
function nestedPeriods(a: Prepared, b: Prepared, settings: CrosscheckSettings): ComputedConflict | null {
  if (a.scope !== 'period' || b.scope !== 'period' || !a.period || !b.period) return null;
  const inside = (x: Prepared, y: Prepared): boolean => x.period!.from >= y.period!.from && x.period!.to <= y.period!.to;
  const [part, whole] = inside(a, b) ? [a, b] : inside(b, a) ? [b, a] : [null, null];
  if (!part || !whole || overlaps(part.core, whole.core, settings.tolerance)) return null;
  if (part.core.low === null || whole.core.high === null || part.core.low <= whole.core.high) return null;
  const explanation =
    `${lead(a, b, `${topic(a)} over nested periods`)}${says(whole)} from ${day(whole.period!.from)} to ${day(whole.period!.to)}; ` +
    `${says(part)} from ${day(part.period!.from)} to ${day(part.period!.to)}, a part of that period, yet the count is higher, ` +
    `even allowing ${percent(settings.tolerance)} either way.`;
  return build('period-count', a, b, relativeGap(a.core, b.core), explanation);
}

/**
 * How far back a running total is checked for a decrease. A low total set against every higher total of the
 * years before buries the reviewer in near-identical conflicts (one figure against thousands); within a year
 * the comparison is between reports of the same stage of the war, and the nearest ones carry the signal.
 */
export const CUMULATIVE_LOOKBACK_DAYS = 365;

function cumulativeTotal(a: Prepared, b: Prepared, settings: CrosscheckSettings): ComputedConflict | null {
  if (!a.period || !b.period) return null;
  const window = settings.asOfWindowDays;
  if (Math.abs(dayNumber(a.period.from) - dayNumber(b.period.from)) > window) return null;
  if (overlaps(a.core, b.core, settings.tolerance)) return null;
  const [earlier, later] = ordered(a, b, (p) => p.asOf);
  const apart = later.asOf - earlier.asOf;
  const decreased = later.core.high !== null && earlier.core.low !== null && later.core.high < earlier.core.low;
  if (apart > window && (!decreased || apart > CUMULATIVE_LOOKBACK_DAYS)) return null;
  const why = decreased
    ? `The later total is lower than the earlier one, though a running total can only grow.`
    : `The totals hold at dates ${apart === 0 ? 'on the same day' : `${days(apart)} apart`} and do not overlap, even allowing ${percent(settings.tolerance)} either way.`;
  const explanation = `${lead(a, b, `${topic(a)}, counted from the same start`)}${says(earlier)}; ${says(later)}. ${why}`;
  return build('cumulative-total', a, b, relativeGap(a.core, b.core), explanation);
}

function durationVsStart(a: Prepared, b: Prepared): ComputedConflict | null {
  const duration = a.scope === 'duration' ? a : b;
  const start = duration === a ? b : a;
  if (!isDurationMetric(duration.metric) || start.metric !== METRIC_START_DATE || start.scope !== 'event') return null;
  // Days and weeks measure an episode ("four days of fighting"), not how old a war or campaign is.
  if (duration.claim.figure.unit !== 'year' && duration.claim.figure.unit !== 'month') return null;
  const implied = impliedStart(duration.claim);
  if (!implied) return null;
  const g = gap(toInterval(implied), start.interval);
  if (g === 0) return null;
  const asOf = day(duration.claim.scopeTo ?? effectiveAsOf(duration.claim));
  const range = implied.low === null ? `no later than ${day(implied.high)}` : `between ${day(implied.low)} and ${day(implied.high)}`;
  const explanation =
    `${lead(a, b, topic(start))}${says(duration)} as its length as of ${asOf}, which puts the start ${range}; ` +
    `${says(start)} as its start. These are ${days(g)} apart.`;
  return build('duration-vs-start', a, b, daysGapSeverity(g), explanation);
}

/**
 * The start date a duration implies: as of D, a duration of [low, high] units began between
 * D − (high + 1) and D − (low − 1) units (one unit of rounding slack each side). Null when the figure
 * is not a usable duration.
 */
export function impliedStart(claim: ClaimInContext): { unit: 'date'; low: IsoDate | null; high: IsoDate } | null {
  const f = claim.figure;
  if (f.unit === 'date' || !(DURATION_UNITS as readonly string[]).includes(f.unit)) return null;
  // "Over the first nine months of 2017" states its own period; it says nothing of when the subject began.
  if (claim.scopeFrom !== null) return null;
  const unit = f.unit as DurationUnit;
  const asOf = claim.scopeTo ?? effectiveAsOf(claim);
  const shortest = Math.max(0, (f.low ?? 0) - 1);
  return {
    unit: 'date',
    low: f.high === null ? null : shiftDate(asOf, -(f.high + 1), unit),
    high: shiftDate(asOf, -shortest, unit),
  };
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Explanations: plain language naming the figures and who stated them
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

function build(rule: RuleId, a: Prepared, b: Prepared, severity: number, explanation: string): ComputedConflict {
  const ids = [a.claim.id, b.claim.id].sort((x, y) => x - y);
  // Stored under the start-date side's metric as written, so the store finds it with that fact.
  const startSide = isDurationMetric(a.metric) ? b : a;
  return {
    key: conflictKey(rule, ids),
    rule,
    severity: Math.round(severity * 1000) / 1000,
    explanation,
    claimIds: ids,
    subjectId: a.claim.subjectId,
    metric: startSide.claim.metric,
    internal: a.claim.sourceId === b.claim.sourceId,
  };
}

/** "Sources disagree on when the Valdorian war began: " or, within one article, "Internal inconsistency in …". */
function lead(a: Prepared, b: Prepared, about: string): string {
  if (a.claim.sourceId === b.claim.sourceId) {
    if (independenceKey(a.claim) !== independenceKey(b.claim) || a.scope !== 'event') {
      return `${a.claim.sourcePublisher} (${day(a.claim.sourcePublishedAt)}) reports disagreeing figures on ${about}: `;
    }
    return `Internal inconsistency in ${a.claim.sourcePublisher} (${day(a.claim.sourcePublishedAt)}) on ${about}: `;
  }
  return `Sources disagree on ${about}: `;
}

/** What the fact is about, in words: "when the Valdorian war began", "territory controlled (Valdorian government)". */
function topic(p: Prepared): string {
  const subject = p.claim.subjectName ?? 'the subject';
  if (p.metric === METRIC_START_DATE) return `when ${withArticle(subject)} began`;
  if (p.metric === METRIC_END_DATE) return `when ${withArticle(subject)} ended`;
  if (isOnceOnlyEventMetric(p.metric)) return `the ${p.metric} of ${withArticle(subject)}`;
  return `${p.metric} (${subject})`;
}

/**
 * "Valdorian war" → "the Valdorian war". Only descriptions (with a lower-case word) get an article;
 * proper names ("Operation Dawn", "Ilse Varga", "Ahmad bin Ali") and names that already have one
 * stay as they are.
 */
function withArticle(subject: string): string {
  if (/^(the|a|an)\s/i.test(subject)) return subject;
  const descriptive = subject.split(/\s+/).some((w) => /^\p{Ll}/u.test(w) && !NAME_PARTICLES.has(w) && !/^\p{Ll}+-\p{Lu}/u.test(w));
  return descriptive ? `the ${subject}` : subject;
}

/** Lower-case words that belong to personal names. */
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'de', 'da', 'di', 'du', 'del', 'della', 'van', 'von', 'der', 'den', 'la', 'le', 'y']);

/** "The National (19 Mar 2019), citing X, via Y, gives "2015" (reportedly)". */
function says(p: Prepared): string {
  const c = p.claim;
  const who = [`${c.sourcePublisher} (${day(c.sourcePublishedAt)})`];
  if (c.speakerName) who.push(`citing ${c.speakerName}`);
  if (c.relay) who.push(`via ${c.relay}`);
  const hedge = c.hedge ? ` (${c.hedge})` : '';
  // A comma closes the attribution aside: "Courier, citing Varga, gives …".
  return `${who.join(', ')}${who.length > 1 ? ',' : ''} gives "${c.valueText}"${hedge}`;
}

function day(iso: IsoDate): string {
  return formatDateInterval(iso, iso);
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n.toLocaleString('en-US')} days`;
}

function percent(t: number): string {
  return `${Math.round(t * 1000) / 10} %`;
}

function ordered(a: Prepared, b: Prepared, by: (p: Prepared) => number): [Prepared, Prepared] {
  const [x, y] = [by(a), by(b)];
  return x < y || (x === y && a.claim.id < b.claim.id) ? [a, b] : [b, a];
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Whole facts and incremental recomputation
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * All conflicts among one conflict group's claims (see conflictGroupKey), ordered by key. O(n²) pairs
 * over a group; groups are small. Claims from other groups are ignored by the rules anyway.
 */
export function conflictsForFact(claims: readonly ClaimInContext[], settings: CrosscheckSettings): ComputedConflict[] {
  const prepared = claims.filter((c) => participates(c, settings)).map(prepare);
  const found: ComputedConflict[] = [];
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      const conflict = checkPrepared(prepared[i]!, prepared[j]!, settings);
      if (conflict) found.push(conflict);
    }
  }
  return found.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/**
 * The conflicts of a group that involve at least one of the changed claims: what an import or an edit
 * needs recomputed, in O(changed × group) instead of O(group²). Conflicts between unchanged claims
 * cannot have changed.
 */
export function conflictsInvolving(
  changedIds: Iterable<number>,
  claims: readonly ClaimInContext[],
  settings: CrosscheckSettings,
): ComputedConflict[] {
  const changed = new Set(changedIds);
  const prepared = claims.filter((c) => participates(c, settings)).map(prepare);
  const touched = prepared.filter((p) => changed.has(p.claim.id));
  const found: ComputedConflict[] = [];
  for (const a of touched) {
    for (const b of prepared) {
      // A pair of two changed claims is met twice; keep it once, from its lower id.
      if (a === b || (changed.has(b.claim.id) && b.claim.id < a.claim.id)) continue;
      const conflict = checkPrepared(a, b, settings);
      if (conflict) found.push(conflict);
    }
  }
  return found.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Agreement
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Who a claim ultimately comes from: its speaker; else the outlet it was relayed from; else its
 * publisher. One ministry figure carried by three outlets has one origin.
 */
export function independenceKey(claim: ClaimInContext): string {
  if (claim.speakerId !== null) return `speaker:${claim.speakerId}`;
  if (claim.relay) return `relay:${foldRelay(claim.relay)}`;
  return `publisher:${fold(claim.sourcePublisher)}`;
}

// Relays are stored as written ("as reported by Northgate Wire", "TASS reported"); the cue words around
// the name are dropped so that two spellings of one relay meet.
const RELAY_CUES = /\b(according to|as reported by|reported by|reported|reports|reporting|citing|cited by|via|quoted by|said|says|told)\b/g;

function foldRelay(relay: string): string {
  return fold(fold(relay).replace(RELAY_CUES, ' '));
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

export interface ValueSupport {
  /** The value: the figure and time scope shared by `claimIds`. */
  figure: Figure;
  scopeFrom: IsoDate | null;
  scopeTo: IsoDate | null;
  valueText: string;
  /** Claims stating exactly this figure and scope. */
  claimIds: number[];
  /** Claims compatible with it: comparable time scope and intervals overlapping after tolerance. */
  supportingClaimIds: number[];
  /** How many independent origins back it (see independenceKey). */
  independentSources: number;
}

/**
 * The values stated for a fact and how many independent sources back each, most backed first. A claim
 * backs a value when the two are comparable (the same rule scope) and overlap after tolerance.
 */
export function agreement(claims: readonly ClaimInContext[], settings: CrosscheckSettings): ValueSupport[] {
  const prepared = claims.filter((c) => participates(c, settings)).map(prepare);
  // A value is one figure and scope; the same figure stated at dates further apart than the window (a
  // share in 2016 and again in 2021) is two values, so each is checked against its own time.
  const values: { key: string; members: Prepared[] }[] = [];
  for (const p of prepared) {
    const c = p.claim;
    const key = JSON.stringify([c.figure.unit, c.figure.low, c.figure.high, c.scopeFrom, c.scopeTo, p.metric]);
    const home = values.find((v) => v.key === key && supports(v.members[0]!, p, settings));
    if (home) home.members.push(p);
    else values.push({ key, members: [p] });
  }
  const result: ValueSupport[] = [];
  for (const { members } of values) {
    const rep = members[0]!;
    const supporting = prepared.filter((p) => members.includes(p) || supports(rep, p, settings));
    result.push({
      figure: rep.claim.figure,
      scopeFrom: rep.claim.scopeFrom,
      scopeTo: rep.claim.scopeTo,
      valueText: rep.claim.valueText,
      claimIds: members.map((m) => m.claim.id).sort((x, y) => x - y),
      supportingClaimIds: supporting.map((s) => s.claim.id).sort((x, y) => x - y),
      independentSources: new Set(supporting.map((s) => independenceKey(s.claim))).size,
    });
  }
  return result.sort((x, y) => y.independentSources - x.independentSources || (x.claimIds[0] ?? 0) - (y.claimIds[0] ?? 0));
}

/** True when claim p agrees with the value represented by rep. */
function supports(rep: Prepared, p: Prepared, settings: CrosscheckSettings): boolean {
  if (rep.metric !== p.metric || rep.scope !== p.scope || rep.claim.figure.unit !== p.claim.figure.unit) return false;
  if (rep.claim.subjectId !== p.claim.subjectId) return false;
  const tolerance = rep.scope === 'event' ? 0 : settings.tolerance;
  if (!overlaps(rep.interval, p.interval, tolerance)) return false;
  switch (rep.scope) {
    case 'event':
      return !looksLikeTwoOccurrences(rep, p, settings.asOfWindowDays);
    case 'point':
    case 'cumulative':
      return Math.abs(rep.asOf - p.asOf) <= settings.asOfWindowDays;
    case 'period':
      return !!rep.period && !!p.period && periodOverlapFraction(rep.period, p.period) >= SAME_PERIOD_OVERLAP;
    case 'duration':
      return Math.abs(rep.asOf - p.asOf) <= settings.asOfWindowDays;
  }
}
