// GET /sources — the imported articles, newest first (also .json and .csv).
import type { RequestHandler } from 'express';
import { listSources, type SourceSummary } from '../../store/sources.js';
import type { AppDeps } from '../deps.js';
import { pageRequest, pagination, type Pagination } from '../pagination.js';
import { sendPage, type CsvTable } from '../render.js';

const PER_PAGE = 50;

export interface SourcesListData {
  sources: SourceSummary[];
  pagination: Pagination;
}

/** One page of sources with their claim counts. */
export function loadSourcesList(deps: AppDeps, page: unknown): SourcesListData {
  const request = pageRequest(page, PER_PAGE);
  const result = listSources(deps.db, { limit: request.limit, offset: request.offset });
  return { sources: result.items, pagination: pagination(request.page, PER_PAGE, result.total) };
}

/** The CSV form of the list: one row per source, metadata and claim counts. */
export function sourcesCsv(data: SourcesListData): CsvTable {
  return {
    columns: ['id', 'title', 'publisher', 'author', 'url', 'published', 'format', 'characters', 'sha256', 'claims', 'candidate', 'confirmed', 'rejected'],
    rows: data.sources.map((s) => [
      s.id, s.title, s.publisher, s.author, s.url, s.publishedAt, s.format, s.bodyLength, s.bodySha256,
      s.claimCount, s.claimCounts.candidate, s.claimCounts.confirmed, s.claimCounts.rejected,
    ]),
  };
}

export const sourcesList = (deps: AppDeps): RequestHandler => (req, res) => {
  sendPage(res, { view: 'sources/list', data: loadSourcesList(deps, req.query.page), csv: sourcesCsv, shared: true });
};
