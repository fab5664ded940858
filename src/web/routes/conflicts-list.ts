// GET /conflicts — open conflicts first, a wide gap between well-sourced values at the top; each fact once with
// its conflicts under it, every row naming the competing figures and who states them; filter by subject, metric
// and status (also .json, .csv).
import type { RequestHandler } from 'express';
import { CONFLICT_STATUSES, type ConflictStatus } from '../../domain/types.js';
import { resolveEntity } from '../../store/entities.js';
import type { ConflictSummary } from '../../store/rows.js';
import { listConflictsPage, listValueClaims } from '../../store/crosscheck-queries.js';
import type { AppDeps } from '../deps.js';
import { pageRequest, pagination, type Pagination } from '../pagination.js';
import { queryText } from '../params.js';
import { sendPage, type CsvTable } from '../render.js';
import { inOneArticleLabel, ruleText, severityText, summariseValues, type ValueSummary } from '../conflict-text.js';

/** Most values a row of the list names (a crowded fact's conflict holds thousands; its page says how many). */
const VALUES_LISTED = 6;

const PER_PAGE = 50;

/** A conflict in the list: its competing values with their sources and its rank in words. */
export type ListedConflict = ConflictSummary & {
  ruleName: string;
  values: ValueSummary[];
  severityText: string;
  /** "In one article: X vs Y" for a disagreement within one article, else null. */
  inOneArticle: string | null;
};

/** The conflicts of one fact on this page, in rank order; the fact is shown once above them. */
export interface ListedFact {
  subjectId: number | null;
  subjectName: string | null;
  metric: string;
  conflicts: ListedConflict[];
}

export interface ConflictsListData {
  conflicts: ListedConflict[];
  /** The same conflicts grouped by fact, facts in the order of their first conflict (for the HTML). */
  facts: ListedFact[];
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
  const base = { conflicts: [], facts: [], filters, statuses: CONFLICT_STATUSES, pagination: pagination(request.page, PER_PAGE, 0) };
  if (query.subject && !subject) return { ...base, unknownSubject: true };
  const page = listConflictsPage(deps.db, {
    subjectId: subject?.id,
    metric: query.metric || undefined,
    status,
    limit: request.limit,
    offset: request.offset,
  });
  const claims = listValueClaims(deps.db, page.items.map((k) => k.id));
  const conflicts = page.items.map((k): ListedConflict => {
    const mine = claims.get(k.id) ?? [];
    const values = summariseValues(k, mine);
    return {
      ...k,
      ruleName: ruleText(k.rule).name,
      // a crowded fact's conflict holds thousands of values: the row names the first few, its page says how many
      values: values.slice(0, VALUES_LISTED),
      severityText: severityText(k.severity, values),
      inOneArticle: k.internal && !k.manual ? inOneArticleLabel(values, mine, k) : null,
    };
  });
  return {
    ...base,
    conflicts,
    facts: byFact(conflicts),
    unknownSubject: false,
    pagination: pagination(request.page, PER_PAGE, page.total),
  };
}

/** The conflicts grouped by fact (subject and metric), each fact where its first (highest ranked) conflict is. */
function byFact(conflicts: readonly ListedConflict[]): ListedFact[] {
  const facts = new Map<string, ListedFact>();
  for (const k of conflicts) {
    const key = `${k.subjectId ?? '-'}|${k.metric}`;
    const fact = facts.get(key) ?? { subjectId: k.subjectId, subjectName: k.subjectName, metric: k.metric, conflicts: [] };
    fact.conflicts.push(k);
    facts.set(key, fact);
  }
  return [...facts.values()];
}

/** "1,200 (Northgate Wire; Harbour Post) vs 3,400 (Courier)": the competing figures with who states them. */
export function valuesText(values: readonly ValueSummary[]): string {
  return values.map((v) => `${v.valueText} (${v.sources.join('; ')}${v.moreSources ? `; ${v.moreSources} more` : ''})`).join(' vs ');
}

/** The CSV form: one row per conflict. */
export function conflictsCsv(data: ConflictsListData): CsvTable {
  return {
    columns: ['id', 'status', 'rule', 'severity', 'subject', 'metric', 'internal', 'claims', 'explanation', 'resolution_note', 'preferred_claim', 'values'],
    rows: data.conflicts.map((k) => [
      k.id, k.status, k.rule, k.severity, k.subjectName, k.metric, k.internal ? 'yes' : 'no', k.claimIds.join(' '), k.explanation, k.resolutionNote, k.preferredClaimId,
      valuesText(k.values),
    ]),
  };
}

export const conflictsList = (deps: AppDeps): RequestHandler => (req, res) => {
  const data = loadConflictsList(deps, { subject: queryText(req, 'subject'), metric: queryText(req, 'metric'), status: queryText(req, 'status'), page: req.query.page });
  sendPage(res, { view: 'conflicts/list', data, csv: conflictsCsv, shared: true });
};
