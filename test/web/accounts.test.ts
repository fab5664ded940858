// Accounts over HTTP: signing in and out, what the answers give away, the sign-in limit, sessions that survive a
// restart and end on sign-out, expiry and disabling, CSRF tokens bound to the session, and who is recorded.
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/web/app.js';
import { SESSION_COOKIE } from '../../src/web/auth.js';
import { WRONG_CREDENTIALS } from '../../src/web/routes/sign-in.js';
import { countSessions, disableUser, getUser } from '../../src/store/users.js';
import { listAudit, recordAudit } from '../../src/store/audit.js';
import { migrate, openDatabase, schemaVersion, type Db } from '../../src/store/database.js';
import { FIXED_NOW, MIGRATIONS_DIR, TEST_CTX, makeClaim, makeSource } from '../helpers/index.js';
import { csrfToken, html, testApp } from './harness.js';
import { addTestUser, pageToken, PASSWORD, setCookie, signIn, signInAs } from './accounts-harness.js';

describe('before any account exists', () => {
  it('works as the single-user tool: every page open, changes recorded as local, the sign-in page says how to add an admin', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db);
    const claim = makeClaim(db, { sourceId: source.id });
    const dashboard = html((await agent.get('/').expect(200)).text);
    expect(dashboard.querySelector('.single-user')?.textContent).toContain('crosscheck users add NAME --role admin');
    const token = await csrfToken(agent, `/claims/${claim.id}/edit`);
    await agent.post(`/claims/${claim.id}/review`).type('form').send({ _csrf: token, decision: 'confirm', version: String(claim.version) }).expect(303);
    expect(listAudit(db, 'claim', claim.id).at(-1)?.actor).toBe('local');
    const login = html((await agent.get('/login').expect(200)).text);
    expect(login.querySelector('.notice')?.textContent).toContain('crosscheck users add NAME --role admin');
  });
});

