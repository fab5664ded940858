// The conflict page's data (GET /conflicts/:id), which its decision and comment forms re-render when refused.
import { compareClaims, type Comparison, type ComparisonColumn } from '../../domain/compare.js';
import { RANK_REASONS, type AuditEvent, type RankReason } from '../../domain/types.js';
import { getConflictWithClaims } from '../../store/conflicts.js';
import { getEntity } from '../../store/entities.js';
import { getProposal, type Proposal } from '../../store/proposals.js';
import { listAudit } from '../../store/audit.js';
import { listComments, type Comment } from '../../store/comments.js';
import type { ClaimView, StoredConflict } from '../../store/rows.js';
import { listValueClaims } from '../../store/crosscheck-queries.js';
import { secondReviewOn } from '../second-review.js';
import type { AppDeps } from '../deps.js';
import type { FieldErrors, FormValues } from '../forms/fields.js';
import { inOneArticleLabel, ruleText, severityText, summariseValues, type ValueSummary } from '../conflict-text.js';

/** How many claims of one value the page compares in full; the rest are counted (600 articles can back one value). */
const CLAIMS_SHOWN_PER_VALUE = 6;
/** How many values the page lays side by side; a crowded fact's conflict can hold thousands (the fact page lists them). */
export const VALUES_SHOWN = 12;

/** One competing value on the page: what it is, who states it, and its first claims compared in full. */
export interface ValueColumn {
  summary: ValueSummary;
  columns: ComparisonColumn[];
  /** Claims backing it beyond the ones shown. */
  hidden: number;
}

export interface ConflictPageData {
  conflict: StoredConflict & { subjectName: string | null };
  rule: { name: string; meaning: string };
  /** The claims compared on the page (the first of each value). */
  claims: ClaimView[];
  comparison: Comparison;
  /** The competing values side by side (the first VALUES_SHOWN). */
  values: ValueColumn[];
  /** Values of the conflict not laid out (beyond VALUES_SHOWN). */
  moreValues: number;
  /** Each shown claim's lock version, for its deprecate form. */
  claimVersions: Record<number, number>;
  severityText: string;
  inOneArticle: string | null;
  /** Whether any claim has a figure the chart can place (the chart itself is /conflicts/:id/chart.svg). */
  hasChart: boolean;
  reasons: readonly RankReason[];
  audit: AuditEvent[];
  /** The reviewers' discussion of the conflict. */
  comments: Comment[];
  /** A resolution waiting for a second editor, and whether a resolution sent now would wait too. */
  proposal: Proposal | null;
  secondReview: boolean;
  /** A failed decision: which form, its input and the messages (422), or the stale-version message (409). */
  form: { action: 'explain' | 'resolve' | 'reopen' | 'deprecate' | null; values: FormValues; errors: FieldErrors; stale: string | null };
}

/** True when at least one claim has a bound to draw. */
export function chartable(claims: readonly ClaimView[]): boolean {
  return claims.some((c) => c.figure.low !== null || c.figure.high !== null);
}

/** Everything the conflict page shows; `form` carries a failed decision back to its form. */
export function loadConflictPage(deps: AppDeps, id: number, form: Partial<ConflictPageData['form']> = {}): ConflictPageData {
  const { conflict, claims: all } = getConflictWithClaims(deps.db, id);
  const subjectName = conflict.subjectId === null ? null : getEntity(deps.db, conflict.subjectId).name;
  const groups = conflict.valueGroups.slice(0, VALUES_SHOWN);
  const shownIds = new Set(groups.flatMap((g) => g.claimIds.slice(0, CLAIMS_SHOWN_PER_VALUE)));
  const claims = all.filter((c) => shownIds.has(c.id));
  const comparison = compareClaims(claims);
  const byClaim = new Map(comparison.columns.map((c) => [c.claimId, c]));
  const valueClaims = listValueClaims(deps.db, [id]).get(id) ?? [];
  const summaries = summariseValues(conflict, valueClaims);
  const values = groups.map((g, i) => ({
    summary: summaries[i]!,
    columns: g.claimIds.slice(0, CLAIMS_SHOWN_PER_VALUE).map((cid) => byClaim.get(cid)).filter((c): c is ComparisonColumn => c !== undefined),
    hidden: Math.max(0, g.claimIds.length - CLAIMS_SHOWN_PER_VALUE),
  }));
  return {
    conflict: { ...conflict, subjectName },
    rule: ruleText(conflict.rule),
    claims,
    comparison,
    values,
    moreValues: conflict.valueGroups.length - groups.length,
    claimVersions: Object.fromEntries(claims.map((c) => [c.id, c.version])),
    severityText: severityText(conflict.severity, summaries),
    inOneArticle: conflict.internal && !conflict.manual ? inOneArticleLabel(summaries, valueClaims, conflict) : null,
    hasChart: chartable(claims),
    reasons: RANK_REASONS,
    audit: listAudit(deps.db, 'conflict', id),
    comments: listComments(deps.db, 'conflict', id),
    proposal: getProposal(deps.db, id),
    secondReview: secondReviewOn(deps),
    form: { action: null, values: {}, errors: {}, stale: null, ...form },
  };
}
