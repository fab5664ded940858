// The review queue and bulk decisions over HTTP.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { getClaim } from '../../src/store/claims.js';
import { listAudit } from '../../src/store/audit.js';
import { updateClaim } from '../../src/store/claim-changes.js';
import { DEFAULT_BODY, DEFAULT_QUOTE, TEST_CTX, makeClaim, makeSource } from '../helpers/index.js';
import { csrfToken, html, tableCounts, testApp } from './harness.js';

const SECOND = 'A ministry spokesman put the toll at 900, according to a state broadcaster.';

function seed(db: ReturnType<typeof testApp>['db']) {
  const source = makeSource(db);
  const start = DEFAULT_BODY.indexOf(SECOND);
  const first = makeClaim(db, { sourceId: source.id });
  const second = makeClaim(db, { sourceId: source.id, quote: SECOND, quoteStart: start, quoteEnd: start + SECOND.length, valueText: '900', figure: { unit: 'count', low: 900, high: 900 }, qualifier: 'exact', hedge: 'reportedly' });
  const third = makeClaim(db, { sourceId: source.id, quote: 'fighters', quoteStart: DEFAULT_QUOTE.indexOf('fighters'), quoteEnd: DEFAULT_QUOTE.indexOf('fighters') + 8 });
  return { source, first, second, third };
}

function reviewForm(doc: ReturnType<typeof html>, decision: 'confirm' | 'reject'): Record<string, string> {
  const button = doc.querySelector(`button[name="decision"][value="${decision}"]`);
  const form = button?.closest('form');
  const fields: Record<string, string> = { decision };
  for (const input of form?.querySelectorAll('input[name]') ?? []) fields[input.getAttribute('name') as string] = input.getAttribute('value') ?? '';
  return fields;
}

