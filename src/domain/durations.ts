// Rules on lengths of time. "duration-vs-start": "an eight-year war" said in 2019 puts the start in 2010-2012, so a
// stated start outside that conflicts (crosscheck.ts header). "lengths": two articles that give one episode different
// lengths ("the curfew, which lasted 79 days" against "the 88-day curfew"; "its 78-day air campaign" against "the
// 79-day bombing campaign"). A length told of something still going on grows with time ("the eight-year war" in 2019,
// "the 10-year conflict" in 2021), so two lengths disagree only when they differ both as lengths and as ages: counted
// back from when each was said, they put the start in different places too; and told within a year of each other (an
// episode named by its place, "the offensive on Mesa", may recur). Lengths in days are counted, not
// estimated, and compare exactly; weeks, months and years get half a unit of rounding either way. Pure.

import { effectiveAsOf, isDurationMetric, METRIC_START_DATE, type ClaimInContext, type ComputedConflict, type Prepared } from './conflict-model.js';
import { build, day, days, lead, says, topic } from './conflict-words.js';
import { daysGapSeverity, gap, overlaps, relativeGap, shiftDate, toInterval, type Interval } from './intervals.js';
import { DURATION_UNITS, type DurationUnit, type IsoDate } from './types.js';

export function durationVsStart(a: Prepared, b: Prepared): ComputedConflict | null {
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

// How far apart two reports of one episode's length may be to be taken as one episode.
const EPISODE_WINDOW_DAYS = 366;
const DAYS: Readonly<Record<DurationUnit, number>> = { minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30.44, year: 365.25 };

/** The length of a duration claim in days, with its rounding slack; null for a figure that is no length. */
function lengthInDays(p: Prepared): Interval | null {
  const unit = p.claim.figure.unit as DurationUnit;
  const per = DAYS[unit];
  if (per === undefined || p.claim.scopeFrom !== null) return null;
  const slack = unit === 'year' || unit === 'month' || unit === 'week' ? 0.5 : 0;
  const { low, high } = p.core;
  return { low: low === null ? null : Math.max(0, low - slack) * per, high: high === null ? null : (high + slack) * per };
}

/** Two lengths of one subject from different articles that disagree as lengths and as ages, or null. */
export function lengthsDisagree(a: Prepared, b: Prepared): ComputedConflict | null {
  if (a.scope !== 'duration' || b.scope !== 'duration' || a.metric !== b.metric || !isDurationMetric(a.metric)) return null;
  // told years apart, "the offensive on Mesa" is as likely another offensive on it as the same one
  if (a.claim.sourceId === b.claim.sourceId || Math.abs(a.asOf - b.asOf) > EPISODE_WINDOW_DAYS) return null;
  const la = lengthInDays(a);
  const lb = lengthInDays(b);
  if (!la || !lb || overlaps(la, lb)) return null;
  // told at different dates of something still going on: the same start, so no disagreement
  const sa = impliedStart(a.claim);
  const sb = impliedStart(b.claim);
  if (sa && sb && gap(toInterval(sa), toInterval(sb)) === 0) return null;
  const explanation = `${lead(a, b, topic(a))}${says(a)} as its length; ${says(b)}. The lengths differ, and counted back from when each was said they put its start on different dates as well.`;
  return build('lengths', a, b, relativeGap(la, lb), explanation);
}
