import { syncConflictsOfClaims } from '../../src/store/conflict-sync.js';
import { conflictLabel, findConflictLabelled } from '../helpers/factories.js';
// The cross-check's store queries: partner lookups return exactly what conflict-window.ts describes (SQL and
// domain agree) and walk the partial indexes; syncing the conflicts of changed claims leaves the others alone;
// the facts a full recomputation visits.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/domain/crosscheck.js';
import { matchesPartnerQuery, type PartnerQuery } from '../../src/domain/conflict-window.js';
import { dayNumber, isoFromDayNumber } from '../../src/domain/intervals.js';
import { explainConflict, listConflicts, resolveConflict } from '../../src/store/conflicts.js';
import type { Db } from '../../src/store/database.js';
import {
  listConflictsPage,
  listFactsToRecompute,
  listPartnerClaims,
  listRuleClaims,
  listRuleClaimsOfGroup,

} from '../../src/store/crosscheck-queries.js';
import { recomputeAllConflicts, recomputeConflicts } from '../../src/app/recompute.js';
import { createTestDb, makeClaim, makeConflict, makeEntity, makeSource, TEST_CTX } from '../helpers/index.js';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A group of stored claims with random scopes, as-of dates (some missing), values and statuses. */
function seedGroup(db: Db, count: number): { subjectId: number } {
  const town = makeEntity(db, { name: 'Sample town' });
  const rand = prng(11);
  const base = dayNumber('2018-01-01');
  const day = (n: number) => isoFromDayNumber(base + Math.floor(n));
  for (let i = 0; i < count; i++) {
    const published = day(rand() * 600);
    const source = makeSource(db, { publishedAt: published });
    const asOf = rand() < 0.75 ? published : null;
    const eff = asOf ?? published;
    const value = Math.round(100 + rand() * 900);
    const shape = rand();
    const scope =
      shape < 0.4
        ? { scopeFrom: null, scopeTo: null }
        : shape < 0.7
          ? { scopeFrom: day(rand() * 30), scopeTo: rand() < 0.5 ? null : eff }
          : { scopeFrom: isoFromDayNumber(dayNumber(eff) - 40 - Math.floor(rand() * 300)), scopeTo: isoFromDayNumber(dayNumber(eff) - 1 - Math.floor(rand() * 30)) };
    makeClaim(db, {
      sourceId: source.id, subjectId: town.id, asOf, ...scope, qualifier: 'exact', valueText: String(value),
      figure: { unit: 'count', low: rand() < 0.1 ? null : value, high: rand() < 0.1 ? null : value + 10 },
      status: rand() < 0.15 ? 'rejected' : rand() < 0.5 ? 'candidate' : 'confirmed',
    });
  }
  return { subjectId: town.id };
}

describe('partner lookups in SQL', () => {
  it('return exactly the taking-part claims the domain description matches', () => {
    const db = createTestDb();
    const { subjectId } = seedGroup(db, 160);
    const group = { subjectId, metrics: ['killed'] };
    const all = listRuleClaims(db, Array.from({ length: 200 }, (_, i) => i + 1)).filter((c) => c.subjectId === subjectId);
    const queries: PartnerQuery[] = [
      { kind: 'points', asOf: { from: '2018-05-01', to: '2018-07-01' }, above: 700, below: 300 },
      { kind: 'points', asOf: { from: '2018-05-01', to: '2018-07-01' }, above: 500, below: null },
      { kind: 'cumulative', from: { from: '2018-01-01', to: '2018-01-20' }, near: { from: '2018-06-01', to: '2018-07-01' }, above: 600, below: 400 },
      { kind: 'cumulative', from: { from: '2018-01-01', to: '2018-01-31' }, near: { from: '2018-03-01', to: '2018-05-31' }, above: null, below: 700 },
      { kind: 'periods', from: { from: '2017-06-01', to: '2018-03-01' }, to: { from: '2018-02-01', to: '2018-08-01' }, periodsOnly: true, above: 200, below: 800 },
      { kind: 'periods', from: { from: '2017-06-01', to: '2018-03-01' }, to: { from: '2018-02-01', to: '2018-08-01' }, periodsOnly: false, above: 400, below: 400 },
    ];
    for (const query of queries) {
      const expected = all.filter((c) => c.status !== 'rejected' && matchesPartnerQuery(c, query)).map((c) => c.id).sort((a, b) => a - b);
      const got = listPartnerClaims(db, group, [query]).map((c) => c.id).sort((a, b) => a - b);
      expect(got, query.kind).toEqual(expected);
      expect(expected.length, `${query.kind} finds something`).toBeGreaterThan(0);
    }
    const confirmedOnly = listPartnerClaims(db, group, [queries[0]!], { includeCandidates: false });
    expect(confirmedOnly.every((c) => c.status === 'confirmed')).toBe(true);
    expect(listPartnerClaims(db, group, [{ kind: 'all' }]).length).toBe(listRuleClaimsOfGroup(db, group).length);
  });

  it('walk the partial indexes of a group rather than the whole subject', () => {
    const db = createTestDb();
    const plans: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      if (sql.includes('scope_from') && !sql.startsWith('EXPLAIN')) {
        const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], 1]));
        plans.push((prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n'));
      }
      return prepare(sql);
    }) as Db['prepare'];
    listPartnerClaims(db, { subjectId: 1, metrics: ['killed'] }, [
      { kind: 'points', asOf: { from: '2018-05-01', to: '2018-07-01' }, above: 1, below: 2 },
      { kind: 'cumulative', from: { from: '2018-01-01', to: '2018-01-20' }, near: { from: '2018-06-01', to: '2018-07-01' }, above: 1, below: 2 },
      { kind: 'periods', from: { from: '2017-06-01', to: '2018-03-01' }, to: { from: '2018-02-01', to: '2018-08-01' }, periodsOnly: true, above: 1, below: 2 },
    ]);
    expect(plans).toHaveLength(3);
    expect(plans[0]).toMatch(/USING INDEX claims_group_points \(subject_id=\? AND metric=\? AND as_of>\? AND as_of<\?\)/);
    expect(plans[1]).toMatch(/USING INDEX claims_group_scoped \(subject_id=\? AND metric=\? AND scope_from>\? AND scope_from<\?\)/);
    expect(plans[2]).toMatch(/USING INDEX claims_group_scoped/);
  });
});

