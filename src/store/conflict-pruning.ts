// Deleting claims (one, or a source's by cascade) can leave a conflict with fewer than two claims, which no longer
// says anything: those go in the same transaction. Kept apart from conflicts.ts so claims.ts can use it without a cycle.
import type { Db } from './database.js';
import type { WriteContext } from './context.js';
import { recordAudit } from './audit.js';

/** Ids of the conflicts that include any of the claims `claimsSql` selects (run it before deleting those claims). */
export function conflictsTouching(db: Db, claimsSql: string, ...params: unknown[]): number[] {
  const rows = db
    .prepare(`SELECT DISTINCT conflict_id FROM conflict_claims WHERE claim_id IN (${claimsSql})`)
    .all(...params) as { conflict_id: number }[];
  return rows.map((r) => r.conflict_id);
}

/** Deletes those of the given conflicts that have fewer than two claims left, one audit event each; returns how many. */
export function pruneConflictsWithoutClaims(db: Db, conflictIds: number[], ctx: WriteContext): number {
  if (conflictIds.length === 0) return 0;
  const orphans = db
    .prepare(
      `SELECT k.id, k.key, k.rule, k.status, k.resolution_note FROM conflicts k
       WHERE k.id IN (SELECT value FROM json_each(?))
         AND (SELECT count(*) FROM conflict_claims cc WHERE cc.conflict_id = k.id) < 2`,
    )
    .all(JSON.stringify(conflictIds)) as { id: number; key: string; rule: string; status: string; resolution_note: string | null }[];
  const remove = db.prepare('DELETE FROM conflicts WHERE id = ?');
  for (const orphan of orphans) {
    remove.run(orphan.id);
    recordAudit(db, { action: 'delete', entity: 'conflict', entityId: orphan.id, before: orphan, reason: 'Fewer than two claims remain.' }, ctx);
  }
  return orphans.length;
}
