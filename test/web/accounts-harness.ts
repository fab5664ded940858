// Accounts in web tests: users added through the real argon2 path, and signing in over HTTP like a browser.
import type { Role } from '../../src/domain/roles.js';
import { addUser } from '../../src/app/accounts.js';
import type { Db } from '../../src/store/database.js';
import { TEST_CTX } from '../helpers/index.js';
import { csrfToken, html, type TestApp } from './harness.js';

/** Every test user's password (long enough for the 12-character rule). */
export const PASSWORD = 'a long test password';

/** Adds a user called after the role (alice-the-viewer style names are not needed: "viewer", "editor" …). */
export async function addTestUser(db: Db, name: string, role: Role): Promise<void> {
  await addUser(db, { name, role, password: PASSWORD }, TEST_CTX);
}

/** Signs the agent in (fetching a CSRF token from the sign-in form first); returns the response. */
export async function signIn(agent: TestApp['agent'], username: string, password = PASSWORD) {
  const token = await csrfToken(agent, '/login');
  return agent.post('/login').type('form').send({ _csrf: token, username, password });
}

/** Signs the agent in as `username`; throws unless the sign-in succeeded (303 to the page asked for). */
export async function signInAs(agent: TestApp['agent'], username: string): Promise<void> {
  const res = await signIn(agent, username);
  if (res.status !== 303) throw new Error(`signing in as ${username} answered ${res.status}`);
}

/** The CSRF token of any signed-in page (the sign-out form in the header carries one). */
export async function pageToken(agent: TestApp['agent'], url = '/'): Promise<string> {
  const res = await agent.get(url).expect(200);
  const token = html(res.text).querySelector('form.sign-out input[name="_csrf"]')?.getAttribute('value');
  if (!token) throw new Error(`no sign-out form with a token on ${url}`);
  return token;
}

/** The value of a Set-Cookie header's cookie, or undefined. */
export function setCookie(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const cookies = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  return cookies.find((c) => c.startsWith(`${name}=`));
}
