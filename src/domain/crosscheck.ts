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
//                      each bound by `tolerance`; a later, higher count told as grown ("has since climbed to")
//                      updates the earlier one (running-totals.ts). A toll of the killed told lower than one
//                      of another speaker at most CUMULATIVE_LOOKBACK_DAYS before it conflicts too, filed as
//                      cumulative-total: a toll with no period is the toll so far, and tolls only grow (not one
//                      attack's toll).
//   period-count       periods overlapping ≥ 80 % (intersection over union of days), intervals that do not
//                      overlap after tolerance. Different periods are never compared.
//   cumulative-total   totals counted from starts within the window of each other: a later total below
//                      an earlier one (after tolerance) of at most CUMULATIVE_LOOKBACK_DAYS (a year) before
//                      conflicts; totals as of dates within the window
//                      that do not overlap conflict either way.
//   The numeric rules compare claims of different articles only: inside one article, differing
//   figures for one subject and metric are nearly always parts of a whole ("seven in combat, two in a
//   crash, one by suicide"). Internal inconsistency is flagged for dates and for duration vs start.
//   part-above-whole   a count of a part above a count of its whole (nesting.ts: killed and wounded ⊂ casualties;
//                      soldiers, fighters, civilians, children, women ⊂ people; same side), both for the same subject
//                      and held at comparable times (comparableParts). A part below its whole is no disagreement.
//                      Filed under the whole's fact. Within one article only figures one sentence sets against
//                      each other: a whole and a part from two speakers are most often a breakdown.
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

import {
  dayNumber,
  daysGapSeverity,
  gap,
  overlaps,
  periodOverlapFraction,
  relativeGap,
} from './intervals.js';
import type { Figure, IsoDate } from './types.js';
import {
  CUMULATIVE_LOOKBACK_DAYS,
  figuresOverlap,
  independenceKey,
  isOnceOnlyEventMetric,
  participates,
  prepare,
  SAME_PERIOD_OVERLAP,
  type ClaimInContext,
  type ComputedConflict,
  type CrosscheckSettings,
  type PairVisitor,
  type Prepared,
} from './conflict-model.js';
import { allowance, build, days, lead, ordered, says, topic } from './conflict-words.js';
import { partAboveWhole, partAndWhole } from './nesting.js';
import { disagreeInOneArticle, revisionConflict, setAgainst } from './one-article.js';
import { periodCount, periodWithinTotal } from './periods.js';
import { isUpdate } from './running-totals.js';
import { durationVsStart, lengthsDisagree } from './durations.js';

// The model (metric names, settings, facts, time scopes, independence) lives in conflict-model.ts, the explanations'
// words in conflict-words.ts, counts that nest and their rule in nesting.ts, figures one article sets against each
// other in one-article.ts, counts over periods in periods.ts; callers import all of it from here.
export * from './conflict-model.js';
export { nestingMetrics, readCountMetric } from './nesting.js';
export { disagreeInOneArticle } from './one-article.js';
export { impliedStart } from './durations.js';

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Pairwise rules
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Checks one pair of claims against every rule; the conflict, or null when they can both be right. */
export function checkPair(a: ClaimInContext, b: ClaimInContext, settings: CrosscheckSettings): ComputedConflict | null {
  if (!participates(a, settings) || !participates(b, settings)) return null;
  return checkPrepared(prepare(a), prepare(b), settings);
}

