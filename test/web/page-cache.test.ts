// Read pages answered from the page cache stay correct: every browser gets its own CSRF token (and its forms work),
// a write through the app or from another connection (the command line) shows on the very next request, and a
// signed-in reader never sees a page drawn for someone else.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createApp } from '../../src/web/app.js';
import { openDatabase } from '../../src/store/database.js';
import { FIXED_NOW, makeClaim, makeSource, MIGRATIONS_DIR } from '../helpers/index.js';
import { addTestUser, signInAs } from './accounts-harness.js';
import { html, testApp } from './harness.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-page-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const statusOf = (text: string, claimId: number) =>
  html(text).querySelector(`tr[data-claim-id="${claimId}"] .status`)?.textContent?.trim();
const tokenOf = (text: string) => html(text).querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '';

describe('page cache', () => {
  it('gives each browser its own CSRF token on a kept page, and each token works for that browser', async () => {
    const t = testApp();
    const claim = makeClaim(t.db);
    const other = request.agent(t.app);
    const first = await t.agent.get('/claims').expect(200);
    const kept = await other.get('/claims').expect(200);
    const again = await t.agent.get('/claims').expect(200);
    expect(tokenOf(first.text)).not.toBe('');
    expect(tokenOf(kept.text)).not.toBe(tokenOf(first.text));
    expect(tokenOf(again.text)).toBe(tokenOf(first.text));
    // The other browser's token, read from the kept page, is accepted for its write.
    await other.post(`/claims/${claim.id}/review`).type('form').send({ _csrf: tokenOf(kept.text), decision: 'confirm', version: String(claim.version) }).expect(303);
  });

  it('shows a write made through the app on the next request', async () => {
    const t = testApp();
    const claim = makeClaim(t.db);
    const before = await t.agent.get('/claims').expect(200);
    expect(statusOf(before.text, claim.id)).toBe('candidate');
    await t.agent.get('/claims').expect(200);
    await t.agent.post(`/claims/${claim.id}/review`).type('form').send({ _csrf: tokenOf(before.text), decision: 'confirm', version: String(claim.version) }).expect(303);
    const after = await t.agent.get('/claims').expect(200);
    expect(statusOf(after.text, claim.id)).toBe('confirmed');
  });

  it('shows a write made by another connection to the database file (the command line) on the next request', async () => {
    const file = path.join(dir, 'shared.sqlite');
    const served = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    const cli = openDatabase(file, { migrationsDir: MIGRATIONS_DIR });
    try {
      const app = createApp({ db: served, clock: () => FIXED_NOW, config: loadConfig({ csrfSecret: 'page-cache-test' }, {}) });
      const agent = request.agent(app);
      makeSource(cli, { title: 'Shelling near Portbrak' });
      expect((await agent.get('/sources').expect(200)).text).toContain('Shelling near Portbrak');
      await agent.get('/sources').expect(200);
      makeSource(cli, { title: 'Floods in Upper Mires', url: 'https://example.org/upper-mires' });
      expect((await agent.get('/sources').expect(200)).text).toContain('Floods in Upper Mires');
    } finally {
      cli.close();
      served.close();
    }
  });

  it('never shows a page drawn for one signed-in user to another', async () => {
    const t = testApp();
    await addTestUser(t.db, 'marta', 'editor');
    await addTestUser(t.db, 'oskar', 'viewer');
    const oskar = request.agent(t.app);
    await signInAs(t.agent, 'marta');
    await signInAs(oskar, 'oskar');
    for (let i = 0; i < 2; i++) {
      const seenByMarta = html((await t.agent.get('/claims').expect(200)).text);
      const seenByOskar = html((await oskar.get('/claims').expect(200)).text);
      expect(seenByMarta.querySelector('.signed-in-as')?.textContent).toContain('marta');
      expect(seenByOskar.querySelector('.signed-in-as')?.textContent).toContain('oskar');
    }
  });
});
