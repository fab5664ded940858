// POST /sources/:id/edit — saves metadata if nobody else saved since the form was opened (else 409).
import type { RequestHandler } from 'express';
import { StaleEditError, ValidationError } from '../../domain/errors.js';
import { getSource, updateSource } from '../../store/sources.js';
import { writeContext, type AppDeps } from '../deps.js';
import { readEditSourceForm, sourceValues } from '../forms/source-form.js';
import { idParam } from '../params.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { urls } from '../urls.js';
import { sourceEditData } from './source-edit.js';

export const sourceUpdate = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Source');
  const stored = getSource(deps.db, id);
  const form = readEditSourceForm(req.body);
  const json = formatOf(res) === 'json';
  if (!form.ok) {
    if (json) throw new ValidationError('The source was not saved; see the fields.', form.errors);
    sendPage(res, { view: 'sources/edit', status: 422, data: sourceEditData(stored, form.values, form.errors) });
    return;
  }
  try {
    const source = updateSource(deps.db, id, form.value.version, form.value.patch, writeContext(deps));
    sendDone(res, urls.source(source.id), { source });
  } catch (err) {
    if (!(err instanceof StaleEditError) || json) throw err;
    // Keep the reviewer's input and show what is saved now; the form moves to the current version so that
    // saving again is a deliberate choice to overwrite the other edit.
    const current = sourceValues(stored);
    const values = { ...form.values, version: current.version ?? '' };
    sendPage(res, { view: 'sources/edit', status: 409, data: sourceEditData(stored, values, {}, { message: err.message, current }) });
  }
};
