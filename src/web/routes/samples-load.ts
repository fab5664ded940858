// POST /samples — loads the team's sample set (db/samples) into the database, then shows the dashboard.
import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { sendDone } from '../render.js';
import { urls } from '../urls.js';

export const samplesLoad = (deps: AppDeps): RequestHandler => async (_req, res) => {
  // Imported on use: the sample loader pulls in extraction, which the rest of the web layer does not need.
  const { loadSamples } = await import('../../samples.js');
  const result = await loadSamples(deps.db, deps.config, deps.clock);
  sendDone(res, urls.dashboard(), { loaded: result ?? null });
};
