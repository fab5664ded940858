// GET /claims/:id/delete — asks before deleting a claim.
import type { RequestHandler } from 'express';
import { getClaimView } from '../../store/claims.js';
import type { ClaimView } from '../../store/rows.js';
import type { AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { sendPage } from '../render.js';

export interface ClaimDeleteData {
  claim: ClaimView;
}

export const claimDeleteConfirm = (deps: AppDeps): RequestHandler => (req, res) => {
  const data: ClaimDeleteData = { claim: getClaimView(deps.db, idParam(req, 'Claim')) };
  sendPage(res, { view: 'claims/delete', data });
};
