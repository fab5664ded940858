// POST /conflicts — flag two or more claims as conflicting by hand, with a note (from the claims table's
// selection or a fact page). Audited by the store; flagging the same claims again finds the same conflict.
import type { RequestHandler } from 'express';
import { ValidationError } from '../../domain/errors.js';
import { flagConflict } from '../../store/conflicts.js';
import { writeContext, type AppDeps } from '../deps.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { undoableWrite, withFlash } from '../flash.js';
import { templateHelpers } from '../view-helpers.js';
import { urls } from '../urls.js';
import { selectedIds } from '../forms/claim-decision.js';
import { loadFactPage } from '../pages/fact.js';

export const conflictFlag = (deps: AppDeps): RequestHandler => (req, res) => {
  const note = typeof req.body?.note === 'string' ? req.body.note : '';
  const fact = factOfForm(req.body);
  try {
    const ids = selectedIds(req.body?.ids);
    const { result: conflict, flash } = undoableWrite(deps, req, () => flagConflict(deps.db, { claimIds: ids, note }, writeContext(deps)), (k) => `Flagged ${templateHelpers.plural(k.claimIds.length, 'claim')} as conflicting (conflict #${k.id}).`, () => urls.conflicts());
    sendDone(res, withFlash(deps.db, urls.conflict(conflict.id), flash), { conflict }, 201);
  } catch (err) {
    // From a fact page the page comes back with the selection and the message; elsewhere the error page says it.
    if (err instanceof ValidationError && fact && formatOf(res) === 'html') {
      const data = loadFactPage(deps, fact.subjectId, fact.metric, { note, ids: idsOf(req.body?.ids), errors: { form: err.message, ...err.fields } });
      return sendPage(res, { view: 'facts/show', status: 422, data });
    }
    throw err;
  }
};

/** The fact page a flag form was sent from (hidden fields), or null. */
function factOfForm(body: unknown): { subjectId: number; metric: string } | null {
  const b = (body ?? {}) as Record<string, unknown>;
  const subjectId = Number(b.factSubject);
  if (typeof b.factMetric !== 'string' || !Number.isSafeInteger(subjectId) || subjectId < 1) return null;
  return { subjectId, metric: b.factMetric };
}

function idsOf(value: unknown): number[] {
  const raw = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return raw.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
}
