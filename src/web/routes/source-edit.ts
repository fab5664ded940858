// GET /sources/:id/edit — the metadata form (the text itself never changes: claims point into it).
import type { RequestHandler } from 'express';
import type { Source } from '../../domain/types.js';
import { getSource } from '../../store/sources.js';
import type { AppDeps } from '../deps.js';
import type { FieldErrors, FormValues } from '../forms/fields.js';
import { sourceValues } from '../forms/source-form.js';
import { idParam } from '../params.js';
import { sendPage } from '../render.js';

export interface SourceEditData {
  source: Omit<Source, 'body'>;
  values: FormValues;
  errors: FieldErrors;
  /** Set when someone else saved first: their version, shown beside the reviewer's input. */
  conflict: { message: string; current: FormValues } | null;
}

/** The edit form's data; `values` default to the stored metadata. */
export function sourceEditData(source: Source, values?: FormValues, errors: FieldErrors = {}, conflict: SourceEditData['conflict'] = null): SourceEditData {
  const { body: _body, ...metadata } = source;
  return { source: metadata, values: values ?? sourceValues(source), errors, conflict };
}

export const sourceEdit = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'sources/edit', data: sourceEditData(getSource(deps.db, idParam(req, 'Source'))) });
};
