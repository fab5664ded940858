// A fresh, migrated in-memory database per test, and the write context tests use.
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../../src/store/database.js';
import type { WriteContext } from '../../src/store/context.js';

/** The repository's migrations folder (db/migrations). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/** The fixed instant factories and TEST_CTX write: 2026-01-15 12:00 UTC. */
export const FIXED_NOW = new Date('2026-01-15T12:00:00.000Z');

/** The audit actor and fixed clock of test writes. */
export const TEST_CTX: WriteContext = { actor: 'test', clock: () => FIXED_NOW };

/** How many statements each test database has executed so far (see createTestDb). */
const executed = new WeakMap<Db, { n: number }>();

/**
 * An in-memory database migrated to the newest schema. Its connection counts every statement it executes through
 * better-sqlite3's `verbose` hook (countQueries reads the count): a statement prepared once and run per row, or
 * served from a cache, is counted each time it runs.
 */
export function createTestDb(): Db {
  const tally = { n: 0 };
  const db = openDatabase(':memory:', { migrationsDir: MIGRATIONS_DIR, onStatement: () => (tally.n += 1) });
  executed.set(db, tally);
  return db;
}

/** The statements a database from createTestDb has executed since it was opened. */
export function executedStatements(db: Db): number {
  const tally = executed.get(db);
  if (!tally) throw new Error('Only a database from createTestDb counts its statements.');
  return tally.n;
}
