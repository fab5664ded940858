// POST /samples — loads the team's sample set (db/samples) into the database, then shows the dashboard with
// what was loaded ("Loaded 7 sample articles: 52 candidate claims, 6 conflicts"), with an Undo.
import type { RequestHandler } from 'express';
import { loadSamples } from '../../app/samples.js';
import { countConflictsByStatus } from '../../store/conflicts.js';
import { currentActor, type AppDeps } from '../deps.js';
import { undoableWrite, withFlash } from '../flash.js';
import { sendDone } from '../render.js';
import { urls } from '../urls.js';
import { templateHelpers } from '../view-helpers.js';

function conflictCount(deps: AppDeps): number {
  const counts = countConflictsByStatus(deps.db);
  return counts.open + counts.explained + counts.resolved;
}

export const samplesLoad = (deps: AppDeps): RequestHandler => (req, res) => {
  const before = conflictCount(deps);
  // The dashboard's notice counts what was loaded; the message above it carries the Undo.
  const { result: loaded, flash } = undoableWrite(
    deps,
    req,
    () => loadSamples(deps.db, { ...deps.config, actor: currentActor(deps) }, deps.clock),
    (l) => `Loaded the sample set: ${templateHelpers.plural(l.imported, 'article')}.`,
  );
  // The sample set's own conflicts: loading runs in one transaction, so nothing else changed in between.
  const conflicts = conflictCount(deps) - before;
  const summary = { loaded: loaded.imported, claims: loaded.claims, conflicts, skipped: loaded.skipped || null };
  sendDone(res, withFlash(deps.db, urls.dashboard(summary), flash), { loaded: { ...loaded, conflicts } });
};
