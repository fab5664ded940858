// Following RSS and Atom feeds: `feeds add` checks the address is a feed and stores it; `feeds poll` fetches each
// feed and imports every item link not taken before, by URL (fetch-url.ts's checks apply to each), once each.
import type { FetchLimits } from '../config.js';
import { FetchError, fetchDocument } from './fetch-url.js';
import type { Feed } from '../domain/feed.js';
import { addFeed, listFeeds, markFeedPolled, recordFeedItem, takenLinks, type StoredFeed } from '../store/feeds.js';
import type { Db } from '../store/database.js';
import type { WriteContext } from '../store/context.js';
import { importItems, failureText, type ImportItem, type ImportRun, type ImportTotals } from './import-run.js';
import { readUrlDocument } from './url-import.js';
import type { ImportOptions } from './importer.js';

export const FEED_MEDIA_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml'] as const;

/** Fetches and reads a feed. */
export async function fetchFeed(url: string, limits: FetchLimits): Promise<Feed> {
  const fetched = await fetchDocument(url, FEED_MEDIA_TYPES, limits);
  let text: string;
  try {
    text = new TextDecoder(fetched.charset ?? 'utf-8').decode(fetched.bytes);
  } catch {
    throw new FetchError(`${fetched.url} is in an unknown character set (${fetched.charset}).`, 'url');
  }
  // The XML parser is loaded when a feed is read, not by every command.
  const { parseFeed } = await import('../domain/feed.js');
  return parseFeed(text, fetched.url);
}

/** Follows the feed at `url` after checking it is one; ValidationError (or FetchError) otherwise. */
export async function followFeed(db: Db, url: string, limits: FetchLimits, ctx: WriteContext): Promise<{ feed: StoredFeed; items: number }> {
  const parsed = await fetchFeed(url, limits);
  return { feed: addFeed(db, url, parsed.title, ctx), items: parsed.items.length };
}

/** The import items of a feed's new links: the feed's title and the item's date fill in what a page does not say. */
function newItems(db: Db, feed: StoredFeed, parsed: Feed, limits: FetchLimits, ctx: WriteContext): ImportItem[] {
  const taken = takenLinks(db, feed.id);
  return parsed.items
    .filter((item) => !taken.has(item.link))
    .map((item) => ({
      label: item.link,
      read: async () => {
        const doc = await readUrlDocument(item.link, limits);
        const meta = { ...doc.meta, title: doc.meta.title ?? item.title ?? undefined, publisher: doc.meta.publisher ?? parsed.title, publishedAt: doc.meta.publishedAt ?? item.publishedAt ?? undefined };
        return { ...doc, meta };
      },
      taken: (sourceId: number) => recordFeedItem(db, feed.id, item.link, sourceId, ctx),
    }));
}

/** Polls every feed followed; one report for all, with a line per feed and per item. */
export async function pollFeeds(db: Db, limits: FetchLimits, ctx: WriteContext, options: ImportOptions): Promise<ImportRun> {
  const lines: string[] = [];
  const totals: ImportTotals = { items: 0, imported: 0, skipped: 0, failed: 0, claims: 0, conflicts: 0 };
  for (const feed of listFeeds(db)) {
    let parsed: Feed;
    try {
      parsed = await fetchFeed(feed.url, limits);
    } catch (err) {
      lines.push(`failed feed ${feed.url}: ${failureText(err)}`);
      totals.failed += 1;
      continue;
    }
    const items = newItems(db, feed, parsed, limits, ctx);
    lines.push(`feed #${feed.id} “${parsed.title}”: ${items.length} new of ${parsed.items.length} items`);
    const run = await importItems(db, items, {}, ctx, options);
    lines.push(...run.lines.map((line) => `  ${line}`));
    for (const key of Object.keys(totals) as (keyof ImportTotals)[]) totals[key] += run.totals[key];
    markFeedPolled(db, feed.id, parsed.title, ctx);
  }
  return { lines, totals };
}
