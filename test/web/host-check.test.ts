import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { html, testApp } from './harness.js';
import { createApp } from '../../src/web/app.js';
import { FIXED_NOW } from '../helpers/index.js';

describe('host check (DNS rebinding guard)', () => {
  it('answers loopback names while bound to 127.0.0.1', async () => {
    const { app } = testApp();
    for (const host of ['127.0.0.1:3000', 'localhost:3000', '[::1]:3000', 'LOCALHOST']) {
      await request(app).get('/').set('Host', host).expect(200);
    }
  });

  it('refuses another site name with 421 and a message saying how to allow it', async () => {
    const { app } = testApp();
    const res = await request(app).get('/').set('Host', 'attacker.example:3000').expect(421);
    expect(res.text).toContain('CROSSCHECK_ALLOWED_HOSTS');
    expect(res.text).toContain('attacker.example');
  });

  it('answers configured names; bound to all interfaces, only those (see guards.test.ts)', async () => {
    const listed = testApp({ allowedHosts: ['crosscheck.lan'] });
    await request(listed.app).get('/').set('Host', 'crosscheck.lan:3000').expect(200);
    await request(listed.app).get('/').set('Host', 'other.lan').expect(421);
    const open = testApp({ host: '0.0.0.0', allowedHosts: ['box.lan'] });
    await request(open.app).get('/').set('Host', 'box.lan:3000').expect(200);
  });
});

describe('CSRF secret', () => {
  it('is kept in the database, so a restarted app accepts the tokens of forms opened before', async () => {
    const { db, config } = testApp({ csrfSecret: undefined });
    const form = await request(createApp({ db, clock: () => FIXED_NOW, config })).get('/sources/new').expect(200);
    const token = html(form.text).querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '';
    const cookies = (form.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
    // A second app over the same database stands for the server after a restart; the browser keeps its cookies.
    const restarted = createApp({ db, clock: () => FIXED_NOW, config });
    const post = (app: ReturnType<typeof createApp>) =>
      request(app)
        .post('/sources')
        .set('Cookie', cookies)
        .type('form')
        .send({ _csrf: token, title: 'Restart check', publisher: 'Test Wire', publishedAt: '2020-01-02', text: 'Ten soldiers were killed on Monday.' });
    expect((await post(restarted)).status).not.toBe(403);
    // Control: an app with another secret refuses the same token, so the check above can fail.
    const other = createApp({ db, clock: () => FIXED_NOW, config: { ...config, csrfSecret: 'another-secret' } });
    expect((await post(other)).status).toBe(403);
  });
});
