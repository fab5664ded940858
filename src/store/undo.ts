// Undo of review decisions: claims get back the status they had, when nobody changed them since the decision.
import { StaleEditError } from '../domain/errors.js';
import type { Claim, ClaimStatus } from '../domain/types.js';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';
import { getClaim } from './claims.js';

/**
 * Sets each claim back to `status`, provided it is still at `version` (the version the decision left it at);
 * when any claim moved on, StaleEditError and nothing changes. One transaction, one audit event per claim with
 * the action "undo". Returns the claims as they are after the undo.
 */
export function restoreClaimStatuses(db: Db, targets: { id: number; version: number; status: ClaimStatus }[], ctx: WriteContext): Claim[] {
  return db.transaction(() => {
    const befores = targets.map(({ id }) => getClaim(db, id));
    const stale = befores.filter((before, i) => before.version !== targets[i]!.version).map((before) => before.id);
    if (stale.length > 0) {
      throw new StaleEditError(`Claim ${stale[0]}${stale.length > 1 ? ` (and ${stale.length - 1} more)` : ''}`);
    }
    const at = nowIso(ctx);
    const update = db.prepare('UPDATE claims SET status = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?');
    return befores.map((before, i) => {
      const status = targets[i]!.status;
      update.run(status, at, before.id, before.version);
      const after = getClaim(db, before.id);
      recordAudit(db, { action: 'undo', entity: 'claim', entityId: before.id, before, after }, ctx);
      return after;
    });
  })();
}
