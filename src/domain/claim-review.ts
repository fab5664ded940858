// schema.org ClaimReview (https://schema.org/ClaimReview) from a reviewer's decisions: every claim of a settled
// conflict gets a review — the preferred one rated as supported, the deprecated ones by why they were set aside, the
// claims of an explained conflict as explained. Pure: takes plain data, returns JSON-LD objects.
import type { ConflictStatus } from './types.js';

/** A claim of a settled conflict, with what the review needs of its source and speaker. */
export interface ReviewedClaim {
  id: number;
  quote: string;
  valueText: string;
  rank: 'preferred' | 'normal' | 'deprecated';
  rankReason: string | null;
  note: string | null;
  speakerName: string | null;
  /** The speaker entity's type (person, organisation …), null when the publisher speaks. */
  speakerType: string | null;
  sourcePublisher: string;
  sourcePublishedAt: string;
  sourceUrl: string | null;
  sourceTitle: string;
}

export interface SettledConflict {
  id: number;
  status: ConflictStatus;
  subjectName: string | null;
  metric: string;
  resolutionNote: string | null;
  /** When it was decided (ISO time). */
  decidedAt: string;
  claims: ReviewedClaim[];
}

export interface ClaimReviewOptions {
  /** The reviewing organisation (ClaimReview.author). */
  reviewer: string;
  /** The absolute address the app is served at, for each review's own url (the conflict page). */
  baseUrl: string;
}

interface Rating {
  value: number;
  name: string;
}

export const RATING_SCALE = { best: 5, worst: 1 } as const;

const DEPRECATED_RATINGS: Record<string, Rating> = {
  retracted: { value: 1, name: 'Retracted' },
  error: { value: 1, name: 'Wrong' },
  superseded: { value: 2, name: 'Outdated' },
  'self-report': { value: 3, name: 'Unverified self-report' },
  'different-scope': { value: 3, name: 'Different scope' },
  other: { value: 2, name: 'Not preferred' },
};

/** The rating a decision gives a claim, or null for a claim the decision did not rate. */
function ratingOf(conflict: SettledConflict, claim: ReviewedClaim): Rating | null {
  if (conflict.status === 'explained') return { value: 3, name: 'Sources differ: explained' };
  if (claim.rank === 'preferred') return { value: 5, name: 'Supported' };
  if (claim.rank === 'deprecated') return DEPRECATED_RATINGS[claim.rankReason ?? 'other'] ?? DEPRECATED_RATINGS.other!;
  return null;
}

function isAbsoluteHttpUrl(text: string | null): text is string {
  if (text === null) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The explanation in words: the rule's decision, the reviewer's note and the claim's own note. */
function explanationOf(conflict: SettledConflict, claim: ReviewedClaim, rating: Rating): string {
  const about = `${conflict.subjectName ?? 'No subject'}: ${conflict.metric}`;
  const notes = [conflict.resolutionNote, claim.note].filter((n): n is string => !!n && n.trim() !== '').map((n) => n.trim());
  return [`${rating.name} (${about}).`, ...notes].join(' ');
}

/** One ClaimReview per rated claim of the conflicts, in conflict then claim order. */
export function claimReviews(conflicts: SettledConflict[], options: ClaimReviewOptions): object[] {
  const base = options.baseUrl.replace(/\/+$/, '');
  return conflicts.flatMap((conflict) =>
    conflict.claims.flatMap((claim) => {
      const rating = ratingOf(conflict, claim);
      if (rating === null) return [];
      const author = claim.speakerName ?? claim.sourcePublisher;
      const appearance = isAbsoluteHttpUrl(claim.sourceUrl)
        ? [{ '@type': 'CreativeWork', url: claim.sourceUrl, headline: claim.sourceTitle, datePublished: claim.sourcePublishedAt, publisher: { '@type': 'Organization', name: claim.sourcePublisher } }]
        : [];
      return [
        {
          '@context': 'https://schema.org',
          '@type': 'ClaimReview',
          url: `${base}/conflicts/${conflict.id}#claim-${claim.id}`,
          claimReviewed: claim.quote,
          datePublished: conflict.decidedAt.slice(0, 10),
          author: { '@type': 'Organization', name: options.reviewer },
          itemReviewed: {
            '@type': 'Claim',
            author: { '@type': claim.speakerType === 'person' ? 'Person' : 'Organization', name: author },
            datePublished: claim.sourcePublishedAt,
            ...(appearance.length > 0 ? { appearance } : {}),
          },
          reviewRating: {
            '@type': 'Rating',
            ratingValue: rating.value,
            bestRating: RATING_SCALE.best,
            worstRating: RATING_SCALE.worst,
            alternateName: rating.name,
            ratingExplanation: explanationOf(conflict, claim, rating),
          },
        },
      ];
    }),
  );
}
