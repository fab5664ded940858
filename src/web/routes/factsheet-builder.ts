// GET /factsheet — the fact sheet builder: choose subjects, metrics, a date range and whether unreviewed
// candidates count; the sheet is previewed server-side for the form's query, with download links for the same
// query (also .json: the builder's data, sheet included).
import type { RequestHandler } from 'express';
import { ValidationError } from '../../domain/errors.js';
import type { AppDeps } from '../deps.js';
import { formatOf, sendPage } from '../render.js';
import { factSheetRequest, loadFactSheetBuilder } from '../pages/factsheet-builder.js';

export const factSheetBuilder = (deps: AppDeps): RequestHandler => (req, res) => {
  const data = loadFactSheetBuilder(deps, factSheetRequest(req));
  const invalid = Object.keys(data.errors).length > 0;
  // API clients get the fixed error shape; the page re-renders the form with the messages beside the fields.
  if (invalid && formatOf(res) !== 'html') throw new ValidationError(Object.values(data.errors).join(' '), data.errors);
  sendPage(res, { view: 'factsheet/builder', data, status: invalid ? 422 : 200 });
};
