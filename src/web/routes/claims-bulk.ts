// POST /claims/bulk — confirm or reject the claims ticked in the claims table, all in one transaction.
import type { RequestHandler } from 'express';
import { ValidationError } from '../../domain/errors.js';
import { decideClaims } from '../claim-writes.js';
import type { AppDeps } from '../deps.js';
import { sendDone } from '../render.js';
import { localReturn, urls } from '../urls.js';
import { decisionStatus } from './claim-review.js';

/** The ticked claim ids: one or many `ids` fields, each a positive integer; none is a 422. */
export function selectedIds(value: unknown): number[] {
  const raw = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const ids = raw.map((item) => (typeof item === 'string' && /^\d{1,15}$/.test(item) ? Number(item) : typeof item === 'number' ? item : NaN));
  if (ids.length === 0) throw new ValidationError('Select at least one claim, then choose confirm or reject. Nothing was changed.', { ids: 'Select at least one claim.' });
  if (ids.some((id) => !Number.isSafeInteger(id) || id < 1)) throw new ValidationError('The selection holds something that is not a claim id. Nothing was changed.', { ids: 'Unknown claim ids.' });
  return [...new Set(ids)];
}

export const claimsBulk = (deps: AppDeps): RequestHandler => (req, res) => {
  const status = decisionStatus(req.body?.action);
  const ids = selectedIds(req.body?.ids);
  const claims = decideClaims(deps, ids.map((id) => ({ id })), status);
  sendDone(res, localReturn(req.body?.return) ?? urls.claims(), { claims });
};
