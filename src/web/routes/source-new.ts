// GET /sources/new — the import form: paste text or upload a .txt, .md or .html file.
import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { blankSourceValues } from '../forms/source-form.js';
import type { FieldErrors, FormValues } from '../forms/fields.js';
import { sendPage } from '../render.js';

export interface SourceFormData {
  values: FormValues;
  errors: FieldErrors;
  maxUploadBytes: number;
}

/** The form's data: values as typed (blank at first) and one message per invalid field. */
export function sourceFormData(deps: AppDeps, values: FormValues = blankSourceValues(), errors: FieldErrors = {}): SourceFormData {
  return { values, errors, maxUploadBytes: deps.config.maxUploadBytes };
}

export const sourceNew = (deps: AppDeps): RequestHandler => (_req, res) => {
  sendPage(res, { view: 'sources/new', data: sourceFormData(deps) });
};
