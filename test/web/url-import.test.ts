// Adding a source by URL over HTTP, against a real local server: an HTML page, a plain text and a PDF are stored
// with the address and the time they were fetched; a loopback address without the setting, a 20 MB answer, a slow
// answer and a redirect loop are refused with a message beside the URL field, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSource } from '../../src/store/sources.js';
import { DEFAULT_FETCH_LIMITS, type FetchLimits } from '../../src/config.js';
import { FIXED_NOW, makePdf } from '../helpers/index.js';
import { body, PAGE, startTestServer, TEXT, type TestServer } from '../helpers/http-server.js';
import { csrfToken, html, tableCounts, testApp } from './harness.js';

let server: TestServer;
const permissive: FetchLimits = { ...DEFAULT_FETCH_LIMITS, allowPrivate: true, timeoutMs: 1500, maxBytes: 2 * 1024 * 1024 };

beforeAll(async () => {
  server = await startTestServer();
  server.route('/article.html', body('text/html; charset=utf-8', PAGE));
  server.route('/note.txt', body('text/plain; charset=utf-8', TEXT));
  server.route('/report.pdf', body('application/pdf', makePdf([['The East Tarn monitor counted 52 shelters on 3 May 2024.'], ['About 900 families used them.']])));
  server.route('/image.png', body('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])));
  server.route('/huge', (_req, res) => {
    // 20 MB without a Content-Length, so the cap must count the bytes as they arrive.
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 20; i++) res.write(chunk);
    res.end();
  });
  server.route('/slow', (_req, res) => {
    const timer = setTimeout(() => res.end('late'), 10_000);
    res.on('close', () => clearTimeout(timer));
  });
  server.route('/loop', (_req, res) => {
    res.writeHead(302, { location: '/loop-again' });
    res.end();
  });
  server.route('/loop-again', (_req, res) => {
    res.writeHead(302, { location: '/loop' });
    res.end();
  });
  server.route('/moved', (_req, res) => {
    res.writeHead(301, { location: '/article.html' });
    res.end();
  });
});
afterAll(async () => {
  await server.close();
});

async function submit(fetchLimits: FetchLimits, fields: Record<string, string>) {
  const t = testApp({ fetch: fetchLimits });
  const _csrf = await csrfToken(t.agent);
  const res = await t.agent.post('/sources').type('form').send({ _csrf, ...fields });
  return { ...t, res };
}

describe('adding a source by URL', () => {
  it('fetches an HTML page through a redirect: article text, prefilled details, the URL and fetch time stored and shown', async () => {
    const { res, db, agent } = await submit(permissive, { fetchUrl: server.url('/moved') });
    expect(res.status).toBe(303);
    const source = getSource(db, 1);
    expect(source).toMatchObject({ title: 'Floods cut the Portbrak road', publisher: 'Valdoria Herald', publishedAt: '2024-03-12', format: 'html', mediaType: 'text/html' });
    expect(source.body).toContain('1,400 people had left their homes');
    expect(source.body).not.toContain('Home · World');
    expect(source.fetchedUrl).toBe(server.url('/article.html'));
    expect(source.fetchedAt).toBe(FIXED_NOW.toISOString());
    const page = html((await agent.get('/sources/1').expect(200)).text);
    expect(page.querySelector('.source-meta')?.textContent).toContain(server.url('/article.html'));
    expect(page.querySelectorAll('#article-body .quote').length).toBeGreaterThan(0);
  });

  it('fetches a plain text; the details the page lacks are asked for, then it is fetched again and stored', async () => {
    const first = await submit(permissive, { fetchUrl: server.url('/note.txt'), publisher: 'Mires Courier' });
    expect(first.res.status).toBe(422);
    const form = html(first.res.text);
    expect(form.querySelector('#fetchUrl-error')?.textContent).toContain('The page was fetched');
    expect(form.querySelector('input[name="fetchUrl"]')?.getAttribute('value')).toBe(server.url('/note.txt'));
    expect(tableCounts(first.db).sources).toBe(0);
    const _csrf = form.querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '';
    const res = await first.agent.post('/sources').type('form').send({ _csrf, fetchUrl: server.url('/note.txt'), publisher: 'Mires Courier', title: 'Schools stay shut', published: '2024-05-06' });
    expect(res.status).toBe(303);
    expect(getSource(first.db, 1)).toMatchObject({ body: TEXT, format: 'text', mediaType: 'text/plain', fetchedUrl: server.url('/note.txt') });
  });

  it('fetches a PDF and stores its pages as paragraphs', async () => {
    const { res, db } = await submit(permissive, { fetchUrl: server.url('/report.pdf'), title: 'Shelters', publisher: 'East Tarn Monitor', published: '2024-05-10' });
    expect(res.status).toBe(303);
    expect(getSource(db, 1)).toMatchObject({ body: 'The East Tarn monitor counted 52 shelters on 3 May 2024.\n\nAbout 900 families used them.', mediaType: 'application/pdf' });
  });

  const refusals: [string, FetchLimits, string, RegExp][] = [
    ['a loopback address without CROSSCHECK_ALLOW_PRIVATE_URLS', { ...permissive, allowPrivate: false }, '/article.html', /127\.0\.0\.1 was not fetched: 127\.0\.0\.1 is a loopback address.*CROSSCHECK_ALLOW_PRIVATE_URLS=1/],
    ['a 20 MB answer', permissive, '/huge', /is larger than 2 MB; nothing was imported/],
    ['a slow answer', permissive, '/slow', /did not send the document within 2 s/],
    ['a redirect loop', permissive, '/loop', /redirects more than 5 times \(a redirect loop\?\)/],
    ['a type that is not imported', permissive, '/image.png', /is image\/png, not one of the types imported/],
    ['a missing page', permissive, '/gone', /answered 404/],
  ];
  for (const [what, limits, path, message] of refusals) {
    it(`refuses ${what} with a message beside the URL field and stores nothing`, async () => {
      const { res, db } = await submit(limits, { fetchUrl: server.url(path), title: 'T', publisher: 'P', published: '2024-05-10' });
      expect(res.status).toBe(422);
      expect(html(res.text).querySelector('#fetchUrl-error')?.textContent).toMatch(message);
      expect(tableCounts(db)).toEqual({ sources: 0, claims: 0, entities: 0, auditEvents: 0 });
    });
  }

  it('refuses a host name that resolves to a loopback address (checked where the connection is made)', async () => {
    const { res, db } = await submit({ ...permissive, allowPrivate: false }, { fetchUrl: server.url('/article.html').replace('127.0.0.1', 'localhost') });
    expect(html(res.text).querySelector('#fetchUrl-error')?.textContent).toMatch(/localhost was not fetched: .* is a loopback address/);
    expect(tableCounts(db).sources).toBe(0);
  });

  it('refuses other schemes and a URL given together with pasted text', async () => {
    const ftp = await submit(permissive, { fetchUrl: 'ftp://example.org/a.txt' });
    expect(html(ftp.res.text).querySelector('#fetchUrl-error')?.textContent).toContain('Only http and https');
    const both = await submit(permissive, { fetchUrl: server.url('/note.txt'), body: 'Some text.' });
    expect(html(both.res.text).querySelector('#fetchUrl-error')?.textContent).toContain('one of them');
    expect(tableCounts(both.db).sources).toBe(0);
  });

  it('answers JSON clients with 422 and the field message', async () => {
    const { agent } = testApp({ fetch: { ...permissive, allowPrivate: false } });
    const _csrf = await csrfToken(agent);
    const res = await agent.post('/sources.json').type('form').send({ _csrf, fetchUrl: 'http://[::1]/x' }).expect(422);
    expect(JSON.stringify(res.body)).toContain('loopback address');
  });
});
