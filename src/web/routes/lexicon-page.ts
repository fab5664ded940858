// GET /lexicon — the vocabulary extraction reads, which users edit: each metric with its kind and keywords (an
// edit form per metric), a form to add one, the grammar word lists (pages/lexicon-grammar.ts) and the button that
// adds new defaults.
import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { sendPage } from '../render.js';
import { loadLexiconPage, syncedMessage } from '../pages/lexicon.js';

export const lexiconPage = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'lexicon/index', data: loadLexiconPage(deps, { synced: syncedMessage(req) }) });
};
