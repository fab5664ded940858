import { conflictLabel } from '../helpers/factories.js';
import { describe, expect, it } from 'vitest';
import { NotFoundError, StaleEditError, ValidationError } from '../../src/domain/errors.js';
import { conflictKey, countConflictsByStatus, explainConflict, flagConflict, getConflict, getConflictWithClaims, listConflicts, listConflictsOfClaim, reopenConflict, resolveConflict, unflagConflict, type ConflictInput } from '../../src/store/conflicts.js';
import { getClaim } from '../../src/store/claims.js';
import { listAudit } from '../../src/store/audit.js';
import { syncConflicts } from '../../src/store/conflict-sync.js';
import { listFactsToRecompute } from '../../src/store/crosscheck-queries.js';
import { TEST_CTX, createTestDb, makeClaim, makeEntity, makeSource } from '../helpers/index.js';

function setup() {
  const db = createTestDb();
  const war = makeEntity(db, { name: 'Sample War', type: 'event' });
  const s1 = makeSource(db, { publisher: 'Outlet One' });
  const s2 = makeSource(db, { publisher: 'Outlet Two' });
  const a = makeClaim(db, { sourceId: s1.id, subjectId: war.id, metric: 'Killed ' });
  const b = makeClaim(db, { sourceId: s2.id, subjectId: war.id, metric: 'killed', figure: { unit: 'count', low: 10, high: 10 } });
  const c = makeClaim(db, { sourceId: s2.id, subjectId: war.id, metric: 'killed', figure: { unit: 'count', low: 20, high: 20 } });
  const fact = { subjectId: war.id, metric: 'killed' };
  const found = (ids: number[], severity = 0.9): ConflictInput => ({
    rule: 'period-count', severity, explanation: 'Counts for the same period do not overlap.', subjectId: war.id, metric: 'killed', claimIds: ids,
  });
  return { db, war, s1, s2, a, b, c, fact, found };
}

