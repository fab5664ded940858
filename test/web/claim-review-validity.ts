// The properties schema.org (https://schema.org/ClaimReview) and the fact-check readers require of a ClaimReview,
// as one assertion shared by the web and CLI tests.
import { expect } from 'vitest';

export type Json = Record<string, unknown>;

/** Asserts what https://schema.org/ClaimReview and the fact-check readers need of one review. */
export function expectValidClaimReview(review: Json): void {
  const isoDate = /^\d{4}-\d{2}-\d{2}$/;
  const absolute = (url: unknown) => expect(String(url)).toMatch(/^https?:\/\/[^/]+\//);
  expect(review['@context']).toBe('https://schema.org');
  expect(review['@type']).toBe('ClaimReview');
  absolute(review.url);
  expect(typeof review.claimReviewed === 'string' && review.claimReviewed.length > 0).toBe(true);
  expect(review.datePublished).toMatch(isoDate);
  expect(review.author).toMatchObject({ '@type': 'Organization', name: expect.any(String) });
  const item = review.itemReviewed as Json;
  expect(item['@type']).toBe('Claim');
  expect(item.author).toMatchObject({ '@type': expect.stringMatching(/^(Person|Organization)$/), name: expect.any(String) });
  expect(item.datePublished).toMatch(isoDate);
  const appearance = item.appearance as Json[];
  expect(appearance.length).toBeGreaterThan(0);
  for (const work of appearance) absolute(work.url);
  const rating = review.reviewRating as Json;
  expect(rating['@type']).toBe('Rating');
  expect(rating).toMatchObject({ bestRating: 5, worstRating: 1, alternateName: expect.any(String), ratingExplanation: expect.any(String) });
  expect(rating.ratingValue).toBeGreaterThanOrEqual(1);
  expect(rating.ratingValue).toBeLessThanOrEqual(5);
}
