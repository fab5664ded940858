// POST /lexicon/metrics/:id — saves a metric's keywords and kind (audited); refused input comes back (422) in
// the metric's row, as typed. The next import extracts with the new keywords.
import type { RequestHandler } from 'express';
import { ValidationError } from '../../domain/errors.js';
import { getLexiconMetric, setMetricKeywords } from '../../store/lexicon.js';
import { writeContext, type AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { urls } from '../urls.js';
import { undoableWrite, withFlash } from '../flash.js';
import { templateHelpers } from '../view-helpers.js';
import { readMetricForm } from '../forms/metric-form.js';
import { loadLexiconPage } from '../pages/lexicon.js';

export const lexiconMetricUpdate = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Lexicon metric');
  const stored = getLexiconMetric(deps.db, id);
  const form = readMetricForm(req.body, false);
  if (!form.ok) {
    if (formatOf(res) === 'json') throw new ValidationError('The metric was not saved; see the fields.', form.errors);
    const edit = { id, values: { ...form.values, metric: stored.metric }, errors: form.errors };
    sendPage(res, { view: 'lexicon/index', status: 422, data: loadLexiconPage(deps, { edit }) });
    return;
  }
  const { result: metric, flash } = undoableWrite(
    deps,
    req,
    () => setMetricKeywords(deps.db, id, form.value.keywords, writeContext(deps), form.value.kind),
    (m) => `Saved the metric “${m.metric}” (${m.kind}): ${templateHelpers.plural(m.keywords.length, 'keyword')}.`,
  );
  sendDone(res, withFlash(deps.db, `${urls.lexicon()}#metric-${id}`, flash), { metric });
};
