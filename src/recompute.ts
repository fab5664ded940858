// Keeps stored conflicts in step with claims: after an import or an edit, the conflict groups the changed
// claims belong to are recomputed by the pure rules and synced into the store (reviewer decisions kept).
import type { Db } from './store/database.js';
import type { WriteContext } from './store/context.js';
import { listClaimsOfFact } from './store/claims.js';
import { listFactKeys, syncConflicts, type FactKey, type SyncResult } from './store/conflicts.js';
import { conflictsForFact, metricsInConflictGroup, normaliseMetric, type CrosscheckSettings } from './domain/crosscheck.js';
import type { Claim } from './domain/types.js';

/** Recomputes the conflicts of every group one of these claims (before or after an edit) belongs to. */
export function recomputeConflicts(
  db: Db,
  touched: Iterable<Pick<Claim, 'subjectId' | 'metric'>>,
  settings: CrosscheckSettings,
  ctx: WriteContext,
): SyncResult {
  const groups = new Map<string, { subjectId: number; metrics: string[] }>();
  for (const claim of touched) {
    // Claims without a subject are never compared, so they touch no group.
    if (claim.subjectId === null) continue;
    const metrics = metricsInConflictGroup(claim.metric);
    groups.set(`${claim.subjectId}|${metrics.join('+')}`, { subjectId: claim.subjectId, metrics });
  }
  const facts: FactKey[] = [];
  const found = [];
  for (const { subjectId, metrics } of groups.values()) {
    for (const metric of metrics) facts.push({ subjectId, metric });
    found.push(...conflictsForFact(listClaimsOfFact(db, subjectId, metrics), settings));
  }
  return syncConflicts(db, facts, found, ctx);
}

/** Recomputes every fact in the database (after a lexicon change, a merge, or on request). */
export function recomputeAllConflicts(db: Db, settings: CrosscheckSettings, ctx: WriteContext): SyncResult {
  const touched = listFactKeys(db).map((fact) => ({ subjectId: fact.subjectId, metric: normaliseMetric(fact.metric) }));
  return recomputeConflicts(db, touched, settings, ctx);
}
