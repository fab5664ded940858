// POST /claims/:id/delete — deletes the claim (the version must still be current), back to its article with a
// message and an Undo that brings the claim back.
import type { RequestHandler } from 'express';
import { removeClaim } from '../../app/claim-writes.js';
import { claimWrites, type AppDeps } from '../deps.js';
import { versionField } from '../forms/fields.js';
import { idParam } from '../params.js';
import { sendDone } from '../render.js';
import { urls } from '../urls.js';
import { undoableWrite, withFlash } from '../flash.js';

export const claimDelete = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Claim');
  const { result, flash } = undoableWrite(
    deps,
    req,
    () => removeClaim(claimWrites(deps), id, versionField(req.body)),
    (claim) => `Deleted claim #${id} “${claim.valueText}”.`,
    () => urls.claim(id),
  );
  sendDone(res, withFlash(deps.db, urls.source(result.sourceId), flash), { deleted: { claim: id } });
};
