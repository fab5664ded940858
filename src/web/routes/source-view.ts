// GET /sources/:id[?page=N] — the article text verbatim, its sha256 and history, and its claims one page at a time
// (text order): the page's claims are listed and highlighted in the text. A source with many thousands of claims
// thus opens as fast as a short one; highlighting every quote at once made such a page take minutes.
import type { RequestHandler } from 'express';
import type { AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { pageRequest } from '../pagination.js';
import { sendPage } from '../render.js';
import { loadSourceView, SOURCE_CLAIMS_PER_PAGE } from '../pages/source.js';

export const sourceView = (deps: AppDeps): RequestHandler => (req, res) => {
  const { page } = pageRequest(req.query.page, SOURCE_CLAIMS_PER_PAGE);
  sendPage(res, { view: 'sources/show', data: loadSourceView(deps, idParam(req, 'Source'), page), shared: true });
};
