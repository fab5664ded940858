// The app's shell: the pinned error shape, unknown routes, security headers, static files, and pages that
// need neither inline script nor inline style.
import { describe, expect, it } from 'vitest';
import { countConflictsByStatus, listConflicts } from '../../src/store/conflicts.js';
import { makeClaim, makeSource } from '../helpers/index.js';
import { csrfToken, html, tableCounts, testApp } from './harness.js';

describe('errors', () => {
  it('have one JSON shape: { error: { status, code, message, fields } }', async () => {
    const { agent, db } = testApp();
    const notFound = await agent.get('/sources/404.json').expect(404).expect('Content-Type', /json/);
    expect(notFound.body).toEqual({ error: { status: 404, code: 'not_found', message: 'Source 404 was not found.', fields: {} } });

    const token = await csrfToken(agent);
    const invalid = await agent
      .post('/sources')
      .set('Accept', 'application/json')
      .type('form')
      .send({ _csrf: token, title: 'A title', publisher: 'An outlet', published: 'yesterday', body: 'Some text.' })
      .expect(422);
    expect(invalid.body).toEqual({
      error: {
        status: 422,
        code: 'invalid',
        message: 'The source was not saved; see the fields.',
        fields: { published: 'Published date must be a real date written YYYY-MM-DD, e.g. 2019-03-15.' },
      },
    });

    const forbidden = await agent.post('/sources').set('Accept', 'application/json').send({ title: 'x' }).expect(403);
    expect(forbidden.body.error).toMatchObject({ status: 403, code: 'csrf_invalid', fields: {} });
    expect(tableCounts(db).sources).toBe(0);
  });

  it('unknown routes are 404 as HTML and as JSON', async () => {
    const { agent } = testApp();
    const page = await agent.get('/no/such/page').expect(404).expect('Content-Type', /html/);
    expect(html(page.text).querySelector('h1')?.textContent).toBe('Not found');
    expect(html(page.text).querySelector('.error-message')?.textContent).toBe('The page /no/such/page was not found.');
    const json = await agent.get('/no/such/page').set('Accept', 'application/json').expect(404);
    expect(json.body.error.code).toBe('not_found');
    await agent.get('/static/missing.js').expect(404);
  });

  it('a body far over the limit is refused by the parser with the same 413 message', async () => {
    const { agent, db } = testApp();
    const token = await csrfToken(agent);
    const res = await agent
      .post('/sources')
      .set('Accept', 'application/json')
      .type('form')
      .send(`_csrf=${encodeURIComponent(token)}&body=${'x'.repeat(16 * 1024 * 1024)}`)
      .expect(413);
    expect(res.body.error).toEqual({ status: 413, code: 'too_large', message: 'That is too large: the limit is 5 MB.', fields: {} });
    expect(tableCounts(db).sources).toBe(0);
  });

  it('internal errors are a 500 that does not leak details', async () => {
    const { agent, db } = testApp();
    db.close();
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (err: unknown) => errors.push(err);
    try {
      const res = await agent.get('/sources.json').expect(500);
      expect(res.body).toEqual({ error: { status: 500, code: 'internal', message: 'Something went wrong on our side; nothing was saved. The error has been logged.', fields: {} } });
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });
});

describe('security headers and assets', () => {
  it('sends a strict CSP without unsafe-inline, and no X-Powered-By', async () => {
    const { agent } = testApp();
    const res = await agent.get('/').expect(200);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the stylesheet and script from /static', async () => {
    const { agent } = testApp();
    await agent.get('/static/app.css').expect(200).expect('Content-Type', /css/);
    await agent.get('/static/app.js').expect(200).expect('Content-Type', /javascript/);
  });

  it('no page has inline script, inline style or event-handler attributes; every form carries a CSRF token', async () => {
    const { agent, db } = testApp();
    const claim = makeClaim(db);
    const pages = ['/', '/sources', '/sources/new', `/sources/${claim.sourceId}`, `/sources/${claim.sourceId}/edit`, `/sources/${claim.sourceId}/delete`,
      '/claims', `/claims/${claim.id}`, `/claims/${claim.id}/edit`, `/claims/${claim.id}/delete`, `/claims/new?source=${claim.sourceId}`, '/nope'];
    for (const url of pages) {
      const doc = html((await agent.get(url)).text);
      for (const script of doc.querySelectorAll('script')) expect(script.getAttribute('src'), url).toBeTruthy();
      expect(doc.querySelectorAll('style, [style]').length, url).toBe(0);
      const handlers = [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((name) => name.startsWith('on'));
      expect(handlers, url).toEqual([]);
      for (const form of doc.querySelectorAll('form[method="post"]')) expect(form.querySelector('input[name="_csrf"]'), `${url} form ${form.getAttribute('action')}`).not.toBeNull();
      expect(doc.querySelector('a.skip-link[href="#main"]'), url).not.toBeNull();
    }
  });

  it('escapes what sources contain: imported text is shown as text, never as markup', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db, { title: '<img src=x onerror=alert(1)>', body: 'Text with <script>alert(1)</script> & "quotes".\n' });
    const res = await agent.get(`/sources/${source.id}`).expect(200);
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).not.toContain('<img src=x');
    const doc = html(res.text);
    expect(doc.querySelector('#article-body')?.textContent).toBe(source.body);
    expect(doc.querySelector('h1')?.textContent).toBe(source.title);
  });

  it('links a source URL only when it is a web address', async () => {
    const { agent, db } = testApp();
    const bad = makeSource(db, { url: 'javascript:alert(1)' });
    const good = makeSource(db, { url: 'https://example.org/a?b=1&c=2' });
    const badDoc = html((await agent.get(`/sources/${bad.id}`).expect(200)).text);
    expect(badDoc.querySelector('a.external')).toBeNull();
    const goodDoc = html((await agent.get(`/sources/${good.id}`).expect(200)).text);
    expect(goodDoc.querySelector('a.external')?.getAttribute('href')).toBe('https://example.org/a?b=1&c=2');
  });
});

