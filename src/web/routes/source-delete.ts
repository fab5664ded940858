// POST /sources/:id/delete — deletes the source and its claims (the version must still be current).
import type { RequestHandler } from 'express';
import { deleteSource } from '../../store/sources.js';
import { writeContext, type AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { sendDone } from '../render.js';
import { urls } from '../urls.js';
import { versionField } from '../forms/fields.js';

export const sourceDelete = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Source');
  deleteSource(deps.db, id, writeContext(deps), versionField(req.body));
  sendDone(res, urls.sources(), { deleted: { source: id } });
};
