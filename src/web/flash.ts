// What a write just did, told on the next page: a short message and an Undo button. Review decisions carry their
// undo in the message itself (each claim's previous status); other writes carry the id of the change log that
// store/change-log.ts keeps of the rows they touched.
// The message travels in the redirect as a signed query parameter (`done`), so it needs no server-side session
// and cannot be forged: the page states only what the server itself signed. The message text is built when the
// page is drawn, from the signed payload and the database as it is then.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { decideClaims } from '../app/claim-writes.js';
import type { Claim, ClaimStatus } from '../domain/types.js';
import { getClaim } from '../store/claims.js';
import { captureChanges, changedSince, getUndoLog } from '../store/change-log.js';
import { getOrCreateSetting } from '../store/settings.js';
import type { Db } from '../store/database.js';
import { claimWrites, writeContext, type AppDeps } from './deps.js';
import { formatOf } from './format.js';
import { csrfIdentity } from './auth.js';
import { CLIENT_COOKIE } from './security.js';
import { urls } from './urls.js';
import { templateHelpers } from './view-helpers.js';

/** The query parameter that carries the signed message. */
export const FLASH_PARAM = 'done';

/** How long an Undo stays offered (the working session of one reviewer, not forever). */
export const UNDO_WINDOW_MS = 60 * 60 * 1000;

/** At most this many claims are carried for an Undo; a larger bulk decision says what it did without one. */
export const UNDO_MAX_CLAIMS = 200;

/** One undoable status change: the claim, the status it had before, and the version the change left it at. */
export type StatusChange = [id: number, previous: ClaimStatus, versionAfter: number];

export type FlashPayload =
  /** A paste or upload whose text is already stored as this source: nothing was added. */
  | { k: 'duplicate'; source: number }
  /** Claims set to `to` (review queue, bulk); `t` is when, for the Undo window; `s` the browser session it belongs to. */
  | { k: 'status'; to: ClaimStatus; count: number; changes: StatusChange[]; t: number; s: string }
  /** An Undo of status changes: the claims and the status each has again. */
  | { k: 'undone'; restored: [id: number, status: ClaimStatus][] }
  /** A sentence the server wrote about what it just did (a deletion, a decision on a conflict). */
  | { k: 'note'; text: string }
  /** Any other undoable write: what it did, the change log its Undo reverts (null: nothing to undo), when, for
   * which browser session, and where its Undo leads (the item back again; default: the page the message is on). */
  | { k: 'change'; text: string; log: number | null; t: number; s: string; then?: string }
  /** An Undo of such a write. */
  | { k: 'reverted'; text: string };

/** What the flash partial shows. */
export interface FlashView {
  text: string;
  link: { href: string; label: string } | null;
  /** The signed payload to post back to /undo, when the change can still be undone. */
  undo: string | null;
  /** This page without its message: where the Undo comes back to. */
  back?: string;
}

const secrets = new WeakMap<Db, string>();

/** The signing key, made once per database and kept there (restarts do not void messages on open pages). */
function secretOf(db: Db): string {
  let secret = secrets.get(db);
  if (!secret) {
    secret = getOrCreateSetting(db, 'flash-secret', () => randomBytes(32).toString('hex'));
    secrets.set(db, secret);
  }
  return secret;
}

function mac(db: Db, data: string): string {
  return createHmac('sha256', secretOf(db)).update(data).digest('base64url');
}

