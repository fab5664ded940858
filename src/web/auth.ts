// Who is asking: the session cookie read once per request, the role it carries, and the one check each route of
// the route table runs (requireRole). While no account exists the app is the single-user tool it always was: the
// person at this machine acts as `local` with every right (the server refuses to listen beyond loopback then).
import { createHash, randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { roleAllows, type Role } from '../domain/roles.js';
import { AppError, ForbiddenError } from '../domain/errors.js';
import { createSession, deleteSession, findSession, hasAccounts, touchSession, type SessionCutoffs, type User } from '../store/users.js';
import { actAs, type AppDeps } from './deps.js';
import { formatOf } from './format.js';
import { urls } from './urls.js';

export const SESSION_COOKIE = 'crosscheck.session';

/** What the current request may do, on res.locals.access (templates read it through `can`). */
export interface Access {
  /** The signed-in user; null when signed out or while no account exists. */
  user: User | null;
  /** The request's role: null = signed out with no public reading. */
  role: Role | null;
  /** Written to the audit log for this request's changes. */
  actor: string;
  /** Whether any account exists (false = the single-user mode, actor `local`). */
  accounts: boolean;
}

/** Who a route is open to: a role and the ones above it, or everyone (the sign-in page). */
export type Audience = Role | 'everyone';

/** A session used within this long of its last recorded use is not written again (one write a minute at most). */
const TOUCH_EVERY_MS = 60_000;

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

function cutoffs(deps: AppDeps): SessionCutoffs {
  const now = deps.clock().getTime();
  return {
    idleBefore: new Date(now - deps.config.sessionIdleMs).toISOString(),
    createdBefore: new Date(now - deps.config.sessionMaxMs).toISOString(),
  };
}

function sessionToken(req: Request): string | null {
  const token = req.cookies?.[SESSION_COOKIE];
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.secure });
  if (req.cookies) delete req.cookies[SESSION_COOKIE];
}

/** The access of a request from its session cookie; an expired or unknown cookie is cleared. */
function accessOf(deps: AppDeps, req: Request, res: Response): Access {
  const token = sessionToken(req);
  const session = token ? findSession(deps.db, sha256(token), cutoffs(deps)) : null;
  if (session && token) {
    const now = deps.clock();
    if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) touchSession(deps.db, sha256(token), now.toISOString());
    return { user: session.user, role: session.user.role, actor: session.user.name, accounts: true };
  }
  if (req.cookies?.[SESSION_COOKIE] !== undefined) clearSessionCookie(req, res);
  if (!hasAccounts(deps.db)) return { user: null, role: 'admin', actor: deps.config.actor, accounts: false };
  return { user: null, role: deps.config.publicRead ? 'viewer' : null, actor: 'anonymous', accounts: true };
}

/** Middleware: works out the request's access, offers `can(role)` to templates, and makes its user the actor. */
export function authenticate(deps: AppDeps): RequestHandler {
  return (req, res, next) => {
    const access = accessOf(deps, req, res);
    res.locals.access = access;
    res.locals.can = (role: Role) => roleAllows(access.role, role);
    actAs(access.actor, next);
  };
}

/** The access authenticate() worked out for this request. */
export function accessFor(res: Response): Access {
  return res.locals.access as Access;
}

/** Sign in first: 401 for scripts; a page is sent to the sign-in form, which brings it back afterwards. */
class SignInRequiredError extends AppError {
  constructor() {
    super('Sign in to use Crosscheck.', 401, 'sign_in_required');
  }
}

/** The one permission check of a route (the route table gives each route its audience). */
export function requireRole(audience: Audience): RequestHandler {
  return (req, res, next) => {
    if (audience === 'everyone') return next();
    const access = accessFor(res);
    if (roleAllows(access.role, audience)) return next();
    if (access.user === null) {
      if (req.method === 'GET' && formatOf(res) === 'html') return res.redirect(303, urls.login({ return: req.originalUrl }));
      return next(new SignInRequiredError());
    }
    next(new ForbiddenError(`This needs the ${audience} role; you are signed in as ${access.user.name} (${access.role}). Nothing was changed.`, 'role_refused'));
  };
}

/** Starts a session for `user` on a new cookie, ending the browser's previous one (rotation on every sign-in). */
export function startSession(deps: AppDeps, req: Request, res: Response, user: User): void {
  const token = randomBytes(32).toString('base64url');
  const previous = sessionToken(req);
  createSession(deps.db, user.id, sha256(token), deps.clock().toISOString(), cutoffs(deps), previous ? sha256(previous) : undefined);
  res.cookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.secure, maxAge: deps.config.sessionMaxMs });
}

/** Ends the request's session, in the database and in the browser. */
export function endSession(deps: AppDeps, req: Request, res: Response): void {
  const token = sessionToken(req);
  if (token) deleteSession(deps.db, sha256(token));
  clearSessionCookie(req, res);
}

/** What CSRF tokens are bound to: the session while signed in, else the browser's client cookie. */
export function csrfIdentity(req: Request, clientCookie: string): string {
  const token = sessionToken(req);
  return token ? `session:${token}` : `client:${String(req.cookies?.[clientCookie] ?? '')}`;
}
