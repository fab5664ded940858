// POST /sources/:id/assignment, POST /entities/:id/assignment — a reviewer takes a source, or a subject (an entity
// the claims are about), to review (take=yes) or gives it back (take=no), then returns to where they were. What
// someone else has taken is theirs until they release it, or an editor does.
import type { RequestHandler } from 'express';
import { roleAllows } from '../../domain/roles.js';
import { AppError, ValidationError } from '../../domain/errors.js';
import { assign, takenBy, type AssignmentTarget } from '../../store/assignments.js';
import { accessFor } from '../auth.js';
import { writeContext, type AppDeps } from '../deps.js';
import { undoableWrite, withFlash } from '../flash.js';
import { idParam } from '../params.js';
import { sendDone } from '../render.js';
import { localReturn, urls } from '../urls.js';

const WORDS: Record<AssignmentTarget, { noun: string; param: string; page: (id: number) => string }> = {
  source: { noun: 'source', param: 'Source', page: urls.source },
  subject: { noun: 'subject', param: 'Entity', page: urls.entity },
};

/** The handler taking or releasing a source or a subject. */
const assignment = (target: AssignmentTarget) => (deps: AppDeps): RequestHandler => (req, res) => {
  const { noun, param, page } = WORDS[target];
  const id = idParam(req, param);
  const { user, role } = accessFor(res);
  if (!user) throw new ValidationError(`Sign in to take a ${noun}: ${noun}s are taken by name.`, { take: 'Sign in first.' });
  const take = req.body?.take === 'yes';
  const holder = takenBy(deps.db, target, id);
  if (holder !== null && holder !== user.name && !roleAllows(role, 'editor')) {
    throw new AppError(`${holder} has taken this ${noun}; ask them or an editor to release it. Nothing was changed.`, 409, 'taken');
  }
  const { result: after, flash } = undoableWrite(
    deps,
    req,
    () => assign(deps.db, target, id, take ? user.id : null, writeContext(deps)),
    (taken) => (taken ? `You have taken ${noun} #${id} to review.` : `Released: ${noun} #${id} is unassigned.`),
  );
  sendDone(res, withFlash(deps.db, localReturn(req.body?.return) ?? page(id), flash), { assignee: after });
};

export const sourceAssignment = assignment('source');
export const subjectAssignment = assignment('subject');
