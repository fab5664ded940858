// ClaimReview JSON-LD from the database: the settled (resolved or explained) conflicts, optionally of one subject
// and metric, with their claims, handed to the pure domain/claim-review. Shared by the fact page and `crosscheck export`.
import { claimReviews, type ClaimReviewOptions, type SettledConflict } from '../domain/claim-review.js';
import type { Db } from '../store/database.js';
import { getConflictWithClaims, listConflicts, type ConflictSummary } from '../store/conflicts.js';
import { getEntity } from '../store/entities.js';

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

/** The settled conflicts as the domain reads them: claims with their speaker's type. */
export function loadSettledConflicts(db: Db, filter: ClaimReviewFilter = {}): SettledConflict[] {
  const speakerTypes = new Map<number, string>();
  const typeOf = (id: number): string => {
    if (!speakerTypes.has(id)) speakerTypes.set(id, getEntity(db, id).type);
    return speakerTypes.get(id)!;
  };
  return settledConflicts(db, filter).map((summary) => {
    const { conflict, claims } = getConflictWithClaims(db, summary.id);
    return {
      id: conflict.id,
      status: conflict.status,
      subjectName: summary.subjectName,
      metric: conflict.metric,
      resolutionNote: conflict.resolutionNote,
      decidedAt: conflict.updatedAt,
      claims: claims.map((claim) => ({ ...claim, speakerType: claim.speakerId === null ? null : typeOf(claim.speakerId) })),
    };
  });
}

export interface ClaimReviewFilter {
  subjectId?: number;
  metric?: string;
}

/** The JSON-LD document: a list of ClaimReview objects for each filter in turn, pretty-printed, ending in a newline. */
export function exportClaimReviews(db: Db, filters: ClaimReviewFilter[], options: ClaimReviewOptions): string {
  const conflicts = filters.flatMap((filter) => loadSettledConflicts(db, filter));
  return JSON.stringify(claimReviews(conflicts, options), null, 2) + '\n';
}