describe('conflicts', () => {
  it('stores found conflicts under a stable key with their claims, and lists them with claim views', () => {
    const { db, a, b, c, fact, found, war } = setup();
    expect(a.metric).toBe('killed');
    const result = syncConflicts(db, [fact], [found([b.id, a.id]), found([b.id, c.id], 0.3)], TEST_CTX);
    expect(result).toEqual({ created: 2, updated: 0, deleted: 0, staled: 0 });
    const page = listConflicts(db);
    expect(page.total).toBe(2);
    expect(page.items.map(conflictLabel)).toEqual([conflictKey('period-count', [a.id, b.id]), conflictKey('period-count', [b.id, c.id])]);
    expect(page.items[0]).toMatchObject({ claimIds: [a.id, b.id], status: 'open', subjectName: 'Sample War', manual: false, stale: false, internal: false });
    expect(page.items[1]?.internal).toBe(true);
    const detail = getConflictWithClaims(db, page.items[0]!.id);
    expect(detail.claims.map((claim) => claim.sourcePublisher)).toEqual(['Outlet One', 'Outlet Two']);
    expect(listConflicts(db, { subjectId: war.id, metric: 'KILLED' }).total).toBe(2);
    expect(listConflictsOfClaim(db, c.id).map((k) => k.claimIds)).toEqual([[b.id, c.id]]);
    expect(listAudit(db, 'conflict', page.items[0]!.id).map((e) => e.action)).toEqual(['create']);
  });

  it('recomputation refreshes severity but keeps the reviewer decision; an unchanged result writes nothing', () => {
    const { db, a, b, fact, found } = setup();
    syncConflicts(db, [fact], [found([a.id, b.id])], TEST_CTX);
    const conflict = listConflicts(db).items[0]!;
    explainConflict(db, conflict.id, conflict.version, 'One counts fighters, the other civilians.', TEST_CTX);
    expect(syncConflicts(db, [fact], [found([a.id, b.id])], TEST_CTX)).toEqual({ created: 0, updated: 0, deleted: 0, staled: 0 });
    syncConflicts(db, [fact], [found([a.id, b.id], 0.5)], TEST_CTX);
    expect(getConflict(db, conflict.id)).toMatchObject({ status: 'explained', resolutionNote: 'One counts fighters, the other civilians.', severity: 0.5 });
  });

  it('a conflict that no longer fires is deleted while open, kept as stale once decided, and revives with its decision', () => {
    const { db, a, b, c, fact, found } = setup();
    syncConflicts(db, [fact], [found([a.id, b.id]), found([b.id, c.id])], TEST_CTX);
    const [ab, bc] = listConflicts(db).items;
    explainConflict(db, ab!.id, ab!.version, 'Different periods.', TEST_CTX);
    expect(syncConflicts(db, [fact], [], TEST_CTX)).toEqual({ created: 0, updated: 0, deleted: 1, staled: 1 });
    expect(() => getConflict(db, bc!.id)).toThrow(NotFoundError);
    expect(getConflict(db, ab!.id)).toMatchObject({ stale: true, status: 'explained' });
    expect(listConflicts(db).total).toBe(0);
    expect(listConflicts(db, { includeStale: true }).total).toBe(1);
    syncConflicts(db, [fact], [found([a.id, b.id])], TEST_CTX);
    expect(getConflict(db, ab!.id)).toMatchObject({ stale: false, status: 'explained', resolutionNote: 'Different periods.' });
  });

  it('recomputation of one fact leaves other facts and manual flags alone', () => {
    const { db, a, b, c, fact, found, war } = setup();
    const other = makeClaim(db, { subjectId: war.id, metric: 'wounded' });
    const other2 = makeClaim(db, { subjectId: war.id, metric: 'wounded', sourceId: other.sourceId });
    syncConflicts(db, [{ subjectId: war.id, metric: 'wounded' }], [{ ...found([other.id, other2.id]), metric: 'wounded' }], TEST_CTX);
    const manual = flagConflict(db, { claimIds: [a.id, c.id], note: 'The reviewer sees a mismatch.' }, TEST_CTX);
    syncConflicts(db, [fact], [found([a.id, b.id])], TEST_CTX);
    syncConflicts(db, [fact], [], TEST_CTX);
    expect(getConflict(db, manual.id)).toMatchObject({ manual: true, rule: 'manual', status: 'open', metric: 'killed' });
    expect(listConflicts(db, { metric: 'wounded' }).total).toBe(1);
    expect(listConflicts(db, { metric: 'killed' }).items.map((k) => k.id)).toEqual([manual.id]);
  });

  it('lists open conflicts first, then by severity, with status and manual filters and counts', () => {
    const { db, a, b, c, fact, found } = setup();
    syncConflicts(db, [fact], [found([a.id, b.id], 0.2), found([b.id, c.id], 0.8), found([a.id, c.id], 0.95)], TEST_CTX);
    const top = listConflicts(db).items[0]!;
    explainConflict(db, top.id, top.version, 'Explained.', TEST_CTX);
    expect(listConflicts(db).items.map((k) => [k.status, k.severity])).toEqual([['open', 0.8], ['open', 0.2], ['explained', 0.95]]);
    expect(listConflicts(db, { status: 'explained' }).items.map((k) => k.id)).toEqual([top.id]);
    expect(listConflicts(db, { manual: true }).total).toBe(0);
    expect(countConflictsByStatus(db)).toEqual({ open: 2, explained: 1, resolved: 0 });
  });

  it('resolve prefers one claim and deprecates the others with a reason; reopen restores ranks; each step audited', () => {
    const { db, a, b, fact, found } = setup();
    syncConflicts(db, [fact], [found([a.id, b.id])], TEST_CTX);
    const conflict = listConflicts(db).items[0]!;
    expect(() => resolveConflict(db, conflict.id, conflict.version, { preferredClaimId: 999, reason: 'error', note: '' }, TEST_CTX)).toThrow(ValidationError);
    const resolved = resolveConflict(db, conflict.id, conflict.version, { preferredClaimId: a.id, reason: 'superseded', note: 'The later count replaces it.' }, TEST_CTX);
    expect(resolved).toMatchObject({ status: 'resolved', preferredClaimId: a.id, resolutionNote: 'The later count replaces it.', version: 2 });
    expect(getClaim(db, a.id)).toMatchObject({ rank: 'preferred', rankReason: null });
    expect(getClaim(db, b.id)).toMatchObject({ rank: 'deprecated', rankReason: 'superseded' });
    expect(() => reopenConflict(db, conflict.id, conflict.version, TEST_CTX)).toThrow(StaleEditError);
    const reopened = reopenConflict(db, conflict.id, resolved.version, TEST_CTX);
    expect(reopened).toMatchObject({ status: 'open', preferredClaimId: null, resolutionNote: null });
    expect([getClaim(db, a.id).rank, getClaim(db, b.id).rank]).toEqual(['normal', 'normal']);
    expect(listAudit(db, 'conflict', conflict.id).map((e) => e.action)).toEqual(['create', 'resolve', 'reopen']);
    expect(listAudit(db, 'claim', b.id).map((e) => e.action)).toEqual(['create', 'update', 'update']);
  });

  it('reopening one conflict keeps the ranks another resolved conflict still holds', () => {
    const { db, a, b, c, fact, found } = setup();
    syncConflicts(db, [fact], [found([a.id, b.id]), found([b.id, c.id], 0.5)], TEST_CTX);
    const [first, second] = [conflictKey('period-count', [a.id, b.id]), conflictKey('period-count', [b.id, c.id])].map(
      (key) => listConflicts(db).items.find((k) => conflictLabel(k) === key)!,
    );
    // The first deprecates b; the second deprecates c and (again) b.
    resolveConflict(db, first!.id, first!.version, { preferredClaimId: a.id, reason: 'error', note: 'A typo in the second count.' }, TEST_CTX);
    const resolved = resolveConflict(db, second!.id, second!.version, { preferredClaimId: b.id, reason: 'superseded', note: '' }, TEST_CTX);
    expect([a, b, c].map((claim) => getClaim(db, claim.id).rank)).toEqual(['preferred', 'preferred', 'deprecated']);
    const again = resolveConflict(db, resolved.id, resolved.version, { preferredClaimId: c.id, reason: 'superseded', note: '' }, TEST_CTX);
    expect([a, b, c].map((claim) => getClaim(db, claim.id).rank)).toEqual(['preferred', 'deprecated', 'preferred']);
    reopenConflict(db, again.id, again.version, TEST_CTX);
    // b stays deprecated: the first conflict is still resolved; c belongs to no other decision and goes back to normal.
    expect([a, b, c].map((claim) => getClaim(db, claim.id).rank)).toEqual(['preferred', 'deprecated', 'normal']);
    // A stale decision holds nothing: once the first conflict's rule stops firing, reopening it frees its claims.
    syncConflicts(db, [fact], [found([b.id, c.id], 0.5)], TEST_CTX);
    const stale = getConflict(db, first!.id);
    expect(stale).toMatchObject({ status: 'resolved', stale: true });
    reopenConflict(db, stale.id, stale.version, TEST_CTX);
    expect([a, b, c].map((claim) => getClaim(db, claim.id).rank)).toEqual(['normal', 'normal', 'normal']);
  });

  it('flagging by hand needs two claims and a note; the same flag twice is one conflict; unflag removes it', () => {
    const { db, a, b } = setup();
    expect(() => flagConflict(db, { claimIds: [a.id, a.id], note: 'x' }, TEST_CTX)).toThrow(ValidationError);
    expect(() => flagConflict(db, { claimIds: [a.id, b.id], note: '  ' }, TEST_CTX)).toThrow(ValidationError);
    expect(() => flagConflict(db, { claimIds: [a.id, 999], note: 'x' }, TEST_CTX)).toThrow(NotFoundError);
    const flagged = flagConflict(db, { claimIds: [b.id, a.id], note: 'Same week, different toll.' }, TEST_CTX);
    expect(flagConflict(db, { claimIds: [a.id, b.id], note: 'again' }, TEST_CTX).id).toBe(flagged.id);
    expect(listAudit(db, 'conflict', flagged.id)).toMatchObject([{ action: 'flag', reason: 'Same week, different toll.' }]);
    unflagConflict(db, flagged.id, flagged.version, TEST_CTX);
    expect(() => getConflict(db, flagged.id)).toThrow(NotFoundError);
  });

  it('automatic conflicts cannot be unflagged', () => {
    const { db, a, b, fact, found } = setup();
    syncConflicts(db, [fact], [found([a.id, b.id])], TEST_CTX);
    const conflict = listConflicts(db).items[0]!;
    expect(() => unflagConflict(db, conflict.id, conflict.version, TEST_CTX)).toThrow(ValidationError);
  });

  it('a failed sync changes nothing', () => {
    const { db, a, b, fact, found } = setup();
    expect(() => syncConflicts(db, [fact], [found([a.id, b.id]), found([a.id, 12345])], TEST_CTX)).toThrow();
    expect(listConflicts(db).total).toBe(0);
  });

  it('the facts to recompute are those with claims that are not rejected, and facts still holding automatic conflicts', () => {
    const { db, war } = setup();
    const rejected = makeClaim(db, { subjectId: war.id, metric: 'wounded', status: 'rejected' });
    const alsoRejected = makeClaim(db, { subjectId: war.id, metric: 'wounded', status: 'rejected' });
    expect(listFactsToRecompute(db)).toEqual([{ subjectId: war.id, metric: 'killed' }]);
    syncConflicts(db, [], [{ rule: 'point-in-time', severity: 0.4, explanation: 'x', subjectId: war.id, metric: 'wounded', claimIds: [rejected.id, alsoRejected.id] }], TEST_CTX);
    expect(listFactsToRecompute(db)).toEqual([{ subjectId: war.id, metric: 'killed' }, { subjectId: war.id, metric: 'wounded' }]);
  });
});
