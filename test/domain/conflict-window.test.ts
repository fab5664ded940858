// The partner lookups of incremental recomputation must never lose a conflict: every claim the rules can
// flag against a changed claim is found by one of its lookups (checked over many generated pairs), while
// claims far away in time or value are not.
import { describe, expect, it } from 'vitest';
import { checkPair, DEFAULT_SETTINGS, nestingMetrics, type ClaimInContext } from '../../src/domain/crosscheck.js';
import { matchesPartnerQuery, nestingPartnerQueries, partnerQueries } from '../../src/domain/conflict-window.js';
import { isoFromDayNumber, dayNumber } from '../../src/domain/intervals.js';
import type { Figure } from '../../src/domain/types.js';

const S = DEFAULT_SETTINGS;

function claim(id: number, over: Partial<ClaimInContext> & { figure: Figure }): ClaimInContext {
  return {
    id, sourceId: id, quote: '', quoteStart: 0, quoteEnd: 0, valueText: String(over.figure.low), kind: 'casualties', metric: 'killed',
    subjectId: 1, qualifier: 'exact', scopeFrom: null, scopeTo: null, asOf: null, speakerId: null, attributionCue: null, relay: null,
    hedge: null, status: 'confirmed', rank: 'normal', rankReason: null, note: null, origin: 'extracted', version: 1, createdAt: '', updatedAt: '',
    sourcePublisher: `Outlet ${id}`, sourcePublishedAt: '2019-06-01', subjectName: 'Sample war', speakerName: null, ...over,
  };
}

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = dayNumber('2018-01-01');

/** A numeric claim of one group with a random scope (point, running total, period) and figure. */
function randomClaim(id: number, rand: () => number): ClaimInContext {
  const day = (n: number) => isoFromDayNumber(BASE + Math.floor(n));
  const published = day(rand() * 900);
  const asOf = rand() < 0.8 ? published : null;
  const eff = asOf ?? published;
  const value = Math.round(100 + rand() * 900);
  const figure: Figure = rand() < 0.2 ? { unit: 'count', low: value, high: null } : rand() < 0.2 ? { unit: 'count', low: null, high: value } : { unit: 'count', low: value, high: value + Math.round(rand() * 50) };
  const shape = rand();
  if (shape < 0.4) return claim(id, { figure, asOf, sourcePublishedAt: published });
  const from = isoFromDayNumber(dayNumber(eff) - Math.floor(rand() * 400));
  if (shape < 0.7) {
    // A running total: since `from`, as of its date (scope_to missing or equal to it).
    const sinceStart = rand() < 0.5 ? day(rand() * 40) : from;
    return claim(id, { figure, asOf, sourcePublishedAt: published, scopeFrom: sinceStart, scopeTo: rand() < 0.5 ? null : eff });
  }
  const to = isoFromDayNumber(dayNumber(eff) - 1 - Math.floor(rand() * 30));
  return claim(id, { figure, asOf, sourcePublishedAt: published, scopeFrom: from <= to ? from : to, scopeTo: to });
}

/**
 * Checks that the lookups of each of the first 60 claims, changed alone, find every claim the rules flag against it;
 * returns how many such conflicts there were (a check over none would mean nothing).
 */
function conflictsFoundByLookups(claims: ClaimInContext[], settings: typeof S): number {
  let found = 0;
  for (const x of claims.slice(0, 60)) {
    const lookups = partnerQueries([x], settings);
    for (const y of claims) {
      if (y === x || !checkPair(x, y, settings)) continue;
      found += 1;
      expect(lookups.some((q) => matchesPartnerQuery(y, q)), `claim ${y.id} against changed ${x.id} at tolerance ${settings.tolerance}`).toBe(true);
    }
  }
  return found;
}

