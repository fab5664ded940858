// Opening the database and migrating its schema. Migrations are numbered SQL files applied in order, each in a
// transaction that also sets PRAGMA user_version, so a database is always exactly at one known version.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

/**
 * How to open a database: migrated from `migrationsDir` (the caller's config.migrationsDir), or with
 * `migrate: false` as it is. The store takes the folder from its caller rather than reading the configuration,
 * which would read the environment and make a CSRF secret just to open a file.
 */
export type OpenOptions = {
  busyTimeoutMs?: number;
  /** Called with each statement's SQL every time one runs (better-sqlite3's `verbose`): tests count executions with it. */
  onStatement?: (sql: unknown) => void;
} & (
  | { /** Folder of NNN-name.sql files. */ migrationsDir: string; migrate?: true }
  | { /** Open without migrating (tools and tests that build a database at an older version). */ migrate: false; migrationsDir?: string }
);

export interface Migration {
  version: number;
  name: string;
  file: string;
}

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

const MIGRATION_FILE = /^(\d{3})-([a-z0-9-]+)\.sql$/;

/** The WAL file is cut back to this size after a checkpoint (PRAGMA journal_size_limit), so it cannot grow unbounded. */
export const JOURNAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Opens (creating if needed) a database with WAL, foreign keys and a busy timeout, then migrates it to the newest
 * version of `options.migrationsDir`. A new file is created readable by its owner only (0600; SQLite gives the
 * -wal and -shm files the same mode): it holds the CSRF secret. Every transaction begins IMMEDIATE (see below).
 */
export function openDatabase(file: string, options: OpenOptions): Db {
  if (options.migrate !== false && typeof options.migrationsDir !== 'string') {
    throw new TypeError('openDatabase needs options.migrationsDir (the migrations folder) unless options.migrate is false.');
  }
  if (file !== ':memory:' && file !== '') {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    createPrivateFile(file);
  }
  const db = new Database(file, options.onStatement ? { verbose: options.onStatement } : {});
  try {
    writesTakeTheLockUpFront(db);
    reusePreparedStatements(db);
    // First, so that switching to WAL on a file another process is creating waits for it instead of failing.
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    // WAL lets the web server read while an import writes; it does not apply to in-memory databases.
    if (file !== ':memory:') {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT_BYTES}`);
      db.pragma('wal_autocheckpoint = 1000');
    }
    db.pragma('foreign_keys = ON');
    if (options.migrate !== false) migrate(db, options.migrationsDir);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Creates an empty file with mode 0600 unless it exists (then it is left as it is). */
function createPrivateFile(file: string): void {
  try {
    fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY, 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * Makes `db.transaction(fn)` begin with BEGIN IMMEDIATE. A deferred transaction that reads first and writes
 * later cannot wait for the write lock (SQLite answers "database is locked" at once, the busy timeout does not
 * apply), so two writers (two `crosscheck import` runs, the web app) could fail each other. Taking the lock
 * up front makes them queue on the busy timeout instead. Nested calls still become savepoints.
 */
function writesTakeTheLockUpFront(db: Db): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...args: never[]) => unknown) => transaction(fn).immediate) as Db['transaction'];
}

/** Most prepared statements kept per connection (the store's SQL texts number a few hundred). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Makes `db.prepare(sql)` hand back the statement already prepared for the same SQL text. The store prepares its
 * statements where it runs them, so every request compiled each of its queries again: a quarter of the dashboard's
 * CPU time. better-sqlite3 keeps no such cache itself. A statement comes back with its result modes (pluck, raw,
 * expand) switched off, as a fresh one has them; one still busy (an unfinished iterate()) is not shared. The oldest
 * entry is dropped past STATEMENT_CACHE_SIZE, for SQL built with varying text.
 */
function reusePreparedStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    const cached = cache.get(sql);
    if (cached && !cached.busy) return cached.reader ? cached.pluck(false).raw(false).expand(false) : cached;
    const statement = prepare(sql);
    if (!cached) {
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
}

/**
 * Checkpoints the WAL every `intervalMs` (PASSIVE: never waits for readers or writers) so that, with
 * journal_size_limit, the file is cut back even when the app only reads for a while. Returns the stop function.
 */
export function startWalMaintenance(db: Db, intervalMs = 60_000): () => void {
  const timer = setInterval(() => checkpointWal(db), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** One passive WAL checkpoint; false when another connection kept it from completing (it is simply retried later). */
export function checkpointWal(db: Db): boolean {
  if (!db.open || db.memory) return true;
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return row !== undefined && row.busy === 0;
}

/** Lists the migration files of a folder in version order; throws on a gap or a duplicate number. */
export function listMigrations(migrationsDir: string): Migration[] {
  const migrations = fs
    .readdirSync(migrationsDir)
    .map((file) => ({ file, match: MIGRATION_FILE.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({ version: Number(match[1]), name: match[2] ?? '', file: path.join(migrationsDir, file) }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations in ${migrationsDir} must be numbered 001, 002, … without gaps or duplicates; found ${path.basename(migration.file)} at position ${index + 1}.`);
    }
  });
  return migrations;
}

/** Current schema version of a database (PRAGMA user_version; 0 = empty). */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration newer than the database's user_version (up to `target` when given), each in its own
 * transaction; refuses a database newer than the newest migration.
 */
export function migrate(db: Db, migrationsDir: string, options: { target?: number } = {}): MigrationResult {
  const migrations = listMigrations(migrationsDir);
  const newest = migrations.length;
  const from = schemaVersion(db);
  if (from > newest) {
    throw new Error(
      `This database is at schema version ${from}, newer than this version of Crosscheck knows (newest migration: ${newest}). ` +
        'Upgrade Crosscheck, or open another database file.',
    );
  }
  const target = Math.min(options.target ?? newest, newest);
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return { from, to: from, applied: [] };

  // SQLite's procedure for schema changes: foreign keys off (they cannot be toggled inside a transaction),
  // check them before each commit, switch them back on afterwards.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of pending) applyMigration(db, migration);
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return { from, to: target, applied: pending.map((m) => path.basename(m.file)) };
}

function applyMigration(db: Db, migration: Migration): void {
  const sql = fs.readFileSync(migration.file, 'utf8');
  db.transaction(() => {
    // Another process (a second `crosscheck import` on a new file) may have applied it while this one waited for
    // the write lock: the version is read again under the lock.
    if (schemaVersion(db) >= migration.version) return;
    db.exec(sql);
    const violations = db.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new Error(`Migration ${path.basename(migration.file)} leaves ${violations.length} foreign key violation(s); nothing was changed.`);
    }
    db.pragma(`user_version = ${migration.version}`);
  })();
}
