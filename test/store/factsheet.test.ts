import { describe, expect, it } from 'vitest';
import { loadFactSheetData } from '../../src/store/factsheet.js';
import { explainConflict } from '../../src/store/conflicts.js';
import { syncConflicts } from '../../src/store/conflict-sync.js';
import { TEST_CTX, countQueries, createTestDb, makeClaim, makeConflict, makeEntity, makeSource } from '../helpers/index.js';

describe('fact sheet data', () => {
  function setup() {
    const db = createTestDb();
    const war = makeEntity(db, { name: 'Sample War', type: 'event' });
    const siege = makeEntity(db, { name: 'Sample Siege', type: 'event' });
    const old = makeSource(db, { publishedAt: '2016-05-01', publisher: 'Old Outlet' });
    const recent = makeSource(db, { publishedAt: '2019-05-01', publisher: 'New Outlet' });
    const a = makeClaim(db, { sourceId: old.id, subjectId: war.id, status: 'confirmed' });
    const b = makeClaim(db, { sourceId: recent.id, subjectId: war.id, status: 'confirmed', metric: 'Killed' });
    const candidate = makeClaim(db, { sourceId: recent.id, subjectId: war.id, status: 'candidate' });
    const rejected = makeClaim(db, { sourceId: recent.id, subjectId: war.id, status: 'rejected' });
    const other = makeClaim(db, { sourceId: old.id, subjectId: siege.id, status: 'confirmed', metric: 'wounded' });
    return { db, war, siege, old, recent, a, b, candidate, rejected, other };
  }

  it('covers confirmed claims (candidates on request, rejected never) with their sources, in three queries', () => {
    const { db, a, b, candidate, other, old, recent } = setup();
    const { result, queries } = countQueries(db, () => loadFactSheetData(db));
    expect(queries).toBe(3);
    expect(result.claims.map((c) => c.id)).toEqual([other.id, a.id, b.id]);
    expect(result.sources.map((s) => [s.id, s.publisher])).toEqual([[old.id, 'Old Outlet'], [recent.id, 'New Outlet']]);
    expect(result.sources[0]).not.toHaveProperty('body');
    expect(result.sources[0]?.bodySha256).toHaveLength(64);
    expect(loadFactSheetData(db, { includeCandidates: true }).claims.map((c) => c.id)).toEqual([other.id, a.id, b.id, candidate.id]);
  });

  it('filters by subjects, metrics and publication dates', () => {
    const { db, war, a, b, other } = setup();
    expect(loadFactSheetData(db, { subjectIds: [war.id] }).claims.map((c) => c.id)).toEqual([a.id, b.id]);
    expect(loadFactSheetData(db, { metrics: ['WOUNDED'] }).claims.map((c) => c.id)).toEqual([other.id]);
    const recentOnly = loadFactSheetData(db, { publishedFrom: '2019-01-01', publishedTo: '2019-12-31' });
    expect(recentOnly.claims.map((c) => c.id)).toEqual([b.id]);
    expect(recentOnly.sources).toHaveLength(1);
    expect(loadFactSheetData(db, { subjectIds: [999] })).toEqual({ claims: [], sources: [], conflicts: [] });
  });

  it('brings the conflicts of the covered claims, decided stale ones included', () => {
    const { db, war, a, b, candidate } = setup();
    const open = makeConflict(db, [a.id, candidate.id], { subjectId: war.id });
    const decided = makeConflict(db, [a.id, b.id], { subjectId: war.id, rule: 'point-in-time' });
    explainConflict(db, decided.id, decided.version, 'Different dates.', TEST_CTX);
    syncConflicts(db, [{ subjectId: war.id, metric: 'killed' }], [{ rule: 'period-count', severity: 0.5, explanation: 'x', subjectId: war.id, metric: 'killed', claimIds: [a.id, candidate.id] }], TEST_CTX);
    const conflicts = loadFactSheetData(db).conflicts;
    expect(conflicts.map((k) => [k.id, k.status, k.stale])).toEqual([[open.id, 'open', false], [decided.id, 'explained', true]]);
  });
});
