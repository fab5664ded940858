// GET /facts/:subject/:metric — one fact: every claim about the subject and metric, how many independent
// sources back each value, its conflicts, the chart, and a form to flag claims as conflicting by hand.
import type { Request, RequestHandler } from 'express';
import { crosscheckSettings } from '../../bootstrap.js';
import { agreement, normaliseMetric, type ValueSupport } from '../../domain/crosscheck.js';
import { NotFoundError } from '../../domain/errors.js';
import { formatFigure } from '../../domain/figures.js';
import type { Entity } from '../../domain/types.js';
import { getEntity, listClaims, type ClaimView, type ConflictSummary } from '../../store/index.js';
import { listConflictsPage } from '../../store/crosscheck-queries.js';
import type { AppDeps } from '../deps.js';
import type { FieldErrors } from '../forms/fields.js';
import { sendPage } from '../render.js';
import { chartable } from './conflict-view.js';

/** A fact page shows (and measures agreement over) this many of its newest claims. */
export const FACT_CLAIMS_SHOWN = 300;
/** Its chart draws this many of them: each box is labelled, and more would cover one another. */
export const FACT_CLAIMS_CHARTED = 100;

export interface FactPageData {
  subject: Entity;
  metric: string;
  claims: ClaimView[];
  /** All claims of the fact; more than `claims.length` when the page shows only the newest. */
  total: number;
  values: Array<ValueSupport & { intervalText: string }>;
  conflicts: ConflictSummary[];
  hasChart: boolean;
  /** How many of the newest claims the chart draws. */
  charted: number;
  /** The flag form's input and messages after a refused flag (422). */
  flag: { note: string; ids: number[]; errors: FieldErrors };
}

/** The subject entity and normalised metric named by the URL; 404 for an unknown subject. */
export function factParams(deps: AppDeps, req: Request): { subject: Entity; metric: string } {
  const raw = String(req.params.subject ?? '');
  if (!/^\d{1,15}$/.test(raw) || Number(raw) < 1) throw new NotFoundError(`Subject ${raw}`);
  const subject = getEntity(deps.db, Number(raw));
  const metric = normaliseMetric(String(req.params.metric ?? ''));
  if (metric === '') throw new NotFoundError('A fact without a metric');
  return { subject, metric };
}

/** The fact's claims (newest first), values with their independent sources, conflicts; 404 when it has no claims. */
export function loadFactPage(deps: AppDeps, subjectId: number, metric: string, flag: Partial<FactPageData['flag']> = {}): FactPageData {
  const subject = getEntity(deps.db, subjectId);
  const page = listClaims(deps.db, { subjectId, metric, limit: FACT_CLAIMS_SHOWN });
  if (page.total === 0) throw new NotFoundError(`The fact “${metric}” of ${subject.name}`);
  const settings = crosscheckSettings(deps.config);
  return {
    subject,
    metric: normaliseMetric(metric),
    claims: page.items,
    total: page.total,
    values: agreement(page.items, settings).map((v) => ({ ...v, intervalText: formatFigure(v.figure) })),
    conflicts: listConflictsPage(deps.db, { subjectId, metric, limit: 100, offset: 0 }).items,
    charted: Math.min(page.items.length, FACT_CLAIMS_CHARTED),
    hasChart: chartable(page.items),
    flag: { note: '', ids: [], errors: {}, ...flag },
  };
}

export const factView = (deps: AppDeps): RequestHandler => (req, res) => {
  const { subject, metric } = factParams(deps, req);
  sendPage(res, { view: 'facts/show', data: loadFactPage(deps, subject.id, metric) });
};
