// POST /claims — saves a new claim; "Preview" or invalid input re-renders the form (200 / 422) with the input kept.
import type { RequestHandler } from 'express';
import { ValidationError } from '../../domain/errors.js';
import { getSource } from '../../store/sources.js';
import { saveNewClaim } from '../../app/claim-writes.js';
import { claimWrites, type AppDeps } from '../deps.js';
import { claimFormValues, readClaimForm, storeFieldErrors } from '../forms/claim-form.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { undoableWrite, withFlash } from '../flash.js';
import { localReturn } from '../urls.js';
import { claimFormData } from '../pages/claim-form.js';
import { quoteInSourceUrl } from '../pages/source.js';

export const claimCreate = (deps: AppDeps): RequestHandler => (req, res) => {
  const values = claimFormValues(req.body);
  const sourceId = Number(values.source);
  if (!/^\d+$/.test(values.source ?? '') || sourceId < 1) {
    throw new ValidationError('Say which article the claim quotes.', { source: 'Choose the article this claim quotes.' });
  }
  const source = getSource(deps.db, sourceId);
  const json = formatOf(res) === 'json';
  const form = readClaimForm(values, source.body);
  if (req.body?.intent === 'preview' && !json) {
    sendPage(res, { view: 'claims/form', data: claimFormData(deps.db, 'new', source, null, values) });
    return;
  }
  if (!form.ok) {
    if (json) throw new ValidationError('The claim was not saved; see the fields.', form.errors);
    sendPage(res, { view: 'claims/form', status: 422, data: claimFormData(deps.db, 'new', source, null, values, form.errors) });
    return;
  }
  let claim;
  let flash;
  try {
    ({ result: claim, flash } = undoableWrite(deps, req, () => saveNewClaim(claimWrites(deps), source.id, form.value), (c) => `Added claim #${c.id} “${c.valueText}”.`));
  } catch (err) {
    if (!(err instanceof ValidationError) || json) throw err;
    sendPage(res, { view: 'claims/form', status: 422, data: claimFormData(deps.db, 'new', source, null, values, storeFieldErrors(err)) });
    return;
  }
  sendDone(res, withFlash(deps.db, localReturn(values.return) ?? quoteInSourceUrl(deps, claim), flash), { claim }, 201);
};
