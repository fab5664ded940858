// Comments: a short thread on a claim or a conflict. Each comment is also an audit event (action "comment"), so the
// activity page shows the discussion beside the changes it led to.
import { NotFoundError } from '../domain/errors.js';
import { checkedCommentText } from '../domain/comment-checks.js';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';

const COMMENT_ITEMS = ['claim', 'conflict'] as const;
export type CommentItem = (typeof COMMENT_ITEMS)[number];

export interface Comment {
  id: number;
  author: string;
  body: string;
  createdAt: string;
}

/** The thread of one claim or conflict, oldest first. */
export function listComments(db: Db, item: CommentItem, itemId: number): Comment[] {
  return db
    .prepare('SELECT id, author, body, created_at AS createdAt FROM comments WHERE item = ? AND item_id = ? ORDER BY id')
    .all(item, itemId) as Comment[];
}

/** Adds a comment by ctx.actor; empty or over-long text is a ValidationError on `body`, an unknown item a 404. Audited. */
export function addComment(db: Db, item: CommentItem, itemId: number, body: string, ctx: WriteContext): Comment {
  const text = checkedCommentText(body);
  return db.transaction(() => {
    const table = item === 'claim' ? 'claims' : 'conflicts';
    if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(itemId)) throw new NotFoundError(`The ${item} ${itemId}`);
    const at = nowIso(ctx);
    const { lastInsertRowid } = db.prepare('INSERT INTO comments (item, item_id, author, body, created_at) VALUES (?, ?, ?, ?, ?)').run(item, itemId, ctx.actor, text, at);
    const comment: Comment = { id: Number(lastInsertRowid), author: ctx.actor, body: text, createdAt: at };
    recordAudit(db, { action: 'comment', entity: item, entityId: itemId, after: { comment: text }, reason: null }, ctx);
    return comment;
  })();
}
