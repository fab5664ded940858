// One page = one data object from one loader, rendered three ways: HTML (an EJS view), JSON (the object
// itself) and, for lists, CSV. The format comes from a `.json`/`.csv` suffix or the Accept header.
import type { NextFunction, Request, Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { NotFoundError } from '../domain/errors.js';
import { rememberPage } from './page-cache.js';

import { formatOf, type Format } from './format.js';

// Routes read the format from here, with the rest of the rendering.
export { formatOf, type Format };

/** A list's CSV rendering: the header row and one array of cells per row. */
export interface CsvTable {
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

export interface Page<T extends object> {
  /** EJS view name under views/, e.g. "sources/list". */
  view: string;
  data: T;
  status?: number;
  /** Only lists have a CSV form. */
  csv?: (data: T) => CsvTable;
  /**
   * The HTML depends only on the database, the address and who is asking (no clock, no form input): it may be kept
   * and answered again until the database changes (web/page-cache.ts).
   */
  shared?: boolean;
}

/**
 * Middleware: strips a `.json` or `.csv` suffix from the path before routing (so each route is declared
 * once) and records the requested format; `/index.json` is the dashboard.
 */
export function negotiateFormat(req: Request, res: Response, next: NextFunction): void {
  const at = req.url.indexOf('?');
  const path = at === -1 ? req.url : req.url.slice(0, at);
  const match = /^(.*)\.(json|csv)$/.exec(path);
  if (match) {
    const bare = match[1] === '/index' || match[1] === '' ? '/' : (match[1] as string);
    req.url = bare + (at === -1 ? '' : req.url.slice(at));
    res.locals.format = match[2] as Format;
  } else {
    res.locals.format = req.accepts(['html', 'json']) === 'json' ? 'json' : 'html';
  }
  next();
}

/** Sends a page in the requested format; asking a non-list for CSV is a 404. */
export function sendPage<T extends object>(res: Response, page: Page<T>): void {
  const format = formatOf(res);
  res.status(page.status ?? 200);
  if (format === 'json') {
    res.json(page.data);
    return;
  }
  if (format === 'csv') {
    if (!page.csv) throw new NotFoundError('A CSV version of this page');
    const table = page.csv(page.data);
    res.type('text/csv; charset=utf-8');
    res.send(toCsv(table));
    return;
  }
  if (!page.shared) {
    res.render(page.view, page.data);
    return;
  }
  res.render(page.view, page.data, (err: Error | null, html: string) => {
    if (err) return res.req.next?.(err);
    rememberPage(res, html);
    res.send(html);
  });
}

/** Serializes a table as RFC 4180 CSV with a header row and CRLF line ends. */
export function toCsv(table: CsvTable): string {
  // With CRLF records csv-stringify only quotes fields holding the whole delimiter; a bare LF (or CR) in a
  // note or quote must be quoted too or readers split the record.
  return stringify(table.rows, { header: true, columns: table.columns, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** Redirect after a successful form post (303 so the browser follows with GET), or JSON for API clients. */
export function sendDone(res: Response, location: string, body: object, status = 200): void {
  if (formatOf(res) === 'json') {
    res.status(status).location(location).json(body);
    return;
  }
  res.redirect(303, location);
}
