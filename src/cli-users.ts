// crosscheck users add | list | set-role | disable | enable — accounts from the shell (the first admin is made here).
import type { Command } from 'commander';
import { read } from 'read';
import { addUser, MIN_PASSWORD_LENGTH } from './app/accounts.js';
import { openAppDatabase } from './app/bootstrap.js';
import type { Config } from './config.js';
import { isRole, ROLES, type Role } from './domain/roles.js';
import type { Clock } from './domain/types.js';
import type { Db } from './store/database.js';
import { countSessions, disableUser, enableUser, listUsers, setUserRole } from './store/users.js';

/** The command to give when no account exists yet (printed by `serve` and the sign-in page). */
export const FIRST_ADMIN_COMMAND = 'crosscheck users add NAME --role admin';

/** The whole of standard input, without the one line end a pipe or `echo` adds. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Asks twice on the terminal without echo; refuses when there is no terminal to ask on. */
async function promptPassword(name: string): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('no terminal to ask for the password on; pipe it in with --password-stdin.');
  const first = await read({ prompt: `Password for ${name} (at least ${MIN_PASSWORD_LENGTH} characters): `, silent: true, replace: '' });
  const again = await read({ prompt: 'The same password again: ', silent: true, replace: '' });
  if (first !== again) throw new Error('the two passwords differ; nothing was saved.');
  return first;
}

function roleArgument(value: string): Role {
  if (!isRole(value)) throw new Error(`"${value}" is not a role; use ${ROLES.join(', ')}.`);
  return value;
}

/** Adds the `users` commands to the program; `configWith` applies the --db flag to the configuration. */
export function addUsersCommands(program: Command, configWith: (opts: { db?: string }) => Config, clock: Clock): void {
  const withDb = <T>(opts: { db?: string }, run: (db: Db, config: Config) => T | Promise<T>): Promise<T> => {
    const config = configWith(opts);
    const db = openAppDatabase(config, clock);
    return Promise.resolve().then(() => run(db, config)).finally(() => db.close());
  };
  const ctx = (config: Config, reason: string) => ({ actor: config.actor, clock, reason });
  const users = program.command('users').description('Accounts: who may sign in, and with which role (viewer, reviewer, editor, admin).');

  users
    .command('add')
    .description('Add a user; the password is asked for (twice), or read from standard input with --password-stdin.')
    .option('--db <file>', 'database file')
    .requiredOption('--role <role>', ROLES.join(', '))
    .option('--password-stdin', 'read the password from standard input', false)
    .argument('<name>', 'user name (letters, digits, dots, hyphens, underscores)')
    .action(async (name: string, opts: { db?: string; role: string; passwordStdin: boolean }) => {
      const role = roleArgument(opts.role);
      const password = opts.passwordStdin ? await readStdin() : await promptPassword(name);
      const user = await withDb(opts, (db, config) => addUser(db, { name, role, password }, ctx(config, 'crosscheck users add')));
      process.stdout.write(`Added ${user.name} (${user.role}). They sign in at /login.\n`);
    });

  users
    .command('list')
    .description('List the users with their role, status and last sign-in.')
    .option('--db <file>', 'database file')
    .action(async (opts: { db?: string }) => {
      const lines = await withDb(opts, (db) =>
        listUsers(db).map((u) =>
          [u.name, u.role, u.disabledAt ? 'disabled' : 'active', u.lastSignInAt ? `last sign-in ${u.lastSignInAt}` : 'never signed in', `${countSessions(db, u.id)} sessions`].join('\t'),
        ),
      );
      process.stdout.write(lines.length ? `${lines.join('\n')}\n` : `No users yet: add the first admin with \`${FIRST_ADMIN_COMMAND}\`.\n`);
    });

  users
    .command('set-role')
    .description('Give a user another role.')
    .option('--db <file>', 'database file')
    .argument('<name>', 'user name')
    .argument('<role>', ROLES.join(', '))
    .action(async (name: string, roleText: string, opts: { db?: string }) => {
      const role = roleArgument(roleText);
      const user = await withDb(opts, (db, config) => setUserRole(db, name, role, ctx(config, 'crosscheck users set-role')));
      process.stdout.write(`${user.name} is now ${user.role}.\n`);
    });

  const statusCommands = [
    ['disable', 'Stop a user from signing in; their open sessions end at once.', disableUser, (name: string) => `${name} is disabled; their sessions have ended.`],
    ['enable', 'Let a disabled user sign in again.', enableUser, (name: string) => `${name} may sign in again.`],
  ] as const;
  for (const [command, description, change, done] of statusCommands) {
    users
      .command(command)
      .description(description)
      .option('--db <file>', 'database file')
      .argument('<name>', 'user name')
      .action(async (name: string, opts: { db?: string }) => {
        const user = await withDb(opts, (db, config) => change(db, name, ctx(config, `crosscheck users ${command}`)));
        process.stdout.write(`${done(user.name)}\n`);
      });
  }
}
