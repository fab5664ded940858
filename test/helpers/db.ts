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

/** An in-memory database migrated to the newest schema. */
export function createTestDb(): Db {
  return openDatabase(':memory:', { migrationsDir: MIGRATIONS_DIR });
}
