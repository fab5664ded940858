// Claims over HTTP: the form (from a selection, with the figure preview), create, highlight, list with filters,
// edit (and stale edit), delete, and bad input refused with nothing written.
import { describe, expect, it } from 'vitest';
import { getClaim, getClaimView } from '../../src/store/claims.js';
import { listAudit } from '../../src/store/audit.js';
import { resolveEntity } from '../../src/store/entities.js';
import { makeClaim, makeConflict, makeEntity, makeSource } from '../helpers/index.js';
import { csrfToken, html, tableCounts, testApp } from './harness.js';

const BODY =
  'The war monitor said more than 400,000 people had been killed since March 2011.\n\n' +
  'State television said the army controlled about 85 % of the province, which rebels disputed.\n';
const SENTENCE = 'The war monitor said more than 400,000 people had been killed since March 2011.';

/** Quote fields that fit BODY, for factory claims on a source with that text. */
const onBody = { quote: SENTENCE, quoteStart: 0, quoteEnd: SENTENCE.length };

function claimFields(sourceId: number, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    source: String(sourceId),
    quote: SENTENCE,
    start: '0',
    end: String(SENTENCE.length),
    kind: 'casualties',
    subject: 'Syrian civil war',
    metric: 'killed',
    valueText: 'more than 400,000',
    scopeFrom: '2011-03-01',
    scopeTo: '',
    asOf: '2019-03-15',
    speaker: 'War Monitor',
    attributionCue: 'said',
    relay: '',
    hedge: '',
    status: 'confirmed',
    note: '',
    ...overrides,
  };
}

describe('the claim form', () => {
  it('is prefilled from a selection: quote, start and end from the stored text', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db, { body: BODY });
    const doc = html((await agent.get(`/claims/new?source=${source.id}&start=21&end=38`).expect(200)).text);
    expect(doc.querySelector('textarea[name="quote"]')?.textContent).toBe('more than 400,000');
    expect(doc.querySelector('input[name="start"]')?.getAttribute('value')).toBe('21');
    expect(doc.querySelector('input[name="end"]')?.getAttribute('value')).toBe('38');
    expect(doc.querySelector('cite.citation')?.textContent).toContain(source.title);
  });

  it('without a source it explains what to do (400); an unknown source is 404', async () => {
    const { agent } = testApp();
    const res = await agent.get('/claims/new').expect(400);
    expect(html(res.text).querySelector('.error-message')?.textContent).toMatch(/Say which article the claim quotes/);
    await agent.get('/claims/new?source=77').expect(404);
  });

  it('previews the interval a figure will be stored as, server-side and as JSON', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db, { body: BODY });
    const _csrf = await csrfToken(agent, `/claims/new?source=${source.id}`);
    const before = tableCounts(db);
    const res = await agent.post('/claims').type('form').send({ _csrf, ...claimFields(source.id), intent: 'preview' }).expect(200);
    expect(html(res.text).querySelector('#figure-preview .interval')?.textContent).toBe('400,000 or more');
    expect(tableCounts(db)).toEqual(before);

    const json = await agent.get('/figures/preview.json?text=about%2085%20%25&kind=territory').expect(200);
    expect(json.body).toEqual({
      text: 'about 85 %',
      kind: 'territory',
      preview: { ok: true, interval: '76.5–93.5 %', qualifier: 'about', figure: { unit: 'percent', low: 76.5, high: 93.5 } },
    });
    const bad = await agent.get('/figures/preview.json?text=lots&kind=count').expect(200);
    expect(bad.body.preview.ok).toBe(false);
  });
});

