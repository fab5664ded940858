// GET /claims/:id/edit — the claim form filled with the stored claim.
import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { idParam, queryText } from '../params.js';
import { sendPage } from '../render.js';
import { loadClaimEdit } from '../pages/claim-form.js';

export const claimEdit = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'claims/form', data: loadClaimEdit(deps, idParam(req, 'Claim'), queryText(req, 'return')) });
};
