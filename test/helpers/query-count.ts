// Counts the SQL statements a piece of code runs, so tests can pin that a page does not run one query per row.
import type { Db } from '../../src/store/index.js';

/** Runs `fn` and returns its result with the number of statement executions (run/get/all/iterate) it made on `db`. */
export function countQueries<T>(db: Db, fn: () => T): { result: T; queries: number } {
  let queries = 0;
  const prepare = db.prepare;
  db.prepare = function countingPrepare(this: Db, ...args: Parameters<Db['prepare']>) {
    const statement = prepare.apply(this, args);
    for (const method of ['run', 'get', 'all', 'iterate'] as const) {
      const original = statement[method] as (...a: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...a: unknown[]) => {
        queries += 1;
        return original.apply(statement, a);
      };
    }
    return statement;
  } as Db['prepare'];
  try {
    return { result: fn(), queries };
  } finally {
    db.prepare = prepare;
  }
}
