// POST /lexicon/metrics/:id/delete — removes a metric from the vocabulary (audited; the page says so, with an Undo). Claims keep their metric
// text; only later imports stop finding it.
import type { RequestHandler } from 'express';
import { deleteLexiconMetric, getLexiconMetric } from '../../store/lexicon.js';
import { undoableWrite, withFlash } from '../flash.js';
import { writeContext, type AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { sendDone } from '../render.js';
import { urls } from '../urls.js';

export const lexiconMetricDelete = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Lexicon metric');
  const { flash } = undoableWrite(
    deps,
    req,
    () => {
      const { metric } = getLexiconMetric(deps.db, id);
      deleteLexiconMetric(deps.db, id, writeContext(deps));
      return metric;
    },
    (metric) => `Deleted the metric “${metric}”.`,
  );
  sendDone(res, withFlash(deps.db, urls.lexicon(), flash), { deleted: id });
};