describe('dashboard', () => {
  it('counts what is stored; when empty it offers the sample set', async () => {
    const { agent, db } = testApp();
    const empty = html((await agent.get('/').expect(200)).text);
    expect(empty.querySelector('form[action="/samples"] button')?.textContent).toBe('Load the sample set');
    makeClaim(db, { status: 'confirmed' });
    makeClaim(db);
    const doc = html((await agent.get('/').expect(200)).text);
    expect(doc.querySelector('form[action="/samples"]')).toBeNull();
    expect(doc.querySelector('[data-count="sources"]')?.textContent).toBe('2');
    expect(doc.querySelector('[data-count="claims"]')?.textContent).toBe('2');
    expect(doc.querySelector('[data-count="candidate"]')?.textContent).toBe('1');
    const conflictsTile = doc.querySelector('a[data-count="open-conflicts"]');
    expect(conflictsTile?.textContent).toBe('0');
    expect(conflictsTile?.getAttribute('href')).toBe('/conflicts?status=open');
    const json = await agent.get('/index.json').expect(200);
    expect(json.body.counts).toMatchObject({ sources: 2, claims: 2, claimsByStatus: { candidate: 1, confirmed: 1, rejected: 0 } });
  });

  it('the sample-set button loads the sample articles once', { timeout: 30_000 }, async () => {
    const { agent, db } = testApp();
    const doc = html((await agent.get('/').expect(200)).text);
    const _csrf = doc.querySelector('form[action="/samples"] input[name="_csrf"]')?.getAttribute('value') ?? '';
    const res = await agent.post('/samples').type('form').send({ _csrf }).expect(303);
    const loaded = tableCounts(db).sources;
    expect(loaded).toBeGreaterThanOrEqual(6);
    const claims = tableCounts(db).claims;
    const conflicts = listConflicts(db).total;
    expect(res.headers.location).toMatch(new RegExp(`^/\\?loaded=${loaded}&claims=${claims}&conflicts=${conflicts}&done=`));
    const after = html((await agent.get(res.headers.location ?? '').expect(200)).text);
    expect(after.querySelector('.samples-loaded[role="status"]')?.textContent).toBe(
      `Loaded ${loaded} sample articles: ${claims} candidate claims, ${conflicts} conflict${conflicts === 1 ? '' : 's'}.`,
    );
    expect(after.querySelector('[data-count="sources"]')?.textContent).toBe(String(loaded));
    expect(after.querySelector('[data-count="open-conflicts"]')?.textContent).toBe(String(countConflictsByStatus(db).open));
    expect(after.querySelector('form[action="/samples"]')).toBeNull();
    expect(html((await agent.get('/').expect(200)).text).querySelector('.samples-loaded')).toBeNull();
    const again = await agent.post('/samples').set('Accept', 'application/json').type('form').send({ _csrf }).expect(200);
    expect(again.body.loaded).toMatchObject({ imported: 0, skipped: loaded, conflicts: 0 });
    const nothing = html((await agent.get(`/?loaded=0&skipped=${loaded}`).expect(200)).text);
    expect(nothing.querySelector('.samples-loaded')?.textContent).toBe(`The sample set is already loaded (${loaded} articles skipped); nothing was added.`);
  });
});