/** The payload as `base64url(json).mac`. */
export function signFlash(db: Db, payload: FlashPayload): string {
  const data = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${data}.${mac(db, data)}`;
}

/** The payload of a token this app signed, or null for anything else (tampered, truncated, not a string). */
export function verifyFlash(db: Db, token: unknown): FlashPayload | null {
  if (typeof token !== 'string' || token.length > 16_384) return null;
  const dot = token.indexOf('.');
  if (dot < 1) return null;
  const data = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = Buffer.from(mac(db, data), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as FlashPayload;
    return payload && typeof payload === 'object' && typeof payload.k === 'string' ? payload : null;
  } catch {
    return null;
  }
}

/** `url` with the signed message set as its `done` parameter (replacing one already there); its #fragment kept. */
export function withFlash(db: Db, url: string, payload: FlashPayload): string {
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const q = base.indexOf('?');
  const path = q === -1 ? base : base.slice(0, q);
  const params = new URLSearchParams(q === -1 ? '' : base.slice(q + 1));
  params.set(FLASH_PARAM, signFlash(db, payload));
  return `${path}?${params.toString()}${hash === -1 ? '' : url.slice(hash)}`;
}

/**
 * The browser session of a request, as a short digest: an Undo is offered to that session only. It is what CSRF
 * tokens are bound to — the sign-in session when there is one (signing out and in again, or as someone else in
 * the same browser, is another session), else the browser's client cookie.
 */
export function sessionKey(db: Db, req: Request): string {
  const identity = csrfIdentity(req, CLIENT_COOKIE);
  return identity === 'client:' ? '' : mac(db, `session:${identity}`).slice(0, 22);
}

/** `url` without its `done` parameter. */
export function withoutFlash(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  params.delete(FLASH_PARAM);
  const rest = params.toString();
  return rest ? `${url.slice(0, q)}?${rest}` : url.slice(0, q);
}

/** decideClaims, plus the message of what changed with what its Undo needs (each claim's previous status). */
export function decideClaimsUndoably(
  deps: AppDeps,
  targets: { id: number; version: number }[],
  status: ClaimStatus,
  session: string,
): { claims: Claim[]; flash: FlashPayload } {
  return deps.db.transaction(() => {
    const befores = targets.map(({ id }) => getClaim(deps.db, id));
    const claims = decideClaims(claimWrites(deps), targets, status);
    return { claims, flash: statusFlash(status, befores, claims, deps.clock(), session) };
  })();
}

/**
 * Runs `write` (one transaction) logging what it changed, for an Undo offered to this browser session within
 * the window; `describe` says what it did ("Deleted claim #12 “400”."), `then` where the Undo leads.
 */
export function undoableWrite<T>(
  deps: AppDeps,
  req: Request,
  write: () => T,
  describe: (result: T) => string,
  then?: (result: T) => string,
): { result: T; flash: FlashPayload } {
  const now = deps.clock();
  const session = sessionKey(deps.db, req);
  const keepSince = new Date(now.getTime() - UNDO_WINDOW_MS).toISOString();
  const { result, label, logId } = captureChanges(deps.db, { session, keepSince, label: describe }, writeContext(deps), write);
  const flash: FlashPayload = { k: 'change', text: label, log: session === '' ? null : logId, t: now.getTime(), s: session };
  if (then) flash.then = then(result);
  return { result, flash };
}

/** The message of an undoable write, with its Undo while it is in time, in its session and nothing changed since. */
function describeChange(db: Db, payload: Extract<FlashPayload, { k: 'change' }>, now: Date, token: string, session: string): FlashView {
  const inTime = payload.log !== null && now.getTime() - payload.t <= UNDO_WINDOW_MS && payload.s !== '' && payload.s === session;
  if (!inTime) return { text: payload.text, link: null, undo: null };
  const log = getUndoLog(db, payload.log as number);
  if (log?.undone) return { text: `${payload.text} It has been undone.`, link: null, undo: null };
  const open = log !== null && changedSince(db, log) === null;
  return { text: open ? payload.text : `${payload.text} It has changed since, so it cannot be undone from here.`, link: null, undo: open ? token : null };
}

/** The status changes of a decision, as carried for its Undo (claims whose status did not change are left out). */
export function statusFlash(
  to: ClaimStatus,
  befores: { id: number; status: ClaimStatus }[],
  afters: { id: number; status: ClaimStatus; version: number }[],
  now: Date,
  session: string,
): FlashPayload {
  const previous = new Map(befores.map((b) => [b.id, b.status]));
  const changes: StatusChange[] = [];
  for (const after of afters) {
    const before = previous.get(after.id);
    if (before !== undefined && before !== after.status) changes.push([after.id, before, after.version]);
  }
  // Too many to carry: the message says what was done, without an Undo.
  const carried = changes.length <= UNDO_MAX_CLAIMS ? changes : [];
  return { k: 'status', to, count: changes.length, changes: carried, t: now.getTime(), s: session };
}

/** Whether every claim is still at the version the decision left it at (one query). */
function stillAsLeft(db: Db, changes: StatusChange[]): boolean {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM json_each(?) AS change
       JOIN claims ON claims.id = json_extract(change.value, '$[0]') AND claims.version = json_extract(change.value, '$[2]')`,
    )
    .get(JSON.stringify(changes)) as { n: number };
  return row.n === changes.length;
}

