// POST /lexicon — adds a metric with its kind and keywords (audited; the page says so, with an Undo); a refused form comes back (422) as typed.
import type { RequestHandler } from 'express';
import { ValidationError } from '../../domain/errors.js';
import { addLexiconMetric } from '../../store/lexicon.js';
import { writeContext, type AppDeps } from '../deps.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { urls } from '../urls.js';
import { undoableWrite, withFlash } from '../flash.js';
import { readMetricForm } from '../forms/metric-form.js';
import { loadLexiconPage } from '../pages/lexicon.js';

export const lexiconMetricAdd = (deps: AppDeps): RequestHandler => (req, res) => {
  const json = formatOf(res) === 'json';
  const form = readMetricForm(req.body, true);
  let errors = form.ok ? null : form.errors;
  if (form.ok) {
    try {
      const { result: metric, flash } = undoableWrite(deps, req, () => addLexiconMetric(deps.db, form.value, writeContext(deps)), (m) => `Added the metric “${m.metric}” (${m.kind}).`);
      sendDone(res, withFlash(deps.db, `${urls.lexicon()}#metric-${metric.id}`, flash), { metric }, 201);
      return;
    } catch (err) {
      // The store refuses a name that exists already, with the message for the field.
      if (!(err instanceof ValidationError)) throw err;
      errors = { ...err.fields };
    }
  }
  if (json) throw new ValidationError('The metric was not added; see the fields.', errors ?? {});
  sendPage(res, { view: 'lexicon/index', status: 422, data: loadLexiconPage(deps, { add: { values: form.values, errors: errors ?? {} } }) });
};
