// POST /claims/:id/version-checked — a reviewer compared the claim with the newer version of its article and it
// needs no change: the "changed in a newer version" flag is cleared (audited), and the reviewer goes back to the
// page they came from (the source page or the claim page).
import type { RequestHandler } from 'express';
import { checkClaimAgainstVersion } from '../../app/claim-writes.js';
import { formValues } from '../forms/fields.js';
import { claimWrites, type AppDeps } from '../deps.js';
import { undoableWrite, withFlash } from '../flash.js';
import { idParam } from '../params.js';
import { sendDone } from '../render.js';
import { localReturn, urls } from '../urls.js';

export const claimVersionCheck = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Claim');
  const { result: cleared, flash } = undoableWrite(
    deps,
    req,
    () => checkClaimAgainstVersion(claimWrites(deps), id),
    (done) => (done ? `Claim #${id} checked against the newer version: its flag is cleared.` : `Claim #${id} had no flag to clear.`),
  );
  const back = localReturn(formValues(req.body, ['return']).return) ?? urls.claim(id);
  sendDone(res, withFlash(deps.db, back, flash), { cleared });
};
