// Which stored claims a changed claim could possibly conflict with: a superset of the claims the pairwise
// rules in crosscheck.ts can flag, described as ranges of dates and values the store can look up on an
// index instead of loading a whole conflict group. It exists for incremental recomputation: a group such as
// "Valdorian war | killed" may hold thousands of claims, while the figures of one new article can only
// conflict with a few of them.
//
// Why each query is a superset (see the rules in crosscheck.ts; W = asOfWindowDays):
//   values           every numeric rule first drops pairs whose intervals overlap after widening each bound
//                    by the tolerance; widening moves b's bounds outward too, so a partner b lies wholly
//                    above c's widened interval or below it: b's low > c's widened high, or b's high < c's
//                    widened low.
//   point c          only points compare with points (point-in-time), and only when their as-of dates are at
//                    most W apart → points with as-of in [T − W, T + W].
//   cumulative c     cumulative-total: totals counted from starts at most W apart; they conflict when their
//   (from F, as of T) as-of dates are at most W apart, or when the later one is below the earlier one — so a
//                    total as of more than W before T must be above c's high bound, and one more than W after T
//                    below c's low bound. period-count against a period b (not another cumulative): see below.
//   period c         period-count: periods sharing ≥ 80 % of their days (intersection over union). Then
//   (from F to E)    union − intersection ≤ (1/0.8 − 1) × c's length, so each end of b lies within that
//                    many days of c's.
//   nested periods   a closed period c also meets closed periods that hold it (from ≤ c's from, end ≥ c's end)
//                    and those it holds (both ends within c's): two more "periods" lookups, periods only.
//   nesting          a count also meets the counts of the facts nested with it (nesting.ts; crosscheck.ts
//                    partAboveWhole), under the same time scopes as above: the same lookups in the other fact, with
//                    one side of the value bounds only — its wholes must lie below it, its parts above it.
//   tolls over a period  a casualty count over a closed period is a part of any later total of its fact
//                    (crosscheck.ts periodWithinTotal): a point c as of T meets closed periods inside [T − R, T]
//                    lying above it; a running total c from F as of T meets closed periods inside [F, T] above it;
//                    a closed period c from F to E meets points as of [E, E + R] and running totals from before F
//                    as of [E, E + R] below it (R = NESTING_REACH).
//   lower toll later a point toll of the killed as of T meets points as of [T − L, T] above it and points as of
//                    [T, T + L] below it (L = CUMULATIVE_LOOKBACK_DAYS; crosscheck.ts lowerTollLater).
//   otherwise a point never meets a scoped claim.
//   dates and durations: event-date and duration-vs-start compare dates far apart (2011 against 2015, said
//                    years later), so a start or end date, or a duration of the subject, is compared with its
//                    whole group; such groups (a subject's start dates and durations) stay small. Dates of
//                    recurring events and other durations meet no rule: they have no partners.
// Pure: ISO dates in, ISO dates out.

import {
  ABOUT_CORE_HIGH,
  ABOUT_CORE_LOW,
  coreOf,
  CUMULATIVE_LOOKBACK_DAYS,
  isKilledToll,
  DURATION_METRICS,
  effectiveAsOf,
  isExactCount,
  isOnceOnlyEventMetric,
  normaliseMetric,
  participates,
  SAME_PERIOD_OVERLAP,
  timeScopeKind,
  type ClaimInContext,
  type CrosscheckSettings,
} from './crosscheck.js';
import { dayNumber, isoFromDayNumber } from './intervals.js';
import type { IsoDate } from './types.js';

// How far before and after a period one that holds it may reach, in days (a thousand years: any real period).
const NESTING_REACH = 366_000;

/** An inclusive range of ISO dates. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/**
 * The values a numeric partner must lie outside: its low above `above`, or its high below `below` (a null
 * bound matches nothing on that side).
 */
export interface ValueBounds {
  above: number | null;
  below: number | null;
}

/**
 * One lookup of possible partners. For a stored claim b, with eff = its as-of date (else its source's
 * publication date) and end = its scope_to, else eff, and "outside" = b's low > above or b's high < below:
 *   all         every claim of the group;
 *   points      b has no scope_from, eff ∈ asOf, and b is outside;
 *   cumulative  b.scope_from ∈ from, b is outside, and (eff ∈ near, or eff < near.from and b's low > above,
 *               or eff > near.to and b's high < below);
 *   periods     b.scope_from ∈ from, end ∈ to, and b is outside; with periodsOnly, b must also end before its
 *               as-of date (scope_to set and ≠ eff), i.e. not be a running total itself.
 */
