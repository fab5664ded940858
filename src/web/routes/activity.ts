// GET /activity — who did what: every audit event, newest first, filtered by user, action, item and date (also
// .json and .csv).
import type { Request, RequestHandler } from 'express';
import type { AuditEvent } from '../../domain/types.js';
import { parseIsoDate } from '../../domain/calendar.js';
import { listActivity, type ActivityFilter } from '../../store/audit.js';
import type { AppDeps } from '../deps.js';
import { pageRequest, pagination, type Pagination } from '../pagination.js';
import { queryText } from '../params.js';
import { sendPage, type CsvTable } from '../render.js';
import { urls, type Query } from '../urls.js';

const PER_PAGE = 100;
/** The kinds of item and the actions the log records, offered as the filter's choices. */
const CHOICES = {
  items: ['source', 'claim', 'conflict', 'entity', 'alias', 'lexicon', 'user'],
  actions: ['create', 'update', 'delete', 'merge', 'flag', 'resolve', 'reopen', 'undo', 'near-duplicate', 'comment', 'assign', 'propose', 'approve', 'withdraw', 'decline', 'disable', 'enable'],
};

export interface ActivityFilterValues {
  user: string;
  action: string;
  item: string;
  id: string;
  from: string;
  to: string;
}

export interface ActivityData {
  filter: ActivityFilterValues;
  /** Messages beside filter fields that could not be read (those filters are left out). */
  errors: Record<string, string>;
  events: Array<AuditEvent & { href: string | null }>;
  pagination: Pagination;
  capped: boolean;
  choices: typeof CHOICES;
}

/** The page of the item an event is about, when it has one. */
function itemHref(event: AuditEvent): string | null {
  switch (event.entity) {
    case 'source': return urls.source(event.entityId);
    case 'claim': return urls.claim(event.entityId);
    case 'conflict': return urls.conflict(event.entityId);
    case 'entity': return urls.entity(event.entityId);
    default: return null;
  }
}

/** The day after an ISO date, as the exclusive upper bound of "to". */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** The filter as typed, and what the store is asked for (with a message per field it could not read). */
export function readActivityFilter(req: Request): { values: ActivityFilterValues; filter: ActivityFilter; errors: Record<string, string> } {
  const values: ActivityFilterValues = {
    user: queryText(req, 'user'), action: queryText(req, 'action'), item: queryText(req, 'item'),
    id: queryText(req, 'id'), from: queryText(req, 'from'), to: queryText(req, 'to'),
  };
  const errors: Record<string, string> = {};
  const date = (name: 'from' | 'to'): string | undefined => {
    if (values[name] === '') return undefined;
    if (parseIsoDate(values[name]) !== null) return values[name];
    errors[name] = 'Write the date as YYYY-MM-DD.';
    return undefined;
  };
  const id = /^\d{1,15}$/.test(values.id) ? Number(values.id) : undefined;
  if (values.id !== '' && id === undefined) errors.id = 'An item number is a whole number.';
  const to = date('to');
  const filter: ActivityFilter = {
    actor: values.user, action: values.action, entity: values.item, entityId: id, from: date('from'), before: to && dayAfter(to),
  };
  return { values, filter, errors };
}

/** One page of the log under the request's filter. */
export function loadActivity(deps: AppDeps, req: Request): ActivityData {
  const { values, filter, errors } = readActivityFilter(req);
  const request = pageRequest(req.query.page, PER_PAGE);
  const result = listActivity(deps.db, filter, { limit: request.limit, offset: request.offset });
  return {
    filter: values,
    errors,
    events: result.items.map((event) => ({ ...event, href: itemHref(event) })),
    pagination: pagination(request.page, PER_PAGE, result.total),
    capped: result.capped ?? false,
    choices: CHOICES,
  };
}

/** The CSV form: one row per event, before and after as JSON. */
export function activityCsv(data: ActivityData): CsvTable {
  return {
    columns: ['id', 'at', 'user', 'action', 'item', 'item_id', 'reason', 'before', 'after'],
    rows: data.events.map((e) => [e.id, e.at, e.actor, e.action, e.entity, e.entityId, e.reason,
      e.before === null ? null : JSON.stringify(e.before), e.after === null ? null : JSON.stringify(e.after)]),
  };
}

/** The activity URL for a filter (and page), for links and pagination. */
export function activityUrl(filter: ActivityFilterValues, page?: number): string {
  const query: Query = { ...filter, page: page && page > 1 ? page : null };
  return urls.activity(query);
}

export const activityPage = (deps: AppDeps): RequestHandler => (req, res) => {
  const data = loadActivity(deps, req);
  sendPage(res, { view: 'activity', data, csv: activityCsv, status: Object.keys(data.errors).length ? 422 : 200 });
};
