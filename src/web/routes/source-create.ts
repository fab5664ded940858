// POST /sources — stores a pasted or uploaded article verbatim; invalid input re-renders the form (422).
import type { RequestHandler } from 'express';
import { createSource } from '../../store/sources.js';
import { writeContext, type AppDeps } from '../deps.js';
import { readNewSourceForm } from '../forms/source-form.js';
import { sendDone, sendPage } from '../render.js';
import { urls } from '../urls.js';
import { sourceFormData } from './source-new.js';
import { ValidationError } from '../../domain/errors.js';
import { formatOf } from '../render.js';

export const sourceCreate = (deps: AppDeps): RequestHandler => (req, res) => {
  const form = readNewSourceForm(req.body, req.file, deps.config.maxUploadBytes);
  if (!form.ok) {
    if (formatOf(res) === 'json') throw new ValidationError('The source was not saved; see the fields.', form.errors);
    sendPage(res, { view: 'sources/new', status: 422, data: sourceFormData(deps, form.values, form.errors) });
    return;
  }
  const source = createSource(deps.db, form.value, writeContext(deps));
  sendDone(res, urls.source(source.id), { source }, 201);
};
