// GET /search?q= — full-text search (SQLite FTS5) over articles (title and text) and claim quotes, with the matching
// words highlighted in snippets; also .json. Empty or punctuation-only queries get a message, never an error.
import type { RequestHandler } from 'express';
import { search, type SearchResults } from '../../store/search.js';
import type { AppDeps } from '../deps.js';
import { queryText } from '../params.js';
import { sendPage } from '../render.js';

/** Longer queries are refused: nobody types them, and each term costs an index lookup. */
export const MAX_QUERY_LENGTH = 500;
const PER_KIND = 20;

export interface SearchPageData {
  q: string;
  /** Why there are no results to show, when the query held nothing searchable. */
  message: string | null;
  results: SearchResults;
}

/** The search page's data for what the reviewer typed; a message instead of results for empty or unusable input. */
export function loadSearch(deps: AppDeps, q: string): SearchPageData {
  const none: SearchResults = { match: '', sources: [], claims: [] };
  if (q === '') return { q, message: 'Type words or figures to search the articles and the claims’ quotes.', results: none };
  if (q.length > MAX_QUERY_LENGTH) return { q, message: `That search is too long: use at most ${MAX_QUERY_LENGTH} characters.`, results: none };
  const results = search(deps.db, q, { limit: PER_KIND });
  if (results.match === '') return { q, message: `“${q}” has no words or numbers to search for.`, results };
  return { q, message: null, results };
}

export const searchPage = (deps: AppDeps): RequestHandler => (req, res) => {
  const data = loadSearch(deps, queryText(req, 'q'));
  sendPage(res, { view: 'search/index', data, status: data.q.length > MAX_QUERY_LENGTH ? 422 : 200 });
};
