// POST /samples — loads the team's sample set (db/samples) into the database, then shows the dashboard with
// what was loaded ("Loaded 7 sample articles: 52 candidate claims, 6 conflicts").
import type { RequestHandler } from 'express';
import { loadSamples } from '../../app/samples.js';
import { countConflictsByStatus } from '../../store/conflicts.js';
import { currentActor, type AppDeps } from '../deps.js';
import { sendDone } from '../render.js';
import { urls } from '../urls.js';

function conflictCount(deps: AppDeps): number {
  const counts = countConflictsByStatus(deps.db);
  return counts.open + counts.explained + counts.resolved;
}

export const samplesLoad = (deps: AppDeps): RequestHandler => (_req, res) => {
  const before = conflictCount(deps);
  const loaded = loadSamples(deps.db, { ...deps.config, actor: currentActor(deps) }, deps.clock);
  // The sample set's own conflicts: loading runs in one transaction, so nothing else changed in between.
  const conflicts = conflictCount(deps) - before;
  const summary = { loaded: loaded.imported, claims: loaded.claims, conflicts, skipped: loaded.skipped || null };
  sendDone(res, urls.dashboard(summary), { loaded: { ...loaded, conflicts } });
};
