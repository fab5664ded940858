import { describe, expect, it } from 'vitest';
import {
  agreement,
  checkPair,
  conflictGroupKey,
  conflictKey,
  conflictsForFact,
  conflictsInvolving,
  DEFAULT_SETTINGS,
  factKey,
  groupForConflicts,
  groupIntoFacts,
  impliedStart,
  isOnceOnlyEventMetric,
  independenceKey,
  metricsInConflictGroup,
  participates,
  timeScopeKind,
  type ClaimInContext,
} from '../../src/domain/crosscheck.js';
import type { Figure } from '../../src/domain/types.js';
import { makeClaimInContext } from '../helpers/claim-builders.js';

const WAR = 1; // subject ids
const GOVT = 2;
const SHOIGU = 3;
const RUSSIA = 4;
const KURDS = 5;
const MINISTRY = 40; // speaker ids

let nextId = 1;
/** A claim with fixed defaults: confirmed, publisher's own voice, no scope. */
function claim(over: Partial<ClaimInContext> & { figure: Figure }): ClaimInContext {
  return makeClaimInContext({ metric: 'killed', subjectId: WAR, ...over, id: over.id ?? nextId++ });
}

const date = (low: string, high = low): Figure => ({ unit: 'date', low, high });
const count = (low: number | null, high: number | null = low): Figure => ({ unit: 'count', low, high });
const pct = (low: number | null, high: number | null = low): Figure => ({ unit: 'percent', low, high });
const years = (n: number, high: number | null = n): Figure => ({ unit: 'year', low: n, high });

const S = DEFAULT_SETTINGS;

// The war-start story: one 2019 article says the war began in 2015 and calls it eight years old; a 2021
// article says March 2011 and calls it a 10-year conflict.
function warStart() {
  const start2015 = claim({ id: 101, sourceId: 1, sourcePublisher: 'The Gazette', sourcePublishedAt: '2019-03-19', metric: 'start date', valueText: '2015', figure: date('2015-01-01', '2015-12-31') });
  const eightYear = claim({ id: 102, sourceId: 1, sourcePublisher: 'The Gazette', sourcePublishedAt: '2019-03-19', kind: 'duration', metric: 'duration', valueText: 'eight-year', figure: years(8) });
  const march2011 = claim({ id: 103, sourceId: 2, sourcePublisher: 'Radio Dawn', sourcePublishedAt: '2021-09-14', metric: 'start date', valueText: 'March 2011', figure: date('2011-03-01', '2011-03-31') });
  const tenYear = claim({ id: 104, sourceId: 2, sourcePublisher: 'Radio Dawn', sourcePublishedAt: '2021-09-14', kind: 'duration', metric: 'duration', valueText: '10-year', figure: years(10) });
  return { start2015, eightYear, march2011, tenYear };
}

