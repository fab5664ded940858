// POST /entities/:id/merge — this entity into another (named, or by id): its claims, conflicts and
// spellings follow, and it is deleted. The remaining entity's facts are recomputed as a whole.
import type { RequestHandler } from 'express';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { getEntity, mergeEntities, resolveEntity } from '../../store/index.js';
import { writeContext, type AppDeps } from '../deps.js';
import { changeEntity } from './entity-change.js';

export const entityMerge = (deps: AppDeps): RequestHandler => (req, res) => {
  changeEntity(deps, req, res, 'merge', ['into'], (id, values) => {
    const typed = (values.into ?? '').trim();
    if (typed === '') throw new ValidationError('Name the entity to merge into.', { into: 'Enter a name or an id.' });
    const into = /^\d{1,15}$/.test(typed) ? safeEntity(deps, Number(typed)) : resolveEntity(deps.db, typed);
    if (!into) throw new ValidationError(`No entity is called “${typed}”.`, { into: 'No such entity.' });
    return mergeEntities(deps.db, id, into.id, writeContext(deps));
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
