// POST /claims/:id/delete — deletes the claim (the version must still be current), back to its article.
import type { RequestHandler } from 'express';
import { removeClaim } from '../../app/claim-writes.js';
import { claimWrites, type AppDeps } from '../deps.js';
import { versionField } from '../forms/fields.js';
import { idParam } from '../params.js';
import { sendDone } from '../render.js';
import { urls } from '../urls.js';
import { withFlash } from '../flash.js';

export const claimDelete = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Claim');
  const { sourceId, valueText } = removeClaim(claimWrites(deps), id, versionField(req.body));
  sendDone(res, withFlash(deps.db, urls.source(sourceId), { k: 'note', text: `Deleted claim #${id} “${valueText}”.` }), { deleted: { claim: id } });
};