describe('event dates', () => {
  it('a start of 2015 against March 2011 conflicts, naming both figures and outlets', () => {
    const { start2015, march2011 } = warStart();
    const c = checkPair(start2015, march2011, S);
    expect(c).not.toBeNull();
    expect(c!.rule).toBe('event-date');
    expect(c!.key).toBe('event-date:101,103');
    expect(c!.claimIds).toEqual([101, 103]);
    expect(c!.internal).toBe(false);
    expect(c!.metric).toBe('start date');
    expect(c!.severity).toBeGreaterThan(0.95);
    expect(c!.explanation).toBe(
      'Sources disagree on when the Syrian civil war began: Radio Dawn (14 Sep 2021) gives "March 2011"; ' +
        'The Gazette (19 Mar 2019) gives "2015". These dates do not overlap; they are 1,372 days apart.',
    );
  });

  it('the same visit date from two outlets agrees and is backed by two independent sources', () => {
    const a = claim({ id: 201, subjectId: SHOIGU, subjectName: 'Sergei Shoigu', metric: 'visit date', sourcePublisher: 'Wire A', sourcePublishedAt: '2016-06-19', figure: date('2016-06-18') });
    const b = claim({ id: 202, subjectId: SHOIGU, subjectName: 'Sergei Shoigu', metric: 'visit date', sourcePublisher: 'Radio B', sourcePublishedAt: '2016-06-20', figure: date('2016-06-18') });
    expect(conflictsForFact([a, b], S)).toEqual([]);
    const values = agreement([a, b], S);
    expect(values).toHaveLength(1);
    expect(values[0]!.claimIds).toEqual([201, 202]);
    expect(values[0]!.independentSources).toBe(2);
  });

  it('a day apart on an end date is a conflict of low severity', () => {
    const a = claim({ subjectId: RUSSIA, subjectName: 'Palmyra offensive', metric: 'end date', sourcePublishedAt: '2016-06-19', figure: date('2016-06-18') });
    const b = claim({ subjectId: RUSSIA, subjectName: 'Palmyra offensive', metric: 'end date', sourcePublishedAt: '2016-06-19', figure: date('2016-06-17') });
    const c = checkPair(a, b, S);
    expect(c?.rule).toBe('event-date');
    expect(c!.severity).toBeLessThan(0.1);
    expect(c!.explanation).toContain('Sources disagree on when the Palmyra offensive ended: ');
    expect(c!.explanation).toContain('1 day apart');
  });

  it('events that recur (visits, meetings, attacks) on different dates are different occurrences', () => {
    const a = claim({ subjectId: SHOIGU, metric: 'meeting date', sourcePublishedAt: '2016-06-19', figure: date('2016-06-18') });
    const b = claim({ subjectId: SHOIGU, metric: 'meeting date', sourcePublishedAt: '2016-06-19', figure: date('2016-06-17') });
    expect(checkPair(a, b, S)).toBeNull();
    const c = claim({ subjectId: SHOIGU, metric: 'attack date', sourcePublishedAt: '2018-01-05', figure: date('2016-05-01', '2016-05-31') });
    expect(checkPair({ ...a, metric: 'attack date' }, c, S)).toBeNull();
  });

  it('a subject started twice under one name, each reported as news a year apart, is two occurrences', () => {
    const a = claim({ subjectId: SHOIGU, metric: 'start date', sourcePublishedAt: '2016-02-28', figure: date('2016-02-27') });
    const b = claim({ subjectId: SHOIGU, metric: 'start date', sourcePublishedAt: '2017-09-11', figure: date('2017-09-10') });
    expect(checkPair(a, b, S)).toBeNull();
  });

  it('a start date recalled long after still meets a recent report of it', () => {
    const recent = claim({ subjectId: SHOIGU, metric: 'start date', sourcePublishedAt: '2016-02-28', figure: date('2016-02-27') });
    const recalled = claim({ subjectId: SHOIGU, metric: 'start date', sourcePublishedAt: '2018-01-05', figure: date('2016-05-01', '2016-05-31') });
    expect(checkPair(recent, recalled, S)?.rule).toBe('event-date');
  });

  it('start and end metrics of a named part count as once-only; a bare "date" never conflicts', () => {
    expect(isOnceOnlyEventMetric('Campaign  Start Date')).toBe(true);
    expect(isOnceOnlyEventMetric('end date')).toBe(true);
    expect(isOnceOnlyEventMetric('meeting date')).toBe(false);
    expect(isOnceOnlyEventMetric('date')).toBe(false);
    const a = claim({ metric: 'date', figure: date('2016-06-18') });
    const b = claim({ metric: 'Date', figure: date('2016-03-01', '2016-03-31') });
    expect(checkPair(a, b, S)).toBeNull();
    const c = claim({ subjectName: 'Operation Dawn', metric: 'campaign start date', figure: date('2016-06-18') });
    const d = claim({ subjectName: 'Operation Dawn', metric: 'campaign start date', figure: date('2016-03-01', '2016-03-31') });
    expect(checkPair(c, d, S)!.explanation).toContain('Sources disagree on the campaign start date of Operation Dawn: ');
  });

  it('different events, different subjects or no subject never conflict', () => {
    const a = claim({ metric: 'start date', figure: date('2015-09-30') });
    expect(checkPair(a, claim({ metric: 'end date', figure: date('2016-03-14') }), S)).toBeNull();
    expect(checkPair(a, claim({ metric: 'start date', subjectId: RUSSIA, figure: date('2011-03-15') }), S)).toBeNull();
    const noSubject = claim({ metric: 'start date', subjectId: null, figure: date('2011-03-15') });
    expect(checkPair({ ...a, subjectId: null }, noSubject, S)).toBeNull();
  });

  it('matches metrics regardless of case and spacing', () => {
    const a = claim({ metric: 'Start  Date', figure: date('2015-01-01', '2015-12-31') });
    const b = claim({ metric: 'start date', figure: date('2011-03-01', '2011-03-31') });
    expect(checkPair(a, b, S)?.rule).toBe('event-date');
  });
});

