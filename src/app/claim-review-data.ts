// ClaimReview JSON-LD from the database: the settled (resolved or explained) conflicts and the confirmed claims a
// reviewer rated, optionally of one subject and metric, handed to the pure domain/claim-review. Shared by the fact
// page and `crosscheck export`.
import { claimReviews, type ClaimReviewOptions, type RatedClaim, type SettledConflict } from '../domain/claim-review.js';
import type { Db } from '../store/database.js';
import { getConflictWithClaims, listConflicts } from '../store/conflicts.js';
import type { ConflictSummary } from '../store/rows.js';
import { getEntity } from '../store/entities.js';
import { getClaimViews } from '../store/claims.js';
import { listConfirmedRatings } from '../store/claim-ratings.js';

export const CLAIM_REVIEW_MEDIA_TYPE = 'application/ld+json; charset=utf-8';

/** Every settled conflict matching the filter, oldest first. */
function settledConflicts(db: Db, filter: ClaimReviewFilter): ConflictSummary[] {
  const out: ConflictSummary[] = [];
  for (const status of ['resolved', 'explained'] as const) {
    for (let offset = 0; ; offset += 500) {
      const page = listConflicts(db, { ...filter, status, includeStale: true, limit: 500, offset });
      out.push(...page.items);
      if (offset + page.items.length >= page.total || page.items.length === 0) break;
    }
  }
  return out.sort((a, b) => a.id - b.id);
}

/** A speaker entity's type, looked up once per id. */
function speakerTypes(db: Db): (id: number | null) => string | null {
  const types = new Map<number, string>();
  return (id) => {
    if (id === null) return null;
    if (!types.has(id)) types.set(id, getEntity(db, id).type);
    return types.get(id)!;
  };
}

/** The settled conflicts as the domain reads them: claims with their speaker's type. */
export function loadSettledConflicts(db: Db, filter: ClaimReviewFilter = {}): SettledConflict[] {
  const typeOf = speakerTypes(db);
  return settledConflicts(db, filter).map((summary) => {
    const { conflict, claims } = getConflictWithClaims(db, summary.id);
    return {
      id: conflict.id,
      status: conflict.status,
      subjectName: summary.subjectName,
      metric: conflict.metric,
      resolutionNote: conflict.resolutionNote,
      decidedAt: conflict.updatedAt,
      claims: claims.map((claim) => ({ ...claim, speakerType: typeOf(claim.speakerId) })),
    };
  });
}

export interface ClaimReviewFilter {
  subjectId?: number;
  metric?: string;
}

/** The one ClaimReview of a rated confirmed claim (its own rating), as a JSON-LD list: empty when it is not rated. */
export function exportClaimReviewOfClaim(db: Db, claimId: number, options: ClaimReviewOptions): string {
  return JSON.stringify(claimReviews([], options, loadRatedClaims(db, { claimId })), null, 2) + '\n';
}

/** The confirmed claims a reviewer rated, with their rating and what the review needs of their source and speaker. */
export function loadRatedClaims(db: Db, filter: ClaimReviewFilter & { claimId?: number } = {}): RatedClaim[] {
  const typeOf = speakerTypes(db);
  const ratings = listConfirmedRatings(db, filter);
  const views = new Map(getClaimViews(db, ratings.map((r) => r.claimId)).map((view) => [view.id, view]));
  return ratings.map((r) => {
    const view = views.get(r.claimId)!;
    return { ...view, speakerType: typeOf(view.speakerId), rating: r.rating, explanation: r.explanation, ratedAt: r.ratedAt };
  });
}

/** The JSON-LD document: a list of ClaimReview objects for each filter in turn, pretty-printed, ending in a newline. */
export function exportClaimReviews(db: Db, filters: ClaimReviewFilter[], options: ClaimReviewOptions): string {
  const conflicts = filters.flatMap((filter) => loadSettledConflicts(db, filter));
  const rated = filters.flatMap((filter) => loadRatedClaims(db, filter));
  return JSON.stringify(claimReviews(conflicts, options, rated), null, 2) + '\n';
}
