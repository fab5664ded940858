// A desk's working notes over HTTP: comments on claims and conflicts, and sources taken to review so the queue can
// show "mine" and "unassigned".
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { assigneeOf, listAudit, listComments } from '../../src/store/index.js';
import { DEFAULT_BODY, makeClaim, makeManualConflict, makeSource } from '../helpers/index.js';
import { html, testApp } from './harness.js';
import { addTestUser, pageToken, signInAs } from './accounts-harness.js';

describe('comments', () => {
  it('adds to the thread of a claim and of a conflict under the author\'s name, audited; an empty one is refused', async () => {
    const { agent, db } = testApp();
    await addTestUser(db, 'ilse', 'reviewer');
    const source = makeSource(db);
    const claim = makeClaim(db, { sourceId: source.id });
    const other = makeClaim(db, { sourceId: source.id, valueText: '900', figure: { unit: 'count', low: 900, high: 900 }, qualifier: 'exact' });
    const conflict = makeManualConflict(db, [claim.id, other.id]);
    await signInAs(agent, 'ilse');
    const token = await pageToken(agent);

    const res = await agent.post(`/claims/${claim.id}/comments`).type('form').send({ _csrf: token, body: 'The Portbrak monitor revised this figure a week later.' }).expect(303);
    expect(res.headers.location).toBe(`/claims/${claim.id}#comments`);
    await agent.post(`/conflicts/${conflict.id}/comments`).type('form').send({ _csrf: token, body: 'Different periods? Check the dates.' }).expect(303);

    const page = html((await agent.get(`/claims/${claim.id}`).expect(200)).text);
    expect([...page.querySelectorAll('.comment-thread li')].map((li) => `${li.querySelector('.comment-author')?.textContent}: ${li.querySelector('.comment-body')?.textContent}`))
      .toEqual(['ilse: The Portbrak monitor revised this figure a week later.']);
    expect(listComments(db, 'conflict', conflict.id).map((c) => c.author)).toEqual(['ilse']);
    expect(listAudit(db, 'conflict', conflict.id).at(-1)).toMatchObject({ actor: 'ilse', action: 'comment' });

    const empty = await agent.post(`/claims/${claim.id}/comments`).type('form').send({ _csrf: token, body: '   ' }).expect(422);
    expect(html(empty.text).querySelector('#body-error')?.textContent).toBe('Write a comment first.');
    expect(listComments(db, 'claim', claim.id)).toHaveLength(1);
    const activity = await agent.get('/activity.json?action=comment').expect(200);
    expect(activity.body.events).toHaveLength(2);
  });
});

describe('taking sources to review', () => {
  it('shows each reviewer their own sources or the ones nobody has taken, and keeps a taken source its holder\'s', async () => {
    const { app, db } = testApp();
    await addTestUser(db, 'ilse', 'reviewer');
    await addTestUser(db, 'tomas', 'reviewer');
    const older = makeSource(db, { title: 'Older report from Upper Mires' });
    const newer = makeSource(db, { title: 'Newer report from East Tarn', body: `${DEFAULT_BODY}Another line.\n` });
    makeClaim(db, { sourceId: older.id });
    makeClaim(db, { sourceId: newer.id });
    const ilse = request.agent(app);
    const tomas = request.agent(app);
    await signInAs(ilse, 'ilse');
    await signInAs(tomas, 'tomas');

    const token = await pageToken(ilse);
    await ilse.post(`/sources/${older.id}/assignment`).type('form').send({ _csrf: token, take: 'yes', return: '/review?assigned=mine' }).expect(303);
    expect(assigneeOf(db, older.id)).toBe('ilse');
    const reviewing = (doc: ReturnType<typeof html>) => doc.querySelector('.review-card .citation a')?.textContent;
    const mine = html((await ilse.get('/review?assigned=mine').expect(200)).text);
    expect(reviewing(mine)).toContain('Older report');
    expect(mine.querySelector('.assignee')?.textContent).toBe('ilse');
    expect(html((await tomas.get('/review?assigned=mine').expect(200)).text).querySelector('.review-card')).toBeNull();
    expect(reviewing(html((await tomas.get('/review?assigned=unassigned').expect(200)).text))).toContain('Newer report');

    const tomasToken = await pageToken(tomas);
    const taken = await tomas.post(`/sources/${older.id}/assignment`).set('Accept', 'application/json').type('form').send({ _csrf: tomasToken, take: 'yes' }).expect(409);
    expect(taken.body.error.message).toContain('ilse has taken this source');
    await ilse.post(`/sources/${older.id}/assignment`).type('form').send({ _csrf: token, take: 'no' }).expect(303);
    expect(assigneeOf(db, older.id)).toBeNull();
    expect(listAudit(db, 'source', older.id).filter((e) => e.action === 'assign').map((e) => `${e.actor} ${JSON.stringify(e.after)}`))
      .toEqual(['ilse {"assignee":"ilse"}', 'ilse {"assignee":null}']);
  });
});
