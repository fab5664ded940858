// What the web layer is built from, and the write context its routes hand to the store.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ClaimWrites } from '../app/claim-writes.js';
import { crosscheckSettings, type Config } from '../config.js';
import type { Clock } from '../domain/types.js';
import type { Db } from '../store/database.js';
import type { WriteContext } from '../store/context.js';
import { offThread, type Extractor, type OffThread } from '../app/extract-pool.js';
import { MAX_CLAIMS_PER_ARTICLE } from '../app/importer.js';
import { createLexiconCache, type LexiconCache, type SharedLexicon } from '../app/lexicon-cache.js';
import type { PreparedLexicon } from '../extract/index.js';

/** What every route needs: the database, the clock (tests fix it) and the configuration. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  config: Config;
  /** Runs extraction off the event loop (`crosscheck serve` passes a worker pool); without one, imports extract inline. */
  extractor?: Extractor;
  /** The prepared lexicon, kept until the next lexicon edit (createApp makes one when not given). */
  lexicons?: LexiconCache;
}

// Who is making the current request, set once by the sign-in middleware (auth.ts) for the rest of the request.
// It reaches every route's audit events through writeContext below, rather than each of the routes passing the
// request down to it: one place decides the actor, and a route cannot forget to.
const requestActor = new AsyncLocalStorage<string>();

/** Runs `next` (the rest of the request) with `actor` as the author of its writes. */
export function actAs(actor: string, next: () => void): void {
  requestActor.run(actor, next);
}

/** The author of the current request's writes: the signed-in user, else the configured actor ("local"). */
export function currentActor(deps: AppDeps): string {
  return requestActor.getStore() ?? deps.config.actor;
}

/** Who writes and when, for the audit log (the signed-in user; "local" while no accounts exist). */
export function writeContext(deps: AppDeps, reason: string | null = null): WriteContext {
  return { actor: currentActor(deps), clock: deps.clock, reason };
}

/** The lexicon imports extract with, prepared once per lexicon version. */
export function preparedLexicon(deps: AppDeps): PreparedLexicon {
  return (deps.lexicons ?? createLexiconCache()).prepared(deps.db);
}

/** The same for the worker pool: in shared memory, written once per lexicon version. */
export function sharedLexicon(deps: AppDeps): SharedLexicon {
  return (deps.lexicons ?? createLexiconCache()).shared(deps.db);
}

/** Reading and extracting an article in the worker pool, within its budgets (none without a pool: inline). */
export function offThreadWork(deps: AppDeps): OffThread | undefined {
  return deps.extractor ? offThread(deps.extractor, () => sharedLexicon(deps), MAX_CLAIMS_PER_ARTICLE) : undefined;
}

/** What the claim writes of the current request need (app/claim-writes.ts). */
export function claimWrites(deps: AppDeps): ClaimWrites {
  return { db: deps.db, ctx: writeContext(deps), settings: crosscheckSettings(deps.config) };
}
