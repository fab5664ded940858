// GET /claims/:id — one claim: figure, interval, attribution, its quote in context, and its history.
import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { sendPage } from '../render.js';
import { loadClaimView } from '../pages/claim.js';

export const claimView = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'claims/show', data: loadClaimView(deps, idParam(req, 'Claim')) });
};
