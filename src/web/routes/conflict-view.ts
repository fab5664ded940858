// GET /conflicts/:id — the claims of a conflict side by side (one column per claim, differing words marked),
// the rule's explanation, the chart, the decision forms and the history.
import type { RequestHandler } from 'express';
import { compareClaims, type Comparison } from '../../domain/compare.js';
import { RANK_REASONS, type AuditEvent, type RankReason } from '../../domain/types.js';
import { getConflictWithClaims, getEntity, listAudit, type ClaimView, type StoredConflict } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import type { FieldErrors, FormValues } from '../forms/fields.js';
import { idParam } from '../params.js';
import { sendPage } from '../render.js';
import { ruleText } from '../conflict-text.js';

export interface ConflictPageData {
  conflict: StoredConflict & { subjectName: string | null };
  rule: { name: string; meaning: string };
  claims: ClaimView[];
  comparison: Comparison;
  /** Whether any claim has a figure the chart can place (the chart itself is /conflicts/:id/chart.svg). */
  hasChart: boolean;
  reasons: readonly RankReason[];
  audit: AuditEvent[];
  /** A failed decision: which form, its input and the messages (422), or the stale-version message (409). */
  form: { action: 'explain' | 'resolve' | 'reopen' | null; values: FormValues; errors: FieldErrors; stale: string | null };
}

/** True when at least one claim has a bound to draw. */
export function chartable(claims: readonly ClaimView[]): boolean {
  return claims.some((c) => c.figure.low !== null || c.figure.high !== null);
}

/** Everything the conflict page shows; `form` carries a failed decision back to its form. */
export function loadConflictPage(deps: AppDeps, id: number, form: Partial<ConflictPageData['form']> = {}): ConflictPageData {
  const { conflict, claims } = getConflictWithClaims(deps.db, id);
  const subjectName = conflict.subjectId === null ? null : getEntity(deps.db, conflict.subjectId).name;
  return {
    conflict: { ...conflict, subjectName },
    rule: ruleText(conflict.rule),
    claims,
    comparison: compareClaims(claims),
    hasChart: chartable(claims),
    reasons: RANK_REASONS,
    audit: listAudit(deps.db, 'conflict', id),
    form: { action: null, values: {}, errors: {}, stale: null, ...form },
  };
}

export const conflictView = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'conflicts/show', data: loadConflictPage(deps, idParam(req, 'Conflict')) });
};
