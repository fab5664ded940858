// POST /conflicts/:id/reopen — back to open; a resolved conflict's claims go back to rank normal.
import type { RequestHandler } from 'express';
import { reopenConflict } from '../../store/conflicts.js';
import { writeContext, type AppDeps } from '../deps.js';
import { decideConflict } from '../pages/conflict-decision.js';

export const conflictReopen = (deps: AppDeps): RequestHandler => (req, res) => {
  decideConflict(deps, req, res, 'reopen', ['note'], (id, version, values) =>
    reopenConflict(deps.db, id, version, writeContext(deps, values.note?.trim() || null)),
  );
};
