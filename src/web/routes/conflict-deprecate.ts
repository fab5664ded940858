// POST /conflicts/:id/deprecate — deprecates one claim of the conflict with a reason; every open conflict in which
// that claim was its value's last one standing is resolved with it (store deprecateClaim), in one transaction.
import type { RequestHandler } from 'express';
import { ValidationError } from '../../domain/errors.js';
import type { RankReason } from '../../domain/types.js';
import { deprecateClaim, getConflict } from '../../store/index.js';
import { writeContext, type AppDeps } from '../deps.js';
import { decideConflict } from './conflict-decision.js';

export const conflictDeprecate = (deps: AppDeps): RequestHandler => (req, res) => {
  // `version` is the claim's: the reviewer deprecates the claim as shown.
  decideConflict(deps, req, res, 'deprecate', ['claimId', 'reason', 'note'], (id, version, values) => {
    const conflict = getConflict(deps.db, id);
    const claimId = Number(values.claimId);
    if (!/^\d{1,15}$/.test(values.claimId ?? '') || !conflict.claimIds.includes(claimId)) {
      throw new ValidationError('Choose one of this conflict’s claims to deprecate.', { claimId: 'Choose one of these claims.' });
    }
    deprecateClaim(deps.db, { claimId, version, reason: (values.reason ?? '') as RankReason, note: values.note ?? '' }, writeContext(deps));
    return getConflict(deps.db, id);
  });
};
