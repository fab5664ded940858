// A reviewer's rating of a confirmed claim for ClaimReview (migration 017): one per claim, edited in place, every
// change audited on the claim. Only a confirmed claim may be rated, and only confirmed claims' ratings are exported.
import { checkRatingInput, ratingRefusals } from '../domain/claim-review.js';
import { normaliseMetric } from '../domain/crosscheck.js';
import { StaleEditError } from '../domain/errors.js';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';
import { getClaim } from './claims.js';

export interface ClaimRating {
  claimId: number;
  rating: number;
  explanation: string;
  ratedBy: string;
  ratedAt: string;
  /** 1 for the first rating, counting each edit; 0 is what a form for an unrated claim carries. */
  version: number;
}

interface RatingRow {
  claim_id: number;
  rating: number;
  explanation: string;
  rated_by: string;
  rated_at: string;
  version: number;
}

function toRating(row: RatingRow): ClaimRating {
  return { claimId: row.claim_id, rating: row.rating, explanation: row.explanation, ratedBy: row.rated_by, ratedAt: row.rated_at, version: row.version };
}

/** The claim's rating, or null when nobody rated it. */
export function getClaimRating(db: Db, claimId: number): ClaimRating | null {
  const row = db.prepare('SELECT * FROM claim_ratings WHERE claim_id = ?').get(claimId) as RatingRow | undefined;
  return row ? toRating(row) : null;
}

/**
 * Rates a confirmed claim, or changes its rating, when `version` is the rating's current one (0: not rated yet);
 * ValidationError for a claim that is not confirmed or a bad rating, StaleEditError when someone rated it since.
 */
export function rateClaim(db: Db, claimId: number, version: number, input: { rating?: unknown; explanation?: unknown }, ctx: WriteContext): ClaimRating {
  return db.transaction(() => {
    const claim = getClaim(db, claimId);
    const checked = checkRatingInput(input);
    if ('errors' in checked) throw ratingRefusals.invalid(checked.errors);
    if (claim.status !== 'confirmed') throw ratingRefusals.notConfirmed(claimId, claim.status);
    const before = getClaimRating(db, claimId);
    if ((before?.version ?? 0) !== version) throw new StaleEditError(`The rating of claim ${claimId}`);
    db.prepare(
      `INSERT INTO claim_ratings (claim_id, rating, explanation, rated_by, rated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (claim_id) DO UPDATE SET rating = excluded.rating, explanation = excluded.explanation,
         rated_by = excluded.rated_by, rated_at = excluded.rated_at, version = version + 1`,
    ).run(claimId, checked.rating, checked.explanation, ctx.actor, nowIso(ctx));
    const after = getClaimRating(db, claimId)!;
    // A first rating is recorded from nothing (nulls), so the claim's history shows what was given.
    const state = (r: ClaimRating | null) => ({ rating: r?.rating ?? null, explanation: r?.explanation ?? null });
    recordAudit(db, { action: 'rate', entity: 'claim', entityId: claimId, before: state(before), after: state(after) }, ctx);
    return after;
  })();
}

/** The ratings of confirmed claims, optionally of one subject and metric (or one claim), oldest claim first. */
export function listConfirmedRatings(db: Db, filter: { subjectId?: number; metric?: string; claimId?: number } = {}): ClaimRating[] {
  const clauses = ["c.status = 'confirmed'"];
  const params: unknown[] = [];
  if (filter.claimId !== undefined) {
    clauses.push('c.id = ?');
    params.push(filter.claimId);
  }
  if (filter.subjectId !== undefined) {
    clauses.push('c.subject_id = ?');
    params.push(filter.subjectId);
  }
  if (filter.metric !== undefined) {
    clauses.push('c.metric = ?');
    params.push(normaliseMetric(filter.metric));
  }
  const rows = db
    .prepare(`SELECT r.* FROM claim_ratings r JOIN claims c ON c.id = r.claim_id WHERE ${clauses.join(' AND ')} ORDER BY r.claim_id`)
    .all(...params) as RatingRow[];
  return rows.map(toRating);
}

/** The ratings of these claims (unrated ones left out), by claim id; one query. */
export function ratingsOfClaims(db: Db, claimIds: readonly number[]): Map<number, ClaimRating> {
  if (claimIds.length === 0) return new Map();
  const rows = db.prepare('SELECT * FROM claim_ratings WHERE claim_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(claimIds)) as RatingRow[];
  return new Map(rows.map((row) => [row.claim_id, toRating(row)]));
}
