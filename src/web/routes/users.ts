// GET/POST /users, POST /users/:name/role, POST /users/:name/status — the admin's page for accounts: the same
// changes as `crosscheck users add | set-role | disable | enable`, audited with the admin's name.
import type { Request, RequestHandler, Response } from 'express';
import { addUser } from '../../app/accounts.js';
import { isRole, ROLE_DUTIES, ROLES } from '../../domain/roles.js';
import { ValidationError } from '../../domain/errors.js';
import { countSessions, disableUser, enableUser, listUsers, setUserRole, type User } from '../../store/users.js';
import { accessFor } from '../auth.js';
import { writeContext, type AppDeps } from '../deps.js';
import { undoableWrite, withFlash } from '../flash.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { urls } from '../urls.js';

export interface UsersPageData {
  users: Array<User & { sessions: number }>;
  roles: Array<{ role: string; duties: string }>;
  values: { name: string; role: string };
  errors: Record<string, string>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function loadUsers(deps: AppDeps, values = { name: '', role: 'reviewer' }, errors: Record<string, string> = {}): UsersPageData {
  return {
    users: listUsers(deps.db).map((user) => ({ ...user, sessions: countSessions(deps.db, user.id) })),
    roles: ROLES.map((role) => ({ role, duties: ROLE_DUTIES[role] })),
    values,
    errors,
  };
}

/** An admin changing their own role or status could lock the desk out of its user page: another admin does it. */
function refuseSelf(res: Response, name: string): void {
  const me = accessFor(res).user;
  if (me && me.name.toLowerCase() === name.toLowerCase()) {
    throw new ValidationError('You cannot change your own role or disable yourself; ask another admin.', { form: 'Not for your own account.' });
  }
}

const nameParam = (req: Request): string => String(req.params.name ?? '');

export const usersPage = (deps: AppDeps): RequestHandler => (_req, res) => {
  sendPage(res, { view: 'users', data: loadUsers(deps) });
};

export const userAdd = (deps: AppDeps): RequestHandler => async (req, res) => {
  const input = { name: text(req.body?.name).trim(), role: text(req.body?.role), password: text(req.body?.password) };
  try {
    const user = await addUser(deps.db, input, writeContext(deps));
    sendDone(res, withFlash(deps.db, urls.users(), { k: 'note', text: `Added ${user.name} as ${user.role}.` }), { user });
  } catch (err) {
    if (!(err instanceof ValidationError) || formatOf(res) === 'json') throw err;
    sendPage(res, { view: 'users', status: 422, data: loadUsers(deps, { name: input.name, role: input.role }, err.fields) });
  }
};

export const userRole = (deps: AppDeps): RequestHandler => (req, res) => {
  const name = nameParam(req);
  const role = text(req.body?.role);
  if (!isRole(role)) throw new ValidationError(`A role is one of ${ROLES.join(', ')}.`, { role: 'Choose a role.' });
  refuseSelf(res, name);
  const { result: user, flash } = undoableWrite(deps, req, () => setUserRole(deps.db, name, role, writeContext(deps)), (u) => `${u.name} is now ${u.role}.`);
  sendDone(res, withFlash(deps.db, urls.users(), flash), { user });
};

export const userStatus = (deps: AppDeps): RequestHandler => (req, res) => {
  const name = nameParam(req);
  refuseSelf(res, name);
  const enable = req.body?.status === 'enabled';
  const { result: user, flash } = undoableWrite(
    deps,
    req,
    () => (enable ? enableUser(deps.db, name, writeContext(deps)) : disableUser(deps.db, name, writeContext(deps))),
    (u) => (enable ? `${u.name} may sign in again.` : `${u.name} is disabled; their sessions have ended.`),
  );
  sendDone(res, withFlash(deps.db, urls.users(), flash), { user });
};
