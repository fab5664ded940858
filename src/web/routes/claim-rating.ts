// POST /claims/:id/rating — a reviewer rates a confirmed claim for ClaimReview (1 False … 5 True, with an
// explanation) or changes its rating; back on the claim page at the rating. A bad rating, an unconfirmed claim or a
// stale form re-renders the page with the input kept and the message beside the field.
import type { RequestHandler } from 'express';
import { StaleEditError, ValidationError } from '../../domain/errors.js';
import { ratingName } from '../../domain/claim-review.js';
import { rateClaim } from '../../store/claim-ratings.js';
import { writeContext, type AppDeps } from '../deps.js';
import { undoableWrite, withFlash } from '../flash.js';
import { formValues } from '../forms/fields.js';
import { idParam } from '../params.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { urls } from '../urls.js';
import { loadClaimView } from '../pages/claim.js';

export const claimRate = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Claim');
  const values = formValues(req.body, ['rating', 'explanation', 'version']);
  try {
    const { result: rating, flash } = undoableWrite(
      deps,
      req,
      () => rateClaim(deps.db, id, Number(values.version ?? 0), values, writeContext(deps)),
      (r) => `Rated claim #${id} “${ratingName(r.rating)}”: it is in the ClaimReview export.`,
    );
    sendDone(res, withFlash(deps.db, urls.claim(id), flash), { rating }, 201);
  } catch (err) {
    if (!(err instanceof ValidationError || err instanceof StaleEditError) || formatOf(res) === 'json') throw err;
    const data = loadClaimView(deps, id);
    const errors = err instanceof ValidationError ? { ...err.fields } : { rating: err.message };
    // After a stale form the page carries the current version: saving again overwrites the other rating on purpose.
    res.locals.ratingForm = { values: { ...values, version: String(data.rating?.version ?? 0) }, errors };
    sendPage(res, { view: 'claims/show', status: err.status, data });
  }
};
