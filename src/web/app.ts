// The web app: middleware in a fixed order, the route table, one error handler. It never listens;
// `crosscheck serve` (src/cli.ts) and the tests decide where it runs.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { getOrCreateSetting } from '../store/settings.js';
import express, { type Express } from 'express';
import cookieParser from 'cookie-parser';
import multer from 'multer';
import type { AppDeps } from './deps.js';
import { createLexiconCache } from '../app/lexicon-cache.js';
import { errorHandler, notFound } from './errors.js';
import { negotiateFormat } from './render.js';
import { escapeHtml } from '../render/escape.js';
import { staticAsset } from '../render/static-assets.js';
import { CLIENT_COOKIE, csrfProtection, hostCheck, originCheck, securityHeaders } from './security.js';
import { authenticate, csrfIdentity } from './auth.js';
import { routeTable } from './routes/index.js';
import { keepRefusedSourceForm, refusedUnread } from './routes/source-create.js';
import { templateHelpers } from './view-helpers.js';
import { pageCache } from './page-cache.js';
import { fairTurns } from './fair-turns.js';
import { urls } from './urls.js';
import { CLAIM_KINDS, CLAIM_STATUSES } from '../domain/types.js';

export type { AppDeps } from './deps.js';

/** urls.asset with the first 12 hex digits of each file's sha256 as ?v= (each file read once, on first use). */
function versionedAsset(staticDir: string): (file: string) => string {
  return (file) => {
    const version = staticAsset(staticDir, file)?.sha256Hex.slice(0, 12) ?? '';
    return version ? `${urls.asset(file)}?v=${version}` : urls.asset(file);
  };
}

/** Builds the Express app over an open, migrated database. */
export function createApp(input: AppDeps): Express {
  const deps: AppDeps = { ...input, lexicons: input.lexicons ?? createLexiconCache() };
  const { config } = deps;
  const app = express();
  app.disable('x-powered-by');
  // One proxy hop, on loopback only: a client elsewhere cannot claim https or another address by sending the headers.
  if (config.trustProxy) app.set('trust proxy', 'loopback');
  app.set('view engine', 'ejs');
  app.set('views', config.viewsDir);
  // Express caches compiled templates only when NODE_ENV=production; templates do not change while the app
  // runs, and compiling them on every request was half of a large page's render time.
  app.set('view cache', true);
  // One escaping function for every HTML the project writes: app pages and the standalone fact sheet document.
  app.set('view options', { escape: escapeHtml });
  app.locals.helpers = templateHelpers;
  app.locals.vocab = { kinds: CLAIM_KINDS, statuses: CLAIM_STATUSES };
  // Pages answered before the sign-in middleware ran (a refused host, an oversized body) show no write controls.
  app.locals.access = null;
  app.locals.can = () => false;

  // First: requests start in arrival order, a few per event-loop turn, so new connections are accepted under load.
  app.use(fairTurns());
  app.use(hostCheck(config.host, config.allowedHosts));
  app.use((req, res, next) => {
    res.locals.currentPath = req.path;
    next();
  });
  app.use(securityHeaders());
  // Pages link each static file with its content hash (?v=…), so that address can be cached for a year; the bare
  // address is revalidated (ETag) on every use.
  const staticDir = path.join(config.viewsDir, 'static');
  app.locals.urls = { ...urls, asset: versionedAsset(staticDir) };
  app.use(
    '/static',
    express.static(staticDir, {
      fallthrough: false,
      index: false,
      etag: true,
      setHeaders: (res) => {
        const versioned = typeof (res.req as express.Request).query.v === 'string';
        res.setHeader('Cache-Control', versioned ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  app.use(negotiateFormat);
  // Writes from another site are refused before their body is read (and before a size error could answer).
  app.use(originCheck());

  // A paste is counted in characters of the decoded text by the route (to give the 5 MB message on the
  // text itself); URL encoding can triple a body, so the parser's own ceiling sits above that.
  app.use(express.urlencoded({ extended: false, limit: config.maxUploadBytes * 3, parameterLimit: 1000 }));
  app.use(express.json({ limit: config.maxUploadBytes * 3 }));
  // Multipart bodies are read before the CSRF check because the token travels inside them; memory storage
  // means nothing reaches disk, and the limits make an oversized file or pasted field a clear 413.
  app.use(
    multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: config.maxUploadBytes, fieldSize: config.maxUploadBytes, files: 1, fields: 60 },
    }).single('file'),
  );
  // An oversized paste or file on the "add a source" form re-renders the form with the details kept.
  app.use(keepRefusedSourceForm);

  const secret = config.csrfSecret ?? getOrCreateSetting(deps.db, 'csrf-secret', () => randomBytes(32).toString('hex'));
  const csrf = csrfProtection(secret, (req) => csrfIdentity(req, CLIENT_COOKIE));
  app.use(cookieParser());
  app.use(csrf.identifyClient);
  // Who is asking (session cookie → user and role), before the CSRF check binds tokens to that session.
  app.use(authenticate(deps));
  // A source form so large that its body was never parsed carries no token to check; its route only re-renders
  // the form with the size message and writes nothing, so the size message is what the reviewer reads.
  app.use((req, res, next) => (refusedUnread(res) ? next() : csrf.protect(req, res, next)));
  app.use(csrf.provideToken);
  // Read pages drawn before and unchanged since (same address, same reader, same database) are answered as kept.
  app.use(pageCache(deps.db).serve);

  app.use(routeTable(deps));
  app.use(notFound);
  app.use(errorHandler(config.maxUploadBytes));
  return app;
}
