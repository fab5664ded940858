// Rating a confirmed claim on its own for ClaimReview, over HTTP: a claim with no conflict is rated from its page
// (1 False … 5 True, with an explanation), the rating is shown there and on the fact page, audited and editable (a
// stale form is refused), and the fact page's ClaimReview download includes it, valid; a candidate claim or a bad
// rating is refused with the message beside the field and nothing stored; a viewer sees the rating, not the form.
import { describe, expect, it } from 'vitest';
import { getClaimRating } from '../../src/store/claim-ratings.js';
import { listAudit } from '../../src/store/audit.js';
import { seedSampleFactSheet } from './factsheet-fixture.js';
import { html, testApp } from './harness.js';
import { expectValidClaimReview, type Json } from './claim-review-validity.js';
import { addTestUser, signInAs } from './accounts-harness.js';

async function ratingForm(agent: ReturnType<typeof testApp>['agent'], claimId: number) {
  const page = html((await agent.get(`/claims/${claimId}`).expect(200)).text);
  const form = page.querySelector('form.rating-form');
  return {
    page,
    form,
    _csrf: form?.querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '',
    version: form?.querySelector('input[name="version"]')?.getAttribute('value') ?? '',
  };
}

describe('rating a confirmed claim for ClaimReview', () => {
  it('rates a claim without a conflict from its page; shown, audited, editable, and in the fact page’s ClaimReview', async () => {
    const { db, agent } = testApp();
    const { claims, entities } = seedSampleFactSheet(db);
    const claim = claims.around60;
    const first = await ratingForm(agent, claim.id);
    expect(first.page.querySelector('#rating')?.textContent).toContain('Not rated.');
    expect(first.version).toBe('0');
    const factUrl = `/facts/${entities.government.id}/territory%20controlled`;
    const unrated = html((await agent.get(factUrl).expect(200)).text);
    expect(unrated.querySelector(`tr[data-claim-id="${claim.id}"] a.claim-rate`)?.getAttribute('href')).toBe(`/claims/${claim.id}#rating`);

    const rated = await agent.post(`/claims/${claim.id}/rating`).type('form').send({ _csrf: first._csrf, version: first.version, rating: '4', explanation: 'Two independent maps of Valdoria give the same share.' }).expect(303);
    const after = html((await agent.get(rated.headers.location!).expect(200)).text);
    expect(after.body.textContent).toContain(`Rated claim #${claim.id} “Mostly true”`);
    expect(after.querySelector('.rating-given')?.textContent).toMatch(/Rated 4 — Mostly true by local on .*: Two independent maps of Valdoria give the same share\./);
    expect(listAudit(db, 'claim', claim.id).filter((e) => e.action === 'rate')).toHaveLength(1);
    expect(after.querySelector('.audit-events')?.textContent).toContain('rating: — → 4');

    const fact = html((await agent.get(factUrl).expect(200)).text);
    expect(fact.querySelector(`tr[data-claim-id="${claim.id}"] .claim-rated`)?.textContent).toBe('rated 4 — Mostly true');
    const download = fact.querySelector('a[download]')?.getAttribute('href');
    const reviews = JSON.parse((await agent.get(download!).set('Host', '127.0.0.1:3000').expect(200)).text) as Json[];
    expect(reviews).toHaveLength(1);
    expectValidClaimReview(reviews[0]!);
    expect(reviews[0]).toMatchObject({ url: `http://127.0.0.1:3000/claims/${claim.id}`, claimReviewed: claim.quote, datePublished: '2026-01-15' });
    expect(reviews[0]!.reviewRating).toMatchObject({ ratingValue: 4, alternateName: 'Mostly true', ratingExplanation: 'Two independent maps of Valdoria give the same share.' });

    // The claim page's own download: the one review.
    const own = after.querySelector('a.claim-review-link')?.getAttribute('href');
    expect(own).toBe(`/claims/${claim.id}/claimreview.jsonld`);
    expect(JSON.parse((await agent.get(own!).set('Host', '127.0.0.1:3000').expect(200)).text)).toEqual(reviews);
    expect(JSON.parse((await agent.get(`/claims/${claims.kestrel30.id}/claimreview.jsonld`).expect(200)).text)).toEqual([]);

    // Editing: the form carries version 1; a second form still at version 0 is refused and changes nothing.
    const second = await ratingForm(agent, claim.id);
    expect(second.version).toBe('1');
    await agent.post(`/claims/${claim.id}/rating`).type('form').send({ _csrf: second._csrf, version: '1', rating: '2', explanation: 'The second map counts contested land as held.' }).expect(303);
    const stale = await agent.post(`/claims/${claim.id}/rating`).type('form').send({ _csrf: second._csrf, version: '0', rating: '5', explanation: 'Overwrite.' }).expect(409);
    expect(html(stale.text).querySelector('#rating-error')?.textContent).toContain('was changed by someone else');
    expect(getClaimRating(db, claim.id)).toMatchObject({ rating: 2, explanation: 'The second map counts contested land as held.', version: 2 });
    expect(listAudit(db, 'claim', claim.id).filter((e) => e.action === 'rate')).toHaveLength(2);
  });

  it('refuses a candidate claim and a rating off the scale or without a reason, storing nothing', async () => {
    const { db, agent } = testApp();
    const { claims } = seedSampleFactSheet(db);
    const candidate = await ratingForm(agent, claims.putin90.id);
    expect(candidate.form).toBeNull();
    expect(candidate.page.querySelector('#rating')?.textContent).toContain('Only a confirmed claim can be rated');
    const { _csrf } = await ratingForm(agent, claims.around60.id);
    const refused = await agent.post(`/claims/${claims.putin90.id}/rating`).type('form').send({ _csrf, version: '0', rating: '1', explanation: 'No.' }).expect(422);
    expect(html(refused.text).body.textContent).toContain('Only a confirmed claim can be rated');

    const bad = await agent.post(`/claims/${claims.around60.id}/rating`).type('form').send({ _csrf, version: '0', rating: '9', explanation: '  ' }).expect(422);
    const page = html(bad.text);
    expect(page.querySelector('#rating-error')?.textContent).toBe('Choose a rating from False to True.');
    expect(page.querySelector('#explanation-error')?.textContent).toContain('Say why');
    expect(getClaimRating(db, claims.around60.id)).toBeNull();
    expect(getClaimRating(db, claims.putin90.id)).toBeNull();
    expect(listAudit(db, 'claim', claims.around60.id).filter((e) => e.action === 'rate')).toEqual([]);
  });

  it('lets a claim’s own rating stand in for the one its settled conflict gives it', async () => {
    const { db, agent } = testApp();
    const { claims, entities } = seedSampleFactSheet(db);
    const { _csrf } = await ratingForm(agent, claims.killed350k.id);
    await agent.post(`/claims/${claims.killed350k.id}/rating`).type('form').send({ _csrf, version: '0', rating: '5', explanation: 'Each death documented by name.' }).expect(303);
    const res = await agent.get(`/facts/${entities.war.id}/killed/claimreview.jsonld`).set('Host', '127.0.0.1:3000').expect(200);
    const reviews = JSON.parse(res.text) as Json[];
    const forClaim = reviews.filter((r) => r.claimReviewed === claims.killed350k.quote);
    expect(forClaim).toHaveLength(1);
    expect(forClaim[0]!.reviewRating).toMatchObject({ ratingValue: 5, alternateName: 'True' });
    expect(reviews.find((r) => r.claimReviewed === claims.killed500k.quote)?.reviewRating).toMatchObject({ alternateName: 'Sources differ: explained' });
  });

  it('shows a viewer the rating without the form', async () => {
    const { db, agent } = testApp();
    const { claims } = seedSampleFactSheet(db);
    const { _csrf } = await ratingForm(agent, claims.around60.id);
    await agent.post(`/claims/${claims.around60.id}/rating`).type('form').send({ _csrf, version: '0', rating: '3', explanation: 'Maps disagree on the north.' }).expect(303);
    await addTestUser(db, 'vera', 'viewer');
    await signInAs(agent, 'vera');
    const { page, form } = await ratingForm(agent, claims.around60.id);
    expect(form).toBeNull();
    expect(page.querySelector('.rating-given')?.textContent).toContain('Rated 3 — Mixed');
  });
});
