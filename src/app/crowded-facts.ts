// Bounded conflict finding for facts of any size (the cap is the README's "Bounded work per article"). The rules
// report pairs of claims; the store keeps one conflict per fact and pair of *values*, so two pasted tables of a
// thousand different figures for one fact would be a million pairs and hundreds of thousands of conflicts (177 s and
// 1.6 GB on the server's thread, measured). Here the pairs are taken one by one as the rules find them:
// - a pair that adds nothing the store would keep (a claim its value pair already holds, a severity no higher) is
//   dropped at once, so 600 articles repeating one disagreement hold a few hundred pairs, not 180,000;
// - past MAX_CONFLICTS_PER_FACT value pairs in one recomputation, or MAX_PARTNERS_PER_FACT claims to compare with,
//   the search stops and the fact gets its ONE crowded conflict instead (domain/crowded-fact.ts).
import { normaliseMetric, type ClaimInContext, type ComputedConflict, type CrosscheckSettings, type PairVisitor } from '../domain/crosscheck.js';
import { crowdedConflict, valueOf, type CrowdedConflict } from '../domain/crowded-fact.js';

/** Most conflicts (pairs of values) one recomputation stores for one fact; past it the fact is crowded. */
export const MAX_CONFLICTS_PER_FACT = 2_000;
/** Most claims a fact's changed claims are compared with in one recomputation; past it the fact is crowded. */
export const MAX_PARTNERS_PER_FACT = 10_000;

/** What a recomputation found: pairs of claims, and crowded facts' conflicts. */
export type Finding = ComputedConflict | CrowdedConflict;

interface Slot {
  best: ComputedConflict;
  members: Set<number>;
  /** the smallest pair key met: kept too, so the store meets its conflicts in the order it would (sorted pairs) */
  firstKey: string;
}

/** True when `a` is the pair the store would keep as its conflict's best over `b` (conflict-sync.ts groupPairs). */
function better(a: ComputedConflict, b: ComputedConflict): boolean {
  return a.severity > b.severity || (a.severity === b.severity && String(a.claimIds) < String(b.claimIds));
}

/**
 * Collects the pairs a search finds (its `visit` goes to conflictsForFact or conflictsInvolving), keeping per value
 * pair only the pairs that add a claim or a better best; `crowded` once more value pairs than the cap were met.
 */
function pairCollector(claims: readonly ClaimInContext[]): { visit: PairVisitor; kept: () => ComputedConflict[]; crowded: () => boolean } {
  const values = new Map(claims.map((c) => [c.id, valueOf(c)]));
  const slots = new Map<string, Slot>();
  const kept: ComputedConflict[] = [];
  let crowded = false;
  const visit: PairVisitor = (pair) => {
    const [a, b] = pair.claimIds.map((id) => values.get(id) ?? `#${id}`) as [string, string];
    const sides = a === b ? [`${a}#${pair.claimIds[0]}`, `${b}#${pair.claimIds[1]}`] : [a, b].sort();
    const key = `${pair.subjectId}|${normaliseMetric(pair.metric)}|${sides.join('~')}`;
    let slot = slots.get(key);
    if (!slot) {
      if (slots.size >= MAX_CONFLICTS_PER_FACT) return !(crowded = true);
      slots.set(key, (slot = { best: pair, members: new Set(), firstKey: pair.key }));
    }
    const adds = pair.claimIds.some((id) => !slot.members.has(id));
    if (adds || better(pair, slot.best) || pair.key < slot.firstKey) {
      pair.claimIds.forEach((id) => slot.members.add(id));
      if (better(pair, slot.best)) slot.best = pair;
      if (pair.key < slot.firstKey) slot.firstKey = pair.key;
      kept.push(pair);
    }
    return true;
  };
  // in key order, as the rules list them
  const sorted = () => kept.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { visit, kept: sorted, crowded: () => crowded };
}

/**
 * The findings of one conflict group: the pairs `search` finds among `claims` (as the store will group them), or —
 * when `tooMany` claims were found to compare or the pairs make more than MAX_CONFLICTS_PER_FACT conflicts — the
 * fact's one crowded conflict over `claims` (none when they back fewer than two values).
 */
export function boundedFindings(claims: readonly ClaimInContext[], metric: string, settings: CrosscheckSettings, search: (visit: PairVisitor) => unknown, tooMany = false): Finding[] {
  if (!tooMany) {
    const collector = pairCollector(claims);
    search(collector.visit);
    if (!collector.crowded()) return collector.kept();
  }
  const crowded = crowdedConflict(claims, metric, settings);
  return crowded ? [crowded] : [];
}
