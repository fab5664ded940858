// GET /login, POST /login, POST /logout — signing in and out. A wrong password, an unknown name and a disabled
// account get the same answer; too many failures for a name or from an address get 429 until the window passes.
import type { Request, RequestHandler, Response } from 'express';
import { checkSignIn } from '../../app/accounts.js';
import { AppError } from '../../domain/errors.js';
import { hasAccounts } from '../../store/users.js';
import { accessFor, endSession, startSession } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { formatOf, sendDone, sendPage } from '../render.js';
import { signInLimits } from '../sign-in-limits.js';
import { localReturn, urls } from '../urls.js';

export interface SignInPageData {
  values: { username: string };
  /** Where to go after signing in (a path on this site). */
  returnTo: string;
  error: string | null;
  /** False while no account exists: the page then says how to create the first one. */
  accounts: boolean;
}

export const WRONG_CREDENTIALS = 'That user name and password do not match an account. Check both and try again.';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function returnTo(value: unknown): string {
  const target = localReturn(value);
  // Coming back to the sign-in page (or leaving by sign-out) after signing in would be a loop.
  return target && !target.startsWith(urls.login()) ? target : urls.dashboard();
}

function refuse(deps: AppDeps, req: Request, res: Response, status: number, message: string, code: string): void {
  if (formatOf(res) === 'json') throw new AppError(message, status, code);
  const data: SignInPageData = { values: { username: text(req.body?.username) }, returnTo: returnTo(req.body?.return), error: message, accounts: hasAccounts(deps.db) };
  sendPage(res, { view: 'login', status, data });
}

export const signInPage = (deps: AppDeps): RequestHandler => (req, res) => {
  const target = returnTo(req.query.return);
  if (accessFor(res).user) return res.redirect(303, target);
  const data: SignInPageData = { values: { username: '' }, returnTo: target, error: null, accounts: hasAccounts(deps.db) };
  sendPage(res, { view: 'login', data });
};

export const signIn = (deps: AppDeps): RequestHandler => {
  // Counted in the database (sign-in-limits.ts): one app's counters are every app's on that file, and survive a restart.
  const limits = signInLimits(deps.db);
  return async (req, res) => {
    const username = text(req.body?.username).trim();
    const address = req.ip ?? req.socket.remoteAddress ?? '';
    const wait = await limits.waitSeconds(username, address);
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      const minutes = Math.ceil(wait / 60);
      return refuse(deps, req, res, 429, `Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`, 'too_many_attempts');
    }
    const user = await checkSignIn(deps.db, username, text(req.body?.password));
    if (!user) {
      await limits.failed(username, address);
      return refuse(deps, req, res, 401, WRONG_CREDENTIALS, 'sign_in_failed');
    }
    await limits.succeeded(username);
    startSession(deps, req, res, user);
    sendDone(res, returnTo(req.body?.return), { user: { name: user.name, role: user.role } });
  };
};

export const signOut = (deps: AppDeps): RequestHandler => (req, res) => {
  endSession(deps, req, res);
  sendDone(res, urls.login(), { signedOut: true });
};
