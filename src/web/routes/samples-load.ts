// POST /samples — loads the team's sample set (db/samples) into the database, then shows the dashboard.
import type { RequestHandler } from 'express';
import { loadSamples } from '../../samples.js';
import type { AppDeps } from '../deps.js';
import { sendDone } from '../render.js';
import { urls } from '../urls.js';

export const samplesLoad = (deps: AppDeps): RequestHandler => (_req, res) => {
  const loaded = loadSamples(deps.db, deps.config, deps.clock);
  sendDone(res, urls.dashboard(), { loaded });
};