describe('creating a claim', () => {
  it('stores the claim with its interval, creates the speaker and subject, and highlights the quote in the article', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db, { body: BODY });
    const _csrf = await csrfToken(agent, `/claims/new?source=${source.id}`);
    const res = await agent.post('/claims').type('form').send({ _csrf, ...claimFields(source.id) }).expect(303);
    expect(res.headers.location).toMatch(new RegExp(`^/sources/${source.id}\\?done=[^#]+#quote-1$`));

    const claim = getClaimView(db, 1);
    expect(claim).toMatchObject({
      quote: SENTENCE, quoteStart: 0, quoteEnd: SENTENCE.length, kind: 'casualties', metric: 'killed',
      figure: { unit: 'count', low: 400000, high: null }, qualifier: 'at-least', valueText: 'more than 400,000',
      scopeFrom: '2011-03-01', scopeTo: null, asOf: '2019-03-15', speakerName: 'War Monitor', subjectName: 'Syrian civil war',
      attributionCue: 'said', relay: null, hedge: null, status: 'confirmed', origin: 'manual',
    });
    expect(listAudit(db, 'claim', 1).map((e) => e.action)).toEqual(['create']);

    const doc = html((await agent.get(`/sources/${source.id}`).expect(200)).text);
    const mark = doc.querySelector('#article-body a.quote');
    expect(mark?.textContent).toBe(SENTENCE);
    expect(mark?.getAttribute('href')).toBe('/claims/1');
    expect(mark?.getAttribute('id')).toBe('quote-1');
    expect(mark?.getAttribute('data-start')).toBe('0');
    expect(doc.querySelector('#article-body')?.textContent).toBe(BODY);
    expect(doc.querySelector('table.claims tr[data-claim-id="1"]')?.textContent).toContain('400,000 or more');
  });

  it('an empty speaker is the publisher’s own voice; a known alias reuses its entity', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db, { body: BODY });
    const army = makeEntity(db, { name: 'Syrian Arab Army', aliases: ['SAA'] });
    const _csrf = await csrfToken(agent, `/claims/new?source=${source.id}`);
    await agent.post('/claims').type('form').send({ _csrf, ...claimFields(source.id, { speaker: '', subject: 'saa' }) }).expect(303);
    const claim = getClaim(db, 1);
    expect(claim.speakerId).toBeNull();
    expect(claim.subjectId).toBe(army.id);
  });

  it('finds the quote in the text when no offsets are given', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db, { body: BODY });
    const _csrf = await csrfToken(agent, `/claims/new?source=${source.id}`);
    const quote = 'the army controlled about 85 % of the province';
    await agent.post('/claims').type('form').send({ _csrf, ...claimFields(source.id, { quote, start: '', end: '', kind: 'territory', metric: 'territory controlled', valueText: 'about 85 %' }) }).expect(303);
    const claim = getClaim(db, 1);
    expect(BODY.slice(claim.quoteStart, claim.quoteEnd)).toBe(quote);
    expect(claim.figure).toEqual({ unit: 'percent', low: 76.5, high: 93.5 });
  });

  it.each([
    ['a quote that does not match its offsets', { start: '1' }, 'quote', /does not match the article text at 1–/],
    ['a quote absent from the text', { quote: 'Nobody said this.', start: '', end: '' }, 'quote', /not in the article text/],
    ['one offset only', { end: '' }, 'quote', /both the start and the end offset/],
    ['a figure that cannot be read', { valueText: 'a great many' }, 'valueText', /.+/],
    ['no metric', { metric: '  ' }, 'metric', /Metric is required/],
    ['an unknown kind', { kind: 'rumour' }, 'kind', /Choose a kind/],
    ['an impossible date', { asOf: '2019-13-01' }, 'asOf', /real date/],
    ['a period that ends before it starts', { scopeFrom: '2019-01-01', scopeTo: '2018-01-01' }, 'scopeTo', /ends before it starts/],
  ])('refuses %s: 422, the message beside the field, input kept, nothing written', async (_name, overrides, field, message) => {
    const { agent, db } = testApp();
    const source = makeSource(db, { body: BODY });
    const _csrf = await csrfToken(agent, `/claims/new?source=${source.id}`);
    const before = tableCounts(db);
    const fields = claimFields(source.id, overrides as Record<string, string>);
    const res = await agent.post('/claims').type('form').send({ _csrf, ...fields }).expect(422);
    const doc = html(res.text);
    expect(doc.querySelector(`#${field}-error`)?.textContent).toMatch(message);
    expect(doc.querySelector('input[name="metric"]')?.getAttribute('value')).toBe(fields.metric);
    expect(doc.querySelector('textarea[name="quote"]')?.textContent).toBe(fields.quote);
    expect(tableCounts(db)).toEqual(before);
  });

  it('refuses a claim without a CSRF token (403) and for an unknown source (404), writing nothing', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db, { body: BODY });
    const before = tableCounts(db);
    await agent.post('/claims').type('form').send(claimFields(source.id)).expect(403);
    const _csrf = await csrfToken(agent, `/claims/new?source=${source.id}`);
    await agent.post('/claims').type('form').send({ _csrf, ...claimFields(999) }).expect(404);
    expect(tableCounts(db)).toEqual(before);
  });
});

