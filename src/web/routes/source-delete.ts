// POST /sources/:id/delete — deletes the source and its claims (the version must still be current).
import type { RequestHandler } from 'express';
import { countClaimsByStatus } from '../../store/claims.js';
import { deleteSource, getSource } from '../../store/sources.js';
import { withFlash } from '../flash.js';
import { writeContext, type AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { sendDone } from '../render.js';
import { urls } from '../urls.js';
import { versionField } from '../forms/fields.js';
import { templateHelpers } from '../view-helpers.js';

export const sourceDelete = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Source');
  const text = deps.db.transaction(() => {
    const { title } = getSource(deps.db, id);
    const counts = countClaimsByStatus(deps.db, { sourceId: id });
    const claims = counts.candidate + counts.confirmed + counts.rejected;
    deleteSource(deps.db, id, writeContext(deps), versionField(req.body));
    return `Deleted source #${id} “${title}” and its ${templateHelpers.plural(claims, 'claim')}.`;
  })();
  sendDone(res, withFlash(deps.db, urls.sources(), { k: 'note', text }), { deleted: { source: id } });
};
