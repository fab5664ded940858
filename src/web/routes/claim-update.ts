// POST /claims/:id/edit — saves the edit if nobody else saved since the form was opened (else 409, input kept);
// the next page says so, with an Undo.
import type { RequestHandler } from 'express';
import { StaleEditError, ValidationError } from '../../domain/errors.js';
import { getClaimView } from '../../store/claims.js';
import { getSource } from '../../store/sources.js';
import { saveClaimEdit } from '../../app/claim-writes.js';
import { claimWrites, type AppDeps } from '../deps.js';
import { claimFormValues, claimValues, readClaimForm, storeFieldErrors } from '../forms/claim-form.js';
import { versionField, type FormValues } from '../forms/fields.js';
import { idParam } from '../params.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { undoableWrite, withFlash } from '../flash.js';
import { localReturn, urls } from '../urls.js';
import { claimFormData } from '../pages/claim-form.js';

export const claimUpdate = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Claim');
  const stored = getClaimView(deps.db, id);
  const source = getSource(deps.db, stored.sourceId);
  const values: FormValues = { ...claimFormValues(req.body), source: String(stored.sourceId) };
  const json = formatOf(res) === 'json';
  // "Save and confirm": the same edit with the status set to confirmed — unless the reviewer chose a status.
  if (req.body?.intent === 'confirm' && values.status === 'candidate') values.status = 'confirmed';
  const rerender = (status: number, errors: Record<string, string>, conflict: { message: string; current: Record<string, string> } | null = null) =>
    sendPage(res, { view: 'claims/form', status, data: claimFormData(deps.db, 'edit', source, stored, values, errors, conflict) });

  if (req.body?.intent === 'preview' && !json) return rerender(200, {});
  const version = versionField(req.body);
  const form = readClaimForm(values, source.body, stored);
  if (!form.ok) {
    if (json) throw new ValidationError('The claim was not saved; see the fields.', form.errors);
    return rerender(422, form.errors);
  }
  try {
    const { result: claim, flash } = undoableWrite(deps, req, () => saveClaimEdit(claimWrites(deps), id, version, form.value), (c) => `Saved claim #${c.id} “${c.valueText}” (${c.status}).`);
    sendDone(res, withFlash(deps.db, localReturn(values.return) ?? urls.claim(claim.id), flash), { claim });
  } catch (err) {
    if (json) throw err;
    if (err instanceof StaleEditError) {
      // Keep the reviewer's input, show what is saved now, and move the form to the current version so that
      // saving again is a deliberate choice to overwrite the other edit.
      const current = claimValues(stored);
      values.version = current.version ?? '';
      return rerender(409, {}, { message: err.message, current });
    }
    if (err instanceof ValidationError) return rerender(422, storeFieldErrors(err));
    throw err;
  }
};
