// POST /claims/:id/review — confirm or reject one claim (review queue), then back to where the reviewer was.
import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { decideClaimsUndoably, sessionKey, withFlash } from '../flash.js';
import { decisionStatus } from '../forms/claim-decision.js';
import { versionField } from '../forms/fields.js';
import { idParam } from '../params.js';
import { sendDone } from '../render.js';
import { localReturn, urls } from '../urls.js';

export const claimReview = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Claim');
  const status = decisionStatus(req.body?.decision);
  const { claims: [claim], flash } = decideClaimsUndoably(deps, [{ id, version: versionField(req.body) }], status, sessionKey(deps.db, req));
  // The next page says what changed, with an Undo.
  sendDone(res, withFlash(deps.db, localReturn(req.body?.return) ?? urls.claim(id), flash), { claim });
};
