// GET / — what is in the database at a glance; when it is empty, the button that loads the sample set; after
// loading it, what was loaded.
import type { Request, RequestHandler } from 'express';
import type { ClaimStatus } from '../../domain/types.js';
import { countClaimsByStatus } from '../../store/claims.js';
import { countConflictsByStatus } from '../../store/conflicts.js';
import { countEntities } from '../../store/entities.js';
import { countSources, listSources, type SourceSummary } from '../../store/sources.js';
import type { AppDeps } from '../deps.js';
import { templateHelpers as helpers } from '../view-helpers.js';
import { sendPage } from '../render.js';

export interface DashboardData {
  counts: { sources: number; claims: number; claimsByStatus: Record<ClaimStatus, number>; entities: number; openConflicts: number };
  recentSources: SourceSummary[];
  empty: boolean;
  /** After "Load the sample set": what it loaded, in words. */
  samplesLoaded: string | null;
}

/** Counts of sources, claims (per status), open conflicts and entities, and the latest sources. */
export function loadDashboard(deps: AppDeps, samplesLoaded: string | null = null): DashboardData {
  const sources = countSources(deps.db);
  const claimsByStatus = countClaimsByStatus(deps.db);
  const claims = claimsByStatus.candidate + claimsByStatus.confirmed + claimsByStatus.rejected;
  return {
    counts: { sources, claims, claimsByStatus, entities: countEntities(deps.db), openConflicts: countConflictsByStatus(deps.db).open },
    recentSources: listSources(deps.db, { limit: 8 }).items,
    empty: sources === 0,
    samplesLoaded,
  };
}

function count(req: Request, name: string): number | null {
  const value = req.query[name];
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/**
 * The confirmation the sample-set button redirects to (?loaded=7&claims=52&conflicts=6&skipped=0), in words;
 * null when the query does not carry one. Only numbers are read, so a crafted link cannot put text on the page.
 */
export function samplesLoadedMessage(req: Request): string | null {
  const loaded = count(req, 'loaded');
  if (loaded === null) return null;
  const skipped = count(req, 'skipped') ?? 0;
  if (loaded === 0) return `The sample set is already loaded (${helpers.plural(skipped, 'article')} skipped); nothing was added.`;
  const claims = helpers.plural(count(req, 'claims') ?? 0, 'candidate claim');
  const conflicts = helpers.plural(count(req, 'conflicts') ?? 0, 'conflict');
  return `Loaded ${helpers.plural(loaded, 'sample article')}: ${claims}, ${conflicts}.`;
}

export const dashboard = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'dashboard', data: loadDashboard(deps, samplesLoadedMessage(req)), shared: true });
};
