// GET /claims — claims filtered by source, kind, subject, status and metric, paginated (also .json and .csv).
import type { Request, RequestHandler } from 'express';
import { formatFigure } from '../../domain/figures.js';
import { CLAIM_KINDS, CLAIM_STATUSES, type ClaimKind, type ClaimStatus } from '../../domain/types.js';
import { getSource, listClaims, listLexiconMetrics, resolveEntity, type ClaimFilter, type ClaimView } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { pageRequest, pagination, type Pagination } from '../pagination.js';
import { queryText } from '../params.js';
import { sendPage, type CsvTable } from '../render.js';
import { sourceRef, type SourceRef } from './claim-new.js';

const PER_PAGE = 50;

/** The filters as typed in the query string; unknown values are dropped rather than guessed. */
export interface ClaimsFilters {
  source: string;
  kind: string;
  subject: string;
  status: string;
  metric: string;
}

export interface ClaimsListData {
  claims: ClaimView[];
  filters: ClaimsFilters;
  /** The source filtered on, for the heading. */
  source: SourceRef | null;
  /** A subject was typed that names no entity: the list is empty for that reason. */
  unknownSubject: boolean;
  /** The lexicon's metric names, suggested in the metric filter. */
  metrics: string[];
  pagination: Pagination;
}

/** Reads the filters from a query string. */
export function claimsFilters(req: Request): ClaimsFilters {
  const kind = queryText(req, 'kind');
  const status = queryText(req, 'status');
  const source = queryText(req, 'source');
  return {
    source: /^\d+$/.test(source) ? source : '',
    kind: (CLAIM_KINDS as readonly string[]).includes(kind) ? kind : '',
    subject: queryText(req, 'subject'),
    status: (CLAIM_STATUSES as readonly string[]).includes(status) ? status : '',
    metric: queryText(req, 'metric'),
  };
}

/** One page of claims matching the filters. */
export function loadClaimsList(deps: AppDeps, filters: ClaimsFilters, page: unknown): ClaimsListData {
  const request = pageRequest(page, PER_PAGE);
  const source = filters.source ? sourceRef(getSource(deps.db, Number(filters.source))) : null;
  const subject = filters.subject ? resolveEntity(deps.db, filters.subject) : null;
  const unknownSubject = filters.subject !== '' && subject === null;
  const filter: ClaimFilter = {
    limit: request.limit,
    offset: request.offset,
    sourceId: source?.id,
    kind: (filters.kind || undefined) as ClaimKind | undefined,
    status: (filters.status || undefined) as ClaimStatus | undefined,
    subjectId: subject?.id,
    metric: filters.metric || undefined,
  };
  const result = unknownSubject ? { items: [], total: 0 } : listClaims(deps.db, filter);
  return {
    claims: result.items,
    filters,
    source,
    unknownSubject,
    // The lexicon's metrics (a small table), not DISTINCT over all claims, which grows with the database.
    metrics: listLexiconMetrics(deps.db).map((m) => m.metric),
    pagination: pagination(request.page, PER_PAGE, result.total),
  };
}

const CSV_COLUMNS = [
  'id', 'source_id', 'source_title', 'publisher', 'published', 'quote', 'quote_start', 'quote_end', 'kind', 'subject',
  'metric', 'value_text', 'low', 'high', 'unit', 'interval', 'qualifier', 'scope_from', 'scope_to', 'as_of', 'speaker',
  'attribution_cue', 'relay', 'hedge', 'status', 'rank', 'note', 'origin',
];

/** One CSV row per claim, with its source's citation fields and the figure's interval. */
export function claimsCsv(data: ClaimsListData): CsvTable {
  return {
    columns: CSV_COLUMNS,
    rows: data.claims.map((c) => [
      c.id, c.sourceId, c.sourceTitle, c.sourcePublisher, c.sourcePublishedAt, c.quote, c.quoteStart, c.quoteEnd, c.kind,
      c.subjectName, c.metric, c.valueText, c.figure.low, c.figure.high, c.figure.unit, formatFigure(c.figure), c.qualifier,
      c.scopeFrom, c.scopeTo, c.asOf, c.speakerName, c.attributionCue, c.relay, c.hedge, c.status, c.rank, c.note, c.origin,
    ]),
  };
}

export const claimsList = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'claims/list', data: loadClaimsList(deps, claimsFilters(req), req.query.page), csv: claimsCsv });
};
