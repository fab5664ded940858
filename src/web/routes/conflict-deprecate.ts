// POST /conflicts/:id/deprecate — deprecates one claim of the conflict with a reason; every open conflict in which
// that claim was its value's last one standing is resolved with it (store deprecateClaim), in one transaction. A
// reviewer's deprecation, or an editor's under second review, becomes a proposal that an editor (another one) approves.
import type { RequestHandler } from 'express';
import { roleAllows } from '../../domain/roles.js';
import { ValidationError } from '../../domain/errors.js';
import type { RankReason } from '../../domain/types.js';
import { deprecateClaim, getConflict } from '../../store/conflicts.js';
import { propose } from '../../store/proposals.js';
import { accessFor } from '../auth.js';
import { secondReviewOn } from '../second-review.js';
import { writeContext, type AppDeps } from '../deps.js';
import { decideConflict, PROPOSED } from '../pages/conflict-decision.js';

export const conflictDeprecate = (deps: AppDeps): RequestHandler => (req, res) => {
  const proposes = !roleAllows(accessFor(res).role, 'editor') || secondReviewOn(deps);
  // `version` is the claim's: the reviewer deprecates the claim as shown.
  decideConflict(deps, req, res, 'deprecate', ['claimId', 'reason', 'note'], (id, version, values) => {
    const conflict = getConflict(deps.db, id);
    const claimId = Number(values.claimId);
    if (!/^\d{1,15}$/.test(values.claimId ?? '') || !conflict.claimIds.includes(claimId)) {
      throw new ValidationError('Choose one of this conflict’s claims to deprecate.', { claimId: 'Choose one of these claims.' });
    }
    const input = { claimId, version, reason: (values.reason ?? '') as RankReason, note: values.note ?? '' };
    if (proposes) return propose(deps.db, id, { kind: 'deprecate', ...input }, writeContext(deps));
    deprecateClaim(deps.db, input, writeContext(deps));
    return getConflict(deps.db, id);
  }, proposes ? PROPOSED : undefined);
};
