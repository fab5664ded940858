// Who has taken a source to review (migration 013): one reviewer per source at a time. The review queue reads it to
// offer "mine", "unassigned" or all. Taking and releasing are audited on the source.
import { NotFoundError } from '../domain/errors.js';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';

export const QUEUE_FILTERS = ['all', 'mine', 'unassigned'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

/** The user who has taken the source, or null. */
export function assigneeOf(db: Db, sourceId: number): string | null {
  const row = db.prepare('SELECT u.name FROM assignments a JOIN users u ON u.id = a.user_id WHERE a.source_id = ?').get(sourceId) as { name: string } | undefined;
  return row?.name ?? null;
}

/** Gives the source to `userId` (null releases it), replacing whoever had it. Audited as "assign" on the source. */
export function assignSource(db: Db, sourceId: number, userId: number | null, ctx: WriteContext): string | null {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM sources WHERE id = ?').get(sourceId)) throw new NotFoundError(`Source ${sourceId}`);
    const before = assigneeOf(db, sourceId);
    db.prepare('DELETE FROM assignments WHERE source_id = ?').run(sourceId);
    if (userId !== null) db.prepare('INSERT INTO assignments (source_id, user_id, assigned_at) VALUES (?, ?, ?)').run(sourceId, userId, nowIso(ctx));
    const after = assigneeOf(db, sourceId);
    if (after !== before) recordAudit(db, { action: 'assign', entity: 'source', entityId: sourceId, before: { assignee: before }, after: { assignee: after } }, ctx);
    return after;
  })();
}

/**
 * The newest source with candidates left that the filter admits: one taken by `userId` ("mine") or one nobody has
 * taken ("unassigned"); null when there is none. (For all sources the queue takes the newest candidate's.)
 */
export function nextSourceToReview(db: Db, filter: Exclude<QueueFilter, 'all'>, userId: number | null): number | null {
  const sql = {
    // A reviewer's own sources are few: walk them (newest first) rather than all candidates.
    mine: `SELECT a.source_id FROM assignments a WHERE a.user_id = ?
           AND EXISTS (SELECT 1 FROM claims c WHERE c.source_id = a.source_id AND c.status = 'candidate') ORDER BY a.source_id DESC LIMIT 1`,
    unassigned: `SELECT c.source_id FROM claims c WHERE c.status = 'candidate'
                 AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.source_id = c.source_id) ORDER BY c.id DESC LIMIT 1`,
  }[filter];
  const row = (filter === 'mine' ? db.prepare(sql).get(userId ?? -1) : db.prepare(sql).get()) as { source_id: number } | undefined;
  return row?.source_id ?? null;
}
