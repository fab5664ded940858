// What every write needs besides its data: who does it (for the audit log) and the time.
import type { Clock } from '../domain/types.js';

export interface WriteContext {
  /** Written to audit_events.actor ("local" until accounts exist). */
  actor: string;
  /** Defaults to the system clock; tests pass a fixed one. */
  clock?: Clock;
  /** Why the change was made, when the reviewer said so; stored on the audit event. */
  reason?: string | null;
}

/** The write's timestamp as an ISO 8601 UTC string. */
export function nowIso(ctx: WriteContext): string {
  return (ctx.clock ? ctx.clock() : new Date()).toISOString();
}

/** A page of a list plus the total matching rows, for pagination. */
export interface Page<T> {
  items: T[];
  /** Matching rows; a lower bound when `capped` (lists that could be huge stop counting at a limit). */
  total: number;
  /** true when there are more than `total` matching rows ("10,000+"). */
  capped?: boolean;
  limit: number;
  offset: number;
}

/** Pagination arguments; limit is clamped to 1..500, offset to ≥ 0. */
export interface PageRequest {
  limit?: number;
  offset?: number;
}

/** Clamps a page request to safe numbers, so a crafted query string cannot ask for a million rows. */
export function pageBounds(request: PageRequest, defaultLimit = 50): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(request.limit ?? defaultLimit) || defaultLimit, 1), 500);
  const offset = Math.max(Math.trunc(request.offset ?? 0) || 0, 0);
  return { limit, offset };
}

/** The patch without keys whose value is undefined, so `{ author: undefined }` leaves author as it is. */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}
