// The shared shape of the entity forms (add alias, rename, merge): the store's write (audited there) and the
// recomputation of the conflicts it can alter, in one transaction; then back to the entity page saying what
// changed, with an Undo, or the
// page again with the form's input and messages (422) when the change is refused. An alias changes no claim
// and no explanation, so it recomputes nothing; it only matters for articles imported later.
import type { Request, Response } from 'express';
import { StaleEditError, ValidationError } from '../../domain/errors.js';
import type { Entity } from '../../domain/types.js';
import type { AppDeps } from '../deps.js';
import { formValues, versionField, type FormValues } from '../forms/fields.js';
import { idParam } from '../params.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { urls } from '../urls.js';
import { undoableWrite, withFlash } from '../flash.js';
import { loadEntityPage, type EntityAction } from './entity-view.js';

/**
 * Handles one entity POST: `write(id, version, values)` changes the store when the version the form was
 * drawn at is still current, recomputes what the change can alter (each route knows what that is) and
 * returns the entity to show next (for a merge, the one that remains). A version someone else moved on
 * re-renders the page with a notice (409) and changes nothing.
 */
export function changeEntity(
  deps: AppDeps,
  req: Request,
  res: Response,
  action: EntityAction,
  fields: readonly string[],
  write: (id: number, version: number, values: FormValues) => Entity,
  /** The message the next page shows, with its Undo (a merge says what moved). */
  done: (entity: Entity, values: FormValues) => string,
  /** Where the Undo leads (a merge's Undo: the entity merged, back again); default the entity page. */
  then?: string,
): void {
  const id = idParam(req, 'Entity');
  const values = formValues(req.body, fields);
  const version = versionField(req.body);
  try {
    const { result: entity, flash } = undoableWrite(deps, req, () => write(id, version, values), (changed) => done(changed, values), then ? () => then : undefined);
    sendDone(res, withFlash(deps.db, urls.entity(entity.id), flash), { entity });
  } catch (err) {
    refuseEntityChange(deps, res, id, action, values, err);
  }
}

/** A refused entity change: its form again with the messages (422), or the page as it is now (409); else rethrown. */
export function refuseEntityChange(deps: AppDeps, res: Response, id: number, action: EntityAction, values: FormValues, err: unknown): void {
  if (formatOf(res) === 'json') throw err;
  if (err instanceof ValidationError) {
    const data = loadEntityPage(deps, id, { action, values, errors: { form: err.message, ...err.fields } });
    return sendPage(res, { view: 'entities/show', status: 422, data });
  }
  if (err instanceof StaleEditError) {
    // The page shows the entity as it is now (with its new version); the reviewer's input stays in its form.
    return sendPage(res, { view: 'entities/show', status: 409, data: loadEntityPage(deps, id, { action, values, stale: err.message }) });
  }
  throw err;
}
