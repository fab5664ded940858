// Feeds followed for new articles, the item links already taken from each (migration 015), and the items whose page
// failed, with how many times (migration 018).
import { feedFollowed } from '../domain/feed.js';
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
  /** Links whose page failed and that are not taken yet (retried, or given up after too many attempts). */
  failingCount: number;
}

/** A feed item whose page could not be imported: how often it was tried and the last error. */
export interface FeedItemFailure {
  feedId: number;
  link: string;
  attempts: number;
  lastError: string;
  lastTriedAt: string;
}

interface FeedRow {
  id: number;
  url: string;
  title: string;
  created_at: string;
  last_polled_at: string | null;
  item_count: number;
  failing_count: number;
}

const SELECT_FEEDS = `SELECT f.*, (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) AS item_count,
    (SELECT count(*) FROM feed_item_failures x WHERE x.feed_id = f.id) AS failing_count FROM feeds f`;

function toFeed(row: FeedRow): StoredFeed {
  return { id: row.id, url: row.url, title: row.title, createdAt: row.created_at, lastPolledAt: row.last_polled_at, itemCount: row.item_count, failingCount: row.failing_count };
}

/** Follows a feed; ValidationError when it is already followed. Audited. */
export function addFeed(db: Db, url: string, title: string, ctx: WriteContext): StoredFeed {
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM feeds WHERE url = ?').get(url)) throw feedFollowed(url);
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

/** Records a link as taken (it became, or already was, this source); its failures before are forgotten. */
export function recordFeedItem(db: Db, feedId: number, link: string, sourceId: number, ctx: WriteContext): void {
  db.transaction(() => {
    db.prepare('INSERT INTO feed_items (feed_id, link, source_id, taken_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(feedId, link, sourceId, nowIso(ctx));
    db.prepare('DELETE FROM feed_item_failures WHERE feed_id = ? AND link = ?').run(feedId, link);
  })();
}

/** Counts one more failed attempt at a feed item, keeping its error; returns the attempts so far. */
export function recordFeedItemFailure(db: Db, feedId: number, link: string, error: string, ctx: WriteContext): number {
  return db.transaction(() => {
    db.prepare(
      `INSERT INTO feed_item_failures (feed_id, link, attempts, last_error, last_tried_at) VALUES (?, ?, 1, ?, ?)
       ON CONFLICT (feed_id, link) DO UPDATE SET attempts = attempts + 1, last_error = excluded.last_error, last_tried_at = excluded.last_tried_at`,
    ).run(feedId, link, error, nowIso(ctx));
    return db.prepare('SELECT attempts FROM feed_item_failures WHERE feed_id = ? AND link = ?').pluck().get(feedId, link) as number;
  })();
}

/** The failed items of one feed (or of every feed), by feed then most tried first. */
export function listFeedItemFailures(db: Db, feedId?: number): FeedItemFailure[] {
  const rows = db
    .prepare(`SELECT * FROM feed_item_failures WHERE ? IS NULL OR feed_id = ? ORDER BY feed_id, attempts DESC, link`)
    .all(feedId ?? null, feedId ?? null) as { feed_id: number; link: string; attempts: number; last_error: string; last_tried_at: string }[];
  return rows.map((r) => ({ feedId: r.feed_id, link: r.link, attempts: r.attempts, lastError: r.last_error, lastTriedAt: r.last_tried_at }));
}

/** Notes when a feed was last polled (and its title, which a feed may change). */
export function markFeedPolled(db: Db, feedId: number, title: string, ctx: WriteContext): void {
  db.transaction(() => {
    db.prepare('UPDATE feeds SET last_polled_at = ?, title = ? WHERE id = ?').run(nowIso(ctx), title, feedId);
  })();
}
