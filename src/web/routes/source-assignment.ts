// POST /sources/:id/assignment — a reviewer takes a source to review (take=yes) or gives it back (take=no), then
// returns to where they were. Someone else's source is theirs until they release it, or an editor does.
import type { RequestHandler } from 'express';
import { roleAllows } from '../../domain/roles.js';
import { AppError, ValidationError } from '../../domain/errors.js';
import { assigneeOf, assignSource } from '../../store/assignments.js';
import { accessFor } from '../auth.js';
import { writeContext, type AppDeps } from '../deps.js';
import { withFlash } from '../flash.js';
import { idParam } from '../params.js';
import { sendDone } from '../render.js';
import { localReturn, urls } from '../urls.js';

export const sourceAssignment = (deps: AppDeps): RequestHandler => (req, res) => {
  const id = idParam(req, 'Source');
  const { user, role } = accessFor(res);
  if (!user) throw new ValidationError('Sign in to take a source: sources are taken by name.', { take: 'Sign in first.' });
  const take = req.body?.take === 'yes';
  const holder = assigneeOf(deps.db, id);
  if (holder !== null && holder !== user.name && !roleAllows(role, 'editor')) {
    throw new AppError(`${holder} has taken this source; ask them or an editor to release it. Nothing was changed.`, 409, 'taken');
  }
  const after = assignSource(deps.db, id, take ? user.id : null, writeContext(deps));
  const text = after ? `You have taken this source to review.` : 'Released: the source is unassigned.';
  sendDone(res, withFlash(deps.db, localReturn(req.body?.return) ?? urls.source(id), { k: 'note', text }), { assignee: after });
};
