// POST /samples — loads the team's sample set (db/samples) into the database, then shows the dashboard.
import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { sendDone } from '../render.js';
import { urls } from '../urls.js';

type LoadSamples = (db: AppDeps['db'], config: AppDeps['config'], clock: AppDeps['clock']) => unknown;

// The loader (src/samples.ts) is the lead's; until it lands it is looked up at request time so the rest of
// the app builds without it.
const SAMPLES_MODULE = '../../samples.js';

export const samplesLoad = (deps: AppDeps): RequestHandler => async (_req, res) => {
  const { loadSamples } = (await import(SAMPLES_MODULE)) as { loadSamples: LoadSamples };
  const result = await loadSamples(deps.db, deps.config, deps.clock);
  sendDone(res, urls.dashboard(), { loaded: result ?? null });
};
