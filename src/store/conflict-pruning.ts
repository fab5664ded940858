// Conflicts that stop saying anything go, in the transaction of the change that made them so:
// - deleting claims (one, or a source's by cascade) can leave a conflict with fewer than two claims, or an
//   automatic one with a single value (nothing left to disagree with);
// - a recomputation that no longer finds an automatic conflict deletes it while open, or marks it stale when a
//   reviewer decided it (the one rule both syncConflicts and syncConflictsOfClaims follow).
// Kept apart from conflicts.ts so claims.ts can use it without a cycle.
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';
import type { StoredConflict } from './rows.js';

/** Ids of the conflicts that include any of the claims `claimsSql` selects (run it before deleting those claims). */
export function conflictsTouching(db: Db, claimsSql: string, ...params: unknown[]): number[] {
  const rows = db
    .prepare(`SELECT DISTINCT conflict_id FROM conflict_claims WHERE claim_id IN (${claimsSql})`)
    .all(...params) as { conflict_id: number }[];
  return rows.map((r) => r.conflict_id);
}

/**
 * Deletes those of the given conflicts that have fewer than two claims left, or (automatic ones) fewer than two
 * values, one audit event each; returns how many.
 */
export function pruneConflictsWithoutClaims(db: Db, conflictIds: number[], ctx: WriteContext): number {
  if (conflictIds.length === 0) return 0;
  const orphans = db
    .prepare(
      `SELECT k.id, k.key, k.rule, k.status, k.resolution_note FROM conflicts k
       WHERE k.id IN (SELECT value FROM json_each(?))
         AND ((SELECT count(*) FROM conflict_claims cc WHERE cc.conflict_id = k.id) < 2
           OR (k.manual = 0 AND (SELECT count(DISTINCT cc.value_key) FROM conflict_claims cc WHERE cc.conflict_id = k.id) < 2))`,
    )
    .all(JSON.stringify(conflictIds)) as { id: number; key: string; rule: string; status: string; resolution_note: string | null }[];
  const remove = db.prepare('DELETE FROM conflicts WHERE id = ?');
  for (const orphan of orphans) {
    remove.run(orphan.id);
    recordAudit(db, { action: 'delete', entity: 'conflict', entityId: orphan.id, before: orphan, reason: 'Nothing left to disagree: fewer than two claims or values remain.' }, ctx);
  }
  return orphans.length;
}

/**
 * Retires the automatic conflicts among `conflicts` whose key the rules did not find again: an open one is deleted
 * (nobody looked at it), a decided one is marked stale so its decision survives; one audit event each. Manual
 * conflicts are left alone. Returns how many were deleted and how many turned stale.
 */
export function retireConflictsNotFound(
  db: Db,
  conflicts: readonly StoredConflict[],
  foundKeys: ReadonlySet<string>,
  ctx: WriteContext,
): { deleted: number; staled: number } {
  const result = { deleted: 0, staled: 0 };
  const at = nowIso(ctx);
  for (const conflict of conflicts) {
    if (conflict.manual || foundKeys.has(conflict.key)) continue;
    if (conflict.status === 'open') {
      db.prepare('DELETE FROM conflicts WHERE id = ?').run(conflict.id);
      recordAudit(db, { action: 'delete', entity: 'conflict', entityId: conflict.id, before: conflict, reason: 'The rule no longer fires.' }, ctx);
      result.deleted += 1;
    } else if (!conflict.stale) {
      db.prepare('UPDATE conflicts SET stale = 1, updated_at = ? WHERE id = ?').run(at, conflict.id);
      // Marking stale changes nothing else (not the version), so the row as read is the after-state but these two.
      const after: StoredConflict = { ...conflict, stale: true, updatedAt: at };
      recordAudit(db, { action: 'update', entity: 'conflict', entityId: conflict.id, before: conflict, after, reason: 'The rule no longer fires; the decision is kept.' }, ctx);
      result.staled += 1;
    }
  }
  return result;
}

/**
 * Re-keys an automatic conflict whose subject moves from `fromId` to `intoId` (an entity merge): its key names the
 * fact ("v:<subject>|…", conflicts.ts valueConflictKey), so that recomputation finds it again. When the other entity
 * already has the conflict between the same two values, this one's claims join it and this one goes (audited as a
 * merge), its decision carried over when the other has none. Returns false when it went. Manual conflicts keep theirs.
 */
export function rekeyConflictToSubject(db: Db, conflictId: number, fromId: number, intoId: number, ctx: WriteContext): boolean {
  const row = db.prepare('SELECT key, manual, status, resolution_note, preferred_claim_id FROM conflicts WHERE id = ?').get(conflictId) as
    | { key: string; manual: number; status: string; resolution_note: string | null; preferred_claim_id: number | null }
    | undefined;
  const prefix = `v:${fromId}|`;
  if (!row || row.manual === 1 || !row.key.startsWith(prefix)) return true;
  const key = `v:${intoId}|${row.key.slice(prefix.length)}`;
  const target = db.prepare('SELECT id, status FROM conflicts WHERE key = ?').get(key) as { id: number; status: string } | undefined;
  if (!target) {
    db.prepare('UPDATE conflicts SET key = ? WHERE id = ?').run(key, conflictId);
    return true;
  }
  db.prepare('INSERT OR IGNORE INTO conflict_claims (conflict_id, claim_id, value_key) SELECT ?, claim_id, value_key FROM conflict_claims WHERE conflict_id = ?').run(
    target.id,
    conflictId,
  );
  if (target.status === 'open' && row.status !== 'open') {
    db.prepare('UPDATE conflicts SET status = ?, resolution_note = ?, preferred_claim_id = ?, version = version + 1, updated_at = ? WHERE id = ?').run(
      row.status, row.resolution_note, row.preferred_claim_id, nowIso(ctx), target.id,
    );
  }
  db.prepare('DELETE FROM conflicts WHERE id = ?').run(conflictId);
  recordAudit(db, { action: 'merge', entity: 'conflict', entityId: conflictId, before: row, after: { into: target.id }, reason: 'The same disagreement on the merged entity.' }, ctx);
  return false;
}