describe('point-in-time figures', () => {
  const ninety = () => claim({ id: 301, subjectId: GOVT, subjectName: 'Syrian government', metric: 'territory controlled', kind: 'territory', sourcePublisher: 'Courier', sourcePublishedAt: '2021-09-14', speakerId: 7, speakerName: 'Vladimir Putin', relay: 'the Kremlin press office', valueText: '90 percent', figure: pct(90) });
  const sixty = () => claim({ id: 302, subjectId: GOVT, subjectName: 'Syrian government', metric: 'territory controlled', kind: 'territory', sourcePublisher: 'Mapping Group', sourcePublishedAt: '2021-09-28', asOf: '2021-09-20', valueText: 'around 60 percent', figure: pct(54, 66) });

  it('shares as of dates within the window that do not overlap conflict, with attribution in the explanation', () => {
    const c = checkPair(ninety(), sixty(), S);
    expect(c?.rule).toBe('point-in-time');
    expect(c!.key).toBe('point-in-time:301,302');
    expect(c!.severity).toBeCloseTo(1 - 66 / 90, 3);
    expect(c!.explanation).toBe(
      'Sources disagree on territory controlled (Syrian government): Courier (14 Sep 2021), citing Vladimir Putin, ' +
        'via the Kremlin press office, gives "90 percent"; Mapping Group (28 Sep 2021) gives "around 60 percent". ' +
        'The figures hold at dates 6 days apart and do not overlap, even allowing 5 % either way.',
    );
  });

  it('figures further apart in time than the window are laid out, not compared', () => {
    const overHalf = claim({ subjectId: GOVT, metric: 'territory controlled', sourcePublishedAt: '2019-03-20', figure: pct(30, 40) });
    expect(checkPair(ninety(), overHalf, S)).toBeNull();
    expect(checkPair(ninety(), { ...sixty(), asOf: '2021-10-16' }, S)).toBeNull(); // 32 days
    expect(checkPair(ninety(), { ...sixty(), asOf: '2021-10-16' }, { ...S, asOfWindowDays: 40 })?.rule).toBe('point-in-time');
  });

  it('the tolerance absorbs small differences', () => {
    const a = claim({ subjectId: GOVT, metric: 'territory controlled', figure: pct(90) });
    const b = claim({ subjectId: GOVT, metric: 'territory controlled', figure: pct(95) });
    expect(checkPair(a, b, S)).toBeNull();
    expect(checkPair(a, b, { ...S, tolerance: 0 })?.rule).toBe('point-in-time');
  });

  it('an exact count is compared as told: 40 against 44 children killed disagree, 4,789 against 4,800 do not', () => {
    const kids = (n: number, sourceId: number) => claim({ sourceId, sourcePublisher: `Outlet ${sourceId}`, metric: 'children killed', valueText: String(n), figure: count(n) });
    const c = checkPair(kids(40, 1), kids(44, 2), S);
    expect(c?.rule).toBe('point-in-time');
    expect(c!.explanation).toContain('even allowing 5 % either way to the rounded figure');
    expect(checkPair(kids(41, 1), kids(44, 2), S)!.explanation).toContain('both are exact counts');
    // a round figure keeps its slack against an exact one, and two round figures theirs
    expect(checkPair(kids(4789, 1), kids(4800, 2), S)).toBeNull();
    expect(checkPair(kids(40, 1), kids(42, 2), S)).toBeNull();
    // a hedged figure is no exact count: "about 44" and 41 meet
    expect(checkPair(kids(41, 1), { ...kids(44, 2), qualifier: 'about', valueText: 'about 44', figure: count(40, 48) }, S)).toBeNull();
  });

  it('different subjects (government against Kurdish-led forces) and different units never meet', () => {
    const kurds = claim({ subjectId: KURDS, metric: 'territory controlled', figure: pct(25) });
    expect(checkPair(ninety(), kurds, S)).toBeNull();
    const a = claim({ subjectId: RUSSIA, metric: 'troops deployed', figure: count(4000) });
    const b = claim({ subjectId: RUSSIA, metric: 'troops deployed', figure: pct(10) });
    expect(checkPair(a, b, S)).toBeNull();
  });

  it('figures in one article are a breakdown, not a contradiction: numbers compare across articles only', () => {
    const whole = claim({ sourceId: 3, metric: 'killed', valueText: '10', figure: count(10) });
    const part = claim({ sourceId: 3, metric: 'killed', valueText: 'seven', figure: count(7) });
    expect(checkPair(whole, part, S)).toBeNull();
    expect(checkPair(whole, { ...part, sourceId: 4 }, S)?.rule).toBe('point-in-time');
    const period = { scopeFrom: '2017-01-01', scopeTo: '2017-09-30' };
    expect(checkPair({ ...whole, ...period }, { ...part, ...period }, S)).toBeNull();
    expect(checkPair({ ...whole, scopeFrom: '2015-09-30' }, { ...part, scopeFrom: '2015-09-30' }, S)).toBeNull();
  });

  it('"as many as 300,000" says the toll may reach the figure: well below two thirds of it disagrees, a mere cap does not', () => {
    const upper = claim({ sourceId: 5, qualifier: 'at-most', valueText: 'As many as 300,000', figure: count(null, 300_000) });
    const low = claim({ sourceId: 6, qualifier: 'at-most', valueText: 'no more than 10,000', figure: count(null, 10_000) });
    expect(checkPair(upper, low, S)?.rule).toBe('point-in-time');
    expect(checkPair(upper, claim({ sourceId: 6, qualifier: 'about', valueText: 'about 200,000', figure: count(180_000, 220_000) }), S)).toBeNull();
    const cap = claim({ sourceId: 5, qualifier: 'at-most', valueText: 'no more than 300,000', figure: count(null, 300_000) });
    expect(checkPair(cap, low, S)).toBeNull();
    // "as many as 90,000" against "about 50,000" still inside: the speaker's figure is near 90,000, not near 50,000
    const inside = claim({ sourceId: 5, qualifier: 'at-most', valueText: 'as many as 90,000', figure: count(null, 90_000) });
    expect(checkPair(inside, claim({ sourceId: 6, qualifier: 'about', valueText: 'about 50,000', figure: count(45_000, 55_000) }), S)?.rule).toBe('point-in-time');
    expect(checkPair(inside, claim({ sourceId: 6, qualifier: 'about', valueText: 'about 70,000', figure: count(63_000, 77_000) }), S)).toBeNull();
  });

  it('an open-ended figure overlaps anything above its bound', () => {
    const a = claim({ figure: count(400_000, null) });
    const b = claim({ figure: count(450_000, 550_000) });
    expect(checkPair(a, b, S)).toBeNull();
  });
});

