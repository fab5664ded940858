// The source forms' data: the import form (GET /sources/new) and the metadata form (GET /sources/:id/edit), which
// saving them re-renders when refused.
import type { Source } from '../../domain/types.js';
import type { AppDeps } from '../deps.js';
import type { FieldErrors, FormValues } from '../forms/fields.js';
import { blankSourceValues, sourceValues } from '../forms/source-form.js';

export interface SourceFormData {
  values: FormValues;
  errors: FieldErrors;
  maxUploadBytes: number;
}

/** The form's data: values as typed (blank at first) and one message per invalid field. */
export function sourceFormData(deps: AppDeps, values: FormValues = blankSourceValues(), errors: FieldErrors = {}): SourceFormData {
  return { values, errors, maxUploadBytes: deps.config.maxUploadBytes };
}

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