function checkPrepared(x: Prepared, y: Prepared, settings: CrosscheckSettings): ComputedConflict | null {
  // Canonical order, so a pair gives the same conflict (explanation included) whichever way it is met.
  const [a, b] = x.claim.id <= y.claim.id ? [x, y] : [y, x];
  if (a.claim.id === b.claim.id || a.claim.subjectId === null || a.claim.subjectId !== b.claim.subjectId) return null;
  if (a.scope === 'duration' || b.scope === 'duration') return a.scope === b.scope ? lengthsDisagree(a, b) : durationVsStart(a, b);
  if (a.claim.figure.unit !== b.claim.figure.unit) return null;
  // Different metrics meet only when one count is a part of the other (nesting.ts)
  const nested = a.metric === b.metric ? null : partAndWhole(a, b);
  if (a.metric !== b.metric && !nested) return null;
  if (a.scope === 'event' && b.scope === 'event') return nested ? null : eventDate(a, b, settings);
  // Within one article, different figures for one fact by one speaker are nearly always a breakdown ("ten
  // died: seven in combat, two in a crash, one by suicide"); figures of different speakers ("the monitor puts the toll
  // at 20,000 … the envoy says as high as 150,000") or set against each other ("closer to 100,000 than the
  // figure of 200,000", "revised from 1,400 to 1,200") are a disagreement the article reports.
  if (a.claim.sourceId === b.claim.sourceId) {
    const revised = nested ? null : revisionConflict(a, b);
    if (revised || !disagreeInOneArticle(a.claim, b.claim)) return revised;
  }
  // An article that gives a whole and a part, even from two speakers, is most often laying out a breakdown whose
  // qualifiers ("from each side", "still buried") the fact key does not hold: only figures it sets against each other.
  if (nested) return a.claim.sourceId === b.claim.sourceId && !setAgainst(a.claim, b.claim) ? null : partAboveWhole(a, b, nested, settings);
  const within = periodWithinTotal(a, b, settings);
  if (within) return within;
  if (a.scope === 'point' && b.scope === 'point') return pointInTime(a, b, settings);
  if (a.scope === 'cumulative' && b.scope === 'cumulative') return cumulativeTotal(a, b, settings);
  if (a.period && b.period) return periodCount(a, b, settings);
  return null;
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
  if (apart > settings.asOfWindowDays) return lowerTollLater(a, b, settings);
  if (figuresOverlap(a, b, settings.tolerance, apart === 0)) return null;
  const [first, second] = ordered(a, b, (p) => p.asOf);
  if (isUpdate(first, second)) return null;
  const explanation =
    `${lead(a, b, topic(a))}${says(first)}; ${says(second)}. ` +
    `The figures hold at dates ${apart === 0 ? 'on the same day' : `${days(apart)} apart`} and do not overlap, ` +
    `${allowance(a, b, settings.tolerance, apart === 0)}.`;
  return build('point-in-time', a, b, relativeGap(a.core, b.core), explanation);
}

/**
 * "At least 9,000 killed since the war began", say diplomats in September; the government's toll in February is 4,100:
 * a toll of the killed with no period told lower, within a year, than another speaker's earlier one. The same speaker
 * lowering its own toll revises it; the toll of one attack ("a car bomb killed 30") is no toll so far.
 */
function lowerTollLater(a: Prepared, b: Prepared, settings: CrosscheckSettings): ComputedConflict | null {
  if (!isKilledToll(a) || Math.abs(a.asOf - b.asOf) > CUMULATIVE_LOOKBACK_DAYS || figuresOverlap(a, b, settings.tolerance, false)) return null;
  if (a.claim.speakerId !== null && a.claim.speakerId === b.claim.speakerId) return null;
  const [earlier, later] = ordered(a, b, (p) => p.asOf);
  if (later.core.high === null || earlier.core.low === null || later.core.high >= earlier.core.low) return null;
  if (ONE_ATTACK.test(a.claim.quote) || ONE_ATTACK.test(b.claim.quote)) return null;
  const explanation = `${lead(a, b, topic(a))}${says(earlier)}; ${says(later)}. The later toll is lower than the earlier one, ${days(later.asOf - earlier.asOf)} after it, though a toll can only grow.`;
  // a toll with no period is the total so far: a running total, as the list names it
  return build('cumulative-total', a, b, relativeGap(a.core, b.core), explanation);
}

// An attack told as the killer: "a car bomb killed 30", "the raid on the market left 12 dead"
const ONE_ATTACK = /\b(?:an?|the|one|single)\s+(?:[\p{L}-]+\s+){0,2}?(?:attack|bomb|bombing|strike|airstrike|air\s+strike|raid|blast|explosion|ambush|massacre|bomber|shelling)\b/iu;

/** A count of the killed (anyone's: "killed", "civilians killed", "Chilean soldiers killed"). */
export function isKilledToll(p: { claim: { kind: string }; metric: string }): boolean {
  return p.claim.kind === 'casualties' && /(?:^|\s)killed$/.test(p.metric);
}

