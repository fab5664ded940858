// Full-text search over sources (title and text) and claims (quote and value as written), via the FTS5 tables of
// migration 002. The reviewer's words are turned into a safe FTS5 query here, so punctuation never throws.
import type { IsoDate } from '../domain/types.js';
import type { Db } from './database.js';

/** A piece of a snippet; `match` pieces are the words that matched (the web layer wraps them in <mark>). */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface SourceHit {
  id: number;
  title: string;
  publisher: string;
  publishedAt: IsoDate;
  snippet: SnippetPart[];
}

export interface ClaimHit {
  id: number;
  sourceId: number;
  sourceTitle: string;
  sourcePublisher: string;
  sourcePublishedAt: IsoDate;
  valueText: string;
  status: string;
  snippet: SnippetPart[];
}

export interface SearchResults {
  /** The FTS5 query the words became ('' when they held nothing searchable). */
  match: string;
  sources: SourceHit[];
  claims: ClaimHit[];
}

// Private-use characters mark the matches inside snippet(): they cannot occur in imported text that a reviewer
// would search, and unlike HTML tags they need no escaping rules of their own.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * Turns what a reviewer typed into an FTS5 query: "quoted phrases" stay phrases, other words become quoted terms
 * (so AND, NEAR, *, :, ( ) and quotes are plain text); '' when nothing is left. All terms must match. No prefix
 * matching: FTS5 cannot seek within a prefix query, which made snippets 10 ms each on a large index.
 */
export function toFtsQuery(input: string): string {
  const terms: string[] = [];
  const pattern = /"([^"]*)"?|(\S+)/g;
  for (const match of input.matchAll(pattern)) {
    const text = (match[1] ?? match[2] ?? '').trim();
    // A term without a letter or digit tokenizes to nothing; FTS5 would reject or ignore it.
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    terms.push(`"${text.replace(/"/g, '""')}"`);
  }
  return terms.join(' ');
}

/** Splits a snippet marked with OPEN/CLOSE into plain and matching parts. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of marked.split(new RegExp(`[${OPEN}${CLOSE}]`)).entries()) {
    if (piece === '') continue;
    // Pieces alternate outside/inside the markers, starting outside.
    parts.push({ text: piece, match: index % 2 === 1 });
  }
  return parts;
}

/**
 * How many of the most recent matches are ranked. Ranking (bm25) and snippets cost time per matching row; a common
 * word in 100,000 articles would take half a second. Ranking the newest matches only keeps a search within the page
 * budget; the order within them is by relevance.
 */
const RANKED_MATCHES = 1000;

/**
 * Sources and claims matching the words, best match first (bm25 among the newest RANKED_MATCHES matches), each with a
 * highlighted snippet; `limit` per kind (default 20). Snippets are made for the returned rows only.
 */
export function search(db: Db, query: string, options: { limit?: number } = {}): SearchResults {
  const match = toFtsQuery(query);
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20) || 20, 1), 200);
  if (match === '') return { match, sources: [], claims: [] };
  return { match, sources: searchSources(db, match, limit), claims: searchClaims(db, match, limit) };
}

function searchSources(db: Db, match: string, limit: number): SourceHit[] {
  const rows = db
    .prepare(
      `SELECT s.id, s.title, s.publisher, s.published_at
       FROM (SELECT rowid AS id, bm25(sources_fts, 5.0, 1.0) AS score FROM sources_fts
             WHERE sources_fts MATCH ? ORDER BY rowid DESC LIMIT ${RANKED_MATCHES}) AS hit
       JOIN sources s ON s.id = hit.id
       ORDER BY hit.score, s.id LIMIT ?`,
    )
    .all(match, limit) as { id: number; title: string; publisher: string; published_at: string }[];
  const snippets = snippetsOf(db, 'sources_fts', -1, 16, match, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    publisher: row.publisher,
    publishedAt: row.published_at,
    snippet: snippets.get(row.id) ?? [],
  }));
}

function searchClaims(db: Db, match: string, limit: number): ClaimHit[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.source_id, c.value_text, c.status, s.title, s.publisher, s.published_at
       FROM (SELECT rowid AS id, bm25(claims_fts) AS score FROM claims_fts
             WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT ${RANKED_MATCHES}) AS hit
       JOIN claims c ON c.id = hit.id JOIN sources s ON s.id = c.source_id
       ORDER BY hit.score, c.id LIMIT ?`,
    )
    .all(match, limit) as {
    id: number;
    source_id: number;
    value_text: string;
    status: string;
    title: string;
    publisher: string;
    published_at: string;
  }[];
  const snippets = snippetsOf(db, 'claims_fts', 0, 24, match, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    sourceId: row.source_id,
    sourceTitle: row.title,
    sourcePublisher: row.publisher,
    sourcePublishedAt: row.published_at,
    valueText: row.value_text,
    status: row.status,
    snippet: snippets.get(row.id) ?? [],
  }));
}

/**
 * The snippets of the given rows of one FTS5 table for the query, by rowid; one query. The ids come from json_each,
 * whose values are SQLite integers: FTS5 seeks each one. A rowid bound from JavaScript is a REAL, which FTS5's
 * rowid constraint does not honour (`rowid = ?` returned every match, so each hit showed the first one's snippet).
 */
function snippetsOf(
  db: Db,
  table: 'sources_fts' | 'claims_fts',
  column: number,
  tokens: number,
  match: string,
  ids: number[],
): Map<number, SnippetPart[]> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare(
      `SELECT rowid AS id, snippet(${table}, ${column}, '${OPEN}', '${CLOSE}', '…', ${tokens}) AS marked FROM ${table}
       WHERE ${table} MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
    )
    .all(match, JSON.stringify(ids)) as { id: number; marked: string }[];
  return new Map(rows.map((row) => [row.id, snippetParts(row.marked)]));
}
