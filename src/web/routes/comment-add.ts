// POST /claims/:id/comments, POST /conflicts/:id/comments — a reviewer adds to an item's thread, then is back on its
// page at the thread; an empty or over-long comment re-renders the page with the text kept and the message beside it.
import type { RequestHandler } from 'express';
import { ValidationError } from '../../domain/errors.js';
import { addComment, type CommentItem } from '../../store/comments.js';
import { writeContext, type AppDeps } from '../deps.js';
import { idParam } from '../params.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { undoableWrite, withFlash } from '../flash.js';
import { urls } from '../urls.js';
import { loadClaimView } from '../pages/claim.js';
import { loadConflictPage } from '../pages/conflict.js';

const PAGES = {
  claim: { what: 'Claim', view: 'claims/show', url: urls.claim, load: loadClaimView },
  conflict: { what: 'Conflict', view: 'conflicts/show', url: urls.conflict, load: loadConflictPage },
} as const;

export const commentAdd = (item: CommentItem) => (deps: AppDeps): RequestHandler => (req, res) => {
  const page = PAGES[item];
  const id = idParam(req, page.what);
  const body = typeof req.body?.body === 'string' ? req.body.body : '';
  try {
    const { result: comment, flash } = undoableWrite(deps, req, () => addComment(deps.db, item, id, body, writeContext(deps)), () => `Added your comment to ${item} #${id}.`);
    sendDone(res, withFlash(deps.db, `${page.url(id)}#comments`, flash), { comment }, 201);
  } catch (err) {
    if (!(err instanceof ValidationError) || formatOf(res) === 'json') throw err;
    res.locals.commentForm = { body, error: err.fields.body ?? err.message };
    sendPage(res, { view: page.view, status: 422, data: page.load(deps, id) });
  }
};
