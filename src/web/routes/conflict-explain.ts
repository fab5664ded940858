// POST /conflicts/:id/explain — the claims differ in scope or definition; the note says how.
import type { RequestHandler } from 'express';
import { explainConflict } from '../../store/conflicts.js';
import { writeContext, type AppDeps } from '../deps.js';
import { decideConflict } from '../pages/conflict-decision.js';

export const conflictExplain = (deps: AppDeps): RequestHandler => (req, res) => {
  decideConflict(deps, req, res, 'explain', ['note'], (id, version, values) =>
    explainConflict(deps.db, id, version, values.note ?? '', writeContext(deps)),
  );
};
