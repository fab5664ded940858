// Sign-in attempts limited per account and per address (rate-limiter-flexible with its own SQLite store, over the
// app's database: the counters are in the sign_in_failures table of migration 019, so restarting the server forgives
// nothing). Only failures count, and unknown names count like known ones, so the limit says nothing about who has an
// account.
import { RateLimiterSQLite } from 'rate-limiter-flexible';
import type { Db } from '../store/database.js';

/** Failed attempts allowed per account name within the window; the next is refused (429). */
export const FAILURES_PER_ACCOUNT = 10;
/** Failed attempts allowed per address within the window (higher: several people may share an office's address). */
const FAILURES_PER_ADDRESS = 30;
const WINDOW_SECONDS = 15 * 60;
const TABLE = 'sign_in_failures';

export interface SignInLimits {
  /** Seconds to wait before this name may be tried from this address again; 0 = go ahead. */
  waitSeconds(name: string, address: string): Promise<number>;
  /** Counts a failed attempt against the name and the address. */
  failed(name: string, address: string): Promise<void>;
  /** A successful sign-in clears the name's failures. */
  succeeded(name: string): Promise<void>;
}

const nameKey = (name: string): string => `name:${name.trim().toLowerCase().slice(0, 100)}`;
const addressKey = (address: string): string => `addr:${address}`;

function limiter(db: Db, points: number): RateLimiterSQLite {
  // The table comes from the migration (tableCreated), so the store never creates one of its own at run time.
  return new RateLimiterSQLite({ storeClient: db, storeType: 'better-sqlite3', tableName: TABLE, tableCreated: true, keyPrefix: 'sign-in', points, duration: WINDOW_SECONDS });
}

/** The counters kept in `db`; rows whose window has passed are cleared first. */
export function signInLimits(db: Db): SignInLimits {
  const byName = limiter(db, FAILURES_PER_ACCOUNT);
  const byAddress = limiter(db, FAILURES_PER_ADDRESS);
  db.prepare(`DELETE FROM ${TABLE} WHERE expire < ?`).run(Date.now());
  const wait = async (store: RateLimiterSQLite, key: string, allowed: number): Promise<number> => {
    const state = await store.get(key);
    return state && state.consumedPoints >= allowed ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : 0;
  };
  return {
    async waitSeconds(name, address) {
      const [a, b] = await Promise.all([wait(byName, nameKey(name), FAILURES_PER_ACCOUNT), wait(byAddress, addressKey(address), FAILURES_PER_ADDRESS)]);
      return Math.max(a, b);
    },
    async failed(name, address) {
      await Promise.all([byName.penalty(nameKey(name), 1), byAddress.penalty(addressKey(address), 1)]);
    },
    async succeeded(name) {
      await byName.delete(nameKey(name));
    },
  };
}
