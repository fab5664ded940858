// Accounts: the rules for names and passwords, hashing with argon2id, and checking a sign-in. The SQL is in
// store/users.ts; this module is shared by `crosscheck users` and the web app.
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { isRole, ROLES, type Role } from '../domain/roles.js';
import { ValidationError } from '../domain/errors.js';
import type { Db } from '../store/database.js';
import type { WriteContext } from '../store/context.js';
import { createUser, findSignInCredentials, type User } from '../store/users.js';

export const MIN_PASSWORD_LENGTH = 12;
/** Argon2 cost grows with length; nobody types more, and a megabyte "password" would be a cheap way to load the server. */
export const MAX_PASSWORD_LENGTH = 256;
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

// The library declares its algorithms as a const enum, which isolated compilation (vitest) cannot inline.
const ARGON2ID = 2 as Algorithm;
/** OWASP's argon2id baseline: 19 MiB, two passes, one lane (about 60 ms per hash here). */
const HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Problems with a proposed name, password and role, one message per field (empty when all are fine). */
function accountProblems(input: { name: string; password: string; role: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!NAME_PATTERN.test(input.name)) {
    problems.name = 'A user name is 1 to 64 letters, digits, dots, hyphens or underscores, starting with a letter or digit.';
  }
  if ([...input.password].length < MIN_PASSWORD_LENGTH) problems.password = `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  else if ([...input.password].length > MAX_PASSWORD_LENGTH) problems.password = `A password has at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (!isRole(input.role)) problems.role = `A role is one of ${ROLES.join(', ')}.`;
  return problems;
}

/** The argon2id hash (PHC string) of a password. */
function hashPassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}

/** Adds an account after checking its name, password and role (ValidationError naming the fields). Audited. */
export async function addUser(db: Db, input: { name: string; password: string; role: string }, ctx: WriteContext): Promise<User> {
  const problems = accountProblems(input);
  if (Object.keys(problems).length > 0) throw new ValidationError(Object.values(problems).join(' '), problems);
  return createUser(db, { name: input.name, role: input.role as Role, passwordHash: await hashPassword(input.password) }, ctx);
}

let decoyHash: Promise<string> | null = null;

/**
 * The enabled user whose name and password these are, or null. An unknown or disabled name still costs one argon2
 * verification (against a decoy hash), so the answer's timing does not tell whether the user exists.
 */
export async function checkSignIn(db: Db, name: string, password: string): Promise<User | null> {
  // No stored password is longer than the maximum, so a longer attempt stays wrong when cut to one past it.
  const attempt = password.slice(0, MAX_PASSWORD_LENGTH + 1);
  const credentials = name.length <= 64 ? findSignInCredentials(db, name) : null;
  if (!credentials) {
    decoyHash ??= hashPassword('decoy password that matches nothing');
    await verify(await decoyHash, attempt).catch(() => false);
    return null;
  }
  const ok = await verify(credentials.passwordHash, attempt).catch(() => false);
  return ok ? credentials.user : null;
}
