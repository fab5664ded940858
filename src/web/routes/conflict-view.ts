// GET /conflicts/:id — the competing values side by side, each with the claims backing it (differing words of the
// quotes marked), the rule's explanation, the chart, the decision forms (one to deprecate a single claim) and the
// history.
import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { sendPage } from '../render.js';
import { loadConflictPage } from '../pages/conflict.js';

export const conflictView = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'conflicts/show', data: loadConflictPage(deps, idParam(req, 'Conflict')), shared: true });
};
