// GET /claims — claims filtered by source, kind, subject, status, metric, speaker, rank, publication dates and
// "in conflict", paginated (also .json and .csv).
import type { Request, RequestHandler } from 'express';
import { formatFigure } from '../../domain/figures.js';
import { isIsoDate } from '../../domain/calendar.js';
import { CLAIM_KINDS, CLAIM_RANKS, CLAIM_STATUSES, type ClaimKind, type ClaimRank, type ClaimStatus } from '../../domain/types.js';
import { ValidationError } from '../../domain/errors.js';
import { CLAIM_COUNT_CAP, listClaimFilterSources, listClaims, type ClaimFilter } from '../../store/claim-list.js';
import { getSource } from '../../store/sources.js';
import { listLexiconMetrics } from '../../store/lexicon.js';
import { resolveEntity } from '../../store/entities.js';
import type { ClaimView } from '../../store/rows.js';
import type { Page } from '../../store/context.js';
import type { AppDeps } from '../deps.js';
import { pageRequest, pagination, type Pagination } from '../pagination.js';
import { queryText } from '../params.js';
import { formatOf, sendPage, type CsvTable } from '../render.js';
import { sourceRef, type SourceRef } from '../pages/source.js';

const PER_PAGE = 50;

/** The filters as typed in the query string; unknown values are dropped rather than guessed. */
export interface ClaimsFilters {
  source: string;
  kind: string;
  subject: string;
  status: string;
  metric: string;
  speaker: string;
  rank: string;
  /** Source publication dates, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  /** '1': only claims in a current conflict. */
  conflict: string;
}

export interface ClaimsListData {
  claims: ClaimView[];
  filters: ClaimsFilters;
  /** The source filtered on, for the heading. */
  source: SourceRef | null;
  /** A subject was typed that names no entity: the list is empty for that reason. */
  unknownSubject: boolean;
  /** A speaker was typed that names no entity. */
  unknownSpeaker: boolean;
  /** Messages for filters that cannot be applied (an invalid date), by field; the list is empty then. */
  errors: Record<string, string>;
  /** The lexicon's metric names, suggested in the metric filter. */
  metrics: string[];
  pagination: Pagination;
  /** Every source (newest first) for the source filter's list; null when there are too many to list (a number box then). */
  sourceChoices: SourceChoice[] | null;
  /** Set when the requested page was past the last one and the last page is shown instead. */
  pageNotice: string | null;
}

/** A source as an option of the source filter: "title · publisher · date". */
export interface SourceChoice {
  id: number;
  label: string;
}

/** Above this many sources the filter is a number box: a longer list would weigh on every claims page. */
export const SOURCE_CHOICES_MAX = 500;

/** The source filter's options, or null when there are more than SOURCE_CHOICES_MAX sources. */
export function sourceChoices(deps: AppDeps): SourceChoice[] | null {
  const sources = listClaimFilterSources(deps.db, SOURCE_CHOICES_MAX);
  return sources && sources.map((s) => ({ id: s.id, label: `${s.title} · ${s.publisher} · ${s.publishedAt}` }));
}

/** Reads the filters from a query string. */
export function claimsFilters(req: Request): ClaimsFilters {
  const kind = queryText(req, 'kind');
  const status = queryText(req, 'status');
  const source = queryText(req, 'source');
  const rank = queryText(req, 'rank');
  return {
    source: /^\d+$/.test(source) ? source : '',
    kind: (CLAIM_KINDS as readonly string[]).includes(kind) ? kind : '',
    subject: queryText(req, 'subject'),
    status: (CLAIM_STATUSES as readonly string[]).includes(status) ? status : '',
    metric: queryText(req, 'metric'),
    speaker: queryText(req, 'speaker'),
    rank: (CLAIM_RANKS as readonly string[]).includes(rank) ? rank : '',
    from: queryText(req, 'from'),
    to: queryText(req, 'to'),
    conflict: queryText(req, 'conflict') === '1' ? '1' : '',
  };
}

/** Messages for date filters that are not ISO dates or run backwards; {} when all can be applied. */
export function claimsFilterErrors(filters: ClaimsFilters): Record<string, string> {
  const errors: Record<string, string> = {};
  if (filters.from && !isIsoDate(filters.from)) errors.from = `“${filters.from}” is not a date; use YYYY-MM-DD.`;
  if (filters.to && !isIsoDate(filters.to)) errors.to = `“${filters.to}” is not a date; use YYYY-MM-DD.`;
  if (!errors.from && !errors.to && filters.from && filters.to && filters.from > filters.to) errors.to = 'The end date is before the start date.';
  return errors;
}

