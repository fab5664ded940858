// The shared shape of the entity forms (add alias, rename, merge): the store's write (audited there) and the
// recomputation of the conflicts it can alter, in one transaction; then back to the entity page saying what
// changed, with an Undo, or the
// page again with the form's input and messages (422) when the change is refused. An alias changes no claim
// and no explanation, so it recomputes nothing; it only matters for articles imported later.
import type { Request, Response } from 'express';
import type { Entity } from '../../domain/types.js';
import type { AppDeps } from '../deps.js';
import { undoableWrite, withFlash } from '../flash.js';
import { formValues, versionField, type FormValues } from '../forms/fields.js';
import { idParam } from '../params.js';
import { applyOrRerender } from '../refused-form.js';
import { sendDone, sendPage } from '../render.js';
import { urls } from '../urls.js';
import { loadEntityPage, type EntityAction } from './entity.js';

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
  tryEntityChange(deps, res, id, action, values, () => {
    const { result: entity, flash } = undoableWrite(deps, req, () => write(id, version, values), (changed) => done(changed, values), then ? () => then : undefined);
    sendDone(res, withFlash(deps.db, urls.entity(entity.id), flash), { entity });
  });
}

/**
 * Runs one step of an entity form; refused, its form comes back with the messages (422), or the page as it is now
 * (with its new version) and the reviewer's input still in its form (409).
 */
export function tryEntityChange(deps: AppDeps, res: Response, id: number, action: EntityAction, values: FormValues, apply: () => void): void {
  applyOrRerender(res, apply, ({ status, ...form }) =>
    sendPage(res, { view: 'entities/show', status, data: loadEntityPage(deps, id, { action, values, ...form }) }),
  );
}
