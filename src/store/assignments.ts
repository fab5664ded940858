// Who has taken what to review: a source (migration 013) or a subject, an entity (migration 019), one reviewer each
// at a time. A claim is a reviewer's when they have taken its source or its subject; the review queue reads that to
// offer "mine", "unassigned" or all. Taking and releasing are audited on the source or the entity.
import { NotFoundError } from '../domain/errors.js';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';

export const QUEUE_FILTERS = ['all', 'mine', 'unassigned'] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

/** What can be taken to review: a source, or a subject (an entity the claims are about). */
export type AssignmentTarget = 'source' | 'subject';

// Table names and columns are fixed here, never taken from input.
const TABLES: Record<AssignmentTarget, { table: string; column: string; items: string; audit: string; label: string }> = {
  source: { table: 'assignments', column: 'source_id', items: 'sources', audit: 'source', label: 'Source' },
  subject: { table: 'subject_assignments', column: 'entity_id', items: 'entities', audit: 'entity', label: 'Entity' },
};

/** The user who has taken the source or subject, or null. */
export function takenBy(db: Db, target: AssignmentTarget, id: number): string | null {
  const { table, column } = TABLES[target];
  const row = db.prepare(`SELECT u.name FROM ${table} a JOIN users u ON u.id = a.user_id WHERE a.${column} = ?`).get(id) as { name: string } | undefined;
  return row?.name ?? null;
}

/** The user who has taken the source, or null. */
export function assigneeOf(db: Db, sourceId: number): string | null {
  return takenBy(db, 'source', sourceId);
}

/**
 * Gives the source or subject to `userId` (null releases it), replacing whoever had it. Audited as "assign" on the
 * source or the entity. Returns who has it now.
 */
export function assign(db: Db, target: AssignmentTarget, id: number, userId: number | null, ctx: WriteContext): string | null {
  const { table, column, items, audit, label } = TABLES[target];
  return db.transaction(() => {
    if (!db.prepare(`SELECT 1 FROM ${items} WHERE id = ?`).get(id)) throw new NotFoundError(`${label} ${id}`);
    const before = takenBy(db, target, id);
    db.prepare(`DELETE FROM ${table} WHERE ${column} = ?`).run(id);
    if (userId !== null) db.prepare(`INSERT INTO ${table} (${column}, user_id, assigned_at) VALUES (?, ?, ?)`).run(id, userId, nowIso(ctx));
    const after = takenBy(db, target, id);
    if (after !== before) recordAudit(db, { action: 'assign', entity: audit, entityId: id, before: { assignee: before }, after: { assignee: after } }, ctx);
    return after;
  })();
}

/**
 * SQL testing whether claim `c` is the user's (bound to `?` twice: its source or its subject taken by them) or
 * nobody's (neither taken by anyone), for the claims filters and the review queue.
 */
export const CLAIM_IS_MINE = `(EXISTS (SELECT 1 FROM assignments a WHERE a.source_id = c.source_id AND a.user_id = ?)
  OR EXISTS (SELECT 1 FROM subject_assignments t WHERE t.entity_id = c.subject_id AND t.user_id = ?))`;
export const CLAIM_IS_UNASSIGNED = `(NOT EXISTS (SELECT 1 FROM assignments a WHERE a.source_id = c.source_id)
  AND NOT EXISTS (SELECT 1 FROM subject_assignments t WHERE t.entity_id = c.subject_id))`;

/**
 * The newest source with candidates left that the filter admits: one with a candidate of `userId`'s ("mine": in a
 * source or of a subject they have taken) or one with a candidate nobody has taken ("unassigned"); null when there is
 * none. (For all sources the queue takes the newest candidate's.)
 */
export function nextSourceToReview(db: Db, filter: Exclude<QueueFilter, 'all'>, userId: number | null): number | null {
  const sql = {
    // A reviewer's own sources and subjects are few: walk their candidates rather than all candidates.
    mine: `SELECT max(source_id) AS source_id FROM (
             SELECT a.source_id FROM assignments a WHERE a.user_id = ?
               AND EXISTS (SELECT 1 FROM claims c WHERE c.source_id = a.source_id AND c.status = 'candidate')
             UNION ALL
             SELECT c.source_id FROM subject_assignments t JOIN claims c ON c.subject_id = t.entity_id AND c.status = 'candidate'
             WHERE t.user_id = ?)`,
    unassigned: `SELECT c.source_id FROM claims c WHERE c.status = 'candidate' AND ${CLAIM_IS_UNASSIGNED} ORDER BY c.id DESC LIMIT 1`,
  }[filter];
  const row = (filter === 'mine' ? db.prepare(sql).get(userId ?? -1, userId ?? -1) : db.prepare(sql).get()) as { source_id: number | null } | undefined;
  return row?.source_id ?? null;
}
