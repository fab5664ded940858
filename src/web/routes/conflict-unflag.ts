// POST /conflicts/:id/unflag — withdraw a conflict flagged by hand (automatic ones come and go with the rules:
// explain or resolve those instead). Audited by the store; back to the conflicts list.
import type { RequestHandler } from 'express';
import { StaleEditError, ValidationError } from '../../domain/errors.js';
import { unflagConflict } from '../../store/index.js';
import { writeContext, type AppDeps } from '../deps.js';
import { versionField } from '../forms/fields.js';
import { idParam } from '../params.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { undoableWrite, withFlash } from '../flash.js';
import { urls } from '../urls.js';
import { loadConflictPage } from './conflict-view.js';

export const conflictUnflag = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Conflict');
  const version = versionField(req.body);
  try {
    const { flash } = undoableWrite(deps, req, () => unflagConflict(deps.db, id, version, writeContext(deps)), () => `Removed the conflict #${id} flagged by hand.`, () => urls.conflict(id));
    sendDone(res, withFlash(deps.db, urls.conflicts(), flash), { deleted: id });
  } catch (err) {
    if (formatOf(res) === 'json') throw err;
    if (err instanceof ValidationError) return sendPage(res, { view: 'conflicts/show', status: 422, data: loadConflictPage(deps, id, { stale: null, errors: { form: err.message } }) });
    if (err instanceof StaleEditError) return sendPage(res, { view: 'conflicts/show', status: 409, data: loadConflictPage(deps, id, { stale: err.message }) });
    throw err;
  }
};
