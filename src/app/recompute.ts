// Keeps stored conflicts in step with claims.
//
// Incremental (recomputeConflicts, after an import or an edit): only pairs that include a changed claim can
// have changed, so each changed claim is compared with the claims of its conflict group that it could
// possibly conflict with (conflict-window.ts: found by ranges of dates and values on an index). The pairs
// found join their conflicts (one per fact and two values, store/conflict-sync.ts); a conflict a changed claim
// already belonged to is rechecked among its own claims, since the change may leave others of its claims with
// nothing to disagree with. A new claim belongs to no conflict yet, so an import never rechecks: it stays
// within milliseconds however big a group ("Valdorian war | killed") grows.
//
// Full (recomputeFacts, recomputeAllConflicts): every pair of whole groups, for changes that alter many
// claims at once — a change of the rule settings or the lexicon, or on request. A merge of entities moves
// claims, which is recomputed incrementally over the moved claims; a rename only rewrites explanations
// (refreshExplanationsNaming).
import type { Db } from '../store/database.js';
import type { WriteContext } from '../store/context.js';
import type { FactKey, SyncResult } from '../store/conflicts.js';
import {
  listConflictClaimsNaming,
  listFactsToRecompute,
  listRuleClaims,
  listPartnerClaims,
  listRuleClaimsOfGroup,
} from '../store/crosscheck-queries.js';
import { listMetricsOfSubjects } from '../store/factsheet-builder.js';
import { conflictsHoldingClaims, recheckConflicts, syncConflicts, syncConflictsOfClaims } from '../store/conflict-sync.js';
import {
  conflictGroupKey,
  conflictsForFact,
  conflictsInvolving,
  conflictsWithParts,
  metricsInConflictGroup,
  nestingMetrics,
  normaliseMetric,
  readCountMetric,
  type ClaimInContext,
  type CrosscheckSettings,
  type PairVisitor,
} from '../domain/crosscheck.js';
import { nestingPartnerQueries, partnerQueries } from '../domain/conflict-window.js';
import { crowdedKeyMetric } from '../domain/crowded-fact.js';
import type { Claim } from '../domain/types.js';
import { boundedFindings, MAX_PARTNERS_PER_FACT, type Finding } from './crowded-facts.js';

interface Group {
  subjectId: number;
  metrics: string[];
}

function groupOf(claim: Pick<Claim, 'subjectId' | 'metric'>): [string, Group] | null {
  const key = conflictGroupKey(claim);
  if (key === null || claim.subjectId === null) return null;
  return [key, { subjectId: claim.subjectId, metrics: metricsInConflictGroup(claim.metric) }];
}

/**
 * Recomputes the conflicts that involve these claims (changed, created or deleted; only their ids matter,
 * so passing a claim before and after an edit is fine). Reviewer decisions survive.
 */
export function recomputeConflicts(
  db: Db,
  touched: Iterable<Pick<Claim, 'id'>>,
  settings: CrosscheckSettings,
  ctx: WriteContext,
): SyncResult {
  const changedIds = new Set<number>();
  for (const claim of touched) changedIds.add(claim.id);
  if (changedIds.size === 0) return { created: 0, updated: 0, deleted: 0, staled: 0 };
  const held = conflictsHoldingClaims(db, changedIds);
  const found = [...findConflictsOfClaims(db, changedIds, settings), ...pairsAmong(db, held, settings)];
  return syncConflictsOfClaims(db, changedIds, found, ctx);
}

/**
 * Every pair the rules find among the claims of each given conflict: what a rechecked conflict keeps. One query
 * for all the claims; O(claims²) per conflict, paid only when a claim of the conflict changes.
 */
function pairsAmong(db: Db, conflicts: readonly { key: string; memberIds: number[] }[], settings: CrosscheckSettings): Finding[] {
  if (conflicts.length === 0) return [];
  const claims = new Map(listRuleClaims(db, conflicts.flatMap((k) => k.memberIds)).map((c) => [c.id, c]));
  return conflicts.flatMap(({ key, memberIds }) => {
    const members = memberIds.map((id) => claims.get(id)).filter((c): c is ClaimInContext => c !== undefined);
    // a crowded fact's conflict is checked again as crowded: its claims that still take part, without pairs
    const crowdedMetric = crowdedKeyMetric(key);
    return boundedFindings(members, crowdedMetric ?? '', settings, (visit) => conflictsForFact(members, settings, visit), crowdedMetric !== null);
  });
}

/**
 * The conflicts the rules find now between these claims and the rest of their conflict groups (reads only).
 * Each claim is compared with the claims of its group that lie in its conflict window, so a group's size
 * hardly matters; a claim that left a group (or was deleted) has no partners there any more.
 */
