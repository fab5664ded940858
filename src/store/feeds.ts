// Feeds followed for new articles, and the item links already taken from each (migration 015).
import { ValidationError } from '../domain/errors.js';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';

export interface StoredFeed {
  id: number;
  url: string;
  title: string;
  createdAt: string;
  lastPolledAt: string | null;
  /** Links taken from it so far. */
  itemCount: number;
}

interface FeedRow {
  id: number;
  url: string;
  title: string;
  created_at: string;
  last_polled_at: string | null;
  item_count: number;
}

const SELECT_FEEDS = `SELECT f.*, (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) AS item_count FROM feeds f`;

function toFeed(row: FeedRow): StoredFeed {
  return { id: row.id, url: row.url, title: row.title, createdAt: row.created_at, lastPolledAt: row.last_polled_at, itemCount: row.item_count };
}

/** Follows a feed; ValidationError when it is already followed. Audited. */
export function addFeed(db: Db, url: string, title: string, ctx: WriteContext): StoredFeed {
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM feeds WHERE url = ?').get(url)) throw new ValidationError(`${url} is already followed.`, { url: 'This feed is already followed.' });
    const { lastInsertRowid } = db.prepare('INSERT INTO feeds (url, title, created_at) VALUES (?, ?, ?)').run(url, title, nowIso(ctx));
    const feed = listFeeds(db).find((f) => f.id === Number(lastInsertRowid))!;
    recordAudit(db, { action: 'create', entity: 'feed', entityId: feed.id, after: { url, title } }, ctx);
    return feed;
  })();
}

/** Every feed followed, oldest first. */
export function listFeeds(db: Db): StoredFeed[] {
  return (db.prepare(`${SELECT_FEEDS} ORDER BY f.id`).all() as FeedRow[]).map(toFeed);
}

/** The item links already taken from a feed. */
export function takenLinks(db: Db, feedId: number): Set<string> {
  return new Set((db.prepare('SELECT link FROM feed_items WHERE feed_id = ?').pluck().all(feedId) as string[]));
}

/** Records a link as taken (it became, or already was, this source). */
export function recordFeedItem(db: Db, feedId: number, link: string, sourceId: number, ctx: WriteContext): void {
  db.transaction(() => {
    db.prepare('INSERT INTO feed_items (feed_id, link, source_id, taken_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(feedId, link, sourceId, nowIso(ctx));
  })();
}

/** Notes when a feed was last polled (and its title, which a feed may change). */
export function markFeedPolled(db: Db, feedId: number, title: string, ctx: WriteContext): void {
  db.transaction(() => {
    db.prepare('UPDATE feeds SET last_polled_at = ?, title = ? WHERE id = ?').run(nowIso(ctx), title, feedId);
  })();
}
