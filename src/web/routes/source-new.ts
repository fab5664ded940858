// GET /sources/new — the import form: paste text or upload a .txt, .md or .html file.
import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { sendPage } from '../render.js';
import { sourceFormData } from '../pages/source-form.js';

export const sourceNew = (deps: AppDeps): RequestHandler => (_req, res) => {
  sendPage(res, { view: 'sources/new', data: sourceFormData(deps) });
};
