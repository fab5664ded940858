// POST /sources/:id/refetch — fetches the source's URL again: a changed text is stored as a new version and the
// page shows the word diff; the same text changes nothing. Either way the next page says what happened.
import type { RequestHandler } from 'express';
import { crosscheckSettings } from '../../config.js';
import { ValidationError } from '../../domain/errors.js';
import { refetchLine, refetchSource } from '../../app/refetch.js';
import { preparedLexicon, writeContext, type AppDeps } from '../deps.js';
import { withFlash } from '../flash.js';
import { idParam } from '../params.js';
import { formatOf, sendDone } from '../render.js';
import { urls } from '../urls.js';

export const sourceRefetch = (deps: AppDeps): RequestHandler => async (req, res) => {
  const id = idParam(req, 'Source');
  let result;
  try {
    result = await refetchSource(deps.db, id, deps.config.fetch, writeContext(deps), { settings: crosscheckSettings(deps.config), lexicon: preparedLexicon(deps) });
  } catch (err) {
    // A failed fetch is news for the page, not an error page: the source is as it was.
    if (!(err instanceof ValidationError) || formatOf(res) === 'json') throw err;
    sendDone(res, withFlash(deps.db, urls.source(id), { k: 'note', text: `Not fetched again: ${err.message}` }), {});
    return;
  }
  const text = refetchLine(result).replace(/^source #\d+: /, '').replace(/^./, (c) => c.toUpperCase()) + '.';
  const next = result.changed ? urls.sourceDiff(result.version.id, { from: String(result.previous.id), to: String(result.version.id) }) : urls.source(id);
  sendDone(res, withFlash(deps.db, next, { k: 'note', text }), result.changed ? { version: result.version, flags: result.flags } : { unchanged: true });
};
