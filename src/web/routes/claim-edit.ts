// GET /claims/:id/edit — the claim form filled with the stored claim.
import type { RequestHandler } from 'express';
import { getClaimView, getSource } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { claimValues } from '../forms/claim-form.js';
import { idParam, queryText } from '../params.js';
import { sendPage } from '../render.js';
import { localReturn } from '../urls.js';
import { claimFormData, type ClaimFormData } from './claim-new.js';

/** The edit form's data for a stored claim; `returnTo` is where saving leads (e.g. back to the review queue). */
export function loadClaimEdit(deps: AppDeps, id: number, returnTo: string): ClaimFormData {
  const claim = getClaimView(deps.db, id);
  const values = { ...claimValues(claim), return: localReturn(returnTo) ?? '' };
  return claimFormData(deps.db, 'edit', getSource(deps.db, claim.sourceId), claim, values);
}

export const claimEdit = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'claims/form', data: loadClaimEdit(deps, idParam(req, 'Claim'), queryText(req, 'return')) });
};
