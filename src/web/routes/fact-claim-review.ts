// GET /facts/:subject/:metric/claimreview.jsonld — the fact's settled conflicts and rated claims as schema.org
// ClaimReview JSON-LD, a download for publishing a fact check; each review links back to its conflict or claim page
// on this server. GET /claims/:id/claimreview.jsonld — the one review of a rated claim.
import type { Request, RequestHandler } from 'express';
import { CLAIM_REVIEW_MEDIA_TYPE, exportClaimReviewOfClaim, exportClaimReviews } from '../../app/claim-review-data.js';
import type { ClaimReviewOptions } from '../../domain/claim-review.js';
import { getClaim } from '../../store/claims.js';
import type { AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { factParams } from '../pages/fact.js';

/** The reviewer and this server's address as the request reached it (the Host header has passed the host check). */
function reviewOptions(deps: AppDeps, req: Request): ClaimReviewOptions {
  return { reviewer: deps.config.reviewer, baseUrl: `${req.protocol}://${req.get('host') ?? `${deps.config.host}:${deps.config.port}`}` };
}

export const claimClaimReview = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = getClaim(deps.db, idParam(req, 'Claim')).id;
  res.type(CLAIM_REVIEW_MEDIA_TYPE).attachment(`claimreview-claim-${id}.jsonld`).send(exportClaimReviewOfClaim(deps.db, id, reviewOptions(deps, req)));
};

export const factClaimReview = (deps: AppDeps): RequestHandler => (req, res) => {
  const { subject, metric } = factParams(deps, req);
  const body = exportClaimReviews(deps.db, [{ subjectId: subject.id, metric }], reviewOptions(deps, req));
  res.type(CLAIM_REVIEW_MEDIA_TYPE).attachment(`claimreview-${subject.id}-${metric.replace(/[^a-z0-9]+/gi, '-')}.jsonld`).send(body);
};
