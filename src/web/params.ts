// Reading route parameters: ids are positive integers, anything else is a 404 (not a 500, not a guess).
import type { Request } from 'express';
import { NotFoundError } from '../domain/errors.js';

/** The numeric `:id` of the route; NotFoundError naming `what` when it is not a positive integer. */
export function idParam(req: Request, what: string): number {
  const raw = req.params.id;
  const id = Number(raw);
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(id) || id < 1) throw new NotFoundError(`${what} ${String(raw)}`);
  return id;
}

/** A query parameter as a single trimmed string ('' when absent or repeated oddly). */
export function queryText(req: Request, name: string): string {
  const value = req.query[name];
  return typeof value === 'string' ? value.trim() : '';
}
