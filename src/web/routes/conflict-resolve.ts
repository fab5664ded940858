// POST /conflicts/:id/resolve — one claim preferred, the others deprecated with a reason and a note.
import type { RequestHandler } from 'express';
import { ValidationError } from '../../domain/errors.js';
import type { RankReason } from '../../domain/types.js';
import { resolveConflict } from '../../store/index.js';
import { writeContext, type AppDeps } from '../deps.js';
import { decideConflict } from './conflict-decision.js';

export const conflictResolve = (deps: AppDeps): RequestHandler => (req, res) => {
  decideConflict(deps, req, res, 'resolve', ['preferredClaimId', 'reason', 'note'], (id, version, values) => {
    const preferred = Number(values.preferredClaimId);
    if (!/^\d{1,15}$/.test(values.preferredClaimId ?? '')) {
      throw new ValidationError('Choose the claim you prefer.', { preferredClaimId: 'Choose one of these claims.' });
    }
    return resolveConflict(deps.db, id, version, { preferredClaimId: preferred, reason: (values.reason ?? '') as RankReason, note: values.note ?? '' }, writeContext(deps));
  });
};
