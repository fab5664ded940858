// The one rule for automatic conflicts the rules no longer find, shared by both recomputation paths.
import { describe, expect, it } from 'vitest';
import { explainConflict, getConflict, resolveConflict } from '../../src/store/conflicts.js';
import { listAudit } from '../../src/store/audit.js';
import { syncConflicts, syncConflictsOfClaims } from '../../src/store/conflict-sync.js';
import { retireConflictsNotFound } from '../../src/store/conflict-pruning.js';
import { TEST_CTX, createTestDb, makeClaim, makeConflict, makeManualConflict, makeSource } from '../helpers/index.js';

function threeClaims() {
  const db = createTestDb();
  const source = makeSource(db);
  const [a, b, c] = [1, 2, 3].map(() => makeClaim(db, { sourceId: source.id }));
  return { db, a: a!, b: b!, c: c! };
}

describe('retireConflictsNotFound', () => {
  it('deletes open conflicts, marks decided ones stale, leaves found, manual and already stale ones alone; audited', () => {
    const { db, a, b, c } = threeClaims();
    const open = makeConflict(db, [a.id, b.id]);
    const decided = makeConflict(db, [b.id, c.id]);
    const explained = explainConflict(db, decided.id, decided.version, 'Different periods.', TEST_CTX);
    const found = makeConflict(db, [a.id, c.id]);
    const manual = makeManualConflict(db, [a.id, b.id]);
    const conflicts = [open, explained, found, manual].map((k) => getConflict(db, k.id));
    const result = retireConflictsNotFound(db, conflicts, new Set([found.key]), TEST_CTX);
    expect(result).toEqual({ deleted: 1, staled: 1 });
    expect(() => getConflict(db, open.id)).toThrow();
    expect(listAudit(db, 'conflict', open.id).at(-1)).toMatchObject({ action: 'delete', reason: 'The rule no longer fires.' });
    const stale = getConflict(db, explained.id);
    expect(stale).toMatchObject({ stale: true, status: 'explained', resolutionNote: 'Different periods.', version: explained.version });
    // The audited after-state is the row as stored.
    expect(listAudit(db, 'conflict', explained.id).at(-1)).toMatchObject({ action: 'update', after: stale, reason: 'The rule no longer fires; the decision is kept.' });
    expect([getConflict(db, found.id).stale, getConflict(db, manual.id).stale]).toEqual([false, false]);
    // Already stale: nothing more to record.
    expect(retireConflictsNotFound(db, [stale], new Set(), TEST_CTX)).toEqual({ deleted: 0, staled: 0 });
  });

  it('both recomputation paths retire alike: by fact (syncConflicts) and by changed claims (syncConflictsOfClaims)', () => {
    const outcomes = ['byFact', 'byClaims'].map((path) => {
      const { db, a, b, c } = threeClaims();
      const open = makeConflict(db, [a.id, b.id]);
      const decided = makeConflict(db, [b.id, c.id]);
      resolveConflict(db, decided.id, decided.version, { preferredClaimId: b.id, reason: 'error', note: '' }, TEST_CTX);
      if (path === 'byFact') syncConflicts(db, [{ subjectId: null, metric: 'killed' }], [], TEST_CTX);
      else syncConflictsOfClaims(db, [a.id, b.id, c.id], [], TEST_CTX);
      return [open, decided].map((k) => listAudit(db, 'conflict', k.id).map((e) => [e.action, e.reason, (e.after as { stale?: boolean } | null)?.stale ?? null]));
    });
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(outcomes[0]).toEqual([
      [['create', null, false], ['delete', 'The rule no longer fires.', null]],
      [['create', null, false], ['resolve', 'error', false], ['update', 'The rule no longer fires; the decision is kept.', true]],
    ]);
  });
});
