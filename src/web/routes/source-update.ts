// POST /sources/:id/edit — saves metadata if nobody else saved since the form was opened (else 409). The
// publication date and publisher feed the conflict rules (as-of dates, independent sources), so the source's
// claims are recomputed as changed claims in the same transaction.
import type { RequestHandler } from 'express';
import { crosscheckSettings } from '../../config.js';
import { StaleEditError, ValidationError } from '../../domain/errors.js';
import type { Source } from '../../domain/types.js';
import { recomputeConflicts } from '../../app/recompute.js';
import { listClaimIdsOfSource } from '../../store/claims.js';
import { getSource, updateSource, type SourceMetadata } from '../../store/sources.js';
import { writeContext, type AppDeps } from '../deps.js';
import { readEditSourceForm, sourceValues } from '../forms/source-form.js';
import { idParam } from '../params.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { undoableWrite, withFlash } from '../flash.js';
import { urls } from '../urls.js';
import { sourceEditData } from '../pages/source-form.js';

/** Saves a source's metadata and recomputes the conflicts of its claims; all or nothing (StaleEditError when `version` is old). */
export function saveSourceEdit(deps: AppDeps, id: number, version: number, patch: Partial<SourceMetadata>): Source {
  return deps.db.transaction(() => {
    const source = updateSource(deps.db, id, version, patch, writeContext(deps));
    const claims = listClaimIdsOfSource(deps.db, id).map((claimId) => ({ id: claimId }));
    recomputeConflicts(deps.db, claims, crosscheckSettings(deps.config), writeContext(deps));
    return source;
  })();
}

export const sourceUpdate = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Source');
  const stored = getSource(deps.db, id);
  const form = readEditSourceForm(req.body, deps.clock(), stored.publishedAt);
  const json = formatOf(res) === 'json';
  if (!form.ok) {
    if (json) throw new ValidationError('The source was not saved; see the fields.', form.errors);
    sendPage(res, { view: 'sources/edit', status: 422, data: sourceEditData(stored, form.values, form.errors) });
    return;
  }
  try {
    const { result: source, flash } = undoableWrite(deps, req, () => saveSourceEdit(deps, id, form.value.version, form.value.patch), (s) => `Saved the details of source #${s.id} “${s.title}”.`);
    sendDone(res, withFlash(deps.db, urls.source(source.id), flash), { source });
  } catch (err) {
    if (!(err instanceof StaleEditError) || json) throw err;
    // Keep the reviewer's input and show what is saved now; the form moves to the current version so that
    // saving again is a deliberate choice to overwrite the other edit.
    const current = sourceValues(stored);
    const values = { ...form.values, version: current.version ?? '' };
    sendPage(res, { view: 'sources/edit', status: 409, data: sourceEditData(stored, values, {}, { message: err.message, current }) });
  }
};