export type PartnerQuery =
  | { kind: 'all' }
  | ({ kind: 'points'; asOf: DateRange } & ValueBounds)
  | ({ kind: 'cumulative'; from: DateRange; near: DateRange } & ValueBounds)
  | ({ kind: 'periods'; from: DateRange; to: DateRange; periodsOnly: boolean } & ValueBounds);

/** The lookups that together find every possible partner of these changed claims (of one conflict group). */
export function partnerQueries(changed: readonly ClaimInContext[], settings: CrosscheckSettings): PartnerQuery[] {
  const w = Math.max(0, Math.ceil(settings.asOfWindowDays));
  let pointsAsOf: DateRange | null = null;
  let pointsBounds: ValueBounds = { above: null, below: null };
  // Exact counts are compared with no slack only with figures told as of the same day (figuresOverlap's asTold):
  // those partners get a lookup of their own, so the window's lookup keeps the tolerance.
  let sameDay: DateRange | null = null;
  let sameDayBounds: ValueBounds = { above: null, below: null };
  // Claims of one article mostly share their scope ("since March 2011", as of the publication date): one
  // lookup per distinct scope, with the loosest value bounds of the claims that share it.
  const cumulative = new Map<string, Extract<PartnerQuery, { kind: 'cumulative' }>>();
  const periods = new Map<string, Extract<PartnerQuery, { kind: 'periods' }>>();
  const nesting = new Map<string, Extract<PartnerQuery, { kind: 'periods' }>[]>();
  // the toll lookups of the article's claims, those of one role merged (most share the publication date)
  const tolls = new Map<string, PartnerQuery>();
  for (const claim of changed) {
    if (!participates(claim, settings)) continue;
    const scope = timeScopeKind(claim);
    if (scope === 'event' || scope === 'duration') {
      // Dates of recurring events (a meeting, an attack) and durations not of the subject's life ("four days
      // of fighting" filed under a count) never conflict: no partners, however big their group.
      const metric = normaliseMetric(claim.metric);
      const canConflict = scope === 'event' ? isOnceOnlyEventMetric(metric) : DURATION_METRICS.includes(metric);
      if (canConflict) return [{ kind: 'all' }];
      continue;
    }
    const exact = isExactCount(claim);
    const bounds = valueBounds(claim, settings.tolerance, exact);
    const told = exact ? valueBounds(claim, settings.tolerance, false) : bounds;
    if (claim.kind === 'casualties') tollQueries(claim, scope, bounds).forEach((q, i) => merge(tolls, `${scope}:${i}`, q));
    if (scope === 'point') {
      const t = dayNumber(effectiveAsOf(claim));
      // lowerTollLater: a toll of the killed meets the earlier ones above it and the later ones below it, a year each way
      if (isKilledToll({ claim, metric: normaliseMetric(claim.metric) })) {
        merge(tolls, 'earlier', { kind: 'points', asOf: range(t - CUMULATIVE_LOOKBACK_DAYS, t), above: told.above, below: null });
        merge(tolls, 'later', { kind: 'points', asOf: range(t, t + CUMULATIVE_LOOKBACK_DAYS), above: null, below: told.below });
      }
      pointsAsOf = pointsAsOf ? hull(pointsAsOf, t - w, t + w) : range(t - w, t + w);
      pointsBounds = loosen(pointsBounds, told);
      if (exact) {
        sameDay = sameDay ? hull(sameDay, t, t) : range(t, t);
        sameDayBounds = loosen(sameDayBounds, bounds);
      }
      continue;
    }
    const f = dayNumber(claim.scopeFrom as IsoDate);
    const e = dayNumber(claim.scopeTo ?? effectiveAsOf(claim));
    const [lo, hi] = f <= e ? [f, e] : [e, f];
    // Ends of a same-period partner lie within this many days of c's (see the header).
    const slack = Math.ceil((hi - lo + 1) * (1 / SAME_PERIOD_OVERLAP - 1)) + 1;
    const key = `${lo}:${hi}`;
    const periodsOnly = scope === 'cumulative';
    const p = periods.get(key);
    periods.set(
      key,
      p
        ? loosen({ ...p, periodsOnly: p.periodsOnly && periodsOnly }, bounds)
        : { kind: 'periods', from: range(lo - slack, lo + slack), to: range(hi - slack, hi + slack), periodsOnly, ...bounds },
    );
    // a closed period also meets the periods it lies within and those within it (crosscheck.ts nestedPeriods)
    if (scope === 'period' && !nesting.has(key)) {
      nesting.set(key, [
        { kind: 'periods', from: range(lo - NESTING_REACH, lo), to: range(hi, hi + NESTING_REACH), periodsOnly: true, ...bounds },
        { kind: 'periods', from: range(lo, hi), to: range(lo, hi), periodsOnly: true, ...bounds },
      ]);
    } else if (scope === 'period') nesting.set(key, nesting.get(key)!.map((q) => loosen(q, bounds)));
    if (scope === 'cumulative') {
      const q = cumulative.get(key);
      cumulative.set(key, q ? loosen(q, told) : { kind: 'cumulative', from: range(f - w, f + w), near: range(e - w, e + w), ...told });
      // an exact running total meets those told as of the same day with no slack: totals from a start within the
      // window whose end (their as-of date) is that day — a "periods" lookup ending on it
      const same = `same:${f}:${e}`;
      if (exact) {
        const s = periods.get(same);
        periods.set(same, s ? loosen(s, bounds) : { kind: 'periods', from: range(f - w, f + w), to: range(e, e), periodsOnly: false, ...bounds });
      }
    }
  }
  const queries: PartnerQuery[] = [];
  if (pointsAsOf) queries.push({ kind: 'points', asOf: pointsAsOf, ...pointsBounds });
  if (sameDay) queries.push({ kind: 'points', asOf: sameDay, ...sameDayBounds });
  queries.push(...cumulative.values(), ...periods.values(), ...[...nesting.values()].flat(), ...tolls.values());
  return queries;
}

