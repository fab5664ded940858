// GET /feeds — the feeds followed, a form to follow one and a button to poll them all; POST /feeds follows a feed
// (checked to be RSS or Atom first); POST /feeds/poll imports every new item by URL and says what it did. The page
// lists the items whose page failed: tried again on each poll until CROSSCHECK_FEED_ATTEMPTS failures, then given up.
import type { RequestHandler } from 'express';
import { crosscheckSettings } from '../../config.js';
import { ValidationError } from '../../domain/errors.js';
import { fetchFeed, pollFeeds } from '../../app/feeds.js';
import { addFeed, listFeedItemFailures, listFeeds } from '../../store/feeds.js';
import { offThreadWork, preparedLexicon, writeContext, type AppDeps } from '../deps.js';
import { undoableWrite, withFlash } from '../flash.js';
import { formValues, type FieldErrors } from '../forms/fields.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { urls } from '../urls.js';

function renderFeeds(deps: AppDeps, res: Parameters<RequestHandler>[1], values = { url: '' }, errors: FieldErrors = {}, status = 200): void {
  const data = { feeds: listFeeds(deps.db), failures: listFeedItemFailures(deps.db), maxAttempts: deps.config.feedAttempts, values, errors };
  sendPage(res, { view: 'feeds/index', status, data });
}

export const feedsPage = (deps: AppDeps): RequestHandler => (_req, res) => renderFeeds(deps, res);

export const feedAdd = (deps: AppDeps): RequestHandler => async (req, res) => {
  const url = (formValues(req.body, ['url']).url ?? '').trim();
  try {
    const parsed = await fetchFeed(url, deps.config.fetch);
    const items = parsed.items.length;
    const { result: feed, flash } = undoableWrite(
      deps,
      req,
      () => addFeed(deps.db, url, parsed.title, writeContext(deps)),
      (f) => `Following “${f.title}” (${items} items now; poll to import them).`,
    );
    sendDone(res, withFlash(deps.db, urls.feeds(), flash), { feed }, 201);
  } catch (err) {
    if (!(err instanceof ValidationError) || formatOf(res) === 'json') throw err;
    renderFeeds(deps, res, { url }, { url: err.fields.fetchUrl ?? err.fields.url ?? err.message }, 422);
  }
};

export const feedsPoll = (deps: AppDeps): RequestHandler => async (_req, res) => {
  // each item read and extracted in the worker pool, within its budgets
  const options = { settings: crosscheckSettings(deps.config), lexicon: preparedLexicon(deps), nearDuplicates: true, offThread: offThreadWork(deps) };
  const { lines, totals, givenUp } = await pollFeeds(deps.db, deps.config.fetch, writeContext(deps), options, deps.config.feedAttempts);
  const gaveUp = givenUp > 0 ? `, ${givenUp} given up after ${deps.config.feedAttempts} failed attempts` : '';
  const text = `Polled the feeds: ${totals.imported} new sources, ${totals.skipped} already there, ${totals.failed} failed${gaveUp}.`;
  sendDone(res, withFlash(deps.db, urls.feeds(), { k: 'note', text }), { lines, totals, givenUp });
};
