// Accounts and their sign-in sessions (migration 012). Passwords arrive here already hashed; sessions are kept by
// the sha256 of their cookie. Changes to users are audited like every other write; sessions are not (they are
// not reviewer data, and a sign-in is not a change to the desk's work).
import type { Role } from '../domain/roles.js';
import { NotFoundError } from '../domain/errors.js';
import { userRefusals } from '../domain/user-checks.js';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';

export interface User {
  id: number;
  name: string;
  role: Role;
  createdAt: string;
  disabledAt: string | null;
  lastSignInAt: string | null;
  version: number;
}

interface UserRow {
  id: number;
  name: string;
  role: Role;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  last_sign_in_at: string | null;
  version: number;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    lastSignInAt: row.last_sign_in_at,
    version: row.version,
  };
}

/** True once any account exists (disabled ones too): from then on every page needs sign-in. */
export function hasAccounts(db: Db): boolean {
  return db.prepare('SELECT 1 FROM users LIMIT 1').get() !== undefined;
}

/** The user called `name` (any letter case), or null. */
function findUser(db: Db, name: string): User | null {
  const row = db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
  return row ? toUser(row) : null;
}

/** The user called `name`, or NotFoundError. */
export function getUser(db: Db, name: string): User {
  const user = findUser(db, name);
  if (!user) throw new NotFoundError(`The user "${name}"`);
  return user;
}

/** The password hash of an enabled user called `name`, for sign-in; null for unknown and disabled users alike. */
export function findSignInCredentials(db: Db, name: string): { user: User; passwordHash: string } | null {
  const row = db.prepare('SELECT * FROM users WHERE name = ? AND disabled_at IS NULL').get(name) as UserRow | undefined;
  return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
}

/** Every user, by name. */
export function listUsers(db: Db): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[]).map(toUser);
}

/** Adds a user; a name already taken (in any letter case) is a ValidationError on `name`. Audited. */
export function createUser(db: Db, input: { name: string; role: Role; passwordHash: string }, ctx: WriteContext): User {
  return db.transaction(() => {
    if (findUser(db, input.name)) throw userRefusals.nameTaken(input.name);
    const { lastInsertRowid } = db
      .prepare('INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(input.name, input.role, input.passwordHash, nowIso(ctx));
    const user = toUser(db.prepare('SELECT * FROM users WHERE id = ?').get(lastInsertRowid) as UserRow);
    recordAudit(db, { action: 'create', entity: 'user', entityId: user.id, after: user }, ctx);
    return user;
  })();
}

/** Gives `name` another role. Audited; the user's open sessions carry the new role from their next request. */
export function setUserRole(db: Db, name: string, role: Role, ctx: WriteContext): User {
  return updateUser(db, name, ctx, 'update', (before) =>
    before.role === role ? false : db.prepare('UPDATE users SET role = ?, version = version + 1 WHERE id = ?').run(role, before.id),
  );
}

/** Disables `name` and ends every session of theirs in the same transaction. Audited. */
export function disableUser(db: Db, name: string, ctx: WriteContext): User {
  return updateUser(db, name, ctx, 'disable', (before) => {
    db.prepare('DELETE FROM sessions WHERE user_id = ?').run(before.id);
    if (before.disabledAt !== null) return false;
    return db.prepare('UPDATE users SET disabled_at = ?, version = version + 1 WHERE id = ?').run(nowIso(ctx), before.id);
  });
}

/** Lets a disabled user sign in again. Audited. */
export function enableUser(db: Db, name: string, ctx: WriteContext): User {
  return updateUser(db, name, ctx, 'enable', (before) =>
    before.disabledAt === null ? false : db.prepare('UPDATE users SET disabled_at = NULL, version = version + 1 WHERE id = ?').run(before.id),
  );
}

/** Runs `change` on the named user in one transaction; audits it unless it returned false (nothing to change). */
function updateUser(db: Db, name: string, ctx: WriteContext, action: string, change: (before: User) => unknown): User {
  return db.transaction(() => {
    const before = getUser(db, name);
    if (change(before) === false) return before;
    const after = toUser(db.prepare('SELECT * FROM users WHERE id = ?').get(before.id) as UserRow);
    recordAudit(db, { action, entity: 'user', entityId: before.id, before, after }, ctx);
    return after;
  })();
}

/** A signed-in session and its user. */
export interface Session {
  user: User;
  createdAt: string;
  lastSeenAt: string;
}

/**
 * Starts a session for `userId` under the sha256 of its cookie, ending `replaces` (the browser's previous session,
 * so sign-in always rotates the cookie) and every session that has expired; records the sign-in time.
 */
export function createSession(db: Db, userId: number, tokenSha256: string, at: string, expired: SessionCutoffs, replaces?: string): void {
  db.transaction(() => {
    if (replaces) db.prepare('DELETE FROM sessions WHERE token_sha256 = ?').run(replaces);
    db.prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?').run(expired.idleBefore, expired.createdBefore);
    db.prepare('INSERT INTO sessions (token_sha256, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)').run(tokenSha256, userId, at, at);
    db.prepare('UPDATE users SET last_sign_in_at = ? WHERE id = ?').run(at, userId);
  })();
}

/** Sessions last seen before `idleBefore` or started before `createdBefore` have expired (ISO timestamps). */
export interface SessionCutoffs {
  idleBefore: string;
  createdBefore: string;
}

/** The live session with this cookie hash and its enabled user; null (and the row removed) when it has expired. */
export function findSession(db: Db, tokenSha256: string, expired: SessionCutoffs): Session | null {
  const row = db
    .prepare(
      `SELECT s.created_at AS session_created_at, s.last_seen_at, u.*
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_sha256 = ? AND u.disabled_at IS NULL`,
    )
    .get(tokenSha256) as (UserRow & { session_created_at: string; last_seen_at: string }) | undefined;
  if (!row) return null;
  if (row.last_seen_at < expired.idleBefore || row.session_created_at < expired.createdBefore) {
    deleteSession(db, tokenSha256);
    return null;
  }
  return { user: toUser(row), createdAt: row.session_created_at, lastSeenAt: row.last_seen_at };
}

/** Records that the session was used at `at` (extends its idle expiry). */
export function touchSession(db: Db, tokenSha256: string, at: string): void {
  db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_sha256 = ?').run(at, tokenSha256);
}

/** Ends one session (sign-out). */
export function deleteSession(db: Db, tokenSha256: string): void {
  db.prepare('DELETE FROM sessions WHERE token_sha256 = ?').run(tokenSha256);
}

/** How many live sessions a user has (the users page and tests). */
export function countSessions(db: Db, userId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ?').get(userId) as { n: number }).n;
}