/** The lookups for a toll's partners under periodWithinTotal (see the header): closed periods within a later total. */
function tollQueries(claim: ClaimInContext, scope: 'point' | 'cumulative' | 'period', bounds: ValueBounds): Exclude<PartnerQuery, { kind: 'all' }>[] {
  const t = dayNumber(effectiveAsOf(claim));
  if (scope === 'point') return [{ kind: 'periods', from: range(t - NESTING_REACH, t), to: range(t - NESTING_REACH, t), periodsOnly: true, above: bounds.above, below: null }];
  const f = dayNumber(claim.scopeFrom as IsoDate);
  if (scope === 'cumulative') return [{ kind: 'periods', from: range(f, t), to: range(f, t), periodsOnly: true, above: bounds.above, below: null }];
  const e = dayNumber(claim.scopeTo ?? effectiveAsOf(claim));
  return [
    { kind: 'points', asOf: range(e, e + NESTING_REACH), above: null, below: bounds.below },
    { kind: 'cumulative', from: range(f - NESTING_REACH, f), near: range(e, e + NESTING_REACH), above: null, below: bounds.below },
  ];
}

/**
 * The lookups that find every possible partner of these changed claims in a fact nested with theirs: in a whole
 * (`wholes`: a part above its whole conflicts, so the whole lies below the part) or in a part (`parts`: above).
 * Dates and durations never nest.
 */
export function nestingPartnerQueries(changed: readonly ClaimInContext[], settings: CrosscheckSettings, look: 'wholes' | 'parts'): PartnerQuery[] {
  const counts = changed.filter((c) => c.figure.unit !== 'date' && timeScopeKind(c) !== 'duration');
  return partnerQueries(counts, settings).flatMap((q) =>
    q.kind === 'all' ? [] : [{ ...q, above: look === 'parts' ? q.above : null, below: look === 'wholes' ? q.below : null }],
  );
}

/**
 * A partner of this claim lies above its high bound or below its low bound, each widened as widen() does.
 * The rules compare cores (crosscheck.ts coreOf: "about n" as n, "over n" as [n, 2n]) while the store holds
 * the stated intervals; a partner stated as "about m" is stored as [0.9 m, 1.1 m] with its core [0.95 m, 1.05 m],
 * so the bounds move by those ratios to keep every partner whose core lies outside. A partner "over m" with no high bound is read
 * as reaching 2m by the store's query. An exact count is compared with no slack (conflict-model.ts figuresOverlap) when
 * `exact` (figures told as of one day, and periods): the claim's own bounds are then not widened. A partner below
 * may be an exact count told the same day, whose stored high is its core.
 */
