// GET /conflicts — open conflicts first, by severity; filter by subject, metric and status (also .json, .csv).
import type { RequestHandler } from 'express';
import { CONFLICT_STATUSES, type ConflictStatus } from '../../domain/types.js';
import { resolveEntity, type ConflictSummary } from '../../store/index.js';
import { listConflictsPage } from '../../store/crosscheck-queries.js';
import type { AppDeps } from '../deps.js';
import { pageRequest, pagination, type Pagination } from '../pagination.js';
import { queryText } from '../params.js';
import { sendPage, type CsvTable } from '../render.js';
import { ruleText } from '../conflict-text.js';

const PER_PAGE = 50;

export interface ConflictsListData {
  conflicts: Array<ConflictSummary & { ruleName: string }>;
  filters: { subject: string; metric: string; status: string };
  statuses: readonly ConflictStatus[];
  /** The subject filter names no entity (so nothing matches). */
  unknownSubject: boolean;
  pagination: Pagination;
}

/** One page of conflicts under the filters typed in the query string. */
export function loadConflictsList(deps: AppDeps, query: { subject: string; metric: string; status: string; page: unknown }): ConflictsListData {
  const request = pageRequest(query.page, PER_PAGE);
  const status = (CONFLICT_STATUSES as readonly string[]).includes(query.status) ? (query.status as ConflictStatus) : undefined;
  const filters = { subject: query.subject, metric: query.metric, status: status ?? '' };
  const subject = query.subject ? resolveEntity(deps.db, query.subject) : null;
  const base = { conflicts: [], filters, statuses: CONFLICT_STATUSES, pagination: pagination(request.page, PER_PAGE, 0) };
  if (query.subject && !subject) return { ...base, unknownSubject: true };
  const page = listConflictsPage(deps.db, {
    subjectId: subject?.id,
    metric: query.metric || undefined,
    status,
    limit: request.limit,
    offset: request.offset,
  });
  return {
    ...base,
    conflicts: page.items.map((k) => ({ ...k, ruleName: ruleText(k.rule).name })),
    unknownSubject: false,
    pagination: pagination(request.page, PER_PAGE, page.total),
  };
}

/** The CSV form: one row per conflict. */
export function conflictsCsv(data: ConflictsListData): CsvTable {
  return {
    columns: ['id', 'status', 'rule', 'severity', 'subject', 'metric', 'internal', 'claims', 'explanation', 'resolution_note', 'preferred_claim'],
    rows: data.conflicts.map((k) => [
      k.id, k.status, k.rule, k.severity, k.subjectName, k.metric, k.internal ? 'yes' : 'no', k.claimIds.join(' '), k.explanation, k.resolutionNote, k.preferredClaimId,
    ]),
  };
}

export const conflictsList = (deps: AppDeps): RequestHandler => (req, res) => {
  const data = loadConflictsList(deps, { subject: queryText(req, 'subject'), metric: queryText(req, 'metric'), status: queryText(req, 'status'), page: req.query.page });
  sendPage(res, { view: 'conflicts/list', data, csv: conflictsCsv });
};