describe('the review queue', () => {
  it('shows the first candidate of the source in its paragraph, with figure, interval, attribution and what is left', async () => {
    const { agent, db } = testApp();
    const { source, first } = seed(db);
    const doc = html((await agent.get('/review').expect(200)).text);
    expect(doc.querySelector('article.review-card')?.getAttribute('data-claim-id')).toBe(String(first.id));
    expect(doc.querySelector('.paragraph mark')?.textContent).toBe(DEFAULT_QUOTE);
    expect(doc.querySelector('.paragraph mark strong.value')?.textContent).toBe('about 1,200');
    expect(doc.querySelector('.paragraph')?.textContent).toBe(DEFAULT_BODY.trimEnd());
    expect(doc.querySelector('.interval')?.textContent).toBe('1,080–1,320');
    expect(doc.querySelector('.speaker')?.textContent).toContain('the publisher (Sample Gazette)');
    expect(doc.querySelector('[data-count="remaining"]')?.textContent).toBe('3 candidates');
    expect(doc.querySelector('[data-key="j"]')?.getAttribute('href')).toBe(`/review?source=${source.id}&i=1`);
    expect(doc.querySelector('[data-key="k"]')).toBeNull();
    expect(doc.querySelector('[data-key="e"]')?.getAttribute('href')).toBe(`/claims/${first.id}/edit?return=%2Freview%3Fsource%3D${source.id}`);
  });

  it('goes through a source in text order, moving with i', async () => {
    const { agent, db } = testApp();
    const { source, second, third } = seed(db);
    const at = async (url: string) => html((await agent.get(url).expect(200)).text).querySelector('article.review-card')?.getAttribute('data-claim-id');
    // "fighters" (third) sits inside the first sentence, before the second sentence
    expect(await at('/review?i=1')).toBe(String(third.id));
    expect(await at(`/review?source=${source.id}&i=2`)).toBe(String(second.id));
    expect(await at('/review?i=99')).toBe(String(second.id));
  });

  it('opens the latest import with candidates, and moves on when a source is done', async () => {
    const { agent, db } = testApp();
    const older = makeSource(db, { title: 'Older report' });
    const newer = makeSource(db, { title: 'Newer report' });
    makeClaim(db, { sourceId: older.id });
    const onNewer = makeClaim(db, { sourceId: newer.id });
    const first = html((await agent.get('/review').expect(200)).text);
    expect(first.querySelector('article.review-card')?.getAttribute('data-claim-id')).toBe(String(onNewer.id));
    expect(first.querySelector('[data-count="remaining-overall"]')?.textContent).toBe('2');
    await agent.post(`/claims/${onNewer.id}/review`).type('form').send(reviewForm(first, 'confirm')).expect(303);
    const next = html((await agent.get(`/review?source=${newer.id}`).expect(200)).text);
    expect(next.querySelector('.notice')?.textContent).toBe('Every candidate in “Newer report” has been reviewed. Next: “Older report”.');
    expect(next.querySelector('cite.citation')?.textContent).toContain('Older report');
  });

  it('confirm and reject decide the claim, audit it, and leave the next candidate at the same place', async () => {
    const { agent, db } = testApp();
    const { source, first, second, third } = seed(db);
    const doc = html((await agent.get('/review').expect(200)).text);
    const res = await agent.post(`/claims/${first.id}/review`).type('form').send(reviewForm(doc, 'confirm')).expect(303);
    expect(res.headers.location).toMatch(new RegExp(`^/review\\?source=${source.id}&done=`));
    expect(getClaim(db, first.id).status).toBe('confirmed');
    expect(listAudit(db, 'claim', first.id).map((e) => e.action)).toEqual(['create', 'update']);

    const next = html((await agent.get(res.headers.location as string).expect(200)).text);
    expect(next.querySelector('article.review-card')?.getAttribute('data-claim-id')).toBe(String(third.id));
    expect(next.querySelector('[data-count="remaining"]')?.textContent).toBe('2 candidates');
    await agent.post(`/claims/${third.id}/review`).type('form').send(reviewForm(next, 'reject')).expect(303);
    expect(getClaim(db, third.id).status).toBe('rejected');
    expect(getClaim(db, second.id).status).toBe('candidate');
  });

  it('a decision on a claim that changed meanwhile is a 409, and nothing changes', async () => {
    const { agent, db } = testApp();
    const { first } = seed(db);
    const doc = html((await agent.get('/review').expect(200)).text);
    await agent.post(`/claims/${first.id}/review`).type('form').send(reviewForm(doc, 'reject')).expect(303);
    const res = await agent.post(`/claims/${first.id}/review`).type('form').send(reviewForm(doc, 'confirm')).expect(409);
    expect(html(res.text).querySelector('.error-message')?.textContent).toMatch(/changed by someone else/);
    expect(getClaim(db, first.id).status).toBe('rejected');
  });

  it('refuses an unknown decision (422), an unknown claim (404) and a missing token (403)', async () => {
    const { agent, db } = testApp();
    const { first } = seed(db);
    const before = tableCounts(db);
    const _csrf = await csrfToken(agent, '/review');
    await agent.post(`/claims/${first.id}/review`).type('form').send({ _csrf, decision: 'maybe', version: '1' }).expect(422);
    await agent.post('/claims/999/review').type('form').send({ _csrf, decision: 'confirm', version: '1' }).expect(404);
    await agent.post(`/claims/${first.id}/review`).type('form').send({ decision: 'confirm', version: '1' }).expect(403);
    expect(tableCounts(db)).toEqual(before);
    expect(getClaim(db, first.id).status).toBe('candidate');
  });

  it('says when nothing is left, and as JSON gives the same data', async () => {
    const { agent, db } = testApp();
    const empty = html((await agent.get('/review').expect(200)).text);
    expect(empty.querySelector('.empty-state')?.textContent).toMatch(/Nothing left to review/);
    await agent.get('/review?source=5').expect(404);
    const { source, second } = seed(db);
    const json = await agent.get('/review.json?i=2').expect(200);
    expect(json.body).toMatchObject({
      index: 2, remaining: 3, remainingOverall: 3, counts: { candidate: 3, confirmed: 0, rejected: 0 }, finishedSource: null,
      links: { self: `/review?source=${source.id}&i=2`, previous: `/review?source=${source.id}&i=1`, next: null },
    });
    expect(json.body.claim.id).toBe(second.id);
  });
});

