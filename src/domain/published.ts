// The range a publication date may take: from 1900-01-01 to one year after today (the injected clock's today).
// Year 0001 or 9999 is a typing slip, and would stretch every timeline and conflict window built from it.
import { isIsoDate } from './calendar.js';
import type { IsoDate } from './types.js';

export const EARLIEST_PUBLISHED: IsoDate = '1900-01-01';

/** The latest accepted publication date: the same day one year after `now` (UTC). */
export function latestPublished(now: Date): IsoDate {
  const next = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate()));
  return next.toISOString().slice(0, 10);
}

/** Why a publication date cannot be accepted, or null when it is a real date within the range. */
export function publishedDateProblem(value: string, now: Date): string | null {
  if (!isIsoDate(value)) return 'Use a real date written YYYY-MM-DD, e.g. 2019-03-15.';
  const latest = latestPublished(now);
  if (value < EARLIEST_PUBLISHED || value > latest) {
    return `The published date must be between ${EARLIEST_PUBLISHED} and ${latest} (one year from today); check the year.`;
  }
  return null;
}