const VERB: Record<ClaimStatus, string> = { confirmed: 'Confirmed', rejected: 'Rejected', candidate: 'Reopened' };

/** The message of a payload, read against the database as it is now. */
export function describeFlash(db: Db, payload: FlashPayload, now: Date, token: string, session: string): FlashView | null {
  switch (payload.k) {
    case 'duplicate': {
      const row = db.prepare('SELECT id, title FROM sources WHERE id = ?').get(payload.source) as { id: number; title: string } | undefined;
      if (!row) return null;
      return {
        text: 'This text is already stored (same sha256), so nothing was added. It is this source:',
        link: { href: urls.source(row.id), label: `source #${row.id} “${row.title}”` },
        undo: null,
      };
    }
    case 'status': {
      const count = payload.count;
      if (count === 0) return { text: 'Nothing changed: the claims already had that status.', link: null, undo: null };
      const first = payload.changes[0];
      const one = count === 1 && first
        ? (db.prepare('SELECT id, value_text FROM claims WHERE id = ?').get(first[0]) as { id: number; value_text: string } | undefined)
        : undefined;
      const text = one
        ? `${VERB[payload.to]} claim #${one.id} “${one.value_text}” (it was ${first![1]}).`
        : `${VERB[payload.to]} ${templateHelpers.plural(count, 'claim')}.`;
      const inTime = payload.changes.length === count && now.getTime() - payload.t <= UNDO_WINDOW_MS && payload.s !== '' && payload.s === session;
      // Offered only while every claim is still as the decision left it (back in history after an Undo, it is not).
      const unchanged = inTime && stillAsLeft(db, payload.changes);
      const later = inTime && !unchanged ? ' It has changed since, so it cannot be undone from here.' : '';
      return { text: text + later, link: one ? { href: urls.claim(one.id), label: 'Open the claim' } : null, undo: unchanged ? token : null };
    }
    case 'undone': {
      const [first] = payload.restored;
      if (!first) return null;
      const text = payload.restored.length === 1
        ? `Undone: claim #${first[0]} is ${first[1] === 'candidate' ? 'a candidate' : first[1]} again.`
        : `Undone: ${templateHelpers.plural(payload.restored.length, 'claim')} have their previous status again.`;
      return { text, link: null, undo: null };
    }
    case 'note':
      return { text: payload.text, link: null, undo: null };
    case 'change':
      return describeChange(db, payload, now, token, session);
    case 'reverted':
      return { text: payload.text, link: null, undo: null };
    default:
      return null;
  }
}

/** Middleware: a page drawn with a valid `done` parameter shows its message (HTML only; JSON clients had the answer). */
export const readFlash = (deps: AppDeps): RequestHandler => (req, res, next) => {
  const token = req.method === 'GET' ? (req.query as Record<string, unknown>)[FLASH_PARAM] : undefined;
  if (typeof token === 'string' && formatOf(res) === 'html') {
    const payload = verifyFlash(deps.db, token);
    const view = payload ? describeFlash(deps.db, payload, deps.clock(), token, sessionKey(deps.db, req)) : null;
    if (view) res.locals.flash = { ...view, back: withoutFlash(req.originalUrl) };
  }
  next();
};
