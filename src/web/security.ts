// Security middleware: strict headers (helmet) and CSRF tokens on every form (double-submit cookie).
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import helmet from 'helmet';
import { doubleCsrf } from 'csrf-csrf';
import { CSRF_ERROR_CODE } from './errors.js';
import { ForbiddenError } from '../domain/errors.js';

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
const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '[::]', '']);

/** The host name of a Host header, without the port ("[::1]:3000" → "[::1]", "example.org:80" → "example.org"). */
function hostName(header: string): string {
  const lower = header.trim().toLowerCase();
  if (lower.startsWith('[')) return lower.slice(0, lower.indexOf(']') + 1);
  return lower.replace(/:\d+$/, '');
}

/** True for an address that only this machine can reach (127.x, ::1, localhost). */
export function isLoopbackBind(bindHost: string): boolean {
  const host = bindHost.trim().toLowerCase();
  return LOOPBACK_NAMES.has(host) || host.startsWith('127.');
}

/** A bind address reachable from other machines with no allow list: start-up stops with this message. */
export class HostSettingError extends Error {}

/**
 * The host names the app answers to for a bind address: the loopback names while bound to loopback; otherwise
 * only the names listed in CROSSCHECK_ALLOWED_HOSTS (and a specific bind address itself, e.g. 192.168.1.5).
 * Bound to every interface (0.0.0.0, ::) without a list, there is nothing safe to answer to, so it throws.
 */
export function allowedHostNames(bindHost: string, allowedHosts: readonly string[]): Set<string> {
  const allowed = new Set(allowedHosts.map((h) => hostName(h)).filter(Boolean));
  const bind = bindHost.trim().toLowerCase();
  if (isLoopbackBind(bind)) {
    for (const name of LOOPBACK_NAMES) allowed.add(name);
    allowed.add(bind);
  } else if (!WILDCARD_BINDS.has(bind)) {
    allowed.add(bind.includes(':') && !bind.startsWith('[') ? `[${bind}]` : bind);
  }
  if (allowed.size === 0) {
    throw new HostSettingError(
      `Bound to ${bindHost || 'every interface'}, Crosscheck would answer to any host name (a DNS rebinding risk): ` +
        'set CROSSCHECK_ALLOWED_HOSTS to the names clients use, e.g. CROSSCHECK_ALLOWED_HOSTS=crosscheck.lan,localhost.',
    );
  }
  return allowed;
}

/**
 * Refuses requests whose Host header names another site. The app has no accounts, so a page on another
 * domain that re-resolves its name to 127.0.0.1 (DNS rebinding) would otherwise be same-origin with it.
 * `bindHost` must be the address the server listens on (one effective host for both).
 */
export function hostCheck(bindHost: string, allowedHosts: readonly string[]): RequestHandler {
  const allowed = allowedHostNames(bindHost, allowedHosts);
  return (req, res, next) => {
    const name = hostName(req.headers.host ?? '');
    if (allowed.has(name)) return next();
    res.status(421).type('text/plain').send(
      `Crosscheck answers to ${[...allowed].join(', ')} only; set CROSSCHECK_ALLOWED_HOSTS to allow "${name}".\n`,
    );
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses writes sent from another site, before their body is read: a browser says where a request comes from
 * (Sec-Fetch-Site, Origin), and only this origin's own pages may write. Requests that say nothing (the command
 * line, curl, scripts) pass on to the CSRF check; `Sec-Fetch-Site: none` is the user's own navigation.
 */
export function originCheck(): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.headers['sec-fetch-site'];
    const origin = req.headers.origin;
    let refused: string | null = null;
    if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
      refused = `it was sent from another site (Sec-Fetch-Site: ${site})`;
    } else if (site !== 'same-origin' && typeof origin === 'string') {
      // A browser that says same-origin is believed: under `Referrer-Policy: no-referrer` its own forms send
      // `Origin: null`, so the Origin is compared only when Sec-Fetch-Site is absent (older browsers, scripts).
      let originHost: string | null = null;
      try {
        const url = new URL(origin);
        if (url.protocol === 'http:' || url.protocol === 'https:') originHost = url.host.toLowerCase();
      } catch {
        originHost = null;
      }
      if (originHost !== (req.headers.host ?? '').trim().toLowerCase()) refused = `it was sent from another origin (${origin})`;
    }
    if (refused === null) return next();
    next(
      new ForbiddenError(
        `This change was refused because ${refused}: Crosscheck accepts changes only from its own pages. Open Crosscheck itself and try again. Nothing was saved.`,
        'cross_origin',
      ),
    );
  };
}

export const CLIENT_COOKIE = 'crosscheck.client';
const CSRF_COOKIE = 'crosscheck.csrf';

/** Name of the hidden form field that carries the token. */
export const CSRF_FIELD = '_csrf';

export interface Csrf {
  /** Gives every browser a random identifier, which tokens are bound to while it is signed out. */
  identifyClient: RequestHandler;
  /** Exposes `csrfToken` to templates on GET requests. */
  provideToken: RequestHandler;
  /** Refuses non-GET requests without a valid token (403, nothing runs). */
  protect: RequestHandler;
}

/**
 * CSRF protection with the given secret; must run after cookie-parser, the body parsers and the sign-in middleware.
 * `identity(req)` is what a token is bound to: the session while signed in, else the browser's client cookie.
 */
export function csrfProtection(secret: string, identity: (req: Request) => string = (req) => String(req.cookies?.[CLIENT_COOKIE] ?? '')): Csrf {
  const { generateCsrfToken, doubleCsrfProtection } = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: identity,
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
