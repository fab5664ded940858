// GET /entities — people, organisations, places, events… with their aliases and claim counts (also .json, .csv).
import type { RequestHandler } from 'express';
import { ENTITY_TYPES, type EntityType } from '../../domain/types.js';
import { listEntities, type EntitySummary } from '../../store/entities.js';
import type { AppDeps } from '../deps.js';
import { pageRequest, pagination, type Pagination } from '../pagination.js';
import { queryText } from '../params.js';
import { sendPage, type CsvTable } from '../render.js';

const PER_PAGE = 100;

export interface EntitiesListData {
  entities: EntitySummary[];
  filters: { q: string; type: string };
  types: readonly EntityType[];
  pagination: Pagination;
}

/** One page of entities by name, filtered by a name prefix (names and aliases, folded) and type. */
export function loadEntitiesList(deps: AppDeps, query: { q: string; type: string; page: unknown }): EntitiesListData {
  const request = pageRequest(query.page, PER_PAGE);
  const type = (ENTITY_TYPES as readonly string[]).includes(query.type) ? (query.type as EntityType) : undefined;
  const page = listEntities(deps.db, { q: query.q || undefined, type, limit: request.limit, offset: request.offset });
  return { entities: page.items, filters: { q: query.q, type: type ?? '' }, types: ENTITY_TYPES, pagination: pagination(request.page, PER_PAGE, page.total) };
}

/** The CSV form: one row per entity, aliases joined by "; ". */
export function entitiesCsv(data: EntitiesListData): CsvTable {
  return {
    columns: ['id', 'name', 'type', 'aliases', 'subject_of_claims', 'speaker_of_claims'],
    rows: data.entities.map((e) => [e.id, e.name, e.type, e.aliases.join('; '), e.subjectClaimCount, e.speakerClaimCount]),
  };
}

export const entitiesList = (deps: AppDeps): RequestHandler => (req, res) => {
  const data = loadEntitiesList(deps, { q: queryText(req, 'q'), type: queryText(req, 'type'), page: req.query.page });
  sendPage(res, { view: 'entities/list', data, csv: entitiesCsv, shared: true });
};
