
import { Page, PageRequest, pageBounds } from './context.js';
import { ClaimKind, ClaimRank, ClaimStatus, IsoDate } from '../domain/types.js';
import { normaliseMetric } from '../domain/crosscheck.js';
import { CLAIM_IS_MINE, CLAIM_IS_UNASSIGNED } from './assignments.js';
import { toFtsQuery } from './search.js';
import { Db } from './database.js';
import { ClaimView, ClaimViewRow, VIEW_SELECT, toClaimView } from './rows.js';// The claims list: a page of claims under any of its filters (source, kind, subject, status, speaker, metric, rank,
// words, publication dates, in a current conflict) with a capped count, and the sources the filter offers.

export interface ClaimFilter extends PageRequest {
  sourceId?: number;
  kind?: ClaimKind;
  subjectId?: number;
  status?: ClaimStatus;
  speakerId?: number;
  metric?: string;
  rank?: ClaimRank;
  /** Words in the quote or value text, full-text matched (see toFtsQuery); punctuation-only input is ignored. */
  q?: string;
  /** Source publication date range, inclusive. */
  publishedFrom?: IsoDate;
  publishedTo?: IsoDate;
  /** true: only claims in a conflict that is current (flagged, or whose rule still fires). */
  inConflict?: boolean;
  /** A user's id: only claims whose source or subject that user has taken; 'nobody': only claims of neither taken. */
  assignedTo?: number | 'nobody';
}

/** The WHERE clause of a claims filter; `conflictTest: false` leaves out the "in conflict" test (a caller that joins conflict_claims). */
function filterSql(filter: ClaimFilter, conflictTest = true): { where: string; params: unknown[]; needsSource: boolean } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const equal = (column: string, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    clauses.push(`${column} = ?`);
    params.push(value);
  };
  equal('c.source_id', filter.sourceId);
  equal('c.kind', filter.kind);
  equal('c.subject_id', filter.subjectId);
  equal('c.status', filter.status);
  equal('c.speaker_id', filter.speakerId);
  equal('c.metric', filter.metric === undefined ? undefined : normaliseMetric(filter.metric));
  equal('c.rank', filter.rank);
  const match = filter.q === undefined ? '' : toFtsQuery(filter.q);
  if (match !== '') {
    clauses.push('c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)');
    params.push(match);
  }
  if (filter.assignedTo !== undefined) {
    clauses.push(filter.assignedTo === 'nobody' ? CLAIM_IS_UNASSIGNED : CLAIM_IS_MINE);
    if (filter.assignedTo !== 'nobody') params.push(filter.assignedTo, filter.assignedTo);
  }
  let needsSource = false;
  if (filter.publishedFrom) {
    clauses.push('s.published_at >= ?');
    params.push(filter.publishedFrom);
    needsSource = true;
  }
  if (filter.publishedTo) {
    clauses.push('s.published_at <= ?');
    params.push(filter.publishedTo);
    needsSource = true;
  }
  if (filter.inConflict && conflictTest) {
    // Tested per row on the conflict_claims_claim index: a page stops after its 50 rows, where `c.id IN (…)`
    // first listed every claim id of every conflict (hundreds of thousands in a large database).
    clauses.push(IN_CURRENT_CONFLICT);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params, needsSource };
}

const IN_CURRENT_CONFLICT =
  'EXISTS (SELECT 1 FROM conflict_claims cc JOIN conflicts k ON k.id = cc.conflict_id WHERE cc.claim_id = c.id AND k.stale = 0)';

/**
 * The capped count of the claims matching the filter. With "in conflict", the count walks conflict_claims (its
 * rows are the only candidates) instead of testing every claim, which would read a million rows to find a few.
 */
function countClaims(db: Db, filter: ClaimFilter): number {
  const { where, params, needsSource } = filterSql(filter, false);
  const join = needsSource ? 'JOIN sources s ON s.id = c.source_id' : '';
  // Every conflict_claims row names an existing claim (foreign key, cascade), so the claims rows are only read
  // when another filter needs them: reading them costs eight times the walk itself.
  const claimsJoin = where === '' ? '' : `JOIN claims c ON c.id = cc.claim_id ${join}`;
  const sql = filter.inConflict
    ? `SELECT count(*) AS n FROM (SELECT DISTINCT cc.claim_id FROM conflict_claims cc
         JOIN conflicts k ON k.id = cc.conflict_id AND k.stale = 0
         ${claimsJoin} ${where} LIMIT ${CLAIM_COUNT_CAP + 1})`
    : `SELECT count(*) AS n FROM (SELECT 1 FROM claims c ${join} ${where} LIMIT ${CLAIM_COUNT_CAP + 1})`;
  return (db.prepare(sql).get(...params) as { n: number }).n;
}

/** listClaims counts matching claims up to this many; beyond it the page says `capped`. */
export const CLAIM_COUNT_CAP = 10_000;

/**
 * A page of claims matching the filter with the total (capped at CLAIM_COUNT_CAP), as display views: two queries whatever the page size.
 * Ordered by position in the article when filtered to one source; by publication date (newest first), then text
 * order, when filtered by date; else newest claim first.
 */
export function listClaims(db: Db, filter: ClaimFilter = {}): Page<ClaimView> {
  const { limit, offset } = pageBounds(filter);
  const { where, params, needsSource } = filterSql(filter);
  // With a date filter, walking sources by date (newest first) and each one's claims in text order needs no sort.
  const order =
    filter.sourceId !== undefined ? 'c.quote_start, c.id' : needsSource ? 's.published_at DESC, s.id DESC, c.quote_start, c.id' : 'c.id DESC';
  // Counting a million claims under two filters takes longer than a page may; stop at CLAIM_COUNT_CAP.
  const counted = countClaims(db, filter);
  const rows = db.prepare(`${VIEW_SELECT} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, limit, offset) as ClaimViewRow[];
  const capped = counted > CLAIM_COUNT_CAP;
  return { items: rows.map(toClaimView), total: capped ? CLAIM_COUNT_CAP : counted, capped, limit, offset };
}

/** A source as the claims filter offers it. */
export interface ClaimFilterSource {
  id: number;
  title: string;
  publisher: string;
  publishedAt: IsoDate;
}

/**
 * The sources the claims list can be filtered by, newest first, without bodies or counts; null when there are more
 * than `max` (the list would be too long to offer). One query of at most max + 1 rows.
 */
export function listClaimFilterSources(db: Db, max: number): ClaimFilterSource[] | null {
  const rows = db
    .prepare('SELECT id, title, publisher, published_at FROM sources ORDER BY id DESC LIMIT ?')
    .all(max + 1) as { id: number; title: string; publisher: string; published_at: string }[];
  if (rows.length > max) return null;
  return rows.map((r) => ({ id: r.id, title: r.title, publisher: r.publisher, publishedAt: r.published_at }));
}
