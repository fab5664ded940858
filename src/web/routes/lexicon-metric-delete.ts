// POST /lexicon/metrics/:id/delete — removes a metric from the vocabulary (audited). Claims keep their metric
// text; only later imports stop finding it.
import type { RequestHandler } from 'express';
import { deleteLexiconMetric } from '../../store/lexicon.js';
import { writeContext, type AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { sendDone } from '../render.js';
import { urls } from '../urls.js';

export const lexiconMetricDelete = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Lexicon metric');
  deleteLexiconMetric(deps.db, id, writeContext(deps));
  sendDone(res, urls.lexicon(), { deleted: id });
};