describe('period counts and cumulative totals', () => {
  const ministry = (over: Partial<ClaimInContext> = {}) =>
    claim({ id: 401, subjectId: RUSSIA, subjectName: 'Russian armed forces', metric: 'killed', kind: 'casualties', sourcePublisher: 'Wire A', sourcePublishedAt: '2016-06-19', speakerId: MINISTRY, speakerName: 'Russian Defence Ministry', scopeFrom: '2015-09-30', scopeTo: '2016-06-19', valueText: '10', figure: count(10), ...over });
  const monitor = (over: Partial<ClaimInContext> = {}) =>
    claim({ id: 402, subjectId: RUSSIA, subjectName: 'Russian armed forces', metric: 'killed', kind: 'casualties', sourcePublisher: 'Monitor', sourcePublishedAt: '2016-06-16', scopeFrom: '2015-09-01', valueText: 'at least 30', hedge: null, figure: count(30, null), ...over });
  const nineMonths = (over: Partial<ClaimInContext> = {}) =>
    claim({ id: 403, subjectId: RUSSIA, subjectName: 'Russian armed forces', metric: 'killed', kind: 'casualties', sourcePublisher: 'Ledger', sourcePublishedAt: '2017-11-21', scopeFrom: '2017-01-01', scopeTo: '2017-09-30', valueText: '131', hedge: 'reportedly', figure: count(131), ...over });

  it('classifies time scopes', () => {
    expect(timeScopeKind(ministry())).toBe('cumulative');
    expect(timeScopeKind(monitor())).toBe('cumulative');
    expect(timeScopeKind(nineMonths())).toBe('period');
    expect(timeScopeKind(claim({ figure: pct(90) }))).toBe('point');
    expect(timeScopeKind(claim({ figure: date('2015-09-30') }))).toBe('event');
    expect(timeScopeKind(claim({ kind: 'duration', figure: years(8) }))).toBe('duration');
  });

  it('10 since the campaign began against 131 in Jan–Sep 2017 cover different periods: no conflict', () => {
    expect(checkPair(ministry(), nineMonths(), S)).toBeNull();
    expect(conflictsForFact([ministry(), nineMonths()], S)).toEqual([]);
  });

  it('counts for the same period that do not overlap conflict', () => {
    const other = nineMonths({ id: 404, sourcePublisher: 'Monitor', hedge: null, valueText: 'about 40', figure: count(36, 44), scopeFrom: '2017-01-01', scopeTo: '2017-09-15' });
    const c = checkPair(nineMonths(), other, S);
    expect(c?.rule).toBe('period-count');
    expect(c!.explanation).toContain('Ledger (21 Nov 2017) gives "131" (reportedly)');
    expect(c!.explanation).toContain('The periods share 95 % of their days');
  });

  it('periods overlapping less than 80 % are different periods', () => {
    const wholeYear = nineMonths({ id: 405, scopeFrom: '2017-01-01', scopeTo: '2017-12-31', sourcePublishedAt: '2018-01-20', figure: count(160) });
    expect(checkPair(nineMonths(), wholeYear, S)).toBeNull();
    const laterHalf = nineMonths({ id: 406, scopeFrom: '2017-06-01', scopeTo: '2018-03-31', sourcePublishedAt: '2018-04-20', figure: count(20) });
    expect(checkPair(nineMonths(), laterHalf, S)).toBeNull();
  });

  it('a count over part of a period above the count over the whole conflicts; below it does not', () => {
    const wholeYear = nineMonths({ id: 405, scopeFrom: '2017-01-01', scopeTo: '2017-12-31', sourcePublishedAt: '2018-01-20', sourcePublisher: 'Monitor', hedge: null, valueText: '40', figure: count(40) });
    const c = checkPair(nineMonths(), wholeYear, S);
    expect(c?.rule).toBe('period-count');
    expect(c!.explanation).toContain('Monitor (20 Jan 2018) gives "40" from 1 Jan 2017 to 31 Dec 2017');
    expect(c!.explanation).toContain('a part of that period, yet the count is higher');
    expect(checkPair(nineMonths(), wholeYear, S)?.key).toBe(checkPair(wholeYear, nineMonths(), S)?.key);
    // within the tolerance of a rounded whole: no conflict
    expect(checkPair(nineMonths(), { ...wholeYear, valueText: '130', figure: count(130) }, S)).toBeNull();
    // a running total from the period's start to a later date holds the period as well
    expect(checkPair(nineMonths(), { ...wholeYear, scopeTo: '2018-01-20', quote: '40 soldiers have died in the war since January 2017.' }, S)?.explanation).toMatch(/a period and a later total/);
  });

  it('a later running total below an earlier one conflicts (ministry 10 after the monitor\'s 30)', () => {
    const c = checkPair(ministry(), monitor(), S);
    expect(c?.rule).toBe('cumulative-total');
    expect(c!.key).toBe('cumulative-total:401,402');
    expect(c!.explanation).toBe(
      'Sources disagree on killed (Russian armed forces), counted from the same start: Monitor (16 Jun 2016) gives "at least 30"; ' +
        'Wire A (19 Jun 2016), citing Russian Defence Ministry, gives "10". The later total is lower than the earlier one, ' +
        'though a running total can only grow.',
    );
    expect(c!.severity).toBeCloseTo(20 / 30, 3);
  });

  it('a running total that grows over months is not a conflict; one that shrinks is', () => {
    const later = ministry({ id: 406, sourcePublishedAt: '2017-03-01', scopeTo: null, figure: count(50) });
    expect(checkPair(ministry(), later, S)).toBeNull();
    const shrunk = ministry({ id: 407, sourcePublishedAt: '2017-03-01', scopeTo: null, figure: count(5) });
    expect(checkPair(ministry(), shrunk, S)?.rule).toBe('cumulative-total');
  });

  it('a decrease is looked for within a year: a low total is not set against every higher one of years before', () => {
    const yearsLater = ministry({ id: 409, sourcePublishedAt: '2018-03-01', scopeTo: null, figure: count(5) });
    expect(checkPair(ministry(), yearsLater, S)).toBeNull();
  });

  it('totals counted from different starts are not compared', () => {
    const sinceWar = ministry({ id: 408, scopeFrom: '2011-03-15', sourcePublishedAt: '2017-03-01', scopeTo: null, figure: count(3) });
    expect(checkPair(ministry(), sinceWar, S)).toBeNull();
  });

  it('a later total open above never counts as a decrease', () => {
    const earlier = claim({ metric: 'killed', scopeFrom: '2011-03-15', sourcePublishedAt: '2019-03-20', figure: count(450_000, 550_000) });
    const later = claim({ metric: 'killed', scopeFrom: '2011-03-01', sourcePublishedAt: '2021-09-28', figure: count(350_000, null) });
    expect(checkPair(earlier, later, S)).toBeNull();
  });

  it('a running total is not compared with an unscoped figure', () => {
    expect(checkPair(ministry(), claim({ subjectId: RUSSIA, metric: 'killed', sourcePublishedAt: '2016-06-19', figure: count(100) }), S)).toBeNull();
  });

  it('a toll over a closed period is a part of any later total: above it is a conflict, below it none', () => {
    const total = (n: number, over: Partial<ClaimInContext> = {}) =>
      claim({ subjectId: RUSSIA, metric: 'killed', kind: 'casualties', sourcePublisher: 'Herald', sourcePublishedAt: '2018-09-18', figure: count(n), valueText: `about ${n}`, quote: `About ${n} soldiers have died in the war, the ministry says.`, ...over });
    const found = checkPair(nineMonths(), total(40), S);
    expect(found?.rule).toBe('period-count');
    expect(found?.explanation).toMatch(/a period and a later total/);
    expect(checkPair(nineMonths(), total(400), S)).toBeNull();
    // a running total that holds the period is a later total too; one that starts after the period began is not
    expect(checkPair(nineMonths(), total(40, { scopeFrom: '2015-09-30' }), S)?.rule).toBe('period-count');
    expect(checkPair(nineMonths(), total(40, { scopeFrom: '2017-03-01' }), S)).toBeNull();
    // a total told before the period ended, or a stock that can shrink (the displaced), is not held against it
    expect(checkPair(nineMonths(), total(40, { sourcePublishedAt: '2017-06-01' }), S)).toBeNull();
    expect(checkPair(nineMonths({ kind: 'count', metric: 'displaced' }), total(40, { kind: 'count', metric: 'displaced' }), S)).toBeNull();
    // nor a toll of one attack or one perpetrator, a part of a toll, or a rate over the period
    expect(checkPair(nineMonths(), total(40, { quote: 'About 40 soldiers died in the raid on the depot.' }), S)).toBeNull();
    expect(checkPair(nineMonths(), total(40, { quote: 'About 40 soldiers have died in the war in attacks by drones.' }), S)).toBeNull();
    expect(checkPair(nineMonths(), total(40, { quote: 'In the war, about 40 of them were officers.' }), S)).toBeNull();
    expect(checkPair(nineMonths({ quote: 'The review counts 131 deaths a month in 2017.' }), total(40), S)).toBeNull();
  });
});