/** One page of claims matching the filters; `withChoices` adds the source filter's options (the HTML page needs them). */
export function loadClaimsList(deps: AppDeps, filters: ClaimsFilters, page: unknown, withChoices = false): ClaimsListData {
  const request = pageRequest(page, PER_PAGE);
  const source = filters.source ? sourceRef(getSource(deps.db, Number(filters.source))) : null;
  const subject = filters.subject ? resolveEntity(deps.db, filters.subject) : null;
  const unknownSubject = filters.subject !== '' && subject === null;
  const speaker = filters.speaker ? resolveEntity(deps.db, filters.speaker) : null;
  const unknownSpeaker = filters.speaker !== '' && speaker === null;
  const errors = claimsFilterErrors(filters);
  const filter: ClaimFilter = {
    limit: request.limit,
    sourceId: source?.id,
    kind: (filters.kind || undefined) as ClaimKind | undefined,
    status: (filters.status || undefined) as ClaimStatus | undefined,
    subjectId: subject?.id,
    metric: filters.metric || undefined,
    speakerId: speaker?.id,
    rank: (filters.rank || undefined) as ClaimRank | undefined,
    publishedFrom: filters.from || undefined,
    publishedTo: filters.to || undefined,
    inConflict: filters.conflict === '1' || undefined,
  };
  const nothing = unknownSubject || unknownSpeaker || Object.keys(errors).length > 0;
  const { result, page: shown, pageNotice } = nothing
    ? { result: { items: [], total: 0 }, page: 1, pageNotice: null }
    : listClampedPage(deps, filter, request.page);
  return {
    claims: result.items,
    filters,
    source,
    unknownSubject,
    unknownSpeaker,
    errors,
    // The lexicon's metrics (a small table), not DISTINCT over all claims, which grows with the database.
    metrics: listLexiconMetrics(deps.db).map((m) => m.metric),
    pagination: pagination(shown, PER_PAGE, result.total),
    sourceChoices: withChoices ? sourceChoices(deps) : null,
    pageNotice,
  };
}

/** The last page the list can link to: the count stops at CLAIM_COUNT_CAP. */
const LAST_LINKED_PAGE = Math.ceil(CLAIM_COUNT_CAP / PER_PAGE);

/**
 * The requested page of claims, or the last page when the request is past it: a page number typed into the URL
 * never makes SQLite skip millions of rows (OFFSET), and the reviewer is told which page is shown instead.
 */
function listClampedPage(deps: AppDeps, filter: ClaimFilter, requested: number): { result: Page<ClaimView>; page: number; pageNotice: string | null } {
  let page = Math.min(requested, LAST_LINKED_PAGE);
  let result = listClaims(deps.db, { ...filter, offset: (page - 1) * PER_PAGE });
  const last = Math.max(1, Math.ceil(result.total / PER_PAGE));
  if (page > last) {
    page = last;
    result = listClaims(deps.db, { ...filter, offset: (page - 1) * PER_PAGE });
  }
  const pageNotice = page === requested ? null : `There is no page ${requested} of these claims; this is the last page the list goes to, page ${page}.`;
  return { result, page, pageNotice };
}

const CSV_COLUMNS = [
  'id', 'source_id', 'source_title', 'publisher', 'published', 'quote', 'quote_start', 'quote_end', 'kind', 'subject',
  'metric', 'value_text', 'low', 'high', 'unit', 'interval', 'qualifier', 'scope_from', 'scope_to', 'as_of', 'speaker',
  'attribution_cue', 'relay', 'hedge', 'status', 'rank', 'note', 'origin', 'confirmed_by', 'confirmed_at',
];

/** One CSV row per claim, with its source's citation fields and the figure's interval. */
export function claimsCsv(data: ClaimsListData): CsvTable {
  return {
    columns: CSV_COLUMNS,
    rows: data.claims.map((c) => [
      c.id, c.sourceId, c.sourceTitle, c.sourcePublisher, c.sourcePublishedAt, c.quote, c.quoteStart, c.quoteEnd, c.kind,
      c.subjectName, c.metric, c.valueText, c.figure.low, c.figure.high, c.figure.unit, formatFigure(c.figure), c.qualifier,
      c.scopeFrom, c.scopeTo, c.asOf, c.speakerName, c.attributionCue, c.relay, c.hedge, c.status, c.rank, c.note, c.origin,
      c.confirmedBy, c.confirmedAt,
    ]),
  };
}

export const claimsList = (deps: AppDeps): RequestHandler => (req, res) => {
  const data = loadClaimsList(deps, claimsFilters(req), req.query.page, formatOf(res) === 'html');
  const invalid = Object.keys(data.errors).length > 0;
  // API clients get the fixed error shape; the page shows the messages beside the filters.
  if (invalid && formatOf(res) !== 'html') throw new ValidationError(Object.values(data.errors).join(' '), data.errors);
  sendPage(res, { view: 'claims/list', data, csv: claimsCsv, status: invalid ? 422 : 200, shared: true });
};
