// Following RSS and Atom feeds: `feeds add` checks the address is a feed and stores it; `feeds poll` fetches each
// feed and imports every item link not taken before, by URL (fetch-url.ts's checks apply to each), once each. An
// item whose page fails is tried again on the next polls until it has failed `maxAttempts` times, then given up.
import type { FetchLimits } from '../config.js';
import { FetchError, fetchDocument } from './fetch-url.js';
import type { Feed } from '../domain/feed.js';
import { addFeed, listFeedItemFailures, listFeeds, markFeedPolled, recordFeedItem, recordFeedItemFailure, takenLinks, type StoredFeed } from '../store/feeds.js';
import type { Db } from '../store/database.js';
import type { WriteContext } from '../store/context.js';
import { importItems, failureText, type ImportItem, type ImportRun, type ImportTotals, type RunOptions } from './import-run.js';
import { readUrlDocument } from './url-import.js';
import type { ArticleReader } from './documents.js';

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

/** What a poll does with a feed: the items to import, and the links given up after too many failed attempts. */
interface FeedWork {
  items: ImportItem[];
  givenUp: string[];
}

/**
 * The import items of a feed's new links, the feed's title and the item's date filling in what a page does not say;
 * each failure is counted, and a link that failed `maxAttempts` times already is given up rather than fetched.
 */
function newItems(db: Db, feed: StoredFeed, parsed: Feed, limits: FetchLimits, ctx: WriteContext, maxAttempts: number, read?: ArticleReader): FeedWork {
  const taken = takenLinks(db, feed.id);
  const failures = new Map(listFeedItemFailures(db, feed.id).map((f) => [f.link, f]));
  const fresh = parsed.items.filter((item) => !taken.has(item.link));
  const givenUp = fresh.filter((item) => (failures.get(item.link)?.attempts ?? 0) >= maxAttempts);
  const items = fresh
    .filter((item) => !givenUp.includes(item))
    .map((item) => ({
      label: item.link,
      read: async () => {
        const doc = await readUrlDocument(item.link, limits, undefined, read);
        const meta = { ...doc.meta, title: doc.meta.title ?? item.title ?? undefined, publisher: doc.meta.publisher ?? parsed.title, publishedAt: doc.meta.publishedAt ?? item.publishedAt ?? undefined };
        return { ...doc, meta };
      },
      taken: (sourceId: number) => recordFeedItem(db, feed.id, item.link, sourceId, ctx),
      failed: (reason: string) => {
        const attempts = recordFeedItemFailure(db, feed.id, item.link, reason, ctx);
        return attempts >= maxAttempts ? ` (attempt ${attempts} of ${maxAttempts}: given up)` : ` (attempt ${attempts} of ${maxAttempts}: tried again on the next poll)`;
      },
    }));
  const lines = givenUp.map((item) => {
    const failure = failures.get(item.link)!;
    return `given up ${item.link}: failed ${failure.attempts} times, last: ${failure.lastError}`;
  });
  return { items, givenUp: lines };
}

export interface PollRun extends ImportRun {
  /** Items not fetched because they failed too often before. */
  givenUp: number;
}

/**
 * Polls every feed followed; one report for all, with a line per feed and per item (given up ones too). With
 * `options.offThread` (the web app) each item's page is read and its figures extracted in the worker pool, within
 * the pool's budgets; an item over one fails with the budget's message and is tried again like any failure.
 */
export async function pollFeeds(db: Db, limits: FetchLimits, ctx: WriteContext, options: RunOptions, maxAttempts: number): Promise<PollRun> {
  const lines: string[] = [];
  let givenUp = 0;
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
    const work = newItems(db, feed, parsed, limits, ctx, maxAttempts, options.offThread?.read);
    const gaveUp = work.givenUp.length > 0 ? `, ${work.givenUp.length} given up after ${maxAttempts} failed attempts` : '';
    lines.push(`feed #${feed.id} “${parsed.title}”: ${work.items.length} new of ${parsed.items.length} items${gaveUp}`);
    const run = await importItems(db, work.items, {}, ctx, options);
    lines.push(...[...run.lines, ...work.givenUp].map((line) => `  ${line}`));
    givenUp += work.givenUp.length;
    for (const key of Object.keys(totals) as (keyof ImportTotals)[]) totals[key] += run.totals[key];
    markFeedPolled(db, feed.id, parsed.title, ctx);
  }
  return { lines, totals, givenUp };
}