describe('duration against start date', () => {
  it('implies a start one unit either side of as-of minus the duration', () => {
    const { eightYear, tenYear } = warStart();
    expect(impliedStart(eightYear)).toEqual({ unit: 'date', low: '2010-03-19', high: '2012-03-19' });
    expect(impliedStart(tenYear)).toEqual({ unit: 'date', low: '2010-09-14', high: '2012-09-14' });
    expect(impliedStart(claim({ kind: 'duration', sourcePublishedAt: '2016-06-19', figure: { unit: 'day', low: 4, high: 4 } }))).toEqual({ unit: 'date', low: '2016-06-14', high: '2016-06-16' });
    expect(impliedStart(claim({ kind: 'duration', sourcePublishedAt: '2019-03-19', figure: years(8, null) }))).toEqual({ unit: 'date', low: null, high: '2012-03-19' });
    expect(impliedStart(claim({ figure: count(8) }))).toBeNull();
  });

  it('"eight-year war" and "began in 2015" in one article are an internal inconsistency', () => {
    const { start2015, eightYear } = warStart();
    const c = checkPair(eightYear, start2015, S);
    expect(c?.rule).toBe('duration-vs-start');
    expect(c!.key).toBe('duration-vs-start:101,102');
    expect(c!.internal).toBe(true);
    expect(c!.metric).toBe('start date');
    expect(c!.explanation).toBe(
      'Internal inconsistency in The Gazette (19 Mar 2019) on when the Syrian civil war began: The Gazette (19 Mar 2019) gives ' +
        '"eight-year" as its length as of 19 Mar 2019, which puts the start between 19 Mar 2010 and 19 Mar 2012; ' +
        'The Gazette (19 Mar 2019) gives "2015" as its start. These are 1,018 days apart.',
    );
  });

  it('a duration conflicts with another source\'s start too, and agrees with a consistent one', () => {
    const { start2015, eightYear, march2011, tenYear } = warStart();
    const c = checkPair(tenYear, start2015, S);
    expect(c?.rule).toBe('duration-vs-start');
    expect(c!.internal).toBe(false);
    expect(checkPair(eightYear, march2011, S)).toBeNull();
    expect(checkPair(tenYear, march2011, S)).toBeNull();
  });

  it('"two years on" in October 2017 fits a campaign that began on 30 September 2015', () => {
    const start = claim({ subjectId: RUSSIA, metric: 'start date', figure: date('2015-09-30') });
    const twoYears = claim({ subjectId: RUSSIA, kind: 'duration', metric: 'duration', sourcePublishedAt: '2017-10-12', figure: years(2) });
    expect(checkPair(twoYears, start, S)).toBeNull();
    const fiveYear = claim({ subjectId: RUSSIA, kind: 'duration', metric: 'duration', sourcePublishedAt: '2017-10-12', figure: years(5) });
    expect(checkPair(fiveYear, start, S)?.rule).toBe('duration-vs-start');
  });

  it('the default lexicon\'s "war duration" metric meets start dates too', () => {
    const { start2015, eightYear } = warStart();
    expect(checkPair({ ...eightYear, metric: 'war duration' }, start2015, S)?.rule).toBe('duration-vs-start');
  });

  it('episodes are not the subject\'s age: days, weeks and durations with their own period are left out', () => {
    const { start2015 } = warStart();
    const fourDays = claim({ kind: 'duration', metric: 'war duration', sourcePublishedAt: '2016-06-19', figure: { unit: 'day', low: 4, high: 4 } });
    expect(checkPair(fourDays, start2015, S)).toBeNull();
    const nineMonths = claim({ kind: 'duration', metric: 'war duration', sourcePublishedAt: '2017-11-21', scopeFrom: '2017-01-01', scopeTo: '2017-09-30', figure: { unit: 'month', low: 9, high: 9 } });
    expect(impliedStart(nineMonths)).toBeNull();
    expect(checkPair(nineMonths, start2015, S)).toBeNull();
    const eighteenMonths = claim({ kind: 'duration', metric: 'duration', sourcePublishedAt: '2019-03-30', figure: { unit: 'month', low: 18, high: 18 } });
    expect(checkPair(eighteenMonths, start2015, S)?.rule).toBe('duration-vs-start');
  });

  it('names people and operations without an article, descriptions with one', () => {
    const a = claim({ subjectName: 'Bashar al-Assad', metric: 'start date', figure: date('2015-01-01', '2015-12-31') });
    const b = claim({ subjectName: 'Bashar al-Assad', metric: 'start date', figure: date('2011-03-01', '2011-03-31') });
    expect(checkPair(a, b, S)!.explanation).toContain('on when Bashar al-Assad began:');
  });

  it('durations meet only start dates of the same subject', () => {
    const { start2015, eightYear } = warStart();
    expect(checkPair(eightYear, { ...start2015, subjectId: RUSSIA }, S)).toBeNull();
    expect(checkPair(eightYear, { ...start2015, metric: 'end date' }, S)).toBeNull();
    expect(checkPair(eightYear, { ...eightYear, id: 999, figure: years(3) }, S)).toBeNull();
  });

  it('is filed under the start-date claim\'s metric as written, so the store finds it with that fact', () => {
    const { start2015, eightYear } = warStart();
    expect(checkPair(eightYear, { ...start2015, metric: 'Start date' }, S)?.metric).toBe('Start date');
  });
});