describe('signing in', () => {
  it('sends a signed-out page to the sign-in form and back to it afterwards; scripts get 401', async () => {
    const { agent, db } = testApp();
    await addTestUser(db, 'maren', 'reviewer');
    const page = await agent.get('/claims?status=candidate').expect(303);
    expect(page.headers.location).toBe('/login?return=%2Fclaims%3Fstatus%3Dcandidate');
    const json = await agent.get('/claims.json').expect(401);
    expect(json.body.error.code).toBe('sign_in_required');
    const token = await csrfToken(agent, page.headers.location);
    const res = await agent.post('/login').type('form').send({ _csrf: token, username: 'maren', password: PASSWORD, return: '/claims?status=candidate' }).expect(303);
    expect(res.headers.location).toBe('/claims?status=candidate');
    const doc = html((await agent.get('/claims').expect(200)).text);
    expect(doc.querySelector('.signed-in-as')?.textContent).toContain('maren');
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const { agent, db } = testApp();
    await addTestUser(db, 'maren', 'reviewer');
    const wrong = await signIn(agent, 'maren', 'not the password at all');
    const unknown = await signIn(agent, 'nobody-here', 'not the password at all');
    const strip = (text: string) => text.replace(/name="_csrf" value="[^"]*"/g, '').replace(/value="(maren|nobody-here)"/, '');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(strip(wrong.text)).toBe(strip(unknown.text));
    expect(html(wrong.text).querySelector('.form-errors')?.textContent?.trim()).toBe(WRONG_CREDENTIALS);
    expect(setCookie(wrong, SESSION_COOKIE)).toBeUndefined();
  });

  it('refuses the 11th rapid wrong attempt with 429, even with the right password, and says so without naming the user', async () => {
    const { agent, db } = testApp();
    await addTestUser(db, 'maren', 'reviewer');
    const token = await csrfToken(agent, '/login');
    for (let i = 0; i < 10; i += 1) {
      await agent.post('/login').type('form').send({ _csrf: token, username: 'maren', password: `wrong guess ${i}` }).expect(401);
    }
    const limited = await agent.post('/login').type('form').send({ _csrf: token, username: 'maren', password: PASSWORD }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(html(limited.text).querySelector('.form-errors')?.textContent).toContain('Too many failed sign-in attempts');
    // An unknown name is limited after the same number of failures.
    for (let i = 0; i < 10; i += 1) await agent.post('/login').type('form').send({ _csrf: token, username: 'ghost', password: 'x' }).expect(401);
    await agent.post('/login').type('form').send({ _csrf: token, username: 'ghost', password: 'x' }).expect(429);
  });

  it('sets an httpOnly, SameSite=Lax session cookie (Secure only over https), rotated on every sign-in', async () => {
    const { agent, db } = testApp();
    await addTestUser(db, 'maren', 'reviewer');
    const first = setCookie(await signIn(agent, 'maren'), SESSION_COOKIE)!;
    expect(first).toMatch(/HttpOnly/);
    expect(first).toMatch(/SameSite=Lax/);
    expect(first).not.toMatch(/Secure/);
    // Signing in again from the signed-in browser (the form posted with the session's token).
    const token = await pageToken(agent);
    const again = await agent.post('/login').type('form').send({ _csrf: token, username: 'maren', password: PASSWORD }).expect(303);
    const second = setCookie(again, SESSION_COOKIE)!;
    expect(second.split(';')[0]).not.toBe(first.split(';')[0]);
    // The first session ended when the second began.
    expect(countSessions(db, getUser(db, 'maren').id)).toBe(1);
    await request(testAppFor(db)).get('/').set('Cookie', first.split(';')[0]!).expect(303);

    const behindProxy = testApp({ trustProxy: true });
    await addTestUser(behindProxy.db, 'maren', 'reviewer');
    const proxyToken = await csrfToken(behindProxy.agent, '/login');
    const secure = await behindProxy.agent.post('/login').set('X-Forwarded-Proto', 'https').type('form').send({ _csrf: proxyToken, username: 'maren', password: PASSWORD });
    expect(setCookie(secure, SESSION_COOKIE)).toMatch(/Secure/);
  });
});

/** Another app over the same database (what a restart gives). */
function testAppFor(db: Db) {
  return createApp({ db, clock: () => FIXED_NOW, config: loadConfig({ csrfSecret: 'test-secret-for-web-tests' }, {}) });
}

describe('sessions', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('survive a restart of the app on the same database file', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'crosscheck-sessions-'));
    const file = path.join(dir, 'desk.sqlite');
    const config = loadConfig({ dbPath: file }, {});
    const first = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    await addTestUser(first, 'maren', 'reviewer');
    const agent = request.agent(createApp({ db: first, clock: () => new Date(), config }));
    await signInAs(agent, 'maren');
    const cookie = (await agent.get('/').expect(200)).request.cookies;
    first.close();

    const second = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    try {
      const res = await request(createApp({ db: second, clock: () => new Date(), config })).get('/').set('Cookie', cookie).expect(200);
      expect(html(res.text).querySelector('.signed-in-as')?.textContent).toContain('maren');
    } finally {
      second.close();
    }
  });

  it('end on sign-out: the cookie is cleared and the old token no longer works', async () => {
    const { agent, db, app } = testApp();
    await addTestUser(db, 'maren', 'reviewer');
    await signInAs(agent, 'maren');
    const cookie = (await agent.get('/').expect(200)).request.cookies;
    const token = await pageToken(agent);
    const out = await agent.post('/logout').type('form').send({ _csrf: token }).expect(303);
    expect(out.headers.location).toBe('/login');
    expect(setCookie(out, SESSION_COOKIE)).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(countSessions(db, getUser(db, 'maren').id)).toBe(0);
    await request(app).get('/').set('Cookie', cookie).expect(303);
  });

  it('end when idle too long, and after the longest allowed life however busy', async () => {
    const { db } = testApp();
    await addTestUser(db, 'maren', 'reviewer');
    let now = FIXED_NOW.getTime();
    const app = createApp({ db, clock: () => new Date(now), config: loadConfig({ csrfSecret: 's', sessionIdleMs: 60 * 60_000, sessionMaxMs: 3 * 60 * 60_000 }, {}) });
    const agent = request.agent(app);
    await signInAs(agent, 'maren');
    for (let hour = 0; hour < 3; hour += 1) {
      now += 50 * 60_000; // used every 50 minutes: never idle for an hour
      await agent.get('/').expect(200);
    }
    now += 50 * 60_000; // past three hours since sign-in
    await agent.get('/').expect(303);

    await signInAs(agent, 'maren');
    now += 61 * 60_000;
    await agent.get('/').expect(303);
  });

  it('of a disabled user end at once', async () => {
    const { agent, db } = testApp();
    await addTestUser(db, 'maren', 'reviewer');
    await signInAs(agent, 'maren');
    await agent.get('/').expect(200);
    disableUser(db, 'maren', TEST_CTX);
    await agent.get('/').expect(303);
    expect((await signIn(agent, 'maren')).status).toBe(401);
  });

  it('bind the CSRF token: a token from another session is refused with 403 and nothing changes', async () => {
    const { app, db } = testApp();
    await addTestUser(db, 'maren', 'reviewer');
    await addTestUser(db, 'tobias', 'reviewer');
    const claim = makeClaim(db, { sourceId: makeSource(db).id });
    const maren = request.agent(app);
    const tobias = request.agent(app);
    await signInAs(maren, 'maren');
    await signInAs(tobias, 'tobias');
    const marensToken = await pageToken(maren);
    const res = await tobias.post(`/claims/${claim.id}/review`).type('form').send({ _csrf: marensToken, decision: 'confirm', version: String(claim.version) });
    expect(res.status).toBe(403);
    expect(listAudit(db, 'claim', claim.id)).toHaveLength(1);
  });
});

