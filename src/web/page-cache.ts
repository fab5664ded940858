// Rendered read pages kept between requests. The heavy read pages (dashboard, claims list, a source, a conflict…)
// depend only on the database, their address and who is asking, yet each request ran their queries and EJS
// templates again: under 50 clients that was most of the server's time. A page whose route opts in (sendPage's
// `shared`) is kept here as HTML, keyed by its address and the reader (user, role), and answered from here while
// the database has not changed. "Changed" is read from SQLite itself on every request: `total_changes()` counts
// the rows this connection wrote (the app's own writes, triggers included) and `PRAGMA data_version` moves when
// another connection commits (a `crosscheck import` run), so a write is visible on the very next request. The
// version is read before the page's queries run: a write landing in between leaves a page that is newer than its
// version, which is re-rendered at the next request, never served stale. The CSRF token differs per browser: the
// kept HTML holds a placeholder where the token was, replaced with the asking browser's token on the way out.
import { randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { escapeHtml } from '../render/escape.js';
import type { Db } from '../store/database.js';
import { accessFor } from './auth.js';
import { FLASH_PARAM } from './flash.js';
import { formatOf } from './format.js';

/** Most pages kept, and most characters kept in all (a page larger than a tenth of it is not kept). */
const MAX_PAGES = 500;
const MAX_CHARS = 32 * 1024 * 1024;

interface Slot {
  /** Keeps this response's HTML (the token already replaced by the placeholder) if the database is still as read. */
  keep(html: string): void;
}

const SLOT = Symbol('page-cache-slot');
type WithSlot = Response & { [SLOT]?: Slot };

export interface PageCache {
  /** Middleware: answers a kept page, or notes where the page the route renders may be kept. */
  serve: RequestHandler;
}

/** The page cache over `db`; `serve` must run after the sign-in and CSRF middleware and before the routes. */
export function pageCache(db: Db): PageCache {
  const versionQuery = db.prepare('SELECT total_changes() AS t, data_version AS d FROM pragma_data_version').raw();
  const pages = new Map<string, string>();
  let pagesVersion = '';
  let chars = 0;
  // Never in a page's text: 128 random bits, chosen when the app starts, and never sent to anyone.
  const placeholder = `csrf-${randomBytes(16).toString('hex')}`;

  const version = (): string => {
    const [t, d] = versionQuery.get() as [number, number];
    return `${t}:${d}`;
  };

  const keep = (key: string, html: string): void => {
    if (html.length > MAX_CHARS / 10) return;
    pages.set(key, html);
    chars += html.length;
    for (const [oldest, page] of pages) {
      if (pages.size <= MAX_PAGES && chars <= MAX_CHARS) break;
      pages.delete(oldest);
      chars -= page.length;
    }
  };

  const serve: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' || formatOf(res) !== 'html' || FLASH_PARAM in (req.query as object)) return next();
    const token = res.locals.csrfToken;
    if (typeof token !== 'string' || token === '') return next();
    const current = version();
    if (current !== pagesVersion) {
      pages.clear();
      chars = 0;
      pagesVersion = current;
    }
    const access = accessFor(res);
    const key = `${access.user?.id ?? ''}\u0000${access.role ?? ''}\u0000${access.accounts ? 1 : 0}\u0000${req.originalUrl}`;
    const page = pages.get(key);
    if (page !== undefined) {
      res.type('html').send(page.replaceAll(placeholder, escapeHtml(token)));
      return;
    }
    (res as WithSlot)[SLOT] = {
      keep: (html) => {
        // Another request saw a newer database while this page was drawn: the page may be older than the map.
        if (pagesVersion === current) keep(key, html.replaceAll(escapeHtml(token), placeholder));
      },
    };
    next();
  };
  return { serve };
}

/**
 * Called by sendPage with a shared page's HTML before it is sent: kept when the response may be (a 200 answer to a
 * request the cache saw, with no message of a previous write on it).
 */
export function rememberPage(res: Response, html: string): void {
  const slot = (res as WithSlot)[SLOT];
  if (slot && res.statusCode === 200 && !res.locals.flash) slot.keep(html);
}