function valueBounds(claim: ClaimInContext, tolerance: number, exact: boolean): ValueBounds {
  const t = Math.max(0, Math.min(tolerance, 0.5));
  const own = exact ? 0 : t;
  const { low, high } = coreOf(claim);
  // a stored low of an "about m" partner is 0.9 m while its core starts at 0.95 m; its high 1.1 m, its core's 1.05 m
  const lowToCore = ABOUT_CORE_LOW / 0.9;
  const highToCore = ABOUT_CORE_HIGH / 1.1;
  return {
    // (an exact partner above, or one compared with no slack, is found however large the tolerance: max(1, …))
    above: typeof high === 'number' ? (high + Math.abs(high) * own) / Math.max(1, lowToCore * (1 - t)) : null,
    below: typeof low === 'number' ? (low - Math.abs(low) * own) / Math.min(1, highToCore * (1 + t)) : null,
  };
}

/**
 * Adds a lookup under a role, or widens the one already there to find the partners of both: each date range the
 * hull of the two, the value bounds loosened (a superset of what either finds).
 */
function merge(into: Map<string, PartnerQuery>, role: string, q: Exclude<PartnerQuery, { kind: 'all' }>): void {
  const had = into.get(role);
  if (!had || had.kind !== q.kind) {
    into.set(had ? `${role}:${into.size}` : role, q);
    return;
  }
  const wider = loosen(had, q) as typeof q;
  for (const key of ['asOf', 'near', 'from', 'to'] as const) {
    const [r, s] = [(had as Partial<Record<typeof key, DateRange>>)[key], (q as Partial<Record<typeof key, DateRange>>)[key]];
    if (r && s) (wider as Partial<Record<typeof key, DateRange>>)[key] = { from: r.from < s.from ? r.from : s.from, to: r.to > s.to ? r.to : s.to };
  }
  if (wider.kind === 'periods' && q.kind === 'periods') wider.periodsOnly = wider.periodsOnly && q.periodsOnly;
  into.set(role, wider);
}

/** The bounds that find the partners of either claim: the lower "above", the higher "below". */
function loosen<Q extends ValueBounds>(q: Q, b: ValueBounds): Q {
  return {
    ...q,
    above: q.above === null ? b.above : b.above === null ? q.above : Math.min(q.above, b.above),
    below: q.below === null ? b.below : b.below === null ? q.below : Math.max(q.below, b.below),
  };
}

/** True when a stored claim is found by the lookup (the rule the store's SQL applies; for tests). */
export function matchesPartnerQuery(b: ClaimInContext, query: PartnerQuery): boolean {
  if (query.kind === 'all') return true;
  const eff = effectiveAsOf(b);
  const within = (d: IsoDate, r: DateRange): boolean => d >= r.from && d <= r.to;
  const low = typeof b.figure.low === 'number' ? b.figure.low : null;
  // an open "over m" reaches 2m for the rules (coreOf), as in the store's query
  const high = typeof b.figure.high === 'number' ? b.figure.high : b.figure.high === null && low !== null ? 2 * low : null;
  const isAbove = query.above !== null && low !== null && low > query.above;
  const isBelow = query.below !== null && high !== null && high < query.below;
  if (!isAbove && !isBelow) return false;
  switch (query.kind) {
    case 'points':
      return b.scopeFrom === null && within(eff, query.asOf);
    case 'cumulative':
      if (b.scopeFrom === null || !within(b.scopeFrom, query.from)) return false;
      if (within(eff, query.near)) return true;
      return eff < query.near.from ? isAbove : isBelow;
    case 'periods':
      if (b.scopeFrom === null || !within(b.scopeFrom, query.from)) return false;
      if (query.periodsOnly && (b.scopeTo === null || b.scopeTo === eff)) return false;
      return within(b.scopeTo ?? eff, query.to);
  }
}

function range(from: number, to: number): DateRange {
  return { from: isoFromDayNumber(from), to: isoFromDayNumber(to) };
}

function hull(r: DateRange, from: number, to: number): DateRange {
  const next = range(from, to);
  return { from: next.from < r.from ? next.from : r.from, to: next.to > r.to ? next.to : r.to };
}