describe('the sign-in limit', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('survives a restart of the app on the same database file: the 11th wrong attempt is still refused (429)', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'crosscheck-limits-'));
    const file = path.join(dir, 'desk.sqlite');
    const config = loadConfig({ dbPath: file, csrfSecret: 'test-secret-for-web-tests' }, {});
    const first = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    await addTestUser(first, 'maren', 'reviewer');
    const before = request.agent(createApp({ db: first, clock: () => new Date(), config }));
    const token = await csrfToken(before, '/login');
    for (let i = 0; i < 10; i += 1) {
      await before.post('/login').type('form').send({ _csrf: token, username: 'maren', password: `wrong guess ${i}` }).expect(401);
    }
    first.close();

    const second = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    try {
      const after = request.agent(createApp({ db: second, clock: () => new Date(), config }));
      const again = await csrfToken(after, '/login');
      const limited = await after.post('/login').type('form').send({ _csrf: again, username: 'maren', password: PASSWORD }).expect(429);
      expect(html(limited.text).querySelector('.form-errors')?.textContent).toContain('Too many failed sign-in attempts');
      // Another name is not held back by maren's failures (the address has used 11 of its 30).
      await after.post('/login').type('form').send({ _csrf: again, username: 'oskar', password: 'x' }).expect(401);
    } finally {
      second.close();
    }
  });
});

