// POST /sources/:id/refetch — fetches the source's URL again: a changed text is stored as a new version and the
// page shows the word diff; the same text changes nothing. Either way the next page says what happened.
import type { RequestHandler } from 'express';
import { crosscheckSettings } from '../../config.js';
import { ValidationError } from '../../domain/errors.js';
import { fetchAgain, refetchLine, storeRefetched, type RefetchResult } from '../../app/refetch.js';
import { offThreadWork, preparedLexicon, writeContext, type AppDeps } from '../deps.js';
import { undoableWrite, withFlash } from '../flash.js';
import { idParam } from '../params.js';
import { formatOf, sendDone } from '../render.js';
import { urls } from '../urls.js';

/** The message of a fetch: what changed, without the source's number (the page is the source's). */
const refetchText = (result: RefetchResult): string => refetchLine(result).replace(/^source #\d+: /, '').replace(/^./, (c) => c.toUpperCase()) + '.';

export const sourceRefetch = (deps: AppDeps): RequestHandler => async (req, res) => {
  const id = idParam(req, 'Source');
  const options = { settings: crosscheckSettings(deps.config), lexicon: preparedLexicon(deps) };
  let done;
  try {
    // read and extracted in the worker pool, within its budgets
    const fetched = await fetchAgain(deps.db, id, deps.config.fetch, writeContext(deps), offThreadWork(deps));
    // Its Undo removes the new version and leads back to the one it replaced.
    done = undoableWrite(deps, req, () => storeRefetched(deps.db, fetched, writeContext(deps), options), refetchText, (r) => urls.source(r.changed ? r.previous.id : id));
  } catch (err) {
    // A failed fetch is news for the page, not an error page: the source is as it was.
    if (!(err instanceof ValidationError) || formatOf(res) === 'json') throw err;
    sendDone(res, withFlash(deps.db, urls.source(id), { k: 'note', text: `Not fetched again: ${err.message}` }), {});
    return;
  }
  const { result, flash } = done;
  const next = result.changed ? urls.sourceDiff(result.version.id, { from: String(result.previous.id), to: String(result.version.id) }) : urls.source(id);
  sendDone(res, withFlash(deps.db, next, flash), result.changed ? { version: result.version, flags: result.flags } : { unchanged: true });
};
