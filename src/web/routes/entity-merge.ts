// POST /entities/:id/merge — this entity into another (named, or by id): its claims, conflicts and
// spellings follow, and it is deleted. The moved claims' conflicts are recomputed.
import type { RequestHandler } from 'express';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { crosscheckSettings } from '../../bootstrap.js';
import { recomputeConflicts } from '../../recompute.js';
import { getEntity, mergeEntities, resolveEntity } from '../../store/index.js';
import { listClaimIdsOfEntity } from '../../store/crosscheck-queries.js';
import { writeContext, type AppDeps } from '../deps.js';
import { changeEntity } from './entity-change.js';

export const entityMerge = (deps: AppDeps): RequestHandler => (req, res) => {
  changeEntity(deps, req, res, 'merge', ['into'], (id, version, values) => {
    const typed = (values.into ?? '').trim();
    if (typed === '') throw new ValidationError('Name the entity to merge into.', { into: 'Enter a name or an id.' });
    const into = /^\d{1,15}$/.test(typed) ? safeEntity(deps, Number(typed)) : resolveEntity(deps.db, typed);
    if (!into) throw new ValidationError(`No entity is called “${typed}”.`, { into: 'No such entity.' });
    // The claims that move meet the claims of `into` in its facts: recomputed as changed claims (their
    // existing conflicts are found again, with explanations naming the remaining entity).
    const moved = listClaimIdsOfEntity(deps.db, id);
    // The reviewer saw this entity's version; the one merged into is named as it is now.
    const merged = mergeEntities(deps.db, { id, version }, { id: into.id, version: into.version }, writeContext(deps));
    recomputeConflicts(deps.db, moved.map((claimId) => ({ id: claimId })), crosscheckSettings(deps.config), writeContext(deps));
    return merged;
  });
};

function safeEntity(deps: AppDeps, id: number) {
  try {
    return getEntity(deps.db, id);
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}
