// POST /undo — undoes the write a signed message describes (the Undo button beside the message), then back to
// where the reviewer was (or to the item the Undo brings back) with a message saying so. Review decisions carry
// their claims' previous statuses; any other write names the change log of the rows it touched. Something
// changed since, an expired or forged message, or one from another browser session: nothing is undone (409 / 400).
import type { Request, RequestHandler } from 'express';
import { AppError, BadRequestError, StaleEditError } from '../../domain/errors.js';
import { undoDecisions } from '../../app/claim-writes.js';
import { undoLoggedWrite } from '../../app/undo-changes.js';
import { getUndoLog } from '../../store/change-log.js';
import { claimWrites, type AppDeps } from '../deps.js';
import { sessionKey, UNDO_WINDOW_MS, verifyFlash, withFlash, type FlashPayload } from '../flash.js';
import { sendDone } from '../render.js';
import { localReturn, urls } from '../urls.js';

type Undoable = Extract<FlashPayload, { k: 'status' } | { k: 'change' }>;

/** The signed payload of the request, when it is an undoable change of this session still in time; else 400. */
function undoablePayload(deps: AppDeps, req: Request): Undoable {
  const payload = verifyFlash(deps.db, req.body?.token);
  const carries = payload?.k === 'status' ? payload.changes.length > 0 : payload?.k === 'change' && payload.log !== null;
  if (!payload || !carries || (payload.k !== 'status' && payload.k !== 'change')) {
    throw new BadRequestError('This change cannot be undone from here. Nothing was changed.', 'undo_invalid');
  }
  if (payload.s === '' || payload.s !== sessionKey(deps.db, req)) {
    throw new BadRequestError('This change was made in another browser session, so it cannot be undone from here. Nothing was changed.', 'undo_other_session');
  }
  if (deps.clock().getTime() - payload.t > UNDO_WINDOW_MS) {
    throw new BadRequestError('This change is too old to undo from its message; change it again instead. Nothing was changed.', 'undo_expired');
  }
  return payload;
}

function undoStatuses(deps: AppDeps, req: Request, payload: Extract<FlashPayload, { k: 'status' }>): { location: string; body: object } {
  let claims;
  try {
    claims = undoDecisions(claimWrites(deps), payload.changes.map(([claimId, status, version]) => ({ id: claimId, status, version })));
  } catch (err) {
    if (!(err instanceof StaleEditError)) throw err;
    throw new AppError('This decision was not undone: a claim in it has changed since (perhaps it was already undone). Nothing was changed.', 409, 'stale_edit');
  }
  const back = localReturn(req.body?.return) ?? urls.claims();
  return { location: withFlash(deps.db, back, { k: 'undone', restored: claims.map((c) => [c.id, c.status]) }), body: { claims } };
}

function undoChange(deps: AppDeps, req: Request, payload: Extract<FlashPayload, { k: 'change' }>): { location: string; body: object } {
  const log = getUndoLog(deps.db, payload.log as number);
  if (!log || log.session !== payload.s) {
    throw new BadRequestError('This change is too old to undo from its message; change it again instead. Nothing was changed.', 'undo_expired');
  }
  const rows = undoLoggedWrite(claimWrites(deps), log);
  const back = payload.then ?? localReturn(req.body?.return) ?? urls.dashboard();
  const text = `Undone: ${log.label.charAt(0).toLowerCase()}${log.label.slice(1)}`;
  return { location: withFlash(deps.db, back, { k: 'reverted', text }), body: { undone: log.label, rows: rows.length } };
}

export const undo = (deps: AppDeps): RequestHandler => (req, res) => {
  const payload = undoablePayload(deps, req);
  const { location, body } = payload.k === 'status' ? undoStatuses(deps, req, payload) : undoChange(deps, req, payload);
  sendDone(res, location, body);
};