describe('the claims list', () => {
  function seed(db: ReturnType<typeof testApp>['db']) {
    const a = makeSource(db, { body: BODY, title: 'Monitor report' });
    const b = makeSource(db, { body: BODY, title: 'Television report', publisher: 'State TV' });
    const war = makeEntity(db, { name: 'Syrian civil war' });
    makeClaim(db, { ...onBody, sourceId: a.id, subjectId: war.id, status: 'confirmed' });
    makeClaim(db, { ...onBody, sourceId: a.id, kind: 'territory', metric: 'territory controlled', valueText: 'about 85 %', figure: { unit: 'percent', low: 76.5, high: 93.5 }, status: 'candidate' });
    makeClaim(db, { ...onBody, sourceId: b.id, status: 'rejected', subjectId: war.id });
    return { a, b, war };
  }

  it('filters by source, kind, subject and status', async () => {
    const { agent, db } = testApp();
    const { a } = seed(db);
    const ids = async (query: string) =>
      [...html((await agent.get(`/claims${query}`).expect(200)).text).querySelectorAll('tr[data-claim-id]')].map((tr) => Number(tr.getAttribute('data-claim-id')));
    expect(await ids('')).toEqual([3, 2, 1]);
    expect(await ids(`?source=${a.id}`)).toEqual([1, 2]);
    expect(await ids('?kind=territory')).toEqual([2]);
    expect(await ids('?subject=syrian+civil+war')).toEqual([3, 1]);
    expect(await ids('?subject=syrian+civil+war&status=confirmed')).toEqual([1]);
    expect(await ids('?subject=Nobody+Known')).toEqual([]);
    expect(await ids('?metric=territory+controlled')).toEqual([2]);
  });

  it('paginates 50 to a page', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db, { body: BODY });
    for (let i = 0; i < 53; i++) makeClaim(db, { ...onBody, sourceId: source.id });
    const first = html((await agent.get('/claims').expect(200)).text);
    expect(first.querySelectorAll('tr[data-claim-id]')).toHaveLength(50);
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/claims?page=2');
    const second = await agent.get('/claims.json?page=2').expect(200);
    expect(second.body.claims).toHaveLength(3);
    expect(second.body.pagination).toEqual({ page: 2, perPage: 50, total: 53, pages: 2 });
  });

  it('filters by source from a list of sources (title · publisher · date), or by number when there are too many', async () => {
    const { agent, db } = testApp();
    const { a, b } = seed(db);
    const doc = html((await agent.get(`/claims?source=${b.id}`).expect(200)).text);
    const select = doc.querySelector('select#filter-source[name="source"]');
    expect(doc.querySelector('label[for="filter-source"]')?.textContent).toBe('Source');
    expect([...(select?.querySelectorAll('option') ?? [])].map((o) => o.textContent)).toEqual([
      'any', 'Television report · State TV · 2019-03-15', 'Monitor report · Sample Gazette · 2019-03-15',
    ]);
    expect(select?.querySelector('option[selected]')?.getAttribute('value')).toBe(String(b.id));
    expect(a.id).toBeLessThan(b.id);

    for (let i = 0; i < 500; i++) makeSource(db, { body: BODY });
    const many = html((await agent.get('/claims').expect(200)).text);
    expect(many.querySelector('select#filter-source')).toBeNull();
    expect(many.querySelector('input#filter-source[name="source"]')).not.toBeNull();
    expect(many.querySelector('label[for="filter-source"]')?.textContent).toBe('Source number');
  });

  it('the note for flagging claims as conflicting has a visible label that says what it is for', async () => {
    const { agent, db } = testApp();
    seed(db);
    const doc = html((await agent.get('/claims').expect(200)).text);
    const label = doc.querySelector('label[for="flag-note"]');
    expect(label?.textContent).toMatch(/^Reason they conflict/);
    expect(label?.closest('.visually-hidden, [hidden]')).toBeNull();
  });

  it('a page past the last one shows the last page and says so, without skipping rows it cannot link to', async () => {
    const { agent, db } = testApp();
    seed(db);
    for (const page of ['4', '999999']) {
      const doc = html((await agent.get(`/claims?page=${page}`).expect(200)).text);
      expect(doc.querySelectorAll('tr[data-claim-id]')).toHaveLength(3);
      expect(doc.querySelector('.notice[role="status"]')?.textContent).toBe(`There is no page ${page} of these claims; this is the last page the list goes to, page 1.`);
    }
    const json = await agent.get('/claims.json?page=999999').expect(200);
    expect(json.body.pagination).toEqual({ page: 1, perPage: 50, total: 3, pages: 1 });
    // The requested offset never reaches SQLite: the page query runs with an offset on the last linked page at most.
    const offsets: unknown[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      const statement = prepare(sql);
      if (!sql.includes('LIMIT ? OFFSET ?')) return statement;
      const all = statement.all.bind(statement);
      (statement as unknown as { all: (...a: unknown[]) => unknown }).all = (...args: unknown[]) => {
        offsets.push(args.at(-1));
        return all(...args);
      };
      return statement;
    }) as typeof db.prepare;
    try {
      await agent.get('/claims?page=999999').expect(200);
    } finally {
      db.prepare = prepare;
    }
    expect(Math.max(...(offsets as number[]))).toBeLessThanOrEqual(10_000);
  });

  it('"in a conflict" counts each claim once, skips stale conflicts, and tests rows without listing every conflict claim', async () => {
    const { agent, db } = testApp();
    seed(db);
    makeConflict(db, [1, 2]);
    makeConflict(db, [1, 3], { rule: 'point-in-time' });
    const json = await agent.get('/claims.json?conflict=1').expect(200);
    expect(json.body.claims.map((c: { id: number }) => c.id)).toEqual([3, 2, 1]);
    expect(json.body.pagination.total).toBe(3);
    const confirmed = await agent.get('/claims.json?conflict=1&status=confirmed').expect(200);
    expect(confirmed.body.pagination.total).toBe(1);
    db.prepare('UPDATE conflicts SET stale = 1 WHERE rule = ?').run('point-in-time');
    expect((await agent.get('/claims.json?conflict=1').expect(200)).body.pagination.total).toBe(2);

    const statements: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      statements.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    try {
      await agent.get('/claims?conflict=1').expect(200);
    } finally {
      db.prepare = prepare;
    }
    const pageSql = statements.find((sql) => sql.includes('LIMIT ? OFFSET ?') && sql.includes('conflict_claims'));
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${pageSql}`).all(50, 0) as { detail: string }[]).map((row) => row.detail).join('\n');
    expect(plan).toContain('CORRELATED');
    expect(plan).not.toContain('LIST SUBQUERY');
  });

  it('as JSON keeps the filters; as CSV is exact', async () => {
    const { agent, db } = testApp();
    const source = makeSource(db, { body: BODY, title: 'Monitor, "weekly" report' });
    const monitor = makeEntity(db, { name: 'War Monitor' });
    makeClaim(db, {
      sourceId: source.id, quote: SENTENCE, quoteStart: 0, quoteEnd: SENTENCE.length, valueText: 'more than 400,000',
      figure: { unit: 'count', low: 400000, high: null }, qualifier: 'at-least', speakerId: monitor.id, attributionCue: 'said',
      hedge: 'reportedly', note: 'Line one\nline two', status: 'confirmed', scopeFrom: '2011-03-01',
    });
    const json = await agent.get('/claims.json?status=confirmed').expect(200);
    expect(json.body.filters).toEqual({ source: '', kind: '', subject: '', status: 'confirmed', metric: '', speaker: '', rank: '', from: '', to: '', conflict: '' });
    expect(json.body.claims[0]).toMatchObject({ id: 1, speakerName: 'War Monitor', figure: { unit: 'count', low: 400000, high: null } });

    const csv = await agent.get('/claims.csv?status=confirmed').expect(200).expect('Content-Type', 'text/csv; charset=utf-8');
    expect(csv.text).toBe(
      'id,source_id,source_title,publisher,published,quote,quote_start,quote_end,kind,subject,metric,value_text,low,high,unit,interval,qualifier,scope_from,scope_to,as_of,speaker,attribution_cue,relay,hedge,status,rank,note,origin,confirmed_by,confirmed_at\r\n' +
        `1,1,"Monitor, ""weekly"" report",Sample Gazette,2019-03-15,"${SENTENCE}",0,${SENTENCE.length},casualties,,killed,"more than 400,000",400000,,count,"400,000 or more",at-least,2011-03-01,,2019-03-15,War Monitor,said,,reportedly,confirmed,normal,"Line one\nline two",manual,test,2026-01-15T12:00:00.000Z\r\n`,
    );
  });
});

describe('editing and deleting a claim', () => {
  it('shows a claim with its quote in context and its history', async () => {
    const { agent, db } = testApp();
    const claim = makeClaim(db);
    const doc = html((await agent.get(`/claims/${claim.id}`).expect(200)).text);
    expect(doc.querySelector('.quote-context mark')?.textContent).toBe(claim.quote);
    expect(doc.querySelector('.claim-fields')?.textContent).toContain('1,080–1,320');
    expect(doc.querySelector('.audit-events')?.textContent).toContain('create');
  });

  it('edits a claim: new interval stored, version bumped, change audited', async () => {
    const { agent, db } = testApp();
    const claim = makeClaim(db);
    const doc = html((await agent.get(`/claims/${claim.id}/edit`).expect(200)).text);
    const form = doc.querySelector('form.claim-form');
    const fields: Record<string, string> = {};
    for (const el of form?.querySelectorAll('input[name], textarea[name], select[name]') ?? []) {
      const name = el.getAttribute('name') as string;
      fields[name] = el.tagName === 'TEXTAREA' ? (el.textContent ?? '') : el.tagName === 'SELECT' ? (el.querySelector('option[selected]')?.textContent ?? '') : (el.getAttribute('value') ?? '');
    }
    expect(fields).toMatchObject({ quote: claim.quote, valueText: 'about 1,200', version: '1', status: 'candidate' });
    await agent.post(`/claims/${claim.id}/edit`).type('form').send({ ...fields, valueText: 'nearly 1,300', hedge: 'reportedly' }).expect(303);
    const after = getClaim(db, claim.id);
    expect(after).toMatchObject({ valueText: 'nearly 1,300', figure: { unit: 'count', low: 1170, high: 1300 }, qualifier: 'nearly', hedge: 'reportedly', version: 2 });
    expect(listAudit(db, 'claim', claim.id).map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('"Save and confirm" confirms a candidate, but never overrides a status the reviewer chose', async () => {
    const { agent, db } = testApp();
    const one = makeClaim(db);
    const two = makeClaim(db);
    const _csrf = await csrfToken(agent, `/claims/${one.id}/edit`);
    const fields = { _csrf, quote: one.quote, start: '0', end: String(one.quoteEnd), kind: 'casualties', metric: 'killed', valueText: 'about 1,200', version: '1', intent: 'confirm' };
    await agent.post(`/claims/${one.id}/edit`).type('form').send({ ...fields, status: 'candidate' }).expect(303);
    await agent.post(`/claims/${two.id}/edit`).type('form').send({ ...fields, status: 'rejected' }).expect(303);
    expect(getClaim(db, one.id).status).toBe('confirmed');
    expect(getClaim(db, two.id).status).toBe('rejected');
  });

  it('keeps the stored interval of an extracted figure while its text and kind are unchanged (a relative date)', async () => {
    const { agent, db } = testApp();
    const claim = makeClaim(db, { valueText: 'last year', kind: 'date', metric: 'fighting', figure: { unit: 'date', low: '2018-01-01', high: '2018-12-31' }, qualifier: 'exact', origin: 'extracted' });
    const doc = html((await agent.get(`/claims/${claim.id}/edit`).expect(200)).text);
    expect(doc.querySelector('#figure-preview')?.textContent).toMatch(/Stored as 1 Jan – 31 Dec 2018 \(exact, as recorded\)/);
    const _csrf = doc.querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '';
    const fields = { _csrf, quote: claim.quote, start: '0', end: String(claim.quoteEnd), kind: 'date', metric: 'fighting', valueText: 'last year', status: 'confirmed', hedge: 'reportedly', version: '1' };
    await agent.post(`/claims/${claim.id}/edit`).type('form').send(fields).expect(303);
    expect(getClaim(db, claim.id)).toMatchObject({ status: 'confirmed', hedge: 'reportedly', figure: { unit: 'date', low: '2018-01-01', high: '2018-12-31' } });
    // Typed anew, a relative date has no publication date to lean on: the reviewer is asked for an absolute one.
    const res = await agent.post(`/claims/${claim.id}/edit`).type('form').send({ ...fields, valueText: 'last month', version: '2' }).expect(422);
    expect(html(res.text).querySelector('#valueText-error')?.textContent).toBeTruthy();
  });

  it('a stale edit is a 409 with the input kept; the stored claim is unchanged', async () => {
    const { agent, db } = testApp();
    const claim = makeClaim(db);
    const _csrf = await csrfToken(agent, `/claims/${claim.id}/edit`);
    const fields = { _csrf, quote: claim.quote, start: '0', end: String(claim.quoteEnd), kind: 'casualties', metric: 'killed', valueText: 'about 1,200', status: 'confirmed' };
    await agent.post(`/claims/${claim.id}/edit`).type('form').send({ ...fields, version: '1' }).expect(303);
    const res = await agent.post(`/claims/${claim.id}/edit`).type('form').send({ ...fields, valueText: '1,500', version: '1' }).expect(409);
    const doc = html(res.text);
    expect(doc.querySelector('.stale')?.textContent).toMatch(/changed by someone else/);
    expect(doc.querySelector('input[name="valueText"]')?.getAttribute('value')).toBe('1,500');
    expect(getClaim(db, claim.id)).toMatchObject({ valueText: 'about 1,200', version: 2 });
  });

  it('unknown claim ids are 404 everywhere', async () => {
    const { agent } = testApp();
    for (const url of ['/claims/42', '/claims/42/edit', '/claims/42/delete', '/claims/x']) expect((await agent.get(url)).status, url).toBe(404);
    const _csrf = await csrfToken(agent);
    await agent.post('/claims/42/edit').type('form').send({ _csrf, version: '1' }).expect(404);
    await agent.post('/claims/42/delete').type('form').send({ _csrf, version: '1' }).expect(404);
  });

  it('deletes a claim after confirmation', async () => {
    const { agent, db } = testApp();
    const claim = makeClaim(db);
    const doc = html((await agent.get(`/claims/${claim.id}/delete`).expect(200)).text);
    const _csrf = doc.querySelector('input[name="_csrf"]')?.getAttribute('value') ?? '';
    const res = await agent.post(`/claims/${claim.id}/delete`).type('form').send({ _csrf, version: '1' }).expect(303);
    expect(res.headers.location).toMatch(new RegExp(`^/sources/${claim.sourceId}\\?done=`));
    expect(html((await agent.get(res.headers.location as string).expect(200)).text).querySelector('.flash')?.textContent).toContain(`Deleted claim #${claim.id} “${claim.valueText}”.`);
    expect(tableCounts(db).claims).toBe(0);
    expect(resolveEntity(db, 'nobody')).toBeNull();
  });
});
