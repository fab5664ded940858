// The format a request asked for (HTML, JSON or CSV), set by render.ts negotiateFormat. A leaf module, so that the
// modules render.ts itself relies on (the page cache, and through it auth and flash) can read it without a cycle.
import type { Response } from 'express';

export type Format = 'html' | 'json' | 'csv';

/** The format this request asked for. */
export function formatOf(res: Response): Format {
  return (res.locals.format as Format | undefined) ?? 'html';
}
