// An RSS 2.0 or Atom feed read into its title and items (link, title, date) with fast-xml-parser. Pure: takes the
// feed's text, returns data; anything that is neither format is a ValidationError.
import { XMLParser } from 'fast-xml-parser';
import { ValidationError } from './errors.js';

export interface FeedItem {
  link: string;
  title: string | null;
  /** YYYY-MM-DD when the item says when it was published. */
  publishedAt: string | null;
}

export interface Feed {
  title: string;
  items: FeedItem[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'entry', 'link'].includes(name) });

/** Text of an element that may carry attributes (`{ '#text': … }`). */
function text(value: unknown): string | null {
  const raw = value !== null && typeof value === 'object' ? (value as Node)['#text'] : value;
  return typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() || null : null;
}

function day(value: unknown): string | null {
  const raw = text(value);
  const time = raw === null ? NaN : Date.parse(raw);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/** Links resolved against the feed's own address; items without a usable http(s) link are left out. */
function absolute(link: string | null, base: string): string | null {
  if (link === null) return null;
  try {
    const url = new URL(link, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function rssItems(channel: Node, base: string): FeedItem[] {
  return ((channel.item as Node[] | undefined) ?? []).flatMap((item) => {
    const link = absolute(text((item.link as unknown[] | undefined)?.[0]) ?? text(item.guid), base);
    return link ? [{ link, title: text(item.title), publishedAt: day(item.pubDate) ?? day(item['dc:date']) }] : [];
  });
}

function atomItems(feed: Node, base: string): FeedItem[] {
  return ((feed.entry as Node[] | undefined) ?? []).flatMap((entry) => {
    const links = (entry.link as Node[] | undefined) ?? [];
    const chosen = links.find((l) => (l['@rel'] ?? 'alternate') === 'alternate') ?? links[0];
    const link = absolute(typeof chosen?.['@href'] === 'string' ? chosen['@href'] : null, base);
    return link ? [{ link, title: text(entry.title), publishedAt: day(entry.published) ?? day(entry.updated) }] : [];
  });
}

/** Reads an RSS or Atom document fetched from `base`. */
export function parseFeed(xml: string, base: string): Feed {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    throw new ValidationError(`${base} is not readable XML (${err instanceof Error ? err.message : String(err)}).`);
  }
  const channel = (doc.rss as Node | undefined)?.channel as Node | undefined;
  if (channel) return { title: text(channel.title) ?? base, items: rssItems(channel, base) };
  const feed = doc.feed as Node | undefined;
  if (feed) return { title: text(feed.title) ?? base, items: atomItems(feed, base) };
  throw new ValidationError(`${base} is neither an RSS nor an Atom feed.`);
}

/** A feed already followed. */
export function feedFollowed(url: string): ValidationError {
  return new ValidationError(`${url} is already followed.`, { url: 'This feed is already followed.' });
}
