import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listMigrations, migrate, openDatabase, schemaVersion, type Db, type OpenOptions } from '../../src/store/database.js';
import { MIGRATIONS_DIR, createTestDb } from '../helpers/index.js';

const opened: Db[] = [];
const tempDirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-db-'));
  tempDirs.push(dir);
  return dir;
}

function track(db: Db): Db {
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function writeMigrations(dir: string, files: Record<string, string>): void {
  for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), sql);
}

describe('openDatabase', () => {
  it('creates a file database in WAL mode with foreign keys and a busy timeout, migrated to the newest version', () => {
    const file = path.join(tempDir(), 'nested', 'crosscheck.sqlite');
    const db = track(openDatabase(file, { migrationsDir: MIGRATIONS_DIR }));
    expect(fs.existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(schemaVersion(db)).toBe(listMigrations(MIGRATIONS_DIR).length);
  });

  it('takes the migrations folder from its caller and never reads the configuration', () => {
    // Without a folder it says so instead of falling back to loadConfig(), which reads the environment.
    expect(() => openDatabase(':memory:', {} as OpenOptions)).toThrow(/migrationsDir/);
    const storeDir = fileURLToPath(new URL('../../src/store', import.meta.url));
    const importers = fs
      .readdirSync(storeDir)
      .filter((file) => /from '\.\.\/config\.js'/.test(fs.readFileSync(path.join(storeDir, file), 'utf8')));
    expect(importers).toEqual([]);
  });

  it('hands back one prepared statement per SQL text, fresh in its result modes, and a separate one while it is busy', () => {
    const db = openDatabase(':memory:', { migrationsDir: MIGRATIONS_DIR });
    db.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2)');
    const sql = 'SELECT n FROM t ORDER BY n';
    expect(db.prepare(sql)).toBe(db.prepare(sql));
    expect(db.prepare(sql).pluck().all()).toEqual([1, 2]);
    // A later caller of the same SQL gets rows again, not the plucked values.
    expect(db.prepare(sql).all()).toEqual([{ n: 1 }, { n: 2 }]);
    const seen: number[] = [];
    for (const row of db.prepare(sql).iterate() as Iterable<{ n: number }>) seen.push(row.n, (db.prepare(sql).get() as { n: number }).n);
    expect(seen).toEqual([1, 1, 2, 1]);
    db.close();
  });

  it('opens an in-memory database with foreign keys enforced', () => {
    const db = track(createTestDb());
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      db.prepare("INSERT INTO entity_aliases (entity_id, alias, normalized_alias, created_at) VALUES (999, 'x', 'x', 'now')").run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('reopening a migrated file applies nothing and keeps the data', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const first = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    first.prepare("INSERT INTO lexicon_metrics (metric, kind, keywords, updated_at) VALUES ('killed', 'casualties', '[\"killed\"]', 'now')").run();
    first.close();
    const second = track(openDatabase(file, { migrationsDir: MIGRATIONS_DIR }));
    expect(migrate(second, MIGRATIONS_DIR).applied).toEqual([]);
    expect(second.prepare('SELECT metric FROM lexicon_metrics').all()).toEqual([{ metric: 'killed' }]);
  });

  it('refuses a database newer than the newest migration, naming both versions, and leaves it untouched', () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const newest = listMigrations(MIGRATIONS_DIR).length;
    const future = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    future.pragma(`user_version = ${newest + 3}`);
    future.close();
    expect(() => openDatabase(file, { migrationsDir: MIGRATIONS_DIR })).toThrow(
      new RegExp(`schema version ${newest + 3}.*newest migration: ${newest}`),
    );
    const check = track(openDatabase(file, { migrate: false }));
    expect(schemaVersion(check)).toBe(newest + 3);
  });
});

describe('migrate', () => {
  it('applies numbered files in order, each setting user_version, up to an optional target', () => {
    const dir = tempDir();
    writeMigrations(dir, {
      '002-second.sql': 'ALTER TABLE t ADD COLUMN b TEXT;',
      '001-first.sql': 'CREATE TABLE t (a INTEGER) STRICT;',
      'README.md': 'not a migration',
    });
    const db = track(openDatabase(':memory:', { migrate: false }));
    expect(migrate(db, dir, { target: 1 })).toEqual({ from: 0, to: 1, applied: ['001-first.sql'] });
    expect(schemaVersion(db)).toBe(1);
    expect(migrate(db, dir)).toEqual({ from: 1, to: 2, applied: ['002-second.sql'] });
    expect((db.prepare('PRAGMA table_info(t)').all() as { name: string }[]).map((c) => c.name)).toEqual(['a', 'b']);
  });

  it('rolls a failing migration back entirely, leaving the version at the last good one', () => {
    const dir = tempDir();
    writeMigrations(dir, {
      '001-first.sql': 'CREATE TABLE t (a INTEGER) STRICT;',
      '002-broken.sql': 'CREATE TABLE u (b INTEGER) STRICT; INSERT INTO nowhere VALUES (1);',
    });
    const db = track(openDatabase(':memory:', { migrate: false }));
    expect(() => migrate(db, dir)).toThrow(/nowhere/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'u'").get()).toBeUndefined();
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('rejects a migration that leaves foreign keys violated', () => {
    const dir = tempDir();
    writeMigrations(dir, {
      '001-first.sql': `CREATE TABLE p (id INTEGER PRIMARY KEY) STRICT;
        CREATE TABLE c (p_id INTEGER REFERENCES p (id)) STRICT; INSERT INTO c VALUES (7);`,
    });
    const db = track(openDatabase(':memory:', { migrate: false }));
    expect(() => migrate(db, dir)).toThrow(/foreign key violation/);
    expect(schemaVersion(db)).toBe(0);
  });

  it('refuses a folder with a gap in the numbering', () => {
    const dir = tempDir();
    writeMigrations(dir, { '001-a.sql': 'SELECT 1;', '003-c.sql': 'SELECT 1;' });
    expect(() => listMigrations(dir)).toThrow(/without gaps/);
  });

  it('the repository migrations are numbered without gaps', () => {
    const migrations = listMigrations(MIGRATIONS_DIR);
    expect(migrations.length).toBeGreaterThanOrEqual(1);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });
});
