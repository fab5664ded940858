// Security middleware: strict headers (helmet) and CSRF tokens on every form (double-submit cookie).
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';
import { doubleCsrf } from 'csrf-csrf';
import { CSRF_ERROR_CODE } from './errors.js';

/** Helmet with a CSP that allows only this origin's scripts and styles: no inline script or style. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The app is served over plain HTTP on 127.0.0.1; HSTS would only get in the way.
    strictTransportSecurity: false,
  });
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The host name of a Host header, without the port ("[::1]:3000" → "[::1]", "example.org:80" → "example.org"). */
function hostName(header: string): string {
  const lower = header.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.replace(/:\d+$/, '');
}

/**
 * Refuses requests whose Host header names another site. The app has no accounts, so a page on another
 * domain that re-resolves its name to 127.0.0.1 (DNS rebinding) would otherwise be same-origin with it.
 */
export function hostCheck(bindHost: string, allowedHosts: readonly string[]): RequestHandler {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  const loopbackOnly = LOOPBACK_NAMES.has(bindHost.toLowerCase()) || bindHost.startsWith('127.');
  if (loopbackOnly) {
    for (const name of LOOPBACK_NAMES) allowed.add(name);
    allowed.add(bindHost.toLowerCase());
  }
  return (req, res, next) => {
    if (allowed.size === 0) return next();
    const name = hostName(req.headers.host ?? '');
    if (allowed.has(name)) return next();
    res.status(421).type('text/plain').send(
      `Crosscheck answers to ${[...allowed].join(', ')} only; set CROSSCHECK_ALLOWED_HOSTS to allow "${name}".\n`,
    );
  };
}

const CLIENT_COOKIE = 'crosscheck.client';
const CSRF_COOKIE = 'crosscheck.csrf';

/** Name of the hidden form field that carries the token. */
export const CSRF_FIELD = '_csrf';

export interface Csrf {
  /** Gives every browser a random identifier the tokens are bound to (there are no sessions yet). */
  identifyClient: RequestHandler;
  /** Exposes `csrfToken` to templates on GET requests. */
  provideToken: RequestHandler;
  /** Refuses non-GET requests without a valid token (403, nothing runs). */
  protect: RequestHandler;
}

/** CSRF protection with the given secret; must run after cookie-parser and the body parsers. */
export function csrfProtection(secret: string): Csrf {
  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req: Request) => String(req.cookies?.[CLIENT_COOKIE] ?? ''),
    cookieName: CSRF_COOKIE,
    // Served over http://127.0.0.1, so no `secure` flag (and no __Host- prefix, which requires it).
    cookieOptions: { sameSite: 'strict', path: '/', secure: false, httpOnly: true },
    // Forms send the token as a field; scripts (fetch) send it as a header.
    getCsrfTokenFromRequest: (req: Request) => {
      const header = req.headers['x-csrf-token'];
      if (typeof header === 'string' && header) return header;
      const field = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
      return typeof field === 'string' ? field : undefined;
    },
    errorConfig: { statusCode: 403, code: CSRF_ERROR_CODE, message: 'invalid csrf token' },
  });
  return {
    identifyClient: (req, res, next) => {
      if (!req.cookies?.[CLIENT_COOKIE]) {
        const clientId = randomUUID();
        res.cookie(CLIENT_COOKIE, clientId, { sameSite: 'strict', path: '/', httpOnly: true, secure: false });
        req.cookies = { ...(req.cookies ?? {}), [CLIENT_COOKIE]: clientId };
      }
      next();
    },
    provideToken: (req, res, next) => {
      res.locals.csrfToken = generateCsrfToken(req, res);
      next();
    },
    protect: doubleCsrfProtection,
  };
}
