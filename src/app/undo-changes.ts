// Undo of a logged write (store/change-log.ts): its rows put back, then the conflicts of every claim it touched
// recomputed, in one transaction.
import { revertChanges, type LoggedRow, type UndoLog } from '../store/change-log.js';
import type { ClaimWrites } from './claim-writes.js';
import { recomputeConflicts } from './recompute.js';

/** Reverts the write `log` recorded (a 409 and no change when anything it touched changed since); returns the rows put back. */
export function undoLoggedWrite(w: ClaimWrites, log: UndoLog): LoggedRow[] {
  return w.db.transaction(() => {
    const rows = revertChanges(w.db, log, w.ctx);
    const claims = rows.filter((row) => row.t === 'claims').map((row) => ({ id: Number((JSON.parse(row.k) as unknown[])[0]) }));
    recomputeConflicts(w.db, claims, w.settings, w.ctx);
    return rows;
  })();
}
