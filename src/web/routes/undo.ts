// POST /undo — undoes the review decision a signed message describes (the Undo button beside the message), then
// back to where the reviewer was with a message saying so. A claim changed since, an expired or forged message, or
// one from another browser session: nothing is undone (409 / 400).
import type { RequestHandler } from 'express';
import { AppError, BadRequestError, StaleEditError } from '../../domain/errors.js';
import { undoDecisions } from '../../app/claim-writes.js';
import { claimWrites, type AppDeps } from '../deps.js';
import { sessionKey, UNDO_WINDOW_MS, verifyFlash, withFlash } from '../flash.js';
import { sendDone } from '../render.js';
import { localReturn, urls } from '../urls.js';

export const undo = (deps: AppDeps): RequestHandler => (req, res) => {
  const payload = verifyFlash(deps.db, req.body?.token);
  if (!payload || payload.k !== 'status' || payload.changes.length === 0) {
    throw new BadRequestError('This change cannot be undone from here. Nothing was changed.', 'undo_invalid');
  }
  if (payload.s === '' || payload.s !== sessionKey(deps.db, req)) {
    throw new BadRequestError('This change was made in another browser session, so it cannot be undone from here. Nothing was changed.', 'undo_other_session');
  }
  if (deps.clock().getTime() - payload.t > UNDO_WINDOW_MS) {
    throw new BadRequestError('This change is too old to undo from its message; change the claims again instead. Nothing was changed.', 'undo_expired');
  }
  let claims;
  try {
    claims = undoDecisions(claimWrites(deps), payload.changes.map(([claimId, status, version]) => ({ id: claimId, status, version })));
  } catch (err) {
    if (!(err instanceof StaleEditError)) throw err;
    throw new AppError('This decision was not undone: a claim in it has changed since (perhaps it was already undone). Nothing was changed.', 409, 'stale_edit');
  }
  const back = localReturn(req.body?.return) ?? urls.claims();
  sendDone(res, withFlash(deps.db, back, { k: 'undone', restored: claims.map((c) => [c.id, c.status]) }), { claims });
};
