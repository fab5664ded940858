// A crowded fact: one with so many competing values that storing a conflict per pair of values would cost more than
// any reviewer could read (two pasted tables of a thousand different tolls for one war make a million pairs). Past the
// cap (src/app/crowded-facts.ts) the fact gets ONE conflict instead, holding the claims compared, that says how many
// sources give how many values; the fact page lays the values out. Pure: the key, the value a claim backs, the words.
import { normaliseMetric, participates, type ClaimInContext, type ComputedConflict, type CrosscheckSettings } from './conflict-model.js';

/** The rule id of a crowded fact's conflict (stored in conflicts.rule like the pairwise rules' ids). */
export const CROWDED_RULE = 'many-values' as const;

/** The key of a fact's one crowded conflict ("f:12|killed"), beside the pairwise "v:" keys (store/conflicts.ts). */
export function crowdedFactKey(subjectId: number | null, metric: string): string {
  return `f:${subjectId ?? '-'}|${normaliseMetric(metric)}`;
}

/** The metric of a crowded conflict's key, or null for any other key. */
export function crowdedKeyMetric(key: string): string | null {
  return key.startsWith('f:') ? key.slice(key.indexOf('|') + 1) : null;
}

/**
 * The value a claim backs: its figure and time scope. Two claims back the same value exactly when their
 * claims.value_key (migration 010) is equal, which is all this is used for: counting values.
 */
export function valueOf(claim: ClaimInContext): string {
  const { unit, low, high } = claim.figure;
  return `${unit}:${low ?? ''}:${high ?? ''}:${claim.scopeFrom ?? ''}:${claim.scopeTo ?? ''}`;
}

/** "4 sources give 1,850 different values for this fact (killed, Valdoria) …": the crowded conflict's explanation. */
export function crowdedExplanation(subject: string | null, metric: string, sources: number, values: number): string {
  const n = (x: number) => x.toLocaleString('en');
  const fact = subject ? `${normaliseMetric(metric)}, ${subject}` : normaliseMetric(metric);
  return (
    `${n(sources)} ${sources === 1 ? 'source gives' : 'sources give'} ${n(values)} different values for this fact (${fact}): too many to compare ` +
    'pair by pair, so they are one conflict. Compare the values on the fact page, confirm the figures that hold and reject the rest.'
  );
}

/** A crowded fact's conflict as the recomputation reports it, beside the pairs the rules report. */
export type CrowdedConflict = Omit<ComputedConflict, 'rule'> & { rule: typeof CROWDED_RULE };

/**
 * The one conflict of a crowded fact over these claims (those taking part), or null when they back fewer than
 * two values (nothing to dispute). `metric`: the fact's metric.
 */
export function crowdedConflict(claims: readonly ClaimInContext[], metric: string, settings: CrosscheckSettings): CrowdedConflict | null {
  const members = claims.filter((c) => participates(c, settings) && c.subjectId !== null);
  const first = members[0];
  const values = new Set(members.map(valueOf));
  if (!first || values.size < 2) return null;
  const sources = new Set(members.map((c) => c.sourceId)).size;
  return {
    key: crowdedFactKey(first.subjectId, metric),
    rule: CROWDED_RULE,
    severity: 1,
    explanation: crowdedExplanation(first.subjectName, metric, sources, values.size),
    claimIds: members.map((c) => c.id).sort((a, b) => a - b),
    subjectId: first.subjectId,
    metric: normaliseMetric(metric),
    internal: sources === 1,
  };
}
