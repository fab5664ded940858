import { describe, expect, it } from 'vitest';
import request from 'supertest';
import { testApp } from './harness.js';

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

  it('answers configured names, and any name when bound to all interfaces without a list', async () => {
    const listed = testApp({ allowedHosts: ['crosscheck.lan'] });
    await request(listed.app).get('/').set('Host', 'crosscheck.lan:3000').expect(200);
    await request(listed.app).get('/').set('Host', 'other.lan').expect(421);
    const open = testApp({ host: '0.0.0.0' });
    await request(open.app).get('/').set('Host', 'box.lan:3000').expect(200);
  });
});
