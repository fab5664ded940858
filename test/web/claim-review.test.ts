// ClaimReview JSON-LD from the sample fact sheet with one conflict resolved and one explained: every review has the
// properties schema.org and the fact-check readers require (claimReviewed, author, datePublished as an ISO date,
// itemReviewed as a Claim with its author, date and absolute appearance URL, reviewRating with its scale and
// explanation), from the fact page's download.
import { describe, expect, it } from 'vitest';
import { resolveConflict } from '../../src/store/conflicts.js';
import { TEST_CTX } from '../helpers/index.js';
import { seedSampleFactSheet } from './factsheet-fixture.js';
import { html, testApp } from './harness.js';
import { expectValidClaimReview, type Json } from './claim-review-validity.js';

describe('ClaimReview export', () => {
  it('downloads from the fact page: the resolved conflict’s claims rated, each review valid', async () => {
    const { db, agent } = testApp();
    const { conflicts, claims, entities } = seedSampleFactSheet(db);
    resolveConflict(db, conflicts.deathsConflict.id, conflicts.deathsConflict.version, { preferredClaimId: claims.kestrel30.id, reason: 'self-report', note: 'The ministry counts only deaths it announces.' }, TEST_CTX);

    const factUrl = `/facts/${entities.campaign.id}/${encodeURIComponent('russian military deaths')}`;
    const page = html((await agent.get(factUrl).expect(200)).text);
    const link = page.querySelector('a[download]')?.getAttribute('href');
    expect(link).toBe(`${factUrl}/claimreview.jsonld`);

    const res = await agent.get(link!).set('Host', '127.0.0.1:3000').expect(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const reviews = JSON.parse(res.text) as Json[];
    expect(reviews).toHaveLength(2);
    for (const review of reviews) expectValidClaimReview(review);
    const byQuote = Object.fromEntries(reviews.map((r) => [r.claimReviewed, r]));
    const preferred = byQuote[claims.kestrel30.quote] as Json;
    const setAside = byQuote[claims.ministry10.quote] as Json;
    expect(preferred.reviewRating).toMatchObject({ ratingValue: 5, alternateName: 'Supported' });
    expect(setAside.reviewRating).toMatchObject({ ratingValue: 3, alternateName: 'Unverified self-report' });
    expect((setAside.reviewRating as Json).ratingExplanation).toContain('The ministry counts only deaths it announces.');
    expect(setAside.itemReviewed).toMatchObject({ author: { '@type': 'Organization', name: 'Russian defence ministry' }, datePublished: '2016-06-19' });
    expect(setAside.url).toBe(`http://127.0.0.1:3000/conflicts/${conflicts.deathsConflict.id}#claim-${claims.ministry10.id}`);
  });

  it('gives an empty list for a fact without settled conflicts, and 404 for an unknown subject', async () => {
    const { db, agent } = testApp();
    const { entities } = seedSampleFactSheet(db);
    const res = await agent.get(`/facts/${entities.government.id}/territory%20controlled/claimreview.jsonld`).expect(200);
    expect(JSON.parse(res.text)).toEqual([]);
    await agent.get('/facts/999/killed/claimreview.jsonld').expect(404);
  });
});
