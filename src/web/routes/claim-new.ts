// GET /claims/new?source=ID[&start=&end=] — the claim form, prefilled from a selection in the article view.
import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { queryText } from '../params.js';
import { sendPage } from '../render.js';
import { loadNewClaim } from '../pages/claim-form.js';

export const claimNew = (deps: AppDeps): RequestHandler => (req, res) => {
  const data = loadNewClaim(deps, queryText(req, 'source'), queryText(req, 'start'), queryText(req, 'end'), queryText(req, 'return'));
  sendPage(res, { view: 'claims/form', data });
};
