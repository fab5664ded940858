// GET / — what is in the database at a glance; when it is empty, the button that loads the sample set.
import type { RequestHandler } from 'express';
import type { ClaimStatus } from '../../domain/types.js';
import { countClaimsByStatus } from '../../store/claims.js';
import { countEntities } from '../../store/entities.js';
import { countSources, listSources, type SourceSummary } from '../../store/sources.js';
import type { AppDeps } from '../deps.js';
import { sendPage } from '../render.js';

export interface DashboardData {
  counts: { sources: number; claims: number; claimsByStatus: Record<ClaimStatus, number>; entities: number };
  recentSources: SourceSummary[];
  empty: boolean;
}

/** Counts of sources, claims (per status) and entities, and the latest sources. */
export function loadDashboard(deps: AppDeps): DashboardData {
  const sources = countSources(deps.db);
  const claimsByStatus = countClaimsByStatus(deps.db);
  const claims = claimsByStatus.candidate + claimsByStatus.confirmed + claimsByStatus.rejected;
  return {
    counts: { sources, claims, claimsByStatus, entities: countEntities(deps.db) },
    recentSources: listSources(deps.db, { limit: 8 }).items,
    empty: sources === 0,
  };
}

export const dashboard = (deps: AppDeps): RequestHandler => (_req, res) => {
  sendPage(res, { view: 'dashboard', data: loadDashboard(deps) });
};