export function findConflictsOfClaims(db: Db, claimIds: Iterable<number>, settings: CrosscheckSettings): Finding[] {
  const byGroup = new Map<string, { group: Group; claims: ClaimInContext[] }>();
  for (const claim of listRuleClaims(db, claimIds)) {
    const entry = groupOf(claim);
    if (!entry) continue;
    const [key, group] = entry;
    const slot = byGroup.get(key);
    if (slot) slot.claims.push(claim);
    else byGroup.set(key, { group, claims: [claim] });
  }
  const found: Finding[] = [];
  const metricsOf = subjectMetrics(db);
  for (const { group, claims } of byGroup.values()) {
    const ids = claims.map((c) => c.id);
    const options = { includeCandidates: settings.includeCandidates, limit: MAX_PARTNERS_PER_FACT };
    const partners = [...listPartnerClaims(db, group, partnerQueries(claims, settings), options), ...nestingPartners(db, group, claims, metricsOf, options, settings)];
    // The changed claims themselves, whether or not a lookup found them (ids are unique in the list).
    const inList = new Set(partners.map((c) => c.id));
    const all = [...partners, ...claims.filter((c) => !inList.has(c.id))];
    const search = (visit: PairVisitor) => conflictsInvolving(ids, all, settings, visit);
    // appended one by one: a crowded fact's one conflict can hold thousands of claims
    for (const finding of boundedFindings(all, group.metrics[0]!, settings, search, partners.length > MAX_PARTNERS_PER_FACT)) found.push(finding);
  }
  return found;
}

/** The metrics of each subject (a skip scan of the subject's index entries), read once per recomputation. */
function subjectMetrics(db: Db): (subjectId: number) => string[] {
  const known = new Map<number, string[]>();
  return (subjectId) => {
    let metrics = known.get(subjectId);
    if (!metrics) known.set(subjectId, (metrics = listMetricsOfSubjects(db, [subjectId])));
    return metrics;
  };
}

/** The facts of the group's subject that hold its counts (wholes) or lie within them (parts); none for other metrics. */
function nestedFacts(group: Group, metricsOf: (subjectId: number) => string[]): { wholes: string[]; parts: string[] } {
  const metric = group.metrics[0]!;
  // the subject's metrics are read only for a count that can nest
  return readCountMetric(metric) ? nestingMetrics(metric, metricsOf(group.subjectId)) : { wholes: [], parts: [] };
}

/**
 * The claims of the facts nested with a group's (its wholes and its parts: nesting.ts) that its changed claims
 * could conflict with, found by the partner lookups of conflict-window.ts in each of those facts.
 */
function nestingPartners(
  db: Db,
  group: Group,
  claims: ClaimInContext[],
  metricsOf: (subjectId: number) => string[],
  options: { includeCandidates?: boolean; limit?: number },
  settings: CrosscheckSettings,
): ClaimInContext[] {
  const { wholes, parts } = nestedFacts(group, metricsOf);
  const lookIn = (list: string[], look: 'wholes' | 'parts'): ClaimInContext[] =>
    list.length === 0 ? [] : listPartnerClaims(db, { subjectId: group.subjectId, metrics: list }, nestingPartnerQueries(claims, settings, look), options);
  return [...lookIn(wholes, 'wholes'), ...lookIn(parts, 'parts')];
}

/** Recomputes whole facts (every pair of their conflict groups): after a rename, or for one subject. */
export function recomputeFacts(db: Db, facts: Iterable<Pick<Claim, 'subjectId' | 'metric'>>, settings: CrosscheckSettings, ctx: WriteContext): SyncResult {
  const groups = new Map<string, Group>();
  const keys: FactKey[] = [];
  for (const fact of facts) {
    const entry = groupOf(fact);
    if (entry) groups.set(entry[0], entry[1]);
    // Claims without a subject never conflict: automatic conflicts left without one (its entity was
    // deleted) are cleared by syncing the fact with nothing found.
    else keys.push({ subjectId: null, metric: fact.metric });
  }
  return db.transaction(() => {
    const found: Finding[] = [];
    const metricsOf = subjectMetrics(db);
    for (const group of groups.values()) {
      for (const metric of group.metrics) keys.push({ subjectId: group.subjectId, metric });
      const claims = listRuleClaimsOfGroup(db, group, { includeCandidates: settings.includeCandidates });
      for (const finding of boundedFindings(claims, group.metrics[0]!, settings, (visit) => conflictsForFact(claims, settings, visit))) found.push(finding);
      // a part above its whole is filed under the whole: its group meets the claims of its parts, within the same bounds
      const { parts } = nestedFacts(group, metricsOf);
      if (parts.length === 0) continue;
      const partClaims = listRuleClaimsOfGroup(db, { subjectId: group.subjectId, metrics: parts }, { includeCandidates: settings.includeCandidates });
      const both = [...claims, ...partClaims];
      const search = (visit: PairVisitor) => conflictsWithParts(claims, partClaims, settings, visit);
      for (const finding of boundedFindings(both, group.metrics[0]!, settings, search, partClaims.length > MAX_PARTNERS_PER_FACT)) found.push(finding);
    }
    return syncConflicts(db, keys, found, ctx);
  })();
}

/** Recomputes every fact in the database (after a merge, a lexicon or settings change, or on request). */
export function recomputeAllConflicts(db: Db, settings: CrosscheckSettings, ctx: WriteContext): SyncResult {
  return recomputeFacts(db, listFactsToRecompute(db), settings, ctx);
}

/**
 * After an entity is renamed: the explanations that name it (as the subject of a conflict, or the speaker of
 * one of its claims) are written again. Nothing else can change — claims keep their subject and speaker ids —
 * so only those conflicts are checked again among their own claims, however many claims the entity has.
 */
export function refreshExplanationsNaming(db: Db, entityId: number, settings: CrosscheckSettings, ctx: WriteContext): SyncResult {
  const conflicts = listConflictClaimsNaming(db, entityId);
  const found = pairsAmong(db, conflicts.map((k) => ({ key: k.key, memberIds: k.claimIds })), settings);
  return recheckConflicts(db, conflicts.map((k) => k.conflictId), found, ctx);
}