describe('who did what', () => {
  it('records the signed-in user on each change, shows who confirmed a claim, and lists it on /activity (HTML, JSON, CSV)', async () => {
    const { agent, db } = testApp();
    await addTestUser(db, 'maren', 'reviewer');
    const claim = makeClaim(db, { sourceId: makeSource(db).id });
    await signInAs(agent, 'maren');
    const token = await pageToken(agent);
    await agent.post(`/claims/${claim.id}/review`).type('form').send({ _csrf: token, decision: 'confirm', version: String(claim.version) }).expect(303);
    expect(listAudit(db, 'claim', claim.id).at(-1)?.actor).toBe('maren');

    const page = html((await agent.get(`/claims/${claim.id}`).expect(200)).text);
    expect(page.querySelector('.confirmed-by')?.textContent).toBe('Confirmed by maren on 2026-01-15 12:00 UTC');

    const activity = html((await agent.get('/activity?user=maren').expect(200)).text);
    const rows = [...activity.querySelectorAll('tr[data-event-id]')];
    expect(rows.map((r) => r.querySelector('.actor')?.textContent)).toEqual(['maren']);
    const json = await agent.get(`/activity.json?item=claim&id=${claim.id}&from=2026-01-15&to=2026-01-15`).expect(200);
    expect(json.body.events.map((e: { actor: string; action: string }) => `${e.actor} ${e.action}`)).toEqual(['maren update', 'test create']);
    const csv = await agent.get('/activity.csv?user=maren&action=update').expect(200);
    expect(csv.text.split('\r\n')[0]).toBe('id,at,user,action,item,item_id,reason,before,after');
    expect(csv.text).toContain(',maren,update,claim,');
    await agent.get('/activity.json?to=2026-02-30').expect(422);
  });

  it('lists who confirmed each claim and when (a column, and confirmed_by/confirmed_at in CSV and JSON); rejecting it clears them', async () => {
    const { agent, db } = testApp();
    await addTestUser(db, 'maren', 'reviewer');
    const source = makeSource(db);
    const claim = makeClaim(db, { sourceId: source.id });
    const other = makeClaim(db, { sourceId: source.id, valueText: '900', figure: { unit: 'count', low: 900, high: 900 }, qualifier: 'exact' });
    await signInAs(agent, 'maren');
    const token = await pageToken(agent);
    await agent.post(`/claims/${claim.id}/review`).type('form').send({ _csrf: token, decision: 'confirm', version: String(claim.version) }).expect(303);

    const list = html((await agent.get('/claims').expect(200)).text);
    const cell = (id: number) => list.querySelector(`tr[data-claim-id="${id}"] .confirmed-by`);
    expect([cell(claim.id)?.querySelector('.confirmer')?.textContent, cell(claim.id)?.querySelector('time')?.textContent]).toEqual(['maren', '2026-01-15 12:00 UTC']);
    expect(cell(other.id)?.textContent).toBe('—');
    const json = await agent.get('/claims.json').expect(200);
    expect(json.body.claims.map((c: { id: number; confirmedBy: string | null; confirmedAt: string | null }) => [c.id, c.confirmedBy, c.confirmedAt]))
      .toEqual([[other.id, null, null], [claim.id, 'maren', '2026-01-15T12:00:00.000Z']]);
    const csv = (await agent.get('/claims.csv').expect(200)).text.split('\r\n');
    expect(csv[0]).toMatch(/,confirmed_by,confirmed_at$/);
    expect(csv.find((line) => line.startsWith(`${claim.id},`))).toMatch(/,maren,2026-01-15T12:00:00\.000Z$/);

    await agent.post(`/claims/${claim.id}/review`).type('form').send({ _csrf: token, decision: 'reject', version: String(claim.version + 1) }).expect(303);
    expect((await agent.get(`/claims/${claim.id}.json`).expect(200)).body.claim).toMatchObject({ status: 'rejected', confirmedBy: null, confirmedAt: null });
  });

  it('keeps `local` as the actor of events written before accounts existed', () => {
    const db = openDatabase(':memory:', { migrate: false });
    migrate(db, MIGRATIONS_DIR, { target: 9 });
    recordAudit(db, { action: 'create', entity: 'source', entityId: 1, after: { title: 'Portbrak report' } }, { actor: 'local' });
    migrate(db, MIGRATIONS_DIR);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(10);
    expect(listAudit(db, 'source', 1).map((e) => e.actor)).toEqual(['local']);
  });
});
