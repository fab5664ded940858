// `crosscheck users …` and the guard on `serve` as a shell user meets them: the built CLI (npm test builds it first)
// over a temp database.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.js';
import { checkSignIn } from '../src/app/accounts.js';
import { countSessions, createSession, getUser } from '../src/store/users.js';
import { listAudit } from '../src/store/audit.js';
import { openDatabase } from '../src/store/database.js';
import { MIGRATIONS_DIR } from './helpers/index.js';

const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');
let dir: string;
let dbFile: string;

function crosscheck(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, env: { ...process.env, CROSSCHECK_DB: dbFile }, timeout: 30_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
  dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-users-'));
  dbFile = path.join(dir, 'desk.sqlite');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('crosscheck serve without accounts', () => {
  it('refuses every interface with a message naming the command that creates the first admin', { timeout: 60_000 }, () => {
    const run = crosscheck(['serve', '--host', '0.0.0.0', '--port', '0']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no account exists yet');
    expect(run.stderr).toContain('crosscheck users add NAME --role admin');
  });
});

describe('crosscheck users', () => {
  // Each run starts the CLI afresh (a few seconds on a busy machine), hence the longer time allowed.
  it('adds a user from standard input, refuses a short password or an unknown role, and lists them', { timeout: 120_000 }, async () => {
    expect(crosscheck(['users', 'add', 'ilse', '--role', 'admin', '--password-stdin'], 'too short\n')).toMatchObject({ status: 1, stderr: expect.stringContaining('at least 12 characters') });
    expect(crosscheck(['users', 'add', 'ilse', '--role', 'chief', '--password-stdin'], 'a long desk password\n')).toMatchObject({ status: 1, stderr: expect.stringContaining('not a role') });
    expect(crosscheck(['users', 'add', 'ilse', '--role', 'admin', '--password-stdin'], 'a long desk password\n')).toMatchObject({ status: 0, stdout: 'Added ilse (admin). They sign in at /login.\n' });
    expect(crosscheck(['users', 'add', 'ILSE', '--role', 'viewer', '--password-stdin'], 'a long desk password\n').stderr).toContain('already a user called');
    const list = crosscheck(['users', 'list']);
    expect(list.stdout).toMatch(/^ilse\tadmin\tactive\tnever signed in\t0 sessions\n$/);
    const db = openDatabase(dbFile, { migrationsDir: MIGRATIONS_DIR });
    try {
      expect((await checkSignIn(db, 'ilse', 'a long desk password'))?.name).toBe('ilse');
      expect(listAudit(db, 'user', getUser(db, 'ilse').id).map((e) => `${e.actor} ${e.action}`)).toEqual(['local create']);
    } finally {
      db.close();
    }
  });

  it('changes a role, and disabling ends the user\'s sessions at once', { timeout: 120_000 }, () => {
    crosscheck(['users', 'add', 'oskar', '--role', 'reviewer', '--password-stdin'], 'another long password\n');
    expect(crosscheck(['users', 'set-role', 'oskar', 'editor']).stdout).toBe('oskar is now editor.\n');
    const db = openDatabase(dbFile, { migrationsDir: MIGRATIONS_DIR });
    try {
      const at = new Date().toISOString();
      createSession(db, getUser(db, 'oskar').id, 'a'.repeat(64), at, { idleBefore: '0', createdBefore: '0' });
      expect(countSessions(db, getUser(db, 'oskar').id)).toBe(1);
      expect(crosscheck(['users', 'disable', 'oskar']).stdout).toBe('oskar is disabled; their sessions have ended.\n');
      expect(countSessions(db, getUser(db, 'oskar').id)).toBe(0);
      expect(getUser(db, 'oskar')).toMatchObject({ role: 'editor', disabledAt: expect.any(String) });
    } finally {
      db.close();
    }
    expect(crosscheck(['users', 'disable', 'nobody'])).toMatchObject({ status: 1, stderr: 'crosscheck: The user "nobody" was not found.\n' });
  });
});