describe('the whole war-start group', () => {
  it('finds exactly the expected conflicts, sorted by key, whatever the input order', () => {
    const { start2015, eightYear, march2011, tenYear } = warStart();
    const keys = conflictsForFact([start2015, eightYear, march2011, tenYear], S).map((c) => c.key);
    expect(keys).toEqual(['duration-vs-start:101,102', 'duration-vs-start:101,104', 'event-date:101,103']);
    const reversed = conflictsForFact([tenYear, march2011, eightYear, start2015], S).map((c) => c.key);
    expect(reversed).toEqual(keys);
  });

  it('recomputes only the conflicts touching changed claims', () => {
    const { start2015, eightYear, march2011, tenYear } = warStart();
    const all = [start2015, eightYear, march2011, tenYear];
    expect(conflictsInvolving([103], all, S).map((c) => c.key)).toEqual(['event-date:101,103']);
    expect(conflictsInvolving([104, 102], all, S).map((c) => c.key)).toEqual(['duration-vs-start:101,102', 'duration-vs-start:101,104']);
    expect(conflictsInvolving([101], all, S)).toEqual(conflictsForFact(all, S));
    expect(conflictsInvolving([101, 102, 103, 104], all, S)).toEqual(conflictsForFact(all, S));
  });

  it('gives the same conflict, explanation included, whichever way round a pair is met', () => {
    const { start2015, eightYear, march2011 } = warStart();
    expect(checkPair(march2011, start2015, S)).toEqual(checkPair(start2015, march2011, S));
    expect(checkPair(start2015, eightYear, S)).toEqual(checkPair(eightYear, start2015, S));
    const a = claim({ subjectId: GOVT, metric: 'territory controlled', sourcePublishedAt: '2021-09-20', figure: pct(60) });
    const b = claim({ subjectId: GOVT, metric: 'territory controlled', sourcePublishedAt: '2021-09-14', figure: pct(90) });
    expect(checkPair(a, b, S)).toEqual(checkPair(b, a, S));
    expect(checkPair(a, b, S)!.explanation.indexOf('14 Sep 2021')).toBeLessThan(checkPair(a, b, S)!.explanation.indexOf('20 Sep 2021'));
  });

  it('rejected claims drop out; candidates take part unless the setting says otherwise; deprecated stay', () => {
    const { start2015, march2011 } = warStart();
    expect(conflictsForFact([{ ...start2015, status: 'rejected' }, march2011], S)).toEqual([]);
    const candidate = { ...start2015, status: 'candidate' as const };
    expect(conflictsForFact([candidate, march2011], S)).toHaveLength(1);
    expect(conflictsForFact([candidate, march2011], { ...S, includeCandidates: false })).toEqual([]);
    expect(conflictsForFact([{ ...start2015, rank: 'deprecated' }, march2011], S)).toHaveLength(1);
    expect(participates(candidate, { asOfWindowDays: 31, tolerance: 0.05 })).toBe(true);
  });
});

