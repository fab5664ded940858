
import type { Claim, ClaimStatus } from '../domain/types.js';
import { NotFoundError } from '../domain/errors.js';
import { normaliseMetric } from '../domain/crosscheck.js';
import type { Db } from './database.js';
import { ClaimRow, ClaimView, ClaimViewRow, VIEW_SELECT, toClaim, toClaimView } from './rows.js';

/** The claim with this id; NotFoundError when there is none. */
export function getClaim(db: Db, id: number): Claim {
  const row = db.prepare('SELECT * FROM claims WHERE id = ?').get(id) as ClaimRow | undefined;
  if (!row) throw new NotFoundError(`Claim ${id}`);
  return toClaim(row);
}

/** The claim with speaker, subject and source names for display; NotFoundError when there is none. */
export function getClaimView(db: Db, id: number): ClaimView {
  const row = db.prepare(`${VIEW_SELECT} WHERE c.id = ?`).get(id) as ClaimViewRow | undefined;
  if (!row) throw new NotFoundError(`Claim ${id}`);
  return toClaimView(row);
}

/** Display views of the given claims, in the order of `ids` (unknown ids are left out); one query. */
export function getClaimViews(db: Db, ids: number[]): ClaimView[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`${VIEW_SELECT} WHERE c.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ClaimViewRow[];
  const byId = new Map(rows.map((row) => [row.id, toClaimView(row)]));
  return ids.map((id) => byId.get(id)).filter((view): view is ClaimView => view !== undefined);
}

/** Claims of one source in text order (display views): all of them, or one page (limit and offset). */
export function listClaimsOfSource(db: Db, sourceId: number, page: { limit: number; offset: number } = { limit: -1, offset: 0 }): ClaimView[] {
  const rows = db
    .prepare(`${VIEW_SELECT} WHERE c.source_id = ? ORDER BY c.quote_start, c.id LIMIT ? OFFSET ?`)
    .all(sourceId, page.limit, page.offset) as ClaimViewRow[];
  return rows.map(toClaimView);
}

/** How many claims of its source come before this one in text order (the source page it is listed on); null when unknown. */
export function claimIndexInSource(db: Db, claimId: number): number | null {
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM claims o WHERE o.source_id = c.source_id
                AND (o.quote_start < c.quote_start OR (o.quote_start = c.quote_start AND o.id < c.id))) AS n
       FROM claims c WHERE c.id = ?`,
    )
    .get(claimId) as { n: number } | undefined;
  return row ? row.n : null;
}

/** Ids of one source's claims (to recompute their conflicts after the source's metadata changes). */
export function listClaimIdsOfSource(db: Db, sourceId: number): number[] {
  return (db.prepare('SELECT id FROM claims WHERE source_id = ? ORDER BY id').pluck().all(sourceId) as number[]);
}

/**
 * Claims (display views, id order) about one subject under any of the given metrics: the input of the conflict
 * rules for one conflict group (a fact, or "start date" with "duration"). Metrics match after normaliseMetric.
 */
export function listClaimsOfFact(db: Db, subjectId: number | null, metrics: string | string[]): ClaimView[] {
  const list = (Array.isArray(metrics) ? metrics : [metrics]).map(normaliseMetric);
  const rows = db
    .prepare(`${VIEW_SELECT} WHERE c.subject_id IS ? AND c.metric IN (SELECT value FROM json_each(?)) ORDER BY c.id`)
    .all(subjectId, JSON.stringify(list)) as ClaimViewRow[];
  return rows.map(toClaimView);
}

/** How many claims are in each status, overall (from the trigger-kept claim_status_counts) or for one source. */
export function countClaimsByStatus(db: Db, filter: { sourceId?: number } = {}): Record<ClaimStatus, number> {
  const rows = (
    filter.sourceId === undefined
      ? db.prepare('SELECT status, n FROM claim_status_counts').all()
      : db.prepare('SELECT status, count(*) AS n FROM claims WHERE source_id = ? GROUP BY status').all(filter.sourceId)
  ) as { status: ClaimStatus; n: number }[];
  const counts: Record<ClaimStatus, number> = { candidate: 0, confirmed: 0, rejected: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

/** Distinct metrics used by claims, alphabetically (for filter menus). */
export function listClaimMetrics(db: Db): string[] {
  return (db.prepare('SELECT DISTINCT metric FROM claims ORDER BY metric').all() as { metric: string }[]).map((r) => r.metric);
}