function cumulativeTotal(a: Prepared, b: Prepared, settings: CrosscheckSettings): ComputedConflict | null {
  if (!a.period || !b.period) return null;
  const window = settings.asOfWindowDays;
  if (Math.abs(dayNumber(a.period.from) - dayNumber(b.period.from)) > window) return null;
  if (figuresOverlap(a, b, settings.tolerance, a.asOf === b.asOf)) return null;
  const [earlier, later] = ordered(a, b, (p) => p.asOf);
  const apart = later.asOf - earlier.asOf;
  const decreased = later.core.high !== null && earlier.core.low !== null && later.core.high < earlier.core.low;
  if (apart > window && (!decreased || apart > CUMULATIVE_LOOKBACK_DAYS)) return null;
  const why = decreased
    ? `The later total is lower than the earlier one, though a running total can only grow.`
    : `The totals hold at dates ${apart === 0 ? 'on the same day' : `${days(apart)} apart`} and do not overlap, ${allowance(a, b, settings.tolerance, apart === 0)}.`;
  const explanation = `${lead(a, b, `${topic(a)}, counted from the same start`)}${says(earlier)}; ${says(later)}. ${why}`;
  return build('cumulative-total', a, b, relativeGap(a.core, b.core), explanation);
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Whole facts and incremental recomputation
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * All conflicts among one conflict group's claims (see conflictGroupKey), ordered by key. O(n²) pairs
 * over a group; groups are small. Claims from other groups are ignored by the rules anyway.
 */
export function conflictsForFact(claims: readonly ClaimInContext[], settings: CrosscheckSettings, onFound?: PairVisitor): ComputedConflict[] {
  const prepared = claims.filter((c) => participates(c, settings)).map(prepare);
  const found: ComputedConflict[] = [];
  const take = onFound ?? ((c: ComputedConflict) => found.push(c) > 0);
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      const conflict = checkPrepared(prepared[i]!, prepared[j]!, settings);
      if (conflict && !take(conflict)) return found;
    }
  }
  return found.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/**
 * The conflicts between a group's claims and the claims of the facts nested in it (nesting.ts): what a full
 * recomputation of a whole's group adds, since a nesting conflict is filed under its whole. O(claims × parts).
 */
export function conflictsWithParts(claims: readonly ClaimInContext[], parts: readonly ClaimInContext[], settings: CrosscheckSettings, onFound?: PairVisitor): ComputedConflict[] {
  const wholes = claims.filter((c) => participates(c, settings)).map(prepare);
  const found: ComputedConflict[] = [];
  const take = onFound ?? ((c: ComputedConflict) => found.push(c) > 0);
  for (const p of parts) {
    if (!participates(p, settings)) continue;
    const part = prepare(p);
    for (const whole of wholes) {
      const conflict = whole.metric === part.metric ? null : checkPrepared(whole, part, settings);
      if (conflict && !take(conflict)) return found;
    }
  }
  return found;
}

/**
 * The conflicts of a group that involve at least one of the changed claims: what an import or an edit
 * needs recomputed, in O(changed × group) instead of O(group²). Conflicts between unchanged claims
 * cannot have changed. `onFound`: see PairVisitor.
 */
export function conflictsInvolving(
  changedIds: Iterable<number>,
  claims: readonly ClaimInContext[],
  settings: CrosscheckSettings,
  onFound?: PairVisitor,
): ComputedConflict[] {
  const changed = new Set(changedIds);
  const prepared = claims.filter((c) => participates(c, settings)).map(prepare);
  const touched = prepared.filter((p) => changed.has(p.claim.id));
  const found: ComputedConflict[] = [];
  const take = onFound ?? ((c: ComputedConflict) => found.push(c) > 0);
  for (const a of touched) {
    for (const b of prepared) {
      // A pair of two changed claims is met twice; keep it once, from its lower id.
      if (a === b || (changed.has(b.claim.id) && b.claim.id < a.claim.id)) continue;
      const conflict = checkPrepared(a, b, settings);
      if (conflict && !take(conflict)) return found;
    }
  }
  return found.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────
// Agreement
// ─────────────────────────────────────────────────────────────────────────────────────────────────────

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

