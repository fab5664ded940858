// GET /sources/:id/edit — the metadata form (the text itself never changes: claims point into it).
import type { RequestHandler } from 'express';
import { getSource } from '../../store/sources.js';
import type { AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { sendPage } from '../render.js';
import { sourceEditData } from '../pages/source-form.js';

export const sourceEdit = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'sources/edit', data: sourceEditData(getSource(deps.db, idParam(req, 'Source'))) });
};