describe('partner lookups', () => {
  it('find every claim a changed claim conflicts with (4,000 generated pairs and more)', () => {
    const rand = prng(42);
    const claims = Array.from({ length: 400 }, (_, i) => randomClaim(i + 1, rand));
    let conflicts = 0;
    const rules = new Set<string>();
    for (const c of claims.slice(0, 60)) {
      const queries = partnerQueries([c], S);
      for (const b of claims) {
        const found = b === c ? null : checkPair(c, b, S);
        if (!found) continue;
        conflicts += 1;
        rules.add(found.rule);
        expect(queries.some((q) => matchesPartnerQuery(b, q)), `claim ${b.id} against changed ${c.id}`).toBe(true);
      }
    }
    // The generator must actually produce conflicts of each numeric kind for this to mean anything.
    expect(conflicts).toBeGreaterThan(100);
    expect([...rules].sort()).toEqual(['cumulative-total', 'period-count', 'point-in-time']);
  });

  it('still find them when several changed claims share their lookups (loosest bounds)', () => {
    const rand = prng(7);
    const claims = Array.from({ length: 300 }, (_, i) => randomClaim(i + 1, rand));
    for (let start = 0; start < 60; start += 6) {
      const changed = claims.slice(start, start + 6);
      const queries = partnerQueries(changed, S);
      for (const c of changed) {
        for (const b of claims) {
          if (b !== c && checkPair(c, b, S)) expect(queries.some((q) => matchesPartnerQuery(b, q))).toBe(true);
        }
      }
    }
  });

  it('leave out points reported further apart than the window, and earlier totals that are not higher', () => {
    const point = claim(1, { figure: { unit: 'count', low: 100, high: 100 }, sourcePublishedAt: '2019-06-01' });
    const queries = partnerQueries([point], S);
    // 100 ± 5 %, loosened so that a partner stated as "about m" (stored ±10 %, compared ±5 %) is not missed
    expect(queries[0]).toMatchObject({ kind: 'points', asOf: { from: '2019-05-01', to: '2019-07-02' } });
    // a toll as of a date also meets the closed periods before it whose count is above it (a period within the total)
    // and the tolls a year before it that are higher, a year after it that are lower (a toll can only grow)
    expect(queries.slice(1)).toMatchObject([
      { kind: 'periods', periodsOnly: true, below: null },
      { kind: 'points', asOf: { from: '2018-06-01', to: '2019-06-01' }, below: null },
      { kind: 'points', asOf: { from: '2019-06-01', to: '2020-05-31' }, above: null },
    ]);
    expect(matchesPartnerQuery(claim(9, { figure: { unit: 'count', low: 300, high: 300 }, sourcePublishedAt: '2018-09-01' }), queries[2]!)).toBe(true);
    expect(matchesPartnerQuery(claim(10, { figure: { unit: 'count', low: 60, high: 60 }, sourcePublishedAt: '2018-09-01' }), queries[2]!)).toBe(false);
    expect(matchesPartnerQuery(claim(11, { figure: { unit: 'count', low: 900, high: 900 }, sourcePublishedAt: '2019-09-01' }), queries[3]!)).toBe(false);
    const earlierPeriod = (low: number) => claim(8, { figure: { unit: 'count', low, high: low }, scopeFrom: '2017-01-01', scopeTo: '2017-12-31', sourcePublishedAt: '2018-02-01' });
    expect(matchesPartnerQuery(earlierPeriod(400), queries[1]!)).toBe(true);
    expect(matchesPartnerQuery(earlierPeriod(60), queries[1]!)).toBe(false);
    expect(queries[0]).toMatchObject({ above: expect.closeTo(105 / ((0.95 / 0.9) * 0.95), 6), below: expect.closeTo(95, 6) });
    // (an exact partner below, its stored high its core, lies outside when its high is under 95)
    // A figure that overlaps the changed one after tolerance cannot conflict with it, however close in time.
    expect(matchesPartnerQuery(claim(6, { figure: { unit: 'count', low: 104, high: 108 }, sourcePublishedAt: '2019-06-02' }), queries[0]!)).toBe(false);
    expect(matchesPartnerQuery(claim(7, { figure: { unit: 'count', low: 200, high: 200 }, sourcePublishedAt: '2019-06-02' }), queries[0]!)).toBe(true);
    expect(matchesPartnerQuery(claim(2, { figure: { unit: 'count', low: 900, high: 900 }, sourcePublishedAt: '2019-07-03' }), queries[0]!)).toBe(false);

    const total = claim(3, { figure: { unit: 'count', low: 500, high: 500 }, scopeFrom: '2011-03-01', sourcePublishedAt: '2019-06-01' });
    const [cumulative] = partnerQueries([total], S);
    const earlierLower = claim(4, { figure: { unit: 'count', low: 400, high: 400 }, scopeFrom: '2011-03-01', sourcePublishedAt: '2018-09-01' });
    const earlierHigher = claim(5, { figure: { unit: 'count', low: 700, high: 700 }, scopeFrom: '2011-03-01', sourcePublishedAt: '2018-09-01' });
    expect(matchesPartnerQuery(earlierLower, cumulative!)).toBe(false);
    expect(matchesPartnerQuery(earlierHigher, cumulative!)).toBe(true);
    expect(checkPair(total, earlierHigher, S)?.rule).toBe('cumulative-total');
  });

  it('find every count of a nested fact a changed claim conflicts with: its wholes below it, its parts above it', () => {
    const rand = prng(19);
    const metrics = ['killed', 'civilians killed', 'casualties', 'wounded'];
    const claims = Array.from({ length: 400 }, (_, i) => ({ ...randomClaim(i + 1, rand), metric: metrics[i % metrics.length]! }));
    let conflicts = 0;
    for (const c of claims.slice(0, 80)) {
      const { wholes, parts } = nestingMetrics(c.metric, metrics);
      const lookups = { wholes: nestingPartnerQueries([c], S, 'wholes'), parts: nestingPartnerQueries([c], S, 'parts') };
      for (const b of claims) {
        const found = checkPair(c, b, S);
        if (found?.rule !== 'part-above-whole') continue;
        conflicts += 1;
        const look = wholes.includes(b.metric) ? 'wholes' : 'parts';
        expect(look === 'parts' ? parts : wholes).toContain(b.metric);
        expect(lookups[look].some((q) => matchesPartnerQuery(b, q)), `claim ${b.id} against changed ${c.id}`).toBe(true);
      }
    }
    expect(conflicts).toBeGreaterThan(50);
    // a whole above its part is no partner: the lookup of wholes only keeps those below the changed claim
    const part = claim(1, { metric: 'civilians killed', figure: { unit: 'count', low: 500, high: 500 } });
    const [points] = nestingPartnerQueries([part], S, 'wholes');
    expect(points).toMatchObject({ kind: 'points', above: null });
    expect(matchesPartnerQuery(claim(2, { figure: { unit: 'count', low: 900, high: 900 } }), points!)).toBe(false);
    expect(matchesPartnerQuery(claim(3, { figure: { unit: 'count', low: 300, high: 300 } }), points!)).toBe(true);
  });

  it('look up exact counts with no slack on their own day and with the tolerance on others', () => {
    // 1,203 dead told on 1 June: 1,187 told the same day disagrees (two exact counts), 1,187 a day later is the
    // running toll told again, within the tolerance; the window's lookup keeps the tolerance, so it is not loaded
    const toll = claim(1, { figure: { unit: 'count', low: 1203, high: 1203 }, sourcePublishedAt: '2019-06-01' });
    const queries = partnerQueries([toll], S);
    const sameDay = claim(2, { figure: { unit: 'count', low: 1187, high: 1187 }, sourcePublishedAt: '2019-06-01' });
    const nextDay = claim(3, { figure: { unit: 'count', low: 1187, high: 1187 }, sourcePublishedAt: '2019-06-02' });
    expect(checkPair(toll, sameDay, S)?.rule).toBe('point-in-time');
    expect(checkPair(toll, nextDay, S)).toBeNull();
    expect(queries.some((q) => matchesPartnerQuery(sameDay, q))).toBe(true);
    expect(queries.some((q) => matchesPartnerQuery(nextDay, q))).toBe(false);
    // the same for running totals told as of one day, and for a part against its whole
    const since = (id: number, n: number, day: string) => claim(id, { figure: { unit: 'count', low: n, high: n }, scopeFrom: '2018-03-01', sourcePublishedAt: day });
    const [a, b, c] = [since(4, 1203, '2019-06-01'), since(5, 1187, '2019-06-01'), since(6, 1187, '2019-06-02')];
    expect(checkPair(a, b, S)?.rule).toBe('cumulative-total');
    expect(checkPair(a, c, S)).toBeNull();
    expect(partnerQueries([a], S).some((q) => matchesPartnerQuery(b, q))).toBe(true);
    expect(partnerQueries([a], S).some((q) => matchesPartnerQuery(c, q))).toBe(false);
    const civilians = (id: number, day: string) => claim(id, { metric: 'civilians killed', figure: { unit: 'count', low: 1203, high: 1203 }, sourcePublishedAt: day });
    expect(checkPair(civilians(7, '2019-06-01'), sameDay, S)?.rule).toBe('part-above-whole');
    expect(checkPair(civilians(8, '2019-06-02'), sameDay, S)).toBeNull();
    // and over many generated exact counts crowded into a month, every conflict is still found
    const rand = prng(1203);
    const crowded = Array.from({ length: 300 }, (_, i) => {
      const day = isoFromDayNumber(BASE + Math.floor(rand() * 30));
      const n = 1001 + 2 * Math.floor(rand() * 40);
      return claim(i + 1, { figure: { unit: 'count', low: n, high: n }, sourcePublishedAt: day, ...(rand() < 0.5 ? { scopeFrom: '2018-03-01' } : {}) });
    });
    expect(conflictsFoundByLookups(crowded, S)).toBeGreaterThan(50);
    // a tolerance set higher than the default loses none either (an exact partner above gets no slack)
    const mixed = Array.from({ length: 300 }, (_, i) => randomClaim(i + 1, rand));
    expect(conflictsFoundByLookups(mixed, { ...S, tolerance: 0.2 })).toBeGreaterThan(50);
  });

  it('compare dates and durations with the whole group, and changed claims that take no part with nothing', () => {
    const start = claim(1, { kind: 'date', metric: 'start date', figure: { unit: 'date', low: '2015-01-01', high: '2015-12-31' } });
    expect(partnerQueries([start], S)).toEqual([{ kind: 'all' }]);
    const eightYears = claim(3, { kind: 'duration', metric: 'duration', figure: { unit: 'year', low: 8, high: 8 } });
    expect(partnerQueries([eightYears], S)).toEqual([{ kind: 'all' }]);
    expect(partnerQueries([claim(2, { status: 'rejected', figure: { unit: 'count', low: 1, high: 1 } })], S)).toEqual([]);
    // A meeting date and an episode's length meet no rule, so they need no lookup at all.
    const meeting = claim(4, { kind: 'date', metric: 'meeting date', figure: { unit: 'date', low: '2016-06-18', high: '2016-06-18' } });
    const episode = claim(5, { kind: 'duration', metric: 'fighting', figure: { unit: 'day', low: 4, high: 4 } });
    expect(partnerQueries([meeting, episode], S)).toEqual([]);
    const other = claim(6, { kind: 'date', metric: 'meeting date', figure: { unit: 'date', low: '2016-06-10', high: '2016-06-10' } });
    expect(checkPair(meeting, other, S)).toBeNull();
  });
});
