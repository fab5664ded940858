// POST /conflicts/:id/unflag — withdraw a conflict flagged by hand (automatic ones come and go with the rules:
// explain or resolve those instead). Audited by the store; back to the conflicts list.
import type { RequestHandler } from 'express';
import { unflagConflict } from '../../store/conflicts.js';
import { writeContext, type AppDeps } from '../deps.js';
import { versionField } from '../forms/fields.js';
import { idParam } from '../params.js';
import { undoableWrite, withFlash } from '../flash.js';
import { applyOrRerender } from '../refused-form.js';
import { sendDone, sendPage } from '../render.js';
import { urls } from '../urls.js';
import { loadConflictPage } from '../pages/conflict.js';

export const conflictUnflag = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Conflict');
  const version = versionField(req.body);
  applyOrRerender(
    res,
    () => {
      const { flash } = undoableWrite(deps, req, () => unflagConflict(deps.db, id, version, writeContext(deps)), () => `Removed the conflict #${id} flagged by hand.`, () => urls.conflict(id));
      sendDone(res, withFlash(deps.db, urls.conflicts(), flash), { deleted: id });
    },
    ({ status, ...form }) => sendPage(res, { view: 'conflicts/show', status, data: loadConflictPage(deps, id, form) }),
  );
};
