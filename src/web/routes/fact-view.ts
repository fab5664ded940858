// GET /facts/:subject/:metric — one fact: its claims a page at a time (newest first), how many independent
// sources back each value over the whole fact, its conflicts, the chart, and a form to flag claims by hand.
import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { pageRequest } from '../pagination.js';
import { sendPage } from '../render.js';
import { FACT_CLAIMS_PER_PAGE, factParams, loadFactPage } from '../pages/fact.js';

export const factView = (deps: AppDeps): RequestHandler => (req, res) => {
  const { subject, metric } = factParams(deps, req);
  const { page } = pageRequest(req.query.page, FACT_CLAIMS_PER_PAGE);
  sendPage(res, { view: 'facts/show', data: loadFactPage(deps, subject.id, metric, {}, page), shared: true });
};
