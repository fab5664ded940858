// POST /sources — stores a pasted or uploaded article verbatim and proposes its claims (extraction, then the
// conflicts they raise); invalid input re-renders the form (422).
import type { RequestHandler } from 'express';
import { crosscheckSettings } from '../../bootstrap.js';
import { importSource } from '../../importer.js';
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
  const { source, claims } = importSource(deps.db, form.value, writeContext(deps), { settings: crosscheckSettings(deps.config) });
  sendDone(res, urls.source(source.id), { source, claims }, 201);
};
