// The fact page's data (GET /facts/:subject/:metric), which a refused flag form re-renders, and the fact a URL names.
import type { Request } from 'express';
import { crosscheckSettings } from '../../config.js';
import { agreement, normaliseMetric, type ClaimInContext, type ValueSupport } from '../../domain/crosscheck.js';
import { NotFoundError } from '../../domain/errors.js';
import { formatFigure } from '../../domain/figures.js';
import { timeScopeWords } from '../../domain/scope-words.js';
import type { Entity } from '../../domain/types.js';
import { getEntity } from '../../store/entities.js';
import { listClaims } from '../../store/claim-list.js';
import { ratingsOfClaims, type ClaimRating } from '../../store/claim-ratings.js';
import type { ClaimView, ConflictSummary } from '../../store/rows.js';
import type { Page } from '../../store/context.js';
import { listConflictsPage, listNewestRuleClaimsOfFact } from '../../store/crosscheck-queries.js';
import type { AppDeps } from '../deps.js';
import type { FieldErrors } from '../forms/fields.js';
import { pagination, type Pagination } from '../pagination.js';
import { chartable } from './conflict.js';

/** A page of the fact's claims list holds this many claims. */
export const FACT_CLAIMS_PER_PAGE = 50;
/** Its chart draws this many of the newest claims: each box is labelled, and more would cover one another. */
export const FACT_CLAIMS_CHARTED = 100;
/**
 * Agreement counts over at most this many of the newest claims that take part. Its cost grows with the square
 * of the claims (each value is compared with every claim): 300 take a few milliseconds, a fact of 11,000 claims
 * in the million-claim benchmark took six seconds.
 */
export const AGREEMENT_CLAIMS_MAX = 300;
/** The values table lists this many values, the most backed first. */
export const FACT_VALUES_LISTED = 50;
/** A value lists this many of its claims (the newest); the counts say how many there are in all. */
export const VALUE_CLAIMS_LISTED = 20;

/** A value of the fact with its backing, its claim lists cut to the newest VALUE_CLAIMS_LISTED. */
export interface FactValue extends ValueSupport {
  intervalText: string;
  /** The value's time scope in words, as its first claim states it. */
  timeScope: string;
  /** How many claims state exactly this value (`claimIds` lists the newest of them). */
  claimCount: number;
  /** How many claims are compatible with it (`supportingClaimIds` lists the newest of them). */
  supportingClaimCount: number;
}

export interface FactPageData {
  subject: Entity;
  metric: string;
  /** One page of the fact's claims, newest first. */
  claims: ClaimView[];
  /** All claims of the fact (counted up to the store's cap). */
  total: number;
  pagination: Pagination;
  /** The most backed FACT_VALUES_LISTED values, counted over `agreement.claims` claims whatever the page. */
  values: FactValue[];
  /** What agreement counted: `claims` claims that take part, all of the fact's unless `capped` (then the newest). */
  agreement: { claims: number; capped: boolean; values: number };
  conflicts: ConflictSummary[];
  hasChart: boolean;
  /** The ratings for ClaimReview of this page's claims, by claim id. */
  ratings: Record<number, ClaimRating>;
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

/**
 * One page of the fact (1-based; past the last page, the last page), the values with their independent sources
 * over the whole fact, and its conflicts; 404 when the fact has no claims.
 */
export function loadFactPage(deps: AppDeps, subjectId: number, metric: string, flag: Partial<FactPageData['flag']> = {}, page = 1): FactPageData {
  const subject = getEntity(deps.db, subjectId);
  const { page: shown, result } = claimsPage(deps, subjectId, metric, page);
  if (result.total === 0) throw new NotFoundError(`The fact “${metric}” of ${subject.name}`);
  return {
    subject,
    metric: normaliseMetric(metric),
    claims: result.items,
    ratings: Object.fromEntries(ratingsOfClaims(deps.db, result.items.map((c) => c.id))),
    total: result.total,
    pagination: pagination(shown, FACT_CLAIMS_PER_PAGE, result.total),
    ...factValues(deps, subjectId, metric),
    conflicts: listConflictsPage(deps.db, { subjectId, metric, limit: 100, offset: 0 }).items,
    charted: Math.min(result.total, FACT_CLAIMS_CHARTED),
    hasChart: hasChartableClaim(deps, subjectId, metric, shown === 1 ? result.items : []),
    flag: { note: '', ids: [], errors: {}, ...flag },
  };
}

/** The requested page of claims, or the last one when the request is past it. */
function claimsPage(deps: AppDeps, subjectId: number, metric: string, page: number): { page: number; result: Page<ClaimView> } {
  const load = (p: number) => listClaims(deps.db, { subjectId, metric, limit: FACT_CLAIMS_PER_PAGE, offset: (p - 1) * FACT_CLAIMS_PER_PAGE });
  const result = load(page);
  if (result.items.length > 0 || result.total === 0) return { page, result };
  const last = pagination(1, FACT_CLAIMS_PER_PAGE, result.total).pages;
  return { page: last, result: load(last) };
}

/**
 * Agreement over the claims of the fact that take part, up to the newest AGREEMENT_CLAIMS_MAX, independent of
 * the page shown. The rules' lean rows (no quote, no display joins) are read, not display views.
 */
function factValues(deps: AppDeps, subjectId: number, metric: string): Pick<FactPageData, 'values' | 'agreement'> {
  const settings = crosscheckSettings(deps.config);
  const claims = listNewestRuleClaimsOfFact(deps.db, { subjectId, metric, limit: AGREEMENT_CLAIMS_MAX + 1 }, { includeCandidates: settings.includeCandidates });
  const capped = claims.length > AGREEMENT_CLAIMS_MAX;
  const counted = capped ? claims.slice(0, AGREEMENT_CLAIMS_MAX) : claims;
  const values = agreement(counted, settings);
  const byId = new Map(counted.map((c) => [c.id, c]));
  return {
    agreement: { claims: counted.length, capped, values: values.length },
    values: values.slice(0, FACT_VALUES_LISTED).map((v) => listed(v, byId)),
  };
}

/** A value as the page lists it: its interval and time scope in words and its claim lists cut to the newest. */
function listed(v: ValueSupport, claims: ReadonlyMap<number, ClaimInContext>): FactValue {
  const first = claims.get(v.claimIds[0]!)!;
  return {
    ...v,
    intervalText: formatFigure(v.figure),
    timeScope: timeScopeWords(first, 'short'),
    claimIds: newest(v.claimIds),
    claimCount: v.claimIds.length,
    supportingClaimIds: newest(v.supportingClaimIds),
    supportingClaimCount: v.supportingClaimIds.length,
  };
}

/** The highest (newest) VALUE_CLAIMS_LISTED ids of an ascending list, still ascending. */
function newest(ids: number[]): number[] {
  return ids.slice(-VALUE_CLAIMS_LISTED);
}

/**
 * True when one of the newest FACT_CLAIMS_CHARTED claims has a bound to draw (what the chart route draws).
 * The first page's claims are the newest of them and almost always answer, so the query seldom runs.
 */
function hasChartableClaim(deps: AppDeps, subjectId: number, metric: string, newestClaims: readonly ClaimView[]): boolean {
  return chartable(newestClaims) || chartable(listClaims(deps.db, { subjectId, metric, limit: FACT_CLAIMS_CHARTED }).items);
}
