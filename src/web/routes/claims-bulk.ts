// POST /claims/bulk — confirm or reject the claims ticked in the claims table, all in one transaction.
import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { decideClaimsUndoably, sessionKey, withFlash } from '../flash.js';
import { decisionStatus, selectedTargets } from '../forms/claim-decision.js';
import { sendDone } from '../render.js';
import { localReturn, urls } from '../urls.js';

export const claimsBulk = (deps: AppDeps): RequestHandler => (req, res) => {
  const status = decisionStatus(req.body?.action);
  const { claims, flash } = decideClaimsUndoably(deps, selectedTargets(req.body), status, sessionKey(deps.db, req));
  sendDone(res, withFlash(deps.db, localReturn(req.body?.return) ?? urls.claims(), flash), { claims });
};
