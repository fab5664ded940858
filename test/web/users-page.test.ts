// The admin's users page over HTTP, and read-only access for signed-out visitors when the desk publishes.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { checkSignIn } from '../../src/app/accounts.js';
import { countSessions, getUser } from '../../src/store/users.js';
import { listAudit } from '../../src/store/audit.js';
import { makeClaim, makeSource } from '../helpers/index.js';
import { html, tableCounts, testApp, csrfToken } from './harness.js';
import { addTestUser, pageToken, PASSWORD, signInAs } from './accounts-harness.js';

describe('the users page', () => {
  it('lets an admin add a user, change a role and disable them (ending their sessions), audited with the admin\'s name', async () => {
    const { app, agent, db } = testApp();
    await addTestUser(db, 'ilse', 'admin');
    await signInAs(agent, 'ilse');
    let token = await pageToken(agent, '/users');
    const short = await agent.post('/users').type('form').send({ _csrf: token, name: 'oskar', role: 'reviewer', password: 'short' }).expect(422);
    const form = html(short.text);
    expect(form.querySelector('#password-error')?.textContent).toContain('at least 12 characters');
    expect(form.querySelector('#field-name')?.getAttribute('value')).toBe('oskar');
    expect(form.querySelector('#field-password')?.getAttribute('value')).toBe('');

    await agent.post('/users').type('form').send({ _csrf: token, name: 'oskar', role: 'reviewer', password: PASSWORD }).expect(303);
    expect((await checkSignIn(db, 'oskar', PASSWORD))?.role).toBe('reviewer');
    const oskar = request.agent(app);
    await signInAs(oskar, 'oskar');

    token = await pageToken(agent, '/users');
    await agent.post('/users/oskar/role').type('form').send({ _csrf: token, role: 'editor' }).expect(303);
    expect(html((await oskar.get('/').expect(200)).text).querySelector('.signed-in-as')?.textContent).toContain('editor');
    await agent.post('/users/oskar/status').type('form').send({ _csrf: token, status: 'disabled' }).expect(303);
    expect(countSessions(db, getUser(db, 'oskar').id)).toBe(0);
    await oskar.get('/').expect(303);
    expect(listAudit(db, 'user', getUser(db, 'oskar').id).map((e) => `${e.actor} ${e.action}`)).toEqual(['ilse create', 'ilse update', 'ilse disable']);

    // An admin cannot lock themselves out.
    const self = await agent.post('/users/ilse/role').set('Accept', 'application/json').type('form').send({ _csrf: token, role: 'viewer' }).expect(422);
    expect(self.body.error.message).toContain('ask another admin');
    expect(getUser(db, 'ilse').role).toBe('admin');
  });
});

describe('public reading (CROSSCHECK_PUBLIC_READ=1)', () => {
  it('lets signed-out visitors read and export, never write', async () => {
    const { agent, db } = testApp({ publicRead: true });
    await addTestUser(db, 'ilse', 'admin');
    const claim = makeClaim(db, { sourceId: makeSource(db).id });
    const page = html((await agent.get(`/claims/${claim.id}`).expect(200)).text);
    expect(page.querySelector('.sign-in-link')?.getAttribute('href')).toBe('/login');
    expect(page.querySelectorAll('form[method="post"]')).toHaveLength(0);
    await agent.get('/claims.csv').expect(200);
    const before = tableCounts(db);
    const token = await csrfToken(agent, '/login');
    const res = await agent.post(`/claims/${claim.id}/review`).set('Accept', 'application/json').type('form').send({ _csrf: token, decision: 'confirm', version: '1' }).expect(401);
    expect(res.body.error.code).toBe('sign_in_required');
    expect(tableCounts(db)).toEqual(before);
  });
});
