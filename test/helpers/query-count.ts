// Counts the SQL statements a piece of code runs, so tests can pin that a page does not run one query per row. The
// count is of executions on the test connection (better-sqlite3's `verbose` hook, see createTestDb): a statement
// prepared once and run for every row counts once per row.
import type { Db } from '../../src/store/database.js';
import { executedStatements } from './db.js';

/** Runs `fn` and returns its result with the number of statements it executed on `db` (a database from createTestDb). */
export function countQueries<T>(db: Db, fn: () => T): { result: T; queries: number } {
  const before = executedStatements(db);
  const result = fn();
  return { result, queries: executedStatements(db) - before };
}

/** countQueries for work that finishes later (an HTTP request to the app): the statements run until it settles. */
export async function countQueriesAsync(db: Db, fn: () => Promise<unknown>): Promise<number> {
  const before = executedStatements(db);
  await fn();
  return executedStatements(db) - before;
}
