// The shared shape of the decisions on a conflict (explain, resolve, reopen, deprecate one claim, approve or withdraw a
// proposal): run the store's write, then back to the conflict page saying what it did, with an Undo; invalid input
// re-renders the page with the form's messages (422), a version someone else has moved on re-renders it with a notice
// (409). Each write is audited by the store.
import type { Request, Response } from 'express';
import type { StoredConflict } from '../../store/rows.js';
import type { AppDeps } from '../deps.js';
import { undoableWrite, withFlash } from '../flash.js';
import { formValues, versionField, type FormValues } from '../forms/fields.js';
import { idParam } from '../params.js';
import { applyOrRerender } from '../refused-form.js';
import { sendDone, sendPage } from '../render.js';
import { urls } from '../urls.js';
import { loadConflictPage, type ConflictPageData } from './conflict.js';

type Action = NonNullable<ConflictPageData['form']['action']>;

/** What the conflict page says after each decision (with an Undo that restores the decision before it). */
const DONE: Record<Action, (id: number) => string> = {
  explain: (id) => `Marked conflict #${id} explained.`,
  resolve: (id) => `Resolved conflict #${id}: the preferred claim is ranked first, the others deprecated.`,
  reopen: (id) => `Reopened conflict #${id}: the decision is withdrawn and its claims are ranked normal again (unless another decision holds them).`,
  deprecate: () => 'Claim deprecated: every conflict in which its figure no longer has a claim standing is resolved.',
};

/** Text of the message after a proposal (resolution or deprecation). */
export const PROPOSED = 'Proposed: it applies when another editor approves it.';

/** Handles one decision POST: `write(id, version, values)` does the store call. */
export function decideConflict(
  deps: AppDeps,
  req: Request,
  res: Response,
  action: Action,
  fields: readonly string[],
  write: (id: number, version: number, values: FormValues) => StoredConflict,
  done?: string,
): void {
  const id = idParam(req, 'Conflict');
  const values = formValues(req.body, fields);
  const version = versionField(req.body);
  applyOrRerender(
    res,
    () => {
      const { result: conflict, flash } = undoableWrite(deps, req, () => write(id, version, values), () => done ?? DONE[action](id));
      sendDone(res, withFlash(deps.db, urls.conflict(id), flash), { conflict });
    },
    ({ status, ...form }) => sendPage(res, { view: 'conflicts/show', status, data: loadConflictPage(deps, id, { action, values, ...form }) }),
  );
}
