// Sources over HTTP: import by paste and upload, view, edit, delete — and every bad input refused with nothing written.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { countConflictsByStatus, listConflicts } from '../../src/store/conflicts.js';
import { getSource } from '../../src/store/sources.js';
import { listAudit } from '../../src/store/audit.js';
import { makeClaim, makeEntity, makeSource } from '../helpers/index.js';
import { csrfToken, html, tableCounts, testApp } from './harness.js';

const ARTICLE =
  'Officials in the coastal district said on Monday that 42 people had been evacuated after the shelling.\n\n' +
  'A local monitor put the number of damaged homes at more than 300, a figure the officials did not dispute.\n';

const META = { title: 'Evacuations in the coastal district', publisher: 'The Harbour Times', author: 'J. Okafor', url: 'https://example.org/harbour/1', published: '2018-04-09' };

describe('adding a source', () => {
  it('shows the import form with a CSRF token, a file input and the required fields', async () => {
    const { agent } = testApp();
    const doc = html((await agent.get('/sources/new').expect(200)).text);
    const form = doc.querySelector('form[action="/sources"]');
    expect(form?.getAttribute('enctype')).toBe('multipart/form-data');
    expect(form?.querySelector('input[name="_csrf"]')?.getAttribute('value')).toBeTruthy();
    expect(form?.querySelector('input[type="file"][name="file"]')).not.toBeNull();
    for (const name of ['title', 'publisher', 'author', 'url', 'published']) {
      const input = form?.querySelector(`input[name="${name}"]`);
      expect(input, name).not.toBeNull();
      expect(doc.querySelector(`label[for="${input?.getAttribute('id')}"]`), `label of ${name}`).not.toBeNull();
    }
  });

  it('stores pasted text verbatim with its sha256 and an audit event, then shows it', async () => {
    const { agent, db } = testApp();
    const _csrf = await csrfToken(agent);
    const res = await agent.post('/sources').type('form').send({ _csrf, ...META, body: ARTICLE }).expect(303);
    expect(res.headers.location).toBe('/sources/1');
    const source = getSource(db, 1);
    expect(source).toMatchObject({ title: META.title, publisher: META.publisher, author: META.author, url: META.url, publishedAt: '2018-04-09', body: ARTICLE, format: 'text' });
    const sha = createHash('sha256').update(ARTICLE, 'utf8').digest('hex');
    expect(source.bodySha256).toBe(sha);
    expect(listAudit(db, 'source', 1).map((e) => e.action)).toEqual(['create']);

    const doc = html((await agent.get('/sources/1').expect(200)).text);
    expect(doc.querySelector('h1')?.textContent).toBe(META.title);
    expect(doc.querySelector('.sha256')?.textContent).toBe(sha);
    expect(doc.querySelector('#article-body')?.textContent).toBe(ARTICLE);
    expect(doc.querySelector('.audit-events')?.textContent).toContain('create');
  });

  it('pasted text keeps LF line breaks (browsers send CRLF); an uploaded file keeps its bytes', async () => {
    const { agent, db } = testApp();
    const _csrf = await csrfToken(agent);
    await agent.post('/sources').type('form').send({ _csrf, ...META, body: ARTICLE.replace(/\n/g, '\r\n') }).expect(303);
    expect(getSource(db, 1).body).toBe(ARTICLE);
    const crlf = ARTICLE.replace(/\n/g, '\r\n');
    await agent.post('/sources').field('_csrf', _csrf).field('title', META.title).field('publisher', META.publisher).field('published', META.published).attach('file', Buffer.from(crlf), 'windows.txt').expect(303);
    expect(getSource(db, 2).body).toBe(crlf);
    expect(getSource(db, 2).bodySha256).toBe(createHash('sha256').update(Buffer.from(crlf)).digest('hex'));
  });

  it('reads a Markdown upload: front matter fills the fields, the rest is the stored text', async () => {
    const { agent, db } = testApp();
    const _csrf = await csrfToken(agent);
    const md = `---\ntitle: Convoy reaches the valley\npublisher: Ridge Weekly\nauthor: M. Petrov\npublished: 2017-11-02\nurl: https://example.org/ridge/7\n---\n${ARTICLE}`;
    await agent.post('/sources').field('_csrf', _csrf).attach('file', Buffer.from(md), 'convoy.md').expect(303);
    expect(getSource(db, 1)).toMatchObject({ title: 'Convoy reaches the valley', publisher: 'Ridge Weekly', author: 'M. Petrov', publishedAt: '2017-11-02', url: 'https://example.org/ridge/7', body: ARTICLE, format: 'markdown' });
  });

  it('reads an HTML upload as text only (title, byline and date prefilled; scripts and markup dropped)', async () => {
    const { agent, db } = testApp();
    const _csrf = await csrfToken(agent);
    const page = `<!doctype html><html><head><title>Shelling near the port</title>
      <meta property="og:site_name" content="Port Courier"><meta name="author" content="L. Haddad">
      <meta property="article:published_time" content="2016-05-20T08:00:00Z"><script>alert(1)</script></head>
      <body><nav>Home | World</nav><article><h1>Shelling near the port</h1>
      <p>Officials in the coastal district said on Monday that 42 people had been evacuated after the shelling.</p>
      <p>A local monitor put the number of damaged homes at <b>more than 300</b>, a figure the officials did not dispute.</p>
      </article></body></html>`;
    await agent.post('/sources').field('_csrf', _csrf).attach('file', Buffer.from(page), 'port.html').expect(303);
    const source = getSource(db, 1);
    expect(source).toMatchObject({ title: 'Shelling near the port', publisher: 'Port Courier', author: 'L. Haddad', publishedAt: '2016-05-20', format: 'html' });
    expect(source.body).toContain('at more than 300, a figure');
    expect(source.body).not.toMatch(/<|alert/);
  });

  it('keeps what the file told and its text when a required field is still missing (422)', async () => {
    const { agent, db } = testApp();
    const _csrf = await csrfToken(agent);
    const page = `<html><head><title>Undated report</title></head><body><article><p>${ARTICLE.split('\n')[0]}</p><p>${ARTICLE.split('\n')[2]}</p></article></body></html>`;
    const res = await agent.post('/sources').field('_csrf', _csrf).field('publisher', 'Port Courier').attach('file', Buffer.from(page), 'undated.html').expect(422);
    const doc = html(res.text);
    expect(doc.querySelector('input[name="title"]')?.getAttribute('value')).toBe('Undated report');
    expect(doc.querySelector('input[name="publisher"]')?.getAttribute('value')).toBe('Port Courier');
    expect(doc.querySelector('textarea[name="body"]')?.textContent).toContain('42 people had been evacuated');
    expect(doc.querySelector('input[name="format"]')?.getAttribute('value')).toBe('html');
    expect(doc.querySelector('#published-error')?.textContent).toMatch(/Published date is required/);
    expect(tableCounts(db).sources).toBe(0);
  });
});