describe('facts and groups', () => {
  it('groups claims by subject and normalised metric', () => {
    const { start2015, eightYear, march2011 } = warStart();
    const odd = claim({ id: 150, metric: ' Start Date ', figure: date('2011-03-15') });
    const facts = groupIntoFacts([start2015, eightYear, march2011, odd]);
    expect(facts.map((f) => [f.key, f.claims.map((c) => c.id)])).toEqual([
      ['1|start date', [101, 103, 150]],
      ['1|duration', [102]],
    ]);
    expect(factKey({ subjectId: null, metric: 'Killed' })).toBe('-|killed');
  });

  it('puts durations in their subject\'s start-date group and leaves subjectless claims out', () => {
    const { start2015, eightYear } = warStart();
    expect(conflictGroupKey(eightYear)).toBe(conflictGroupKey(start2015));
    expect(conflictGroupKey({ subjectId: null, metric: 'killed' })).toBeNull();
    expect(metricsInConflictGroup('Duration')).toEqual(['start date', 'duration', 'war duration']);
    expect(metricsInConflictGroup('start date')).toEqual(['start date', 'duration', 'war duration']);
    expect(conflictGroupKey({ subjectId: 1, metric: 'War duration' })).toBe('1|start date');
    expect(metricsInConflictGroup('killed')).toEqual(['killed']);
    const groups = groupForConflicts([start2015, eightYear, claim({ id: 160, subjectId: null, figure: count(1) })]);
    expect([...groups.keys()]).toEqual(['1|start date']);
    expect(groups.get('1|start date')!.map((c) => c.id)).toEqual([101, 102]);
  });

  it('builds keys from sorted ids', () => {
    expect(conflictKey('event-date', [40, 12, 3])).toBe('event-date:3,12,40');
  });
});

describe('agreement', () => {
  it('one speaker relayed by two outlets counts once', () => {
    const a = claim({ id: 501, metric: 'killed', speakerId: MINISTRY, sourcePublisher: 'Wire A', figure: count(10) });
    const b = claim({ id: 502, metric: 'killed', speakerId: MINISTRY, sourcePublisher: 'Radio B', relay: 'as reported by Wire A', figure: count(10) });
    const values = agreement([a, b], S);
    expect(values).toHaveLength(1);
    expect(values[0]!.independentSources).toBe(1);
  });

  it('one relay spelled two ways counts once; the same outlet twice counts once', () => {
    const a = claim({ metric: 'killed', relay: 'as reported by Northgate Wire', sourcePublisher: 'X', figure: count(10) });
    const b = claim({ metric: 'killed', relay: 'Northgate Wire reported', sourcePublisher: 'Y', figure: count(10) });
    expect(independenceKey(a)).toBe(independenceKey(b));
    const c = claim({ metric: 'killed', sourcePublisher: 'The Gazette', figure: count(10) });
    const d = claim({ metric: 'killed', sourcePublisher: 'gazette', figure: count(10) });
    expect(independenceKey(c)).toBe(independenceKey(d));
    expect(agreement([a, b, c, d], S)[0]!.independentSources).toBe(2);
  });

  it('compatible figures back each other; figures for other periods do not', () => {
    const exact = claim({ id: 601, metric: 'killed', sourcePublisher: 'A', sourcePublishedAt: '2021-09-14', figure: count(400_000) });
    const atLeast = claim({ id: 602, metric: 'killed', sourcePublisher: 'B', sourcePublishedAt: '2021-09-20', figure: count(390_000, null) });
    const old = claim({ id: 603, metric: 'killed', sourcePublisher: 'C', sourcePublishedAt: '2016-04-01', figure: count(400_000) });
    const values = agreement([exact, atLeast, old], S);
    const forExact = values.find((v) => v.claimIds.includes(601))!;
    expect(forExact.claimIds).toEqual([601]);
    expect(forExact.supportingClaimIds).toEqual([601, 602]);
    expect(forExact.independentSources).toBe(2);
    expect(values.find((v) => v.claimIds.includes(603))!.supportingClaimIds).toEqual([603]);
    const forAtLeast = values.find((v) => v.claimIds.includes(602))!;
    expect(forAtLeast.supportingClaimIds).toEqual([601, 602]);
    expect(values[0]).toBe(forExact);
  });

  it('leaves out rejected claims', () => {
    const a = claim({ metric: 'killed', sourcePublisher: 'A', figure: count(10), status: 'rejected' });
    expect(agreement([a], S)).toEqual([]);
  });
});

