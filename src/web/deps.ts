// What the web layer is built from, and the write context its routes hand to the store.
import type { Config } from '../config.js';
import type { Clock } from '../domain/types.js';
import type { Db } from '../store/database.js';
import type { WriteContext } from '../store/context.js';
import type { Extractor } from '../extract-pool.js';

/** What every route needs: the database, the clock (tests fix it) and the configuration. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  config: Config;
  /** Runs extraction off the event loop (`crosscheck serve` passes a worker pool); without one, imports extract inline. */
  extractor?: Extractor;
}

/** Who writes and when, for the audit log (actor "local" until accounts exist). */
export function writeContext(deps: AppDeps, reason: string | null = null): WriteContext {
  return { actor: deps.config.actor, clock: deps.clock, reason };
}
