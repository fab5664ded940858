// schema.org ClaimReview (https://schema.org/ClaimReview) from a reviewer's decisions: every claim of a settled
// conflict gets a review — the preferred one rated as supported, the deprecated ones by why they were set aside, the
// claims of an explained conflict as explained — and every confirmed claim a reviewer rated on its own gets one with
// that rating (which then stands in for any its conflicts gave it). Pure: takes plain data, returns JSON-LD objects.
import { ValidationError } from './errors.js';
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

/** The scale a reviewer rates a claim on by hand, worst first. */
export const CLAIM_RATINGS: readonly Rating[] = [
  { value: 1, name: 'False' },
  { value: 2, name: 'Mostly false' },
  { value: 3, name: 'Mixed' },
  { value: 4, name: 'Mostly true' },
  { value: 5, name: 'True' },
];

export const RATING_EXPLANATION_MAX = 2000;

/** The name of a rating on the hand-rating scale ("Mostly true"). */
export function ratingName(value: number): string {
  return CLAIM_RATINGS.find((r) => r.value === value)?.name ?? String(value);
}

/** A reviewer's rating of one confirmed claim, with the claim as the review needs it. */
export interface RatedClaim extends ReviewedClaim {
  rating: number;
  explanation: string;
  /** When it was last rated (ISO time). */
  ratedAt: string;
}

/** A hand rating as typed into the form: ValidationError-ready field messages, or the clean value. */
export function checkRatingInput(input: { rating?: unknown; explanation?: unknown }): { rating: number; explanation: string } | { errors: Record<string, string> } {
  const rating = Number(input.rating);
  const explanation = typeof input.explanation === 'string' ? input.explanation.trim() : '';
  const errors: Record<string, string> = {};
  if (!CLAIM_RATINGS.some((r) => r.value === rating)) errors.rating = `Choose a rating from ${CLAIM_RATINGS[0]!.name} to ${CLAIM_RATINGS.at(-1)!.name}.`;
  if (explanation === '') errors.explanation = 'Say why: the explanation is published with the rating.';
  else if (explanation.length > RATING_EXPLANATION_MAX) errors.explanation = `At most ${RATING_EXPLANATION_MAX} characters (this is ${explanation.length}).`;
  return Object.keys(errors).length > 0 ? { errors } : { rating, explanation };
}

/** The refusals of a rating the store throws: bad input (checkRatingInput's messages), a claim not confirmed. */
export const ratingRefusals = {
  invalid: (errors: Record<string, string>): ValidationError => new ValidationError('The rating was not saved.', errors),
  notConfirmed: (claimId: number, status: string): ValidationError =>
    new ValidationError(`Only a confirmed claim can be rated; claim #${claimId} is ${status}.`, { rating: 'Confirm the claim first.' }),
};

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

/** One review: the claim, who said it and where, and the rating with its explanation. */
function reviewOf(claim: ReviewedClaim, rating: Rating, explanation: string, url: string, reviewedAt: string, reviewer: string): object {
  const author = claim.speakerName ?? claim.sourcePublisher;
  const appearance = isAbsoluteHttpUrl(claim.sourceUrl)
    ? [{ '@type': 'CreativeWork', url: claim.sourceUrl, headline: claim.sourceTitle, datePublished: claim.sourcePublishedAt, publisher: { '@type': 'Organization', name: claim.sourcePublisher } }]
    : [];
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    claimReviewed: claim.quote,
    datePublished: reviewedAt.slice(0, 10),
    author: { '@type': 'Organization', name: reviewer },
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
      ratingExplanation: explanation,
    },
  };
}

/**
 * One ClaimReview per rated claim: first the claims of the settled conflicts (conflict then claim order) that have no
 * rating of their own, then the hand-rated claims in the order given, each linked to its claim page.
 */
export function claimReviews(conflicts: SettledConflict[], options: ClaimReviewOptions, rated: RatedClaim[] = []): object[] {
  const base = options.baseUrl.replace(/\/+$/, '');
  const handRated = new Set(rated.map((claim) => claim.id));
  const fromConflicts = conflicts.flatMap((conflict) =>
    conflict.claims.flatMap((claim) => {
      const rating = handRated.has(claim.id) ? null : ratingOf(conflict, claim);
      if (rating === null) return [];
      const url = `${base}/conflicts/${conflict.id}#claim-${claim.id}`;
      return [reviewOf(claim, rating, explanationOf(conflict, claim, rating), url, conflict.decidedAt, options.reviewer)];
    }),
  );
  const fromRatings = rated.map((claim) =>
    reviewOf(claim, { value: claim.rating, name: ratingName(claim.rating) }, claim.explanation, `${base}/claims/${claim.id}`, claim.ratedAt, options.reviewer),
  );
  return [...fromConflicts, ...fromRatings];
}
