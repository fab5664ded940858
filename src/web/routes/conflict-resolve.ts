// POST /conflicts/:id/resolve — one claim preferred, the others deprecated with a reason and a note. An editor's
// resolution applies at once unless second review is on; a reviewer's, or any under second review, becomes a
// proposal that another editor approves (conflict-proposal.ts).
import type { RequestHandler } from 'express';
import { roleAllows } from '../../domain/roles.js';
import { ValidationError } from '../../domain/errors.js';
import type { RankReason } from '../../domain/types.js';
import { propose } from '../../store/proposals.js';
import { resolveConflict } from '../../store/conflicts.js';
import { accessFor } from '../auth.js';
import { writeContext, type AppDeps } from '../deps.js';
import type { FormValues } from '../forms/fields.js';
import { decideConflict, PROPOSED } from '../pages/conflict-decision.js';
import { secondReviewOn } from '../second-review.js';

function decision(values: FormValues): { preferredClaimId: number; reason: RankReason; note: string } {
  if (!/^\d{1,15}$/.test(values.preferredClaimId ?? '')) {
    throw new ValidationError('Choose the claim you prefer.', { preferredClaimId: 'Choose one of these claims.' });
  }
  return { preferredClaimId: Number(values.preferredClaimId), reason: (values.reason ?? '') as RankReason, note: values.note ?? '' };
}

export const conflictResolve = (deps: AppDeps): RequestHandler => (req, res) => {
  const proposes = !roleAllows(accessFor(res).role, 'editor') || secondReviewOn(deps);
  const fields = ['preferredClaimId', 'reason', 'note'];
  if (!proposes) {
    decideConflict(deps, req, res, 'resolve', fields, (id, version, values) => resolveConflict(deps.db, id, version, decision(values), writeContext(deps)));
    return;
  }
  decideConflict(deps, req, res, 'resolve', fields, (id, version, values) => {
    const { preferredClaimId, reason, note } = decision(values);
    return propose(deps.db, id, { kind: 'resolve', claimId: preferredClaimId, version, reason, note }, writeContext(deps));
  }, PROPOSED);
};
