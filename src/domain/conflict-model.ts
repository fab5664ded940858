// The cross-check's model (crosscheck.ts explains it): metric names the rules rely on, settings, a claim in context,
// time-scope kinds, facts and conflict groups, a claim prepared for the rules, and who counts as an independent
// source. Pure; the rules import it, and crosscheck.ts re-exports it so callers name one module.

import { dayNumber, gap, toInterval, widen, type Interval } from './intervals.js';
import type { Claim, IsoDate } from './types.js';
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

export function isDurationMetric(metric: string): boolean {
  return DURATION_METRICS.includes(metric);
}

/** Two periods are "the same period" at or above this overlap (intersection over union). */
export const SAME_PERIOD_OVERLAP = 0.8;

/**
 * How far back a running total is checked for a decrease. A low total set against every higher total of the
 * years before buries the reviewer in near-identical conflicts (one figure against thousands); within a year
 * the comparison is between reports of the same stage of the war, and the nearest ones carry the signal.
 */
export const CUMULATIVE_LOOKBACK_DAYS = 365;

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

export const RULES = ['event-date', 'point-in-time', 'period-count', 'cumulative-total', 'duration-vs-start', 'part-above-whole', 'revision', 'lengths'] as const;
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

/**
 * Given to conflictsForFact or conflictsInvolving (crosscheck.ts), it is handed each conflict found instead of the
 * list (which then comes back empty), and the search stops when it answers false: a caller can keep less than every
 * pair, and stop on a fact with too many values (src/app/crowded-facts.ts).
 */
export type PairVisitor = (conflict: ComputedConflict) => boolean;

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

/** What a rule needs of a claim, worked out once per claim rather than once per pair. */
export interface Prepared {
  claim: ClaimInContext;
  scope: TimeScopeKind;
  metric: string;
  asOf: number;
  interval: Interval;
  /** the interval the numeric rules compare: "about 1,200" is 1,200 itself, the tolerance gives the slack */
  core: Interval;
  /** scope_from..(scope_to or as-of) for cumulative and period claims */
  period: { from: IsoDate; to: IsoDate } | null;
  /** an exact count that is no round number ("44 children", "4,789 killings"): compared without tolerance */
  exact: boolean;
}

/** A claim's quote cut at its figure ("had put the toll at" | "about 200" | "."), or null when the figure is not in it. */
export function figureWords(claim: Pick<ClaimInContext, 'quote' | 'valueText'>): { before: string; after: string } | null {
  const at = claim.quote.indexOf(claim.valueText);
  return at < 0 ? null : { before: claim.quote.slice(0, at), after: claim.quote.slice(at + claim.valueText.length) };
}

// "23,984 of the dead", "12 of them": a part of a toll told before (a total so told caps no period: periods.ts)
const PART_OF = /^\s*(?:[\p{L}-]+\s+){0,2}?of\s+(?:the|those|them)\b/iu;
// The narrower reading that one article's figures need, where "60 soldiers of the army" and "a third of the territory"
// abound: "12 of them", "601,027 of those excess deaths", "900 of the dead"
const PART_OF_TOLD = /^\s*(?:(?:[\p{L}-]+\s+){0,2}?of\s+(?:those|them|these|whom)\b|of\s+(?:the|all\s+the)\s+(?:[\p{Ll}-]+\s+){0,2}?(?:dead|deaths|victims|killed|casualties|killings)\b)/iu;

/** True when the words after the claim's figure make it a part of a figure told before it ("12 of them were children"). */
export function toldAsPart(claim: Pick<ClaimInContext, 'quote' | 'valueText'>, strict = false): boolean {
  return (strict ? PART_OF_TOLD : PART_OF).test(figureWords(claim)?.after ?? '');
}

export function prepare(claim: ClaimInContext): Prepared {
  const scope = timeScopeKind(claim);
  const asOf = effectiveAsOf(claim);
  const period = claim.scopeFrom !== null ? { from: claim.scopeFrom, to: claim.scopeTo ?? asOf } : null;
  const interval = toInterval(claim.figure);
  return { claim, scope, metric: normaliseMetric(claim.metric), asOf: dayNumber(asOf), interval, core: coreOf(claim, interval), period, exact: isExactCount(claim) };
}

/**
 * The tolerance stands for rounding: "40 children" may be 38 or 42 told round, "about 1,200" anything near it. A
 * figure told with no hedge down to its last digit ("44", "4,789", "11") is a count, not a rounding: two such counts
 * that differ disagree, however close ("40" and "44" children killed do; "4,789" and "4,800" do not, nor "90" and "95"
 * percent).
 */
export function isExactCount(claim: Claim): boolean {
  const { figure } = claim;
  // (a share in whole percent is most often rounded; "a dozen" is no count to the last digit)
  if (claim.qualifier !== 'exact' || figure.unit !== 'count' || !/\d/.test(claim.valueText)) return false;
  const n = figure.low;
  // round: a multiple of ten, or of five under a hundred ("95 percent", "45 killed")
  return typeof n === 'number' && n === figure.high && Number.isInteger(n) && n % 10 !== 0 && (n >= 100 || n % 5 !== 0);
}

/**
 * True when the two claims' figures meet once each is widened by its rounding slack (none for an exact count, unless
 * `asTold` is false: a running toll told on two days, 4,789 then 4,823, grew rather than disagreed).
 */
export function figuresOverlap(a: Prepared, b: Prepared, tolerance: number, asTold = true): boolean {
  return gap(widen(a.core, asTold && a.exact ? 0 : tolerance), widen(b.core, asTold && b.exact ? 0 : tolerance)) === 0;
}

const UPPER_ESTIMATE = /^(?:as\s+many\s+as|up\s+to)\s/i;

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
  // "as many as 300,000", "up to 2,500": an upper estimate that says the toll may reach the figure, read as down to two
  // thirds of it (one who says "as many as 90,000" means near 90,000, not 50,000); "no more than 10,000" and "fewer
  // than 50" only cap the count and stay open below
  if (claim.qualifier === 'at-most' && UPPER_ESTIMATE.test(claim.valueText) && claim.figure.unit !== 'date' && claim.figure.unit !== 'percent' && interval.high !== null && interval.high > 0) {
    return { low: (interval.high * 2) / 3, high: interval.high };
  }
  if (claim.qualifier !== 'about' || claim.figure.unit === 'date' || interval.low === null || interval.high === null) return interval;
  const mid = (interval.low + interval.high) / 2;
  return { low: mid * ABOUT_CORE_LOW, high: mid * ABOUT_CORE_HIGH };
}

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