describe('figures one article sets against each other', () => {
  const sentence = 'The toll is closer to 9,000 than the often-quoted figure of 20,000, the monitor said.';
  const inArticle = (over: Partial<ClaimInContext> & { figure: Figure }): ClaimInContext =>
    claim({ sourceId: 700, sourcePublishedAt: '2031-06-01', quote: sentence, quoteStart: 40, ...over });

  it('compares two named speakers of one article ("the monitor puts it at 20,000 … the envoy says 150,000")', () => {
    const monitor = inArticle({ figure: count(20000, null), qualifier: 'at-least', valueText: 'over 20,000', speakerId: 41, quoteStart: 0 });
    const envoy = inArticle({ figure: count(150000), valueText: '150,000', speakerId: 42, quoteStart: 300 });
    expect(checkPair(monitor, envoy, S)?.rule).toBe('point-in-time');
    expect(checkPair(monitor, envoy, S)?.explanation).toMatch(/reports disagreeing figures/);
  });

  it('leaves alone a total the article adds up from a part it stated before ("bringing the total to 62,000")', () => {
    const part = inArticle({ figure: count(19000), valueText: '19,000', speakerId: 41, quoteStart: 0, quote: 'The monitor has recorded 19,000 deaths.' });
    const summed = 'Researchers count 43,000 more deaths, bringing the total to an estimated 62,000.';
    const total = inArticle({ figure: count(62000), valueText: '62,000', speakerId: 42, quoteStart: 200, quote: summed });
    expect(checkPair(part, total, S)).toBeNull();
    const rival = inArticle({ ...total, quote: 'Researchers put the total at an estimated 62,000.' });
    expect(checkPair(part, rival, S)).not.toBeNull();
  });

  it('leaves alone a part told after its whole ("59,210 of those excess deaths"), but not the same figure told on its own', () => {
    const whole = inArticle({ figure: count(65123), valueText: '65,123', speakerId: 41, quoteStart: 0, quote: 'A household survey estimates that 65,123 more people have died.' });
    const part = inArticle({ figure: count(59210), valueText: '59,210', speakerId: 42, quoteStart: 120, quote: 'The researchers said 59,210 of those excess deaths were violent.' });
    expect(checkPair(whole, part, S)).toBeNull();
    expect(checkPair(part, whole, S)).toBeNull();
    const rival = inArticle({ ...part, quote: 'The researchers said 59,210 people died.' });
    expect(checkPair(whole, rival, S)?.rule).toBe('point-in-time');
  });

  it('compares figures a sentence sets against each other ("closer to 9,000 than … 20,000")', () => {
    const a = inArticle({ figure: count(9000), valueText: '9,000', speakerId: 41 });
    const b = inArticle({ figure: count(20000), valueText: '20,000', speakerId: 41 });
    expect(checkPair(a, b, S)).not.toBeNull();
  });

  it('leaves alone a breakdown by one speaker and the publisher\'s own context beside a cited figure', () => {
    const breakdown = 'Of the 90 dead, 60 were soldiers and 30 were civilians, the ministry said.';
    const sixty = inArticle({ figure: count(60), valueText: '60', speakerId: 41, quote: breakdown });
    const thirty = inArticle({ figure: count(30), valueText: '30', speakerId: 41, quote: breakdown });
    expect(checkPair(sixty, thirty, S)).toBeNull();
    const cited = inArticle({ figure: count(45000), valueText: '45,000', speakerId: 41, quoteStart: 0 });
    const own = inArticle({ figure: count(1200), valueText: '1,200', speakerId: null, quoteStart: 500 });
    expect(checkPair(cited, own, S)).toBeNull();
  });

  it('reads "about n" as n ± 5 % and "over n" as at most twice n', () => {
    const about = claim({ sourceId: 1, figure: count(1080, 1320), qualifier: 'about', valueText: 'about 1,200' });
    expect(checkPair(about, claim({ sourceId: 2, figure: count(1400), valueText: '1,400' }), S)).not.toBeNull();
    expect(checkPair(about, claim({ sourceId: 3, figure: count(1250), valueText: '1,250' }), S)).toBeNull();
    const over = claim({ sourceId: 4, figure: count(2000, null), qualifier: 'at-least', valueText: 'more than 2,000' });
    expect(checkPair(over, claim({ sourceId: 5, figure: count(2783), valueText: '2,783' }), S)).toBeNull();
    expect(checkPair(over, claim({ sourceId: 6, figure: count(9000), valueText: '9,000' }), S)).not.toBeNull();
  });
});

describe('a toll told lower later (lowerTollLater)', () => {
  const diplomats = (over: Partial<ClaimInContext> = {}) =>
    claim({ kind: 'casualties', metric: 'killed', sourcePublishedAt: '2017-09-24', speakerId: 71, speakerName: 'Western diplomats', figure: count(9_000, null), ...over });
  const official = (over: Partial<ClaimInContext> = {}) =>
    claim({ kind: 'casualties', metric: 'killed', sourcePublishedAt: '2018-02-15', speakerId: 72, speakerName: 'government', figure: count(4_100), ...over });

  it('an official toll of 4,100 five months after diplomats said "at least 9,000" disagrees with it', () => {
    const c = checkPair(diplomats(), official(), S);
    expect(c?.rule).toBe('cumulative-total');
    expect(c!.explanation).toMatch(/The later toll is lower than the earlier one, \d+ days after it, though a toll can only grow\./);
  });

  it('a later, higher toll is a toll that grew; one told more than a year later, or lower within the tolerance, is not set against it', () => {
    expect(checkPair(diplomats(), official({ figure: count(12_000) }), S)).toBeNull();
    expect(checkPair(diplomats(), official({ sourcePublishedAt: '2019-01-15' }), S)).toBeNull();
    expect(checkPair(diplomats({ figure: count(4_200) }), official(), S)).toBeNull();
  });

  it('a force that shrinks, or the displaced who went home, are no tolls', () => {
    expect(checkPair(diplomats({ kind: 'count', metric: 'troops deployed' }), official({ kind: 'count', metric: 'troops deployed' }), S)).toBeNull();
    expect(checkPair(diplomats({ kind: 'count', metric: 'displaced' }), official({ kind: 'count', metric: 'displaced' }), S)).toBeNull();
  });
});

describe('a toll told lower later: what it leaves alone', () => {
  const toll = (over: Partial<ClaimInContext>) => claim({ kind: 'casualties', metric: 'killed', figure: count(30), ...over });

  it('the same speaker lowering its own toll revises it; one attack after another are two tolls', () => {
    expect(checkPair(toll({ sourcePublishedAt: '2018-01-10', speakerId: 81, figure: count(3_000) }), toll({ sourcePublishedAt: '2018-05-10', speakerId: 81, figure: count(2_600) }), S)).toBeNull();
    const first = toll({ sourcePublishedAt: '2018-01-10', quote: 'A car bomb killed 30 people in the market.', figure: count(30) });
    const second = toll({ sourcePublishedAt: '2018-04-10', quote: 'A suicide bomber killed 12 people at a checkpoint.', figure: count(12) });
    expect(checkPair(first, second, S)).toBeNull();
  });
});
