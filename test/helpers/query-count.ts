// Counts the SQL statements a piece of code runs, so tests can pin that a page does not run one query per row.
import type { Db } from '../../src/store/database.js';

/** Runs `fn` and returns its result with the number of statement executions (run/get/all/iterate) it made on `db`. */
export function countQueries<T>(db: Db, fn: () => T): { result: T; queries: number } {
  let queries = 0;
  const prepare = db.prepare;
  // A proxy per prepare() call: the database hands back one shared statement per SQL text, which must stay unwrapped.
  db.prepare = function countingPrepare(this: Db, ...args: Parameters<Db['prepare']>) {
    const statement = prepare.apply(this, args);
    const counted: typeof statement = new Proxy(statement, {
      get(target, property) {
        const value = Reflect.get(target, property, target) as unknown;
        if (typeof value !== 'function') return value;
        const method = value as (...a: unknown[]) => unknown;
        if (property === 'run' || property === 'get' || property === 'all' || property === 'iterate') {
          return (...a: unknown[]) => {
            queries += 1;
            return method.apply(target, a);
          };
        }
        // pluck(), raw() … return the statement itself: keep counting through them.
        return (...a: unknown[]) => {
          const result = method.apply(target, a);
          return result === target ? counted : result;
        };
      },
    });
    return counted;
  } as Db['prepare'];
  try {
    return { result: fn(), queries };
  } finally {
    db.prepare = prepare;
  }
}
