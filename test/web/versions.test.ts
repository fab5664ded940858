// Versions of an article over HTTP against a local server: a source fetched by URL is fetched again with the
// page's button after the served text changed; the new text is stored as version 2 (version 1 kept with its claims),
// the word diff shows what changed, and the claims whose quote changed or vanished are flagged on version 1's page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getClaim, listClaimsOfSource } from '../../src/store/claims.js';
import { getSource } from '../../src/store/sources.js';
import { listAudit } from '../../src/store/audit.js';
import { listVersions, versionFlagsOfSource } from '../../src/store/versions.js';
import { DEFAULT_FETCH_LIMITS } from '../../src/config.js';
import { body, startTestServer, type TestServer } from '../helpers/http-server.js';
import { csrfToken, html, testApp } from './harness.js';

const FIRST =
  'The Portbrak district office said on Monday that 1,400 people had left their homes after the river rose.\n\n' +
  'Engineers counted 12 damaged bridges in East Tarn, the office added.\n\n' +
  'A relief convoy of 30 trucks reached Upper Mires on Sunday.\n\n' +
  'The council said 5 schools stayed closed.\n';
const SECOND =
  'The Portbrak district office said on Monday that 2,100 people had left their homes after the river rose.\n\n' +
  'A convoy of 30 trucks with food reached Upper Mires late on Sunday.\n\n' +
  'The council said 5 schools stayed closed.\n';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('fetching a source again', () => {
  it('stores changed text as a new version, shows the word diff and flags the claims whose quote changed or vanished', async () => {
    server.route('/story.txt', body('text/plain', FIRST));
    const { agent, db } = testApp({ fetch: { ...DEFAULT_FETCH_LIMITS, allowPrivate: true } });
    let _csrf = await csrfToken(agent);
    await agent.post('/sources').type('form').send({ _csrf, fetchUrl: server.url('/story.txt'), title: 'River rises', publisher: 'Portbrak Courier', published: '2024-04-02' }).expect(303);
    const firstClaims = listClaimsOfSource(db, 1);
    expect(firstClaims.map((c) => c.valueText)).toEqual(expect.arrayContaining(['1,400', '12', '30', '5']));

    // Nothing changed yet: the button says so and stores nothing.
    _csrf = html((await agent.get('/sources/1').expect(200)).text).querySelector('form.refetch input[name="_csrf"]')?.getAttribute('value') ?? '';
    const same = await agent.post('/sources/1/refetch').type('form').send({ _csrf }).expect(303);
    expect(html((await agent.get(same.headers.location!).expect(200)).text).body.textContent).toMatch(/Unchanged since/);
    expect(listVersions(db, 1)).toHaveLength(1);

    server.route('/story.txt', body('text/plain', SECOND));
    const changed = await agent.post('/sources/1/refetch').type('form').send({ _csrf }).expect(303);
    expect(changed.headers.location).toMatch(/^\/sources\/2\/diff\?from=1&to=2/);
    expect(getSource(db, 2)).toMatchObject({ body: SECOND, previousVersionId: 1, title: 'River rises', fetchedUrl: server.url('/story.txt') });
    expect(getSource(db, 1).body).toBe(FIRST);
    expect(listClaimsOfSource(db, 1)).toHaveLength(firstClaims.length);

    const diff = html((await agent.get(changed.headers.location!).expect(200)).text);
    expect(diff.querySelector('.flash, [role="status"]')?.textContent ?? diff.body.textContent).toMatch(/stored as version 2/);
    expect([...diff.querySelectorAll('.word-diff del')].map((d) => d.textContent).join(' ')).toContain('1,400');
    expect([...diff.querySelectorAll('.word-diff ins')].map((d) => d.textContent).join(' ')).toContain('2,100');

    const oldPage = html((await agent.get('/sources/1').expect(200)).text);
    expect(oldPage.querySelectorAll('.versions li')).toHaveLength(2);
    const flagOf = (valueText: string) => {
      const claim = firstClaims.find((c) => c.valueText === valueText)!;
      return oldPage.querySelector(`tr[data-claim-id="${claim.id}"] .version-flag`)?.textContent ?? null;
    };
    const flagged = { '1,400': flagOf('1,400'), '12': flagOf('12'), '30': flagOf('30'), '5': flagOf('5') };
    expect(flagged['1,400']).toBe('Review: the figure vanished in a newer version');
    expect(flagged['12']).toBe('Review: the figure vanished in a newer version');
    expect(flagged['30']).toBe('Review: the quote changed in a newer version');
    expect(flagged['5']).toBeNull();
  });

  it('clears a flag when a reviewer marks the claim checked, edits it or confirms it again; each audited', async () => {
    server.route('/checked.txt', body('text/plain', FIRST));
    const { agent, db } = testApp({ fetch: { ...DEFAULT_FETCH_LIMITS, allowPrivate: true } });
    const _csrf = await csrfToken(agent);
    await agent.post('/sources').type('form').send({ _csrf, fetchUrl: server.url('/checked.txt'), title: 'River rises', publisher: 'Portbrak Courier', published: '2024-04-02' }).expect(303);
    server.route('/checked.txt', body('text/plain', SECOND));
    await agent.post('/sources/1/refetch').type('form').send({ _csrf }).expect(303);
    const claimOf = (valueText: string) => listClaimsOfSource(db, 1).find((c) => c.valueText === valueText)!;
    const [convoy, bridges, toll] = [claimOf('30'), claimOf('12'), claimOf('1,400')];
    const flagsBefore = versionFlagsOfSource(db, 1);
    expect([...flagsBefore.keys()]).toEqual(expect.arrayContaining([convoy.id, bridges.id, toll.id]));

    // "Checked" beside the flag on the source page: back on the page, the flag is gone.
    const page = html((await agent.get('/sources/1').expect(200)).text);
    const form = page.querySelector(`tr[data-claim-id="${convoy.id}"] form.version-check`)!;
    const fields = Object.fromEntries([...form.querySelectorAll('input')].map((i) => [i.getAttribute('name')!, i.getAttribute('value') ?? '']));
    const checked = await agent.post(form.getAttribute('action')!).type('form').send(fields).expect(303);
    expect(checked.headers.location).toMatch(/^\/sources\/1\?/);
    const after = html((await agent.get(checked.headers.location!).expect(200)).text);
    expect(after.body.textContent).toContain(`Claim #${convoy.id} checked against the newer version: its flag is cleared.`);
    expect(after.querySelector(`tr[data-claim-id="${convoy.id}"] .version-flag`)).toBeNull();
    expect(after.querySelector(`tr[data-claim-id="${bridges.id}"] .version-flag`)).not.toBeNull();
    expect(listAudit(db, 'claim', convoy.id).find((e) => e.action === 'unflag')).toMatchObject({ reason: 'Checked against the newer version', before: { change: 'changed', version: 2 } });

    // Confirming the claim (the review button) answers its flag too.
    await agent.post(`/claims/${toll.id}/review`).type('form').send({ _csrf, decision: 'confirm', version: String(toll.version) }).expect(303);
    expect(getClaim(db, toll.id).status).toBe('confirmed');
    expect(listAudit(db, 'claim', toll.id).find((e) => e.action === 'unflag')?.reason).toBe('Confirmed after the article changed');

    // So does an edit: the claim page shows the flag and its button until then.
    const claimPage = html((await agent.get(`/claims/${bridges.id}`).expect(200)).text);
    expect(claimPage.querySelector('.claim-fields .version-flag')?.textContent).toBe('Review: the figure vanished in a newer version');
    const edit = html((await agent.get(`/claims/${bridges.id}/edit`).expect(200)).text).querySelector('form.claim-form')!;
    const editFields: Record<string, string> = {};
    for (const el of edit.querySelectorAll('input[name], textarea[name], select[name]')) {
      editFields[el.getAttribute('name')!] = el.tagName === 'TEXTAREA' ? (el.textContent ?? '') : el.tagName === 'SELECT' ? (el.querySelector('option[selected]')?.textContent ?? '') : (el.getAttribute('value') ?? '');
    }
    await agent.post(`/claims/${bridges.id}/edit`).type('form').send({ ...editFields, note: 'The bridges are no longer mentioned.' }).expect(303);
    const left = versionFlagsOfSource(db, 1);
    expect(left.size).toBe(flagsBefore.size - 3);
    for (const id of [convoy.id, bridges.id, toll.id]) expect(left.has(id)).toBe(false);
    expect(html((await agent.get(`/claims/${bridges.id}`).expect(200)).text).querySelector('.version-flag')).toBeNull();
    expect(html((await agent.get('/sources/1').expect(200)).text).querySelectorAll('.version-flag')).toHaveLength(left.size);
  });

  it('says so when the URL cannot be fetched, and changes nothing', async () => {
    server.route('/gone-later.txt', body('text/plain', FIRST));
    const { agent, db } = testApp({ fetch: { ...DEFAULT_FETCH_LIMITS, allowPrivate: true } });
    const _csrf = await csrfToken(agent);
    await agent.post('/sources').type('form').send({ _csrf, fetchUrl: server.url('/gone-later.txt'), title: 'T', publisher: 'P', published: '2024-04-02' }).expect(303);
    server.route('/gone-later.txt', (_req, res) => {
      res.writeHead(410, { 'content-type': 'text/plain' });
      res.end('gone');
    });
    const res = await agent.post('/sources/1/refetch').type('form').send({ _csrf }).expect(303);
    expect(html((await agent.get(res.headers.location!).expect(200)).text).body.textContent).toContain('Not fetched again');
    expect(listVersions(db, 1)).toHaveLength(1);
  });
});