describe('syncing the conflicts of changed claims', () => {
  it('leaves conflicts between unchanged claims, removes open ones of changed claims no longer found, keeps decided ones as stale', () => {
    const db = createTestDb();
    const [a, b, c, d] = [1, 2, 3, 4].map(() => makeClaim(db));
    const between = makeConflict(db, [a!.id, b!.id]);
    const open = makeConflict(db, [a!.id, c!.id]);
    const decided = makeConflict(db, [c!.id, d!.id]);
    explainConflict(db, decided.id, decided.version, 'Different definitions.', TEST_CTX);
    const result = syncConflictsOfClaims(db, [c!.id], [], TEST_CTX);
    expect(result).toEqual({ created: 0, updated: 0, deleted: 1, staled: 1 });
    expect(findConflictLabelled(db, conflictLabel(between))).not.toBeNull();
    expect(findConflictLabelled(db, conflictLabel(open))).toBeNull();
    expect(findConflictLabelled(db, conflictLabel(decided))).toMatchObject({ status: 'explained', stale: true });
  });
});

describe('the conflicts list page', () => {
  it('lists open conflicts first, then explained, then resolved, each by severity; pages across the statuses; leaves out stale ones', () => {
    const db = createTestDb();
    const claims = Array.from({ length: 8 }, () => makeClaim(db));
    const made = [0.2, 0.9, 0.5, 0.7, 0.1, 0.3].map((severity, i) => makeConflict(db, [claims[i]!.id, claims[i + 1]!.id], { severity }));
    explainConflict(db, made[1]!.id, made[1]!.version, 'Different scope.', TEST_CTX);
    explainConflict(db, made[4]!.id, made[4]!.version, 'Different scope.', TEST_CTX);
    const resolved = findConflictLabelled(db, conflictLabel(made[3]!))!;
    resolveConflict(db, resolved.id, resolved.version, { preferredClaimId: claims[3]!.id, reason: 'error', note: '' }, TEST_CTX);
    // The rule of made[5] no longer fires: it goes (open), so nothing stale shows.
    syncConflictsOfClaims(db, [claims[6]!.id], [], TEST_CTX);
    const order = listConflictsPage(db, { limit: 50, offset: 0 }).items.map((k) => [k.status, k.severity]);
    expect(order).toEqual([['open', 0.5], ['open', 0.2], ['explained', 0.9], ['explained', 0.1], ['resolved', 0.7]]);
    const second = listConflictsPage(db, { limit: 2, offset: 2 });
    expect(second.total).toBe(5);
    expect(second.items.map((k) => [k.status, k.severity])).toEqual([['explained', 0.9], ['explained', 0.1]]);
    expect(listConflictsPage(db, { limit: 50, offset: 0, status: 'explained' }).items.map((k) => k.severity)).toEqual([0.9, 0.1]);
    expect(listConflictsPage(db, { limit: 50, offset: 0, subjectId: 999 })).toMatchObject({ items: [], total: 0 });
  });
});

describe('facts to recompute', () => {
  it('include facts of a single claim (a lone duration meets a lone start date) and facts holding automatic conflicts', () => {
    const db = createTestDb();
    const war = makeEntity(db, { name: 'Sample war' });
    makeClaim(db, { subjectId: war.id, metric: 'duration' });
    makeClaim(db, { subjectId: war.id, metric: 'start date' });
    makeClaim(db, { subjectId: null, metric: 'killed' });
    expect(listFactsToRecompute(db)).toEqual([
      { subjectId: war.id, metric: 'duration' },
      { subjectId: war.id, metric: 'start date' },
    ]);
  });

  it('a full recomputation ends where adding the claims one at a time ends', () => {
    const db = createTestDb();
    const { subjectId } = seedGroup(db, 80);
    const ids = listRuleClaimsOfGroup(db, { subjectId, metrics: ['killed'] }).map((c) => c.id);
    for (const id of ids) recomputeConflicts(db, [{ id }], DEFAULT_SETTINGS, TEST_CTX);
    const incremental = listConflicts(db, { limit: 500 }).items.map(conflictLabel).sort();
    expect(incremental.length).toBeGreaterThan(0);
    const other = createTestDb();
    seedGroup(other, 80);
    recomputeAllConflicts(other, DEFAULT_SETTINGS, TEST_CTX);
    expect(listConflicts(other, { limit: 500 }).items.map(conflictLabel).sort()).toEqual(incremental);
  });
});
