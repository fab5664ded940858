// GET /facts/:subject/:metric/claimreview.jsonld — the fact's settled conflicts as schema.org ClaimReview JSON-LD,
// a download for publishing a fact check; each review links back to its conflict page on this server.
import type { RequestHandler } from 'express';
import { CLAIM_REVIEW_MEDIA_TYPE, exportClaimReviews } from '../../app/claim-review-data.js';
import type { AppDeps } from '../deps.js';
import { factParams } from './fact-view.js';

export const factClaimReview = (deps: AppDeps): RequestHandler => (req, res) => {
  const { subject, metric } = factParams(deps, req);
  // The Host header has passed the app's host check, so it names this server as the reviewer reached it.
  const baseUrl = `${req.protocol}://${req.get('host') ?? `${deps.config.host}:${deps.config.port}`}`;
  const body = exportClaimReviews(deps.db, [{ subjectId: subject.id, metric }], { reviewer: deps.config.reviewer, baseUrl });
  res.type(CLAIM_REVIEW_MEDIA_TYPE).attachment(`claimreview-${subject.id}-${metric.replace(/[^a-z0-9]+/gi, '-')}.jsonld`).send(body);
};
