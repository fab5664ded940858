// Sign-in attempts limited per account and per address (rate-limiter-flexible, counters in memory: a restart
// forgives, which is acceptable for a desk's server, and nothing is written to the database per attempt). Only
// failures count, and unknown names count like known ones, so the limit says nothing about who has an account.
import { RateLimiterMemory } from 'rate-limiter-flexible';

/** Failed attempts allowed per account name within the window; the next is refused (429). */
export const FAILURES_PER_ACCOUNT = 10;
/** Failed attempts allowed per address within the window (higher: several people may share an office's address). */
const FAILURES_PER_ADDRESS = 30;
const WINDOW_SECONDS = 15 * 60;

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

/** Fresh counters (one set per app). */
export function signInLimits(): SignInLimits {
  const byName = new RateLimiterMemory({ points: FAILURES_PER_ACCOUNT, duration: WINDOW_SECONDS });
  const byAddress = new RateLimiterMemory({ points: FAILURES_PER_ADDRESS, duration: WINDOW_SECONDS });
  const wait = async (limiter: RateLimiterMemory, key: string, allowed: number): Promise<number> => {
    const state = await limiter.get(key);
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
