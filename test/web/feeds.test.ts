// The feeds page over HTTP against a local server: follow an RSS feed, poll it (each item imported by URL once),
// and a page that is not a feed refused beside the field with nothing stored; a viewer reads the page without its forms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSources, listFeeds } from '../../src/store/index.js';
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