describe('refusing bad input, with nothing written', () => {
  async function postAndCount(build: (agent: ReturnType<typeof testApp>['agent'], token: string) => Promise<{ status: number; text: string }>) {
    const t = testApp();
    const token = await csrfToken(t.agent);
    const before = tableCounts(t.db);
    const res = await build(t.agent, token);
    expect(tableCounts(t.db)).toEqual(before);
    return res;
  }

  it('an empty file: 422 with the message beside the file field', async () => {
    const res = await postAndCount((agent, token) =>
      agent.post('/sources').field('_csrf', token).field('title', META.title).field('publisher', META.publisher).field('published', META.published).attach('file', Buffer.alloc(0), 'empty.txt'),
    );
    expect(res.status).toBe(422);
    expect(html(res.text).querySelector('#file-error')?.textContent).toBe('The file is empty.');
  });

  it('a binary file (NUL bytes): 422', async () => {
    const res = await postAndCount((agent, token) =>
      agent.post('/sources').field('_csrf', token).field('title', META.title).field('publisher', META.publisher).field('published', META.published)
        .attach('file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]), 'photo.txt'),
    );
    expect(res.status).toBe(422);
    expect(html(res.text).querySelector('#file-error')?.textContent).toMatch(/Binary files cannot be imported/);
  });

  it('a file that is not UTF-8: 422', async () => {
    const res = await postAndCount((agent, token) =>
      agent.post('/sources').field('_csrf', token).field('title', META.title).field('publisher', META.publisher).field('published', META.published)
        .attach('file', Buffer.from([0x48, 0xe9, 0x6c, 0x6c, 0x6f, 0xff]), 'latin1.txt'),
    );
    expect(res.status).toBe(422);
    expect(html(res.text).querySelector('#file-error')?.textContent).toMatch(/not UTF-8/);
  });

  /** The re-rendered form: details kept, the big text dropped, the message beside the field that was too large. */
  function expectFormKept(text: string, field: 'body' | 'file'): void {
    const doc = html(text);
    for (const name of ['title', 'publisher', 'author', 'url', 'published'] as const) {
      expect(doc.querySelector(`input[name="${name}"]`)?.getAttribute('value'), name).toBe(META[name]);
    }
    expect(doc.querySelector('textarea[name="body"]')?.textContent).toBe('');
    const message = doc.querySelector(`#${field}-error`)?.textContent ?? '';
    expect(message).toMatch(field === 'file' ? /^The file is larger than 5 MB, so it was not uploaded/ : /^The pasted text is larger than 5 MB, so it was not kept here/);
    expect(message).toContain('The details were kept');
    expect(doc.querySelector(`[name="${field}"]`)?.getAttribute('aria-invalid')).toBe('true');
  }

  const metaFields = (req: ReturnType<ReturnType<typeof testApp>['agent']['post']>, token: string) => {
    req.field('_csrf', token);
    for (const [name, value] of Object.entries(META)) req.field(name, value);
    return req;
  };

  it('a 6 MB paste: the form comes back (413) with the details kept and the message beside the text (form-encoded and multipart)', async () => {
    const big = 'Forty-two people were evacuated. '.repeat(Math.ceil((6 * 1024 * 1024) / 33));
    const form = await postAndCount((agent, token) => agent.post('/sources').type('form').send({ _csrf: token, ...META, body: big }));
    expect(form.status).toBe(413);
    expectFormKept(form.text, 'body');
    const multipart = await postAndCount((agent, token) => metaFields(agent.post('/sources'), token).field('body', big));
    expect(multipart.status).toBe(413);
    expectFormKept(multipart.text, 'body');
    // API clients keep the fixed error shape.
    const json = await postAndCount((agent, token) => metaFields(agent.post('/sources.json'), token).field('body', big));
    expect(json.status).toBe(413);
    expect(JSON.parse(json.text).error).toMatchObject({ status: 413, code: 'too_large' });
  });

  it('a 6 MB file: the form comes back (413) with the details kept and the message beside the file field', async () => {
    const res = await postAndCount((agent, token) => metaFields(agent.post('/sources'), token).attach('file', Buffer.alloc(6 * 1024 * 1024, 'a'), 'huge.txt'));
    expect(res.status).toBe(413);
    expectFormKept(res.text, 'file');
  });

  it('an oversized paste with a bad CSRF token is still refused as a forgery (403)', async () => {
    const big = 'x'.repeat(6 * 1024 * 1024);
    const res = await postAndCount((agent) => metaFields(agent.post('/sources'), 'not-the-token').field('body', big));
    expect(res.status).toBe(403);
  });

  it('an invalid date: 422, input kept, message beside the field', async () => {
    const res = await postAndCount((agent, token) => agent.post('/sources').type('form').send({ _csrf: token, ...META, published: '2019-02-30', body: ARTICLE }));
    expect(res.status).toBe(422);
    const doc = html(res.text);
    expect(doc.querySelector('#published-error')?.textContent).toMatch(/real date written YYYY-MM-DD/);
    expect(doc.querySelector('input[name="published"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(doc.querySelector('input[name="title"]')?.getAttribute('value')).toBe(META.title);
    expect(doc.querySelector('textarea[name="body"]')?.textContent).toBe(ARTICLE);
  });

  it('missing title, publisher and text: one message per field', async () => {
    const res = await postAndCount((agent, token) => agent.post('/sources').type('form').send({ _csrf: token, published: '2018-04-09' }));
    expect(res.status).toBe(422);
    const doc = html(res.text);
    expect(doc.querySelector('#title-error')?.textContent).toBe('Title is required.');
    expect(doc.querySelector('#publisher-error')?.textContent).toBe('Publisher is required.');
    expect(doc.querySelector('#body-error')?.textContent).toMatch(/Paste the article text, choose a file to upload or give its URL/);
  });

  it('a missing or forged CSRF token: 403 and a message saying nothing was saved', async () => {
    const missing = await postAndCount((agent) => agent.post('/sources').type('form').send({ ...META, body: ARTICLE }));
    expect(missing.status).toBe(403);
    expect(html(missing.text).querySelector('.error-message')?.textContent).toMatch(/security token \(CSRF\) is missing or no longer valid.*Nothing was saved/);
    const forged = await postAndCount((agent) => agent.post('/sources').type('form').send({ _csrf: 'forged.token', ...META, body: ARTICLE }));
    expect(forged.status).toBe(403);
    const upload = await postAndCount((agent) => agent.post('/sources').attach('file', Buffer.from(ARTICLE), 'a.txt'));
    expect(upload.status).toBe(403);
  });

  it('a token from another browser is refused', async () => {
    const first = testApp();
    const token = await csrfToken(first.agent);
    const other = (await import('supertest')).default.agent(first.app);
    await other.get('/sources/new');
    await other.post('/sources').type('form').send({ _csrf: token, ...META, body: ARTICLE }).expect(403);
    expect(tableCounts(first.db).sources).toBe(0);
  });
});

describe('viewing, editing and deleting a source', () => {
  it('unknown or malformed ids are 404 on every source page', async () => {
    const { agent } = testApp();
    for (const url of ['/sources/999', '/sources/999/edit', '/sources/999/delete', '/sources/abc', '/sources/1.5']) {
      const res = await agent.get(url);
      expect(res.status, url).toBe(404);
    }
    const token = await csrfToken(agent);
    await agent.post('/sources/999/edit').type('form').send({ _csrf: token, ...META, version: '1' }).expect(404);
    await agent.post('/sources/999/delete').type('form').send({ _csrf: token, version: '1' }).expect(404);
  });

  it('edits metadata, bumps the version and records the change', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db);
    const doc = html((await agent.get(`/sources/${source.id}/edit`).expect(200)).text);
    const _csrf = doc.querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '';
    expect(doc.querySelector('input[name="version"]')?.getAttribute('value')).toBe('1');
    await agent.post(`/sources/${source.id}/edit`).type('form').send({ _csrf, ...META, version: '1' }).expect(303);
    const after = getSource(db, source.id);
    expect(after).toMatchObject({ title: META.title, version: 2, body: source.body });
    const page = html((await agent.get(`/sources/${source.id}`).expect(200)).text);
    expect(page.querySelector('.audit-events')?.textContent).toContain(`title: ${source.title} → ${META.title}`);
  });

  it('a new publication date recomputes the conflicts of the source’s claims (as-of dates move in and out of the window)', async () => {
    const { agent, db } = testApp();
    const region = makeEntity(db, { name: 'Sample northern region', type: 'place' });
    const early = makeSource(db, { publisher: 'Sample Weekly', publishedAt: '2019-03-01' });
    const late = makeSource(db, { publisher: 'Sample Daily', publishedAt: '2019-09-01' });
    const fields = { kind: 'territory' as const, metric: 'territory controlled', subjectId: region.id, qualifier: 'exact' as const, asOf: null, status: 'confirmed' as const };
    makeClaim(db, { ...fields, sourceId: early.id, valueText: '20%', figure: { unit: 'percent', low: 20, high: 20 } });
    makeClaim(db, { ...fields, sourceId: late.id, valueText: '60%', figure: { unit: 'percent', low: 60, high: 60 } });
    // Six months apart: far outside the as-of window, so no conflict.
    expect(countConflictsByStatus(db).open).toBe(0);

    const _csrf = await csrfToken(agent, `/sources/${late.id}/edit`);
    const edit = { ...META, publisher: 'Sample Daily', version: '1' };
    await agent.post(`/sources/${late.id}/edit`).type('form').send({ _csrf, ...edit, published: '2019-03-10' }).expect(303);
    expect(listConflicts(db).items.map((c) => c.rule)).toEqual(['point-in-time']);

    await agent.post(`/sources/${late.id}/edit`).type('form').send({ _csrf, ...edit, published: '2019-12-01', version: '2' }).expect(303);
    expect(countConflictsByStatus(db).open).toBe(0);
  });

  it('a stale edit is a 409 that keeps the input and shows the saved version; nothing changes', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db);
    const _csrf = await csrfToken(agent, `/sources/${source.id}/edit`);
    await agent.post(`/sources/${source.id}/edit`).type('form').send({ _csrf, ...META, version: '1' }).expect(303);
    const res = await agent.post(`/sources/${source.id}/edit`).type('form').send({ _csrf, ...META, title: 'My competing title', version: '1' }).expect(409);
    const doc = html(res.text);
    expect(doc.querySelector('.stale')?.textContent).toMatch(/changed by someone else/);
    expect(doc.querySelector('input[name="title"]')?.getAttribute('value')).toBe('My competing title');
    expect(doc.querySelector('input[name="version"]')?.getAttribute('value')).toBe('2');
    expect(getSource(db, source.id).title).toBe(META.title);
  });

  it('an invalid edit re-renders with 422 and changes nothing', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db);
    const _csrf = await csrfToken(agent, `/sources/${source.id}/edit`);
    const res = await agent.post(`/sources/${source.id}/edit`).type('form').send({ _csrf, ...META, url: 'javascript:alert(1)', version: '1' }).expect(422);
    expect(html(res.text).querySelector('#url-error')?.textContent).toBe('URL must start with http:// or https://.');
    expect(getSource(db, source.id).version).toBe(1);
  });

  it('deletes a source with its claims after a confirmation page', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db);
    makeClaim(db, { sourceId: source.id });
    const doc = html((await agent.get(`/sources/${source.id}/delete`).expect(200)).text);
    expect(doc.querySelector('main')?.textContent).toMatch(/also deletes its\s+1 claim/);
    const _csrf = doc.querySelector('form[action$="/delete"] input[name="_csrf"]')?.getAttribute('value') ?? '';
    const res = await agent.post(`/sources/${source.id}/delete`).type('form').send({ _csrf, version: '1' }).expect(303);
    expect(res.headers.location).toMatch(/^\/sources\?done=/);
    expect(html((await agent.get(res.headers.location as string).expect(200)).text).querySelector('.flash')?.textContent).toContain(`Deleted source #${source.id} “${source.title}” and its 1 claim.`);
    expect(tableCounts(db)).toMatchObject({ sources: 0, claims: 0 });
    expect(listAudit(db, 'source', source.id).map((e) => e.action)).toEqual(['create', 'delete']);
  });
});