describe('bulk decisions from the claims table', () => {
  it('confirms the ticked claims and only those, then returns to the table', async () => {
    const { agent, db } = testApp();
    const { first, second, third } = seed(db);
    const doc = html((await agent.get('/claims?status=candidate').expect(200)).text);
    const form = doc.querySelector('form#bulk-form');
    const _csrf = form?.querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '';
    const back = form?.querySelector('input[name="return"]')?.getAttribute('value') ?? '';
    expect(back).toBe('/claims?status=candidate');
    // Each row carries the version it was drawn at.
    const drawnAt = (id: number) => form?.querySelector(`input[type="hidden"][name="version-${id}"]`)?.getAttribute('value');
    expect([first, second, third].map((c) => drawnAt(c.id))).toEqual(['1', '1', '1']);
    const res = await agent
      .post('/claims/bulk')
      .type('form')
      .send(`_csrf=${encodeURIComponent(_csrf)}&return=${encodeURIComponent(back)}&action=confirm&ids=${first.id}&version-${first.id}=1&ids=${third.id}&version-${third.id}=1`)
      .expect(303);
    expect(res.headers.location).toMatch(/^\/claims\?status=candidate&done=/);
    expect([first, second, third].map((c) => getClaim(db, c.id).status)).toEqual(['confirmed', 'candidate', 'confirmed']);

    await agent.post('/claims/bulk').type('form').send({ _csrf, action: 'reject', ids: String(second.id), [`version-${second.id}`]: '1' }).expect(303);
    expect(getClaim(db, second.id).status).toBe('rejected');
  });

  it('refuses the whole selection when a ticked claim changed since the table was drawn, or its version is missing', async () => {
    const { agent, db } = testApp();
    const { first, second } = seed(db);
    const _csrf = await csrfToken(agent, '/claims');
    updateClaim(db, second.id, second.version, { note: 'Edited by another reviewer.' }, TEST_CTX);
    const stale = `_csrf=${encodeURIComponent(_csrf)}&action=confirm&ids=${first.id}&version-${first.id}=1&ids=${second.id}&version-${second.id}=1`;
    await agent.post('/claims/bulk').type('form').send(stale).expect(409);
    await agent.post('/claims/bulk').type('form').send({ _csrf, action: 'confirm', ids: String(first.id) }).expect(400);
    expect([first, second].map((c) => getClaim(db, c.id).status)).toEqual(['candidate', 'candidate']);
  });

  it('with nothing ticked, an unknown action or an unknown id: a clear 4xx and nothing changes', async () => {
    const { agent, db } = testApp();
    const { first } = seed(db);
    const _csrf = await csrfToken(agent, '/claims');
    const none = await agent.post('/claims/bulk').type('form').send({ _csrf, action: 'confirm' }).expect(422);
    expect(html(none.text).querySelector('.error-message')?.textContent).toBe('Select at least one claim, then choose confirm or reject. Nothing was changed.');
    await agent.post('/claims/bulk').type('form').send({ _csrf, action: 'delete', ids: String(first.id), [`version-${first.id}`]: '1' }).expect(422);
    await agent.post('/claims/bulk').type('form').send(`_csrf=${encodeURIComponent(_csrf)}&action=confirm&ids=${first.id}&version-${first.id}=1&ids=999&version-999=1`).expect(404);
    await agent.post('/claims/bulk').type('form').send({ action: 'confirm', ids: String(first.id), [`version-${first.id}`]: '1' }).expect(403);
    expect(getClaim(db, first.id).status).toBe('candidate');
  });
});

