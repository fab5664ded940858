// Which stored claims a changed claim could possibly conflict with: a superset of the claims the pairwise
// rules in crosscheck.ts can flag, narrow enough that the store can fetch it by a range on dates instead of
// loading a whole conflict group. It exists for incremental recomputation: a group such as
// "Syrian civil war | killed" may hold thousands of claims, while the figures of one new article can only
// conflict with those reported around the same time.
//
// Why each part is a superset (see the rules in crosscheck.ts):
//   point-in-time     both claims are points and their as-of dates are at most asOfWindowDays apart;
//   period-count      both claims have a period and the periods overlap ≥ 80 %, so they intersect;
//   cumulative-total  both claims have a period and their starts are at most asOfWindowDays apart, so the
//                     periods, widened by the window, intersect;
//   a point never meets a scoped claim (no rule compares them);
//   event-date and duration-vs-start compare dates far apart (2011 against 2015 reported years later), so a
//                     changed date or duration claim is compared with its whole group — such groups (a
//                     subject's start dates and durations) stay small.
// Pure: ISO dates in, ISO dates out.

import { participates, timeScopeKind, effectiveAsOf, type ClaimInContext, type CrosscheckSettings } from './crosscheck.js';
import { dayNumber, isoFromDayNumber } from './intervals.js';
import type { IsoDate } from './types.js';

/** An inclusive range of ISO dates. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/**
 * Where the possible partners of some changed claims lie in their conflict group. A stored claim is a
 * candidate when `all` is set, or it is a point (no scope) whose effective as-of date is in `points`, or it
 * has a period (scope_from set) whose span [min(from, to), max(from, to)] intersects `scoped`.
 */
export interface ConflictWindow {
  all: boolean;
  points: DateRange | null;
  scoped: DateRange | null;
}

/** The window of possible partners of these changed claims (of one conflict group) under the settings. */
export function conflictWindow(changed: readonly ClaimInContext[], settings: CrosscheckSettings): ConflictWindow {
  const window: ConflictWindow = { all: false, points: null, scoped: null };
  const pad = Math.max(0, Math.ceil(settings.asOfWindowDays));
  for (const claim of changed) {
    if (!participates(claim, settings)) continue;
    const scope = timeScopeKind(claim);
    if (scope === 'event' || scope === 'duration') {
      window.all = true;
    } else if (scope === 'point') {
      const asOf = dayNumber(effectiveAsOf(claim));
      window.points = hull(window.points, asOf - pad, asOf + pad);
    } else {
      const [from, to] = periodSpan(claim);
      window.scoped = hull(window.scoped, from - pad, to + pad);
    }
  }
  return window;
}

/** The span of a scoped claim in day numbers, ends in order whatever the data says. */
function periodSpan(claim: ClaimInContext): [number, number] {
  const from = dayNumber(claim.scopeFrom as IsoDate);
  const to = dayNumber(claim.scopeTo ?? effectiveAsOf(claim));
  return from <= to ? [from, to] : [to, from];
}

/** True when a claim lies in the window (the rule the store's query applies, for tests and callers in memory). */
export function inConflictWindow(claim: ClaimInContext, window: ConflictWindow): boolean {
  if (window.all) return true;
  if (claim.scopeFrom === null) {
    if (!window.points) return false;
    const asOf = effectiveAsOf(claim);
    return asOf >= window.points.from && asOf <= window.points.to;
  }
  if (!window.scoped) return false;
  const [from, to] = periodSpan(claim);
  return from <= dayNumber(window.scoped.to) && to >= dayNumber(window.scoped.from);
}

function hull(range: DateRange | null, from: number, to: number): DateRange {
  const lo = isoFromDayNumber(from);
  const hi = isoFromDayNumber(to);
  if (!range) return { from: lo, to: hi };
  return { from: lo < range.from ? lo : range.from, to: hi > range.to ? hi : range.to };
}
