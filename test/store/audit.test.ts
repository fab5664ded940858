import { describe, expect, it } from 'vitest';
import { listAudit, listRecentAudit, recordAudit } from '../../src/store/audit.js';
import { createTestDb, makeClaim } from '../helpers/index.js';

describe('audit', () => {
  it('records actor, time, action, before/after JSON and reason, and lists per item oldest first', () => {
    const db = createTestDb();
    const ctx = { actor: 'alice', clock: () => new Date('2026-02-01T08:30:00Z'), reason: 'spot check' };
    recordAudit(db, { action: 'update', entity: 'claim', entityId: 5, before: { a: 1 }, after: { a: 2 } }, ctx);
    recordAudit(db, { action: 'delete', entity: 'claim', entityId: 5, before: { a: 2 }, reason: 'duplicate' }, ctx);
    recordAudit(db, { action: 'create', entity: 'source', entityId: 5, after: { t: 'x' } }, ctx);
    expect(listAudit(db, 'claim', 5)).toEqual([
      { id: 1, at: '2026-02-01T08:30:00.000Z', actor: 'alice', action: 'update', entity: 'claim', entityId: 5, before: { a: 1 }, after: { a: 2 }, reason: 'spot check' },
      { id: 2, at: '2026-02-01T08:30:00.000Z', actor: 'alice', action: 'delete', entity: 'claim', entityId: 5, before: { a: 2 }, after: null, reason: 'duplicate' },
    ]);
    expect(listRecentAudit(db, 2).map((e) => e.id)).toEqual([3, 2]);
  });

  it('a write that fails leaves no audit event behind', () => {
    const db = createTestDb();
    const claim = makeClaim(db);
    const before = listRecentAudit(db, 100).length;
    expect(() => makeClaim(db, { sourceId: claim.sourceId, quoteEnd: 10_000 })).toThrow();
    expect(listRecentAudit(db, 100)).toHaveLength(before);
  });
});