describe('what a decision did, and its Undo', () => {
  function undoForm(doc: ReturnType<typeof html>): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const input of doc.querySelectorAll('.flash form input[name]')) fields[input.getAttribute('name') as string] = input.getAttribute('value') ?? '';
    return fields;
  }

  it('after a review decision the next page says what changed; Undo makes the claim a candidate again, audited as an undo', async () => {
    const { agent, db } = testApp();
    const { source, first } = seed(db);
    const doc = html((await agent.get('/review').expect(200)).text);
    const res = await agent.post(`/claims/${first.id}/review`).type('form').send(reviewForm(doc, 'confirm')).expect(303);
    const next = html((await agent.get(res.headers.location as string).expect(200)).text);
    expect(next.querySelector('.flash p')?.textContent).toBe(`Confirmed claim #${first.id} “about 1,200” (it was candidate). Open the claim`);
    const form = next.querySelector('.flash form');
    expect(form?.getAttribute('action')).toBe('/undo');
    expect(form?.querySelector('button')?.textContent).toBe('Undo');
    const fields = undoForm(next);
    expect(fields._csrf).toBeTruthy();
    expect(fields.return).toBe(`/review?source=${source.id}`);

    const undone = await agent.post('/undo').type('form').send(fields).expect(303);
    expect(undone.headers.location).toMatch(new RegExp(`^/review\\?source=${source.id}&done=`));
    expect(getClaim(db, first.id).status).toBe('candidate');
    expect(listAudit(db, 'claim', first.id).map((e) => e.action)).toEqual(['create', 'update', 'undo']);
    const back = html((await agent.get(undone.headers.location as string).expect(200)).text);
    expect(back.querySelector('.flash p')?.textContent).toBe(`Undone: claim #${first.id} is a candidate again.`);
    expect(back.querySelector('.flash form')).toBeNull();
    expect(back.querySelector('article.review-card')?.getAttribute('data-claim-id')).toBe(String(first.id));

    // The same Undo twice: the claim has moved on since, so nothing changes; the old message no longer offers it.
    const twice = await agent.post('/undo').type('form').send(fields).expect(409);
    expect(html(twice.text).querySelector('.error-message')?.textContent).toContain('was not undone');
    const old = html((await agent.get(res.headers.location as string).expect(200)).text);
    expect(old.querySelector('.flash p')?.textContent).toContain('It has changed since');
    expect(old.querySelector('.flash form')).toBeNull();
    expect(listAudit(db, 'claim', first.id)).toHaveLength(3);
  });

  it('a bulk decision says how many changed; Undo restores each claim’s own previous status', async () => {
    const { agent, db } = testApp();
    const { first, second, third } = seed(db);
    const _csrf = await csrfToken(agent, '/claims');
    await agent.post('/claims/bulk').type('form').send({ _csrf, action: 'reject', ids: String(second.id), [`version-${second.id}`]: '1' }).expect(303);
    const body = `_csrf=${encodeURIComponent(_csrf)}&return=%2Fclaims&action=confirm&ids=${first.id}&version-${first.id}=1&ids=${second.id}&version-${second.id}=2&ids=${third.id}&version-${third.id}=1`;
    const res = await agent.post('/claims/bulk').type('form').send(body).expect(303);
    const page = html((await agent.get(res.headers.location as string).expect(200)).text);
    expect(page.querySelector('.flash p')?.textContent).toBe('Confirmed 3 claims.');
    await agent.post('/undo').type('form').send(undoForm(page)).expect(303);
    expect([first, second, third].map((c) => getClaim(db, c.id).status)).toEqual(['candidate', 'rejected', 'candidate']);
  });

  it('the Undo belongs to the browser session that decided: another session sees the message without it and cannot undo', async () => {
    const { app, agent, db } = testApp();
    const { first } = seed(db);
    const doc = html((await agent.get('/review').expect(200)).text);
    const res = await agent.post(`/claims/${first.id}/review`).type('form').send(reviewForm(doc, 'confirm')).expect(303);
    const fields = undoForm(html((await agent.get(res.headers.location as string).expect(200)).text));
    const other = request.agent(app);
    const seen = html((await other.get(res.headers.location as string).expect(200)).text);
    expect(seen.querySelector('.flash p')?.textContent).toContain(`Confirmed claim #${first.id}`);
    expect(seen.querySelector('.flash form')).toBeNull();
    const _csrf = await csrfToken(other, '/claims');
    const refused = await other.post('/undo').type('form').send({ ...fields, _csrf }).expect(400);
    expect(html(refused.text).querySelector('.error-message')?.textContent).toContain('another browser session');
    expect(getClaim(db, first.id).status).toBe('confirmed');
  });

  it('a forged Undo or one without its CSRF token changes nothing', async () => {
    const { agent, db } = testApp();
    const { first } = seed(db);
    const doc = html((await agent.get('/review').expect(200)).text);
    const res = await agent.post(`/claims/${first.id}/review`).type('form').send(reviewForm(doc, 'reject')).expect(303);
    const fields = undoForm(html((await agent.get(res.headers.location as string).expect(200)).text));
    const forged = Buffer.from(JSON.stringify({ k: 'status', to: 'rejected', count: 1, changes: [[first.id, 'confirmed', 2]], t: 0, s: 'x' })).toString('base64url');
    await agent.post('/undo').type('form').send({ ...fields, token: `${forged}.${fields.token!.split('.')[1]}` }).expect(400);
    await agent.post('/undo').type('form').send({ token: fields.token, return: fields.return }).expect(403);
    expect(getClaim(db, first.id).status).toBe('rejected');
  });
});
