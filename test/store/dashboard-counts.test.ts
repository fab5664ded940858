// The dashboard's counts come from tables the triggers keep (migration 011); every kind of write keeps them equal
// to counting the rows.
import { describe, expect, it } from 'vitest';
import { countConflictsByStatus, explainConflict, reopenConflict } from '../../src/store/conflicts.js';
import { countEntities } from '../../src/store/entities.js';
import { countSources, deleteSource } from '../../src/store/sources.js';
import { deleteClaim } from '../../src/store/claim-changes.js';
import type { Db } from '../../src/store/database.js';
import { TEST_CTX, createTestDb, makeClaim, makeConflict, makeEntity, makeSource } from '../helpers/index.js';

function counted(db: Db): unknown {
  const byStatus = { open: 0, explained: 0, resolved: 0 } as Record<string, number>;
  for (const row of db.prepare('SELECT status, count(*) AS n FROM conflicts WHERE stale = 0 GROUP BY status').all() as { status: string; n: number }[]) byStatus[row.status] = row.n;
  const n = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { conflicts: byStatus, sources: n('sources'), entities: n('entities') };
}

function kept(db: Db): unknown {
  return { conflicts: countConflictsByStatus(db), sources: countSources(db), entities: countEntities(db) };
}

describe('trigger-kept dashboard counts', () => {
  it('follow inserts, decisions, stale marks and deletions (cascades included)', () => {
    const db = createTestDb();
    expect(kept(db)).toEqual(counted(db));
    const source = makeSource(db);
    makeEntity(db, { name: 'Portbrak Monitor', type: 'organisation' });
    const a = makeClaim(db, { sourceId: source.id });
    const b = makeClaim(db, { sourceId: source.id });
    const c = makeClaim(db, { sourceId: source.id });
    const first = makeConflict(db, [a.id, b.id]);
    makeConflict(db, [b.id, c.id]);
    expect(countConflictsByStatus(db)).toEqual({ open: 2, explained: 0, resolved: 0 });
    const explained = explainConflict(db, first.id, first.version, 'Different periods.', TEST_CTX);
    expect(countConflictsByStatus(db)).toEqual({ open: 1, explained: 1, resolved: 0 });
    db.prepare('UPDATE conflicts SET stale = 1 WHERE id = ?').run(first.id);
    expect(kept(db)).toEqual(counted(db));
    db.prepare('UPDATE conflicts SET stale = 0 WHERE id = ?').run(first.id);
    reopenConflict(db, first.id, explained.version, TEST_CTX);
    expect(kept(db)).toEqual(counted(db));
    deleteClaim(db, c.id, TEST_CTX);
    expect(kept(db)).toEqual(counted(db));
    deleteSource(db, source.id, TEST_CTX);
    expect(kept(db)).toEqual(counted(db));
    expect(countSources(db)).toBe(0);
  });
});
