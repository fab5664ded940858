// POST /sources/:id/delete — deletes the source and its claims (the version must still be current); the list of
// sources then says so, with an Undo that brings the source back with its claims.
import type { RequestHandler } from 'express';
import { countClaimsByStatus } from '../../store/claims.js';
import { deleteSource, getSource } from '../../store/sources.js';
import { undoableWrite, withFlash } from '../flash.js';
import { writeContext, type AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { sendDone } from '../render.js';
import { urls } from '../urls.js';
import { versionField } from '../forms/fields.js';
import { templateHelpers } from '../view-helpers.js';

export const sourceDelete = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Source');
  const { flash } = undoableWrite(
    deps,
    req,
    () => {
      const { title } = getSource(deps.db, id);
      const counts = countClaimsByStatus(deps.db, { sourceId: id });
      deleteSource(deps.db, id, writeContext(deps), versionField(req.body));
      return { title, claims: counts.candidate + counts.confirmed + counts.rejected };
    },
    ({ title, claims }) => `Deleted source #${id} “${title}” and its ${templateHelpers.plural(claims, 'claim')}.`,
    () => urls.source(id),
  );
  sendDone(res, withFlash(deps.db, urls.sources(), flash), { deleted: { source: id } });
};