describe('the article view', () => {
  it('marks the figure itself inside its highlighted sentence; the text stays verbatim', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db);
    const claim = makeClaim(db, { sourceId: source.id });
    const doc = html((await agent.get(`/sources/${source.id}`).expect(200)).text);
    const marks = [...doc.querySelectorAll('#article-body a.quote mark.figure')];
    expect(marks.map((m) => m.textContent)).toEqual([claim.valueText]);
    expect(marks[0]?.closest('a')?.getAttribute('href')).toBe(`/claims/${claim.id}`);
    expect(doc.querySelector('#article-body')?.textContent).toBe(source.body);
  });
});

describe('sources as JSON and CSV', () => {
  it('the source page as .json and with Accept: application/json', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db);
    makeClaim(db, { sourceId: source.id });
    const suffix = await agent.get(`/sources/${source.id}.json`).expect(200).expect('Content-Type', /json/);
    const accept = await agent.get(`/sources/${source.id}`).set('Accept', 'application/json').expect(200);
    expect(accept.body).toEqual(suffix.body);
    expect(Object.keys(suffix.body)).toEqual(['source', 'claims', 'pagination', 'claimCounts', 'audit', 'nearDuplicates', 'claimsCapped', 'versions', 'versionFlags', 'assignee']);
    expect(suffix.body.source.body).toBe(source.body);
    expect(suffix.body.claims).toHaveLength(1);
  });

  it('the sources list as exact CSV', async () => {
    const { agent, db } = testApp();
    makeSource(db, { title: 'Ceasefire, "mostly" holding', author: null, url: null, body: 'Two sentences.\nSecond, with a comma.\n' });
    const res = await agent.get('/sources.csv').expect(200).expect('Content-Type', 'text/csv; charset=utf-8');
    const sha = createHash('sha256').update('Two sentences.\nSecond, with a comma.\n').digest('hex');
    expect(res.text).toBe(
      'id,title,publisher,author,url,published,format,characters,sha256,claims,candidate,confirmed,rejected\r\n' +
        `1,"Ceasefire, ""mostly"" holding",Sample Gazette,,,2019-03-15,text,37,${sha},0,0,0,0\r\n`,
    );
  });

  it('a page without a CSV form answers 404 to .csv', async () => {
    const { agent, db } = testApp();
    makeSource(db);
    await agent.get('/sources/1.csv').expect(404);
  });
});
