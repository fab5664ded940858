// The feeds page over HTTP against a local server: follow an RSS feed, poll it (each item imported by URL once),
// and a page that is not a feed refused beside the field with nothing stored; a viewer reads the page without its forms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSources } from '../../src/store/sources.js';
import { listFeedItemFailures, listFeeds } from '../../src/store/feeds.js';
import { DEFAULT_FETCH_LIMITS } from '../../src/config.js';
import { body, PAGE, startTestServer, TEXT, type TestServer } from '../helpers/http-server.js';
import { csrfToken, html, testApp } from './harness.js';
import { addTestUser, signInAs } from './accounts-harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  server.route('/article.html', body('text/html', PAGE));
  server.route('/note.txt', body('text/plain', TEXT));
  server.route(
    '/feed.xml',
    body('application/rss+xml', `<rss version="2.0"><channel><title>Herald feed</title>
      <item><title>Floods</title><link>${server.url('/article.html')}</link></item>
      <item><title>Schools</title><link>${server.url('/note.txt')}</link><pubDate>Mon, 06 May 2024 09:00:00 GMT</pubDate></item></channel></rss>`),
  );
});
afterAll(async () => {
  await server.close();
});

describe('the feeds page', () => {
  it('follows a feed, polls it and imports each item once', async () => {
    const { agent, db } = testApp({ fetch: { ...DEFAULT_FETCH_LIMITS, allowPrivate: true } });
    const _csrf = await csrfToken(agent, '/feeds');
    const followed = await agent.post('/feeds').type('form').send({ _csrf, url: server.url('/feed.xml') }).expect(303);
    expect(html((await agent.get(followed.headers.location!).expect(200)).text).body.textContent).toContain('Following “Herald feed” (2 items now');

    const polled = await agent.post('/feeds/poll').type('form').send({ _csrf }).expect(303);
    const page = html((await agent.get(polled.headers.location!).expect(200)).text);
    expect(page.body.textContent).toContain('Polled the feeds: 2 new sources, 0 already there, 0 failed.');
    expect(page.querySelector('table.feeds tbody tr')?.textContent).toContain('Herald feed');
    expect(countSources(db)).toBe(2);
    await agent.post('/feeds/poll').type('form').send({ _csrf }).expect(303);
    expect(countSources(db)).toBe(2);
    expect(listFeeds(db)[0]?.itemCount).toBe(2);
  });

  it('tries a failing item again on the next polls, then gives it up after the set number of attempts; shown on the page', async () => {
    let hits = 0;
    server.route('/flaky.txt', (_req, res) => {
      hits += 1;
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('busy');
    });
    server.route('/gone.txt', (_req, res) => {
      hits += 100;
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no');
    });
    server.route('/flaky-feed.xml', body('application/rss+xml', `<rss version="2.0"><channel><title>Korvan notes</title>
      <item><title>Families</title><link>${server.url('/flaky.txt')}</link><pubDate>Fri, 10 May 2024 09:00:00 GMT</pubDate></item>
      <item><title>Gone</title><link>${server.url('/gone.txt')}</link><pubDate>Fri, 10 May 2024 09:00:00 GMT</pubDate></item></channel></rss>`));
    const { agent, db } = testApp({ fetch: { ...DEFAULT_FETCH_LIMITS, allowPrivate: true }, feedAttempts: 2 });
    const _csrf = await csrfToken(agent, '/feeds');
    await agent.post('/feeds').type('form').send({ _csrf, url: server.url('/flaky-feed.xml') }).expect(303);
    const poll = async () => html((await agent.get((await agent.post('/feeds/poll').type('form').send({ _csrf }).expect(303)).headers.location!).expect(200)).text);
    const rows = (page: ReturnType<typeof html>) => [...page.querySelectorAll('table.feed-failures tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

    const first = await poll();
    expect(first.body.textContent).toContain('Polled the feeds: 0 new sources, 0 already there, 2 failed.');
    expect(rows(first)).toEqual([
      ['Korvan notes', server.url('/flaky.txt'), '1 of 2', expect.stringContaining('answered 503'), expect.any(String), 'tried again on the next poll'],
      ['Korvan notes', server.url('/gone.txt'), '1 of 2', expect.stringContaining('answered 404'), expect.any(String), 'tried again on the next poll'],
    ]);
    expect(first.querySelector('table.feeds tbody tr')?.textContent).toMatch(/0\s*2/);
    expect(hits).toBe(101);

    // The second poll fails both again and gives up on them; the third fetches neither.
    const second = await agent.post('/feeds/poll').set('Accept', 'application/json').send({ _csrf }).expect(200);
    expect(second.body.lines).toEqual(expect.arrayContaining([expect.stringMatching(/failed .*\/gone\.txt: .*answered 404.* \(attempt 2 of 2: given up\)$/)]));
    expect(hits).toBe(202);
    const third = await agent.post('/feeds/poll').set('Accept', 'application/json').send({ _csrf }).expect(200);
    expect(hits).toBe(202);
    expect(third.body).toMatchObject({ givenUp: 2, totals: { items: 0, failed: 0 } });
    expect(third.body.lines).toEqual(expect.arrayContaining([
      'feed #1 “Korvan notes”: 0 new of 2 items, 2 given up after 2 failed attempts',
      expect.stringMatching(/^  given up .*\/gone\.txt: failed 2 times, last: .*answered 404/),
    ]));
    const page = html((await agent.get('/feeds').expect(200)).text);
    expect(rows(page).map((r) => r[5])).toEqual(['given up', 'given up']);
    expect(countSources(db)).toBe(0);
  });

  it('forgets an item’s failures once its page imports', async () => {
    let broken = true;
    server.route('/later.txt', (_req, res) => {
      if (broken) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('down');
      } else body('text/plain', 'The East Tarn clinic said 19 patients were moved on Saturday.\n')(_req, res);
    });
    server.route('/later-feed.xml', body('application/rss+xml', `<rss version="2.0"><channel><title>Clinic notes</title>
      <item><title>Patients</title><link>${server.url('/later.txt')}</link><pubDate>Sat, 11 May 2024 09:00:00 GMT</pubDate></item></channel></rss>`));
    const { agent, db } = testApp({ fetch: { ...DEFAULT_FETCH_LIMITS, allowPrivate: true } });
    const _csrf = await csrfToken(agent, '/feeds');
    await agent.post('/feeds').type('form').send({ _csrf, url: server.url('/later-feed.xml') }).expect(303);
    await agent.post('/feeds/poll').type('form').send({ _csrf }).expect(303);
    expect(listFeedItemFailures(db)).toMatchObject([{ attempts: 1 }]);
    broken = false;
    const polled = await agent.post('/feeds/poll').set('Accept', 'application/json').send({ _csrf }).expect(200);
    expect(polled.body.totals).toMatchObject({ imported: 1, failed: 0 });
    expect(listFeedItemFailures(db)).toEqual([]);
    expect(html((await agent.get('/feeds').expect(200)).text).querySelector('table.feed-failures')).toBeNull();
  });

  it('refuses an address that is not a feed beside the field', async () => {
    const { agent, db } = testApp({ fetch: { ...DEFAULT_FETCH_LIMITS, allowPrivate: true } });
    const _csrf = await csrfToken(agent, '/feeds');
    const res = await agent.post('/feeds').type('form').send({ _csrf, url: server.url('/article.html') }).expect(422);
    expect(html(res.text).querySelector('#url-error')?.textContent).toContain('is text/html, not one of the types imported');
    expect(listFeeds(db)).toEqual([]);
  });

  it('shows a viewer the feeds and sources without the follow, poll and fetch-again forms', async () => {
    const { agent, db } = testApp({ fetch: { ...DEFAULT_FETCH_LIMITS, allowPrivate: true } });
    const _csrf = await csrfToken(agent, '/feeds');
    await agent.post('/feeds').type('form').send({ _csrf, url: server.url('/feed.xml') }).expect(303);
    await agent.post('/feeds/poll').type('form').send({ _csrf }).expect(303);
    await addTestUser(db, 'vera', 'viewer');
    await signInAs(agent, 'vera');
    const feeds = html((await agent.get('/feeds').expect(200)).text);
    expect(feeds.querySelector('table.feeds tbody tr')?.textContent).toContain('Herald feed');
    expect(feeds.querySelectorAll('main form')).toHaveLength(0);
    const source = html((await agent.get('/sources/1').expect(200)).text);
    expect(source.querySelector('form.refetch')).toBeNull();
  });
});
