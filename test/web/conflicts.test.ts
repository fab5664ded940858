import { findConflictLabelled } from '../helpers/factories.js';
// Conflicts over HTTP: the list (open first, filters, JSON, exact CSV), the side-by-side page with the
// differing words marked and the chart as a separate SVG, explain/resolve/reopen (CSRF, 422, 409, audit),
// flagging by hand from the claims table and from a fact page, and the fact page itself.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/domain/crosscheck.js';
import type { Claim } from '../../src/domain/types.js';
import { recomputeConflicts } from '../../src/app/recompute.js';
import { getConflict, listConflicts } from '../../src/store/conflicts.js';
import { getClaim } from '../../src/store/claims.js';
import { listAudit } from '../../src/store/audit.js';
import type { Db } from '../../src/store/database.js';
import { makeClaim, makeEntity, makeSource, TEST_CTX } from '../helpers/index.js';
import { csrfToken, html, testApp, type HtmlDocument } from './harness.js';

const EARLY = 'The uprising that grew into the civil war began in March 2011, the weekly recalled.';
const LATE = 'Officials now insist the civil war began in 2015, when foreign jets arrived.';

/** Two articles of our own that disagree on when a war began, and the conflict the rules store. */
function warStart(db: Db): { early: Claim; late: Claim; conflictId: number } {
  const war = makeEntity(db, { name: 'Sample civil war', type: 'event' });
  const weekly = makeSource(db, { title: 'A decade of war', publisher: 'Sample Weekly', body: EARLY, publishedAt: '2021-03-15' });
  const daily = makeSource(db, { title: 'Officials rewrite the start', publisher: 'Sample Daily', body: LATE, publishedAt: '2019-03-19' });
  const fields = { kind: 'date' as const, metric: 'start date', subjectId: war.id, qualifier: 'exact' as const, asOf: null, status: 'confirmed' as const };
  const early = makeClaim(db, {
    ...fields, sourceId: weekly.id, quote: EARLY, quoteStart: 0, quoteEnd: EARLY.length, valueText: 'March 2011', figure: { unit: 'date', low: '2011-03-01', high: '2011-03-31' },
  });
  const late = makeClaim(db, {
    ...fields, sourceId: daily.id, quote: LATE, quoteStart: 0, quoteEnd: LATE.length, valueText: '2015', figure: { unit: 'date', low: '2015-01-01', high: '2015-12-31' },
  });
  recomputeConflicts(db, [early, late], DEFAULT_SETTINGS, TEST_CTX);
  const conflict = findConflictLabelled(db, `event-date:${early.id},${late.id}`);
  if (!conflict) throw new Error('the war-start conflict was not found');
  return { early, late, conflictId: conflict.id };
}

describe('the conflicts list', () => {
  it('lists open conflicts first, filters by subject, metric and status, and says when a subject is unknown', async () => {
    const { agent, db } = testApp();
    const { conflictId } = warStart(db);
    const doc = html((await agent.get('/conflicts').expect(200)).text);
    const row = doc.querySelector(`tr[data-conflict-id="${conflictId}"]`);
    // The fact once, above its conflicts; the row names the competing figures, who states them and why it ranks here.
    expect(doc.querySelectorAll('tr.fact-row')).toHaveLength(1);
    expect(doc.querySelector('tr.fact-row')?.textContent?.trim()).toBe('Sample civil war · start date');
    expect(row?.querySelector('a.conflict-link')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('March 2011 vs 2015');
    expect([...(row?.querySelectorAll('.value-sources li') ?? [])].map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'March 2011: Sample Weekly (1 claim)',
      '2015: Sample Daily (1 claim)',
    ]);
    expect(row?.textContent).toMatch(/Far apart \(severity 0\.9\d\); each figure rests on a single source\./);
    expect(row?.querySelector('.conflict-status')?.textContent).toBe('open');

    expect(html((await agent.get('/conflicts?subject=sample%20CIVIL%20war&metric=Start%20Date&status=open').expect(200)).text).querySelectorAll('tr[data-conflict-id]')).toHaveLength(1);
    expect(html((await agent.get('/conflicts?status=resolved').expect(200)).text).querySelectorAll('tr[data-conflict-id]')).toHaveLength(0);
    const unknown = html((await agent.get('/conflicts?subject=Nowhere%20war').expect(200)).text);
    expect(unknown.querySelector('.notice')?.textContent).toContain('No entity is called “Nowhere war”');
  });

  it('is available as JSON and as CSV', async () => {
    const { agent, db } = testApp();
    const { early, late, conflictId } = warStart(db);
    const json = await agent.get('/conflicts.json?status=open').expect(200);
    expect(json.body.conflicts).toHaveLength(1);
    expect(json.body.conflicts[0]).toMatchObject({ id: conflictId, rule: 'event-date', status: 'open', subjectName: 'Sample civil war', claimIds: [early.id, late.id] });
    const csv = await agent.get('/conflicts.csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const conflict = getConflict(db, conflictId);
    expect(csv.text).toBe(
      'id,status,rule,severity,subject,metric,internal,claims,explanation,resolution_note,preferred_claim,values\r\n' +
        `${conflictId},open,event-date,${conflict.severity},Sample civil war,start date,no,${early.id} ${late.id},"${conflict.explanation.replaceAll('"', '""')}",,,` +
        'March 2011 (Sample Weekly) vs 2015 (Sample Daily)\r\n',
    );
  });

  it('lists a part above its whole under the whole\'s fact, the part\'s figure saying what it counts', async () => {
    const { agent, db } = testApp();
    const valdoria = makeEntity(db, { name: 'Valdoria', type: 'place' });
    const toll = (publisher: string, publishedAt: string, sentence: string, metric: string, n: number): Claim => {
      const source = makeSource(db, { title: `${publisher} on Valdoria`, publisher, body: sentence, publishedAt });
      return makeClaim(db, {
        kind: 'casualties', metric, subjectId: valdoria.id, qualifier: 'exact', asOf: null, status: 'confirmed', sourceId: source.id,
        quote: sentence, quoteStart: 0, quoteEnd: sentence.length, valueText: n.toLocaleString('en-US'), figure: { unit: 'count', low: n, high: n },
      });
    };
    const all = toll('Portbrak Daily', '2026-03-02', 'The ministry said 3,000 people had been killed in the war in Valdoria.', 'killed', 3000);
    const civilians = toll('Harbour Gazette', '2026-03-04', 'A rights group said 5,000 civilians had been killed in the war in Valdoria.', 'civilians killed', 5000);
    recomputeConflicts(db, [all, civilians], DEFAULT_SETTINGS, TEST_CTX);
    const doc = html((await agent.get('/conflicts').expect(200)).text);
    expect(doc.querySelector('tr.fact-row')?.textContent?.trim()).toBe('Valdoria · killed');
    expect(doc.querySelector('a.conflict-link')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('3,000 vs 5,000 civilians killed');
    const id = listConflicts(db).items[0]!.id;
    const page = html((await agent.get(`/conflicts/${id}`).expect(200)).text).querySelector('main')?.textContent?.replace(/\s+/g, ' ');
    expect(page).toContain('"5,000" civilians killed is more than the "3,000" killed in all another source gives');
    expect(page).toContain('A part above its whole');
  });
});

describe('the conflict page', () => {
  it('shows one column per claim with outlet, figure, interval and scope, the differing words marked, and the chart', async () => {
    const { agent, db } = testApp();
    const { early, late, conflictId } = warStart(db);
    const doc = html((await agent.get(`/conflicts/${conflictId}`).expect(200)).text);
    const columns = doc.querySelectorAll('.comparison-column');
    expect([...columns].map((c) => c.getAttribute('data-claim-id'))).toEqual([String(early.id), String(late.id)]);
    const first = columns[0]!;
    expect(first.querySelector('.citation')?.textContent).toContain('Sample Weekly');
    expect(first.querySelector('.figure-as-written')?.textContent).toBe('March 2011');
    expect(first.textContent).toContain('1–31 Mar 2011');
    expect(first.textContent).toContain('reported 15 Mar 2021');
    const marked = [...doc.querySelectorAll('.compared-quote mark')].map((m) => m.textContent ?? '').join(' ');
    expect(marked).toContain('March');
    expect(marked).toContain('2015');
    expect(doc.querySelector('.rule-explanation')?.textContent).toContain('Sources disagree on when the Sample civil war began');
    expect(doc.querySelector('.claims-chart img')?.getAttribute('src')).toBe(`/conflicts/${conflictId}/chart.svg`);

    const svg = await agent.get(`/conflicts/${conflictId}/chart.svg`).expect(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const body = String(svg.body instanceof Buffer ? svg.body.toString('utf8') : svg.text);
    expect(body).toContain('<svg');
    expect(body).toContain('Sample Weekly');
    expect(body).not.toContain('<script');
  });

  it('escapes claim text on the page and in the chart', async () => {
    const { agent, db } = testApp();
    const war = makeEntity(db, { name: 'Sample civil war', type: 'event' });
    const body = 'It began <b>in 2012</b> says <script>x()</script>.';
    const a = makeSource(db, { publisher: 'Outlet <i>One</i>', body, publishedAt: '2019-01-01' });
    const b = makeSource(db, { publisher: 'Outlet Two', body: LATE, publishedAt: '2019-03-19' });
    const fields = { kind: 'date' as const, metric: 'start date', subjectId: war.id, qualifier: 'exact' as const, asOf: null };
    const x = makeClaim(db, { ...fields, sourceId: a.id, quote: body, quoteStart: 0, quoteEnd: body.length, valueText: '<b>2012</b>', figure: { unit: 'date', low: '2012-01-01', high: '2012-12-31' } });
    const y = makeClaim(db, { ...fields, sourceId: b.id, quote: LATE, quoteStart: 0, quoteEnd: LATE.length, valueText: '2015', figure: { unit: 'date', low: '2015-01-01', high: '2015-12-31' } });
    recomputeConflicts(db, [x, y], DEFAULT_SETTINGS, TEST_CTX);
    const id = listConflicts(db).items[0]!.id;
    const page = (await agent.get(`/conflicts/${id}`).expect(200)).text;
    expect(page).not.toContain('<script>x()');
    expect(page).toContain('&lt;script&gt;');
    const svg = await agent.get(`/conflicts/${id}/chart.svg`).buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => done(null, text));
    });
    expect(svg.body).not.toContain('<i>One');
    expect(svg.body).toContain('&lt;i&gt;One');
  });

  it('answers 404 for unknown or malformed ids, for the page and the chart', async () => {
    const { agent } = testApp();
    await agent.get('/conflicts/999').expect(404);
    await agent.get('/conflicts/abc').expect(404);
    await agent.get('/conflicts/999/chart.svg').expect(404);
  });
});

describe('deciding a conflict', () => {
  it('resolves with a preferred claim and a reason: the others are deprecated, the conflict leaves the open list, all audited', async () => {
    const { agent, db } = testApp();
    const { early, late, conflictId } = warStart(db);
    const _csrf = await csrfToken(agent, `/conflicts/${conflictId}`);
    const version = getConflict(db, conflictId).version;
    const res = await agent
      .post(`/conflicts/${conflictId}/resolve`)
      .type('form')
      .send({ _csrf, version, preferredClaimId: early.id, reason: 'error', note: 'Protests began in March 2011.' })
      .expect(303);
    expect(res.headers.location).toMatch(new RegExp(`^/conflicts/${conflictId}\\?done=`));
    expect(html((await agent.get(res.headers.location as string).expect(200)).text).querySelector('.flash')?.textContent).toContain('Resolved');
    expect(getConflict(db, conflictId)).toMatchObject({ status: 'resolved', preferredClaimId: early.id, resolutionNote: 'Protests began in March 2011.' });
    expect(getClaim(db, early.id).rank).toBe('preferred');
    expect(getClaim(db, late.id)).toMatchObject({ rank: 'deprecated', rankReason: 'error' });
    expect(listAudit(db, 'conflict', conflictId).map((e) => e.action)).toContain('resolve');
    expect(html((await agent.get('/conflicts?status=open').expect(200)).text).querySelectorAll('tr[data-conflict-id]')).toHaveLength(0);

    // Reopen puts it back, claims back to normal.
    const token = await csrfToken(agent, `/conflicts/${conflictId}`);
    await agent.post(`/conflicts/${conflictId}/reopen`).type('form').send({ _csrf: token, version: getConflict(db, conflictId).version }).expect(303);
    expect(getConflict(db, conflictId).status).toBe('open');
    expect(getClaim(db, late.id).rank).toBe('normal');
    expect(listAudit(db, 'conflict', conflictId).map((e) => e.action)).toContain('reopen');
  });

  it('marks a conflict explained with a note; an empty note re-renders the form with a message (422) and changes nothing', async () => {
    const { agent, db } = testApp();
    const { conflictId } = warStart(db);
    const _csrf = await csrfToken(agent, `/conflicts/${conflictId}`);
    const version = getConflict(db, conflictId).version;
    const bad = await agent.post(`/conflicts/${conflictId}/explain`).type('form').send({ _csrf, version, note: '   ' }).expect(422);
    expect(html(bad.text).querySelector('#explain-form .has-error .field-error')?.textContent).toBe('A note is required.');
    expect(getConflict(db, conflictId).status).toBe('open');

    await agent.post(`/conflicts/${conflictId}/explain`).type('form').send({ _csrf, version, note: 'One dates the protests, the other the air campaign.' }).expect(303);
    expect(getConflict(db, conflictId)).toMatchObject({ status: 'explained', resolutionNote: 'One dates the protests, the other the air campaign.' });
  });

  it('refuses a resolve without a preferred claim or with an unknown reason (422)', async () => {
    const { agent, db } = testApp();
    const { early, conflictId } = warStart(db);
    const _csrf = await csrfToken(agent, `/conflicts/${conflictId}`);
    const version = getConflict(db, conflictId).version;
    const none = await agent.post(`/conflicts/${conflictId}/resolve`).type('form').send({ _csrf, version, reason: 'error' }).expect(422);
    expect(html(none.text).querySelector('#resolve-form .field-error')?.textContent).toContain('Choose the claim you prefer');
    await agent.post(`/conflicts/${conflictId}/resolve`).type('form').send({ _csrf, version, preferredClaimId: early.id, reason: 'vibes' }).expect(422);
    await agent.post(`/conflicts/${conflictId}/resolve`).type('form').send({ _csrf, version, preferredClaimId: 424242, reason: 'error' }).expect(422);
    expect(getConflict(db, conflictId).status).toBe('open');
  });

  it('answers 409 with the page and a notice when someone else decided first', async () => {
    const { agent, db } = testApp();
    const { early, conflictId } = warStart(db);
    const _csrf = await csrfToken(agent, `/conflicts/${conflictId}`);
    const opened = getConflict(db, conflictId).version;
    await agent.post(`/conflicts/${conflictId}/explain`).type('form').send({ _csrf, version: opened, note: 'Different definitions.' }).expect(303);
    const stale = await agent.post(`/conflicts/${conflictId}/resolve`).type('form').send({ _csrf, version: opened, preferredClaimId: early.id, reason: 'error' }).expect(409);
    expect(html(stale.text).querySelector('.notice[data-code="stale_edit"]')?.textContent).toContain('changed by someone else');
    expect(getConflict(db, conflictId).status).toBe('explained');
    const json = await agent.post(`/conflicts/${conflictId}/reopen.json`).type('form').send({ _csrf, version: opened }).expect(409);
    expect(json.body.error.code).toBe('stale_edit');
  });

  it('refuses decisions without a CSRF token (403) and on unknown conflicts (404)', async () => {
    const { agent, db } = testApp();
    const { conflictId } = warStart(db);
    await agent.get(`/conflicts/${conflictId}`).expect(200);
    await agent.post(`/conflicts/${conflictId}/explain`).type('form').send({ version: 1, note: 'x' }).expect(403);
    expect(getConflict(db, conflictId).status).toBe('open');
    const _csrf = await csrfToken(agent, `/conflicts/${conflictId}`);
    await agent.post('/conflicts/4242/explain').type('form').send({ _csrf, version: 1, note: 'x' }).expect(404);
  });
});

describe('flagging claims as conflicting by hand', () => {
  it('from the claims table: the selection and a note make a manual conflict (201 JSON, 303 form), audited', async () => {
    const { agent, db } = testApp();
    const a = makeClaim(db);
    const b = makeClaim(db, { valueText: 'about 1,250', figure: { unit: 'count', low: 1125, high: 1375 } });
    const _csrf = await csrfToken(agent, '/claims');
    const res = await agent.post('/conflicts').type('form').send({ _csrf, ids: [String(a.id), String(b.id)], note: 'One counts fighters only.' }).expect(303);
    const conflict = findConflictLabelled(db, `manual:${a.id},${b.id}`)!;
    expect(res.headers.location).toMatch(new RegExp(`^/conflicts/${conflict.id}\\?done=`));
    expect(conflict).toMatchObject({ manual: true, status: 'open', explanation: 'One counts fighters only.' });
    expect(listAudit(db, 'conflict', conflict.id).map((e) => e.action)).toEqual(['flag']);
    const page = html((await agent.get(`/conflicts/${conflict.id}`).expect(200)).text);
    expect(page.querySelector('.conflict-badges')?.textContent).toContain('flagged by hand');

    const c = makeClaim(db);
    const json = await agent.post('/conflicts.json').type('form').send({ _csrf, ids: [String(a.id), String(c.id)], note: 'Same place, other count.' }).expect(201);
    expect(json.body.conflict).toMatchObject({ manual: true, claimIds: [a.id, c.id] });
    expect(json.headers.location).toMatch(new RegExp(`^/conflicts/${json.body.conflict.id}\\?done=`));
  });

  it('refuses one claim, no note, or no CSRF token, and writes nothing', async () => {
    const { agent, db } = testApp();
    const a = makeClaim(db);
    const b = makeClaim(db);
    const _csrf = await csrfToken(agent, '/claims');
    await agent.post('/conflicts').type('form').send({ _csrf, ids: String(a.id), note: 'Alone.' }).expect(422);
    await agent.post('/conflicts').type('form').send({ _csrf, ids: [String(a.id), String(b.id)], note: '' }).expect(422);
    await agent.post('/conflicts').type('form').send({ ids: [String(a.id), String(b.id)], note: 'No token.' }).expect(403);
    await agent.post('/conflicts').type('form').send({ _csrf, ids: [String(a.id), '99999'], note: 'Unknown claim.' }).expect(404);
    expect(listConflicts(db).total).toBe(0);
  });

  it('withdraws a flag (audited); automatic conflicts cannot be withdrawn (422); a stale version is 409, no token 403', async () => {
    const { agent, db } = testApp();
    const a = makeClaim(db);
    const b = makeClaim(db);
    const _csrf = await csrfToken(agent, '/claims');
    await agent.post('/conflicts').type('form').send({ _csrf, ids: [String(a.id), String(b.id)], note: 'Different towns.' }).expect(303);
    const flagged = findConflictLabelled(db, `manual:${a.id},${b.id}`)!;
    await agent.post(`/conflicts/${flagged.id}/unflag`).type('form').send({ version: flagged.version }).expect(403);
    await agent.post(`/conflicts/${flagged.id}/unflag`).type('form').send({ _csrf, version: flagged.version + 1 }).expect(409);
    const res = await agent.post(`/conflicts/${flagged.id}/unflag`).type('form').send({ _csrf, version: flagged.version }).expect(303);
    expect(res.headers.location).toMatch(/^\/conflicts\?done=/);
    expect(findConflictLabelled(db, flagged.key)).toBeNull();
    expect(listAudit(db, 'conflict', flagged.id).map((e) => e.action)).toEqual(['flag', 'delete']);

    const { conflictId } = warStart(db);
    const refused = await agent.post(`/conflicts/${conflictId}/unflag`).type('form').send({ _csrf, version: getConflict(db, conflictId).version }).expect(422);
    expect(html(refused.text).querySelector('.decisions .field-error')?.textContent).toContain('Only conflicts flagged by hand');
    expect(getConflict(db, conflictId).status).toBe('open');
  });

  it('the claims table offers the flag action next to confirm and reject', async () => {
    const { agent, db } = testApp();
    makeClaim(db);
    const doc = html((await agent.get('/claims').expect(200)).text);
    const flag = doc.querySelector('#bulk-form button[formaction="/conflicts"]');
    expect(flag?.textContent).toContain('Flag as conflicting');
    expect(doc.querySelector('#bulk-form input[name="note"]')).not.toBeNull();
  });
});

describe('the fact page', () => {
  it('shows the claims, the values with independent sources, the conflicts and the chart', async () => {
    const { agent, db } = testApp();
    const { early, late, conflictId } = warStart(db);
    const subjectId = early.subjectId!;
    const doc = html((await agent.get(`/facts/${subjectId}/start%20date`).expect(200)).text);
    expect(doc.querySelector('h1')?.textContent).toBe('Sample civil war: start date');
    expect([...doc.querySelectorAll('#flag-form tr[data-claim-id]')].map((r) => r.getAttribute('data-claim-id')).sort()).toEqual([String(early.id), String(late.id)].sort());
    expect(doc.querySelectorAll('.fact-values tbody tr')).toHaveLength(2);
    expect(doc.querySelector(`.fact-conflicts a[href="/conflicts/${conflictId}"]`)).not.toBeNull();
    expect(doc.querySelector('.claims-chart img')?.getAttribute('src')).toBe(`/facts/${subjectId}/start%20date/chart.svg`);
    await agent.get(`/facts/${subjectId}/start%20date/chart.svg`).expect(200).expect('Content-Type', /image\/svg\+xml/);
    const json = await agent.get(`/facts/${subjectId}/start%20date.json`).expect(200);
    expect(json.body.values.map((v: { independentSources: number }) => v.independentSources)).toEqual([1, 1]);
  });

  /** A fact of 55 claims: an old outlier (about 40,000), then 54 outlets each saying about 1,200. */
  function crowdedFact(db: Db): { subjectId: number; outlierId: number; ids: number[] } {
    const siege = makeEntity(db, { name: 'Sample siege', type: 'event' });
    const fields = { subjectId: siege.id, status: 'confirmed' as const };
    const outlier = makeClaim(db, {
      ...fields, sourceId: makeSource(db, { publisher: 'Sample Old Press' }).id, valueText: 'about 40,000', figure: { unit: 'count', low: 36000, high: 44000 },
    });
    const ids = [outlier.id];
    for (let i = 0; i < 54; i += 1) ids.push(makeClaim(db, { ...fields, sourceId: makeSource(db, { publisher: `Sample Outlet ${i}` }).id }).id);
    return { subjectId: siege.id, outlierId: outlier.id, ids };
  }

  it('pages a fact with more claims than a page, newest first, the rest on page 2', async () => {
    const { agent, db } = testApp();
    const { subjectId, ids } = crowdedFact(db);
    const rowIds = (doc: HtmlDocument) => [...doc.querySelectorAll('#flag-form tr[data-claim-id]')].map((r) => Number(r.getAttribute('data-claim-id')));
    const first = html((await agent.get(`/facts/${subjectId}/killed`).expect(200)).text);
    const newestFirst = [...ids].reverse();
    expect(rowIds(first)).toEqual(newestFirst.slice(0, 50));
    expect(first.querySelector('.pagination a[rel="next"]')?.getAttribute('href')).toBe(`/facts/${subjectId}/killed?page=2`);
    const second = html((await agent.get(`/facts/${subjectId}/killed?page=2`).expect(200)).text);
    expect(rowIds(second)).toEqual(newestFirst.slice(50));
    expect(second.querySelector('.pagination a[rel="prev"]')?.getAttribute('href')).toBe(`/facts/${subjectId}/killed?page=1`);
    expect(second.querySelector('.pagination a[rel="next"]')).toBeNull();
    // A page past the end shows the last page rather than an empty table.
    expect(rowIds(html((await agent.get(`/facts/${subjectId}/killed?page=9`).expect(200)).text))).toEqual(newestFirst.slice(50));
    const json = (await agent.get(`/facts/${subjectId}/killed.json?page=2`).expect(200)).body;
    expect(json.pagination).toEqual({ page: 2, perPage: 50, total: 55, pages: 2 });
    expect(json.claims.map((c: { id: number }) => c.id)).toEqual(newestFirst.slice(50));
  });

  it('counts agreement over every claim of the fact, whichever page is shown', async () => {
    const { agent, db } = testApp();
    const { subjectId, outlierId } = crowdedFact(db);
    for (const page of [1, 2]) {
      const json = (await agent.get(`/facts/${subjectId}/killed.json?page=${page}`).expect(200)).body;
      const backing = json.values.map((v: { valueText: string; independentSources: number; supportingClaimCount: number }) => [v.valueText, v.independentSources, v.supportingClaimCount]);
      expect(backing).toEqual([['about 1,200', 54, 54], ['about 40,000', 1, 1]]);
      expect(json.agreement).toEqual({ claims: 55, capped: false, values: 2 });
      // The outlier is on page 2 only, yet its value is listed on both pages.
      expect(json.values[1].supportingClaimIds).toEqual([outlierId]);
    }
    const doc = html((await agent.get(`/facts/${subjectId}/killed`).expect(200)).text);
    const crowded = doc.querySelector('.fact-values tbody tr');
    expect(crowded?.querySelectorAll('a')).toHaveLength(20);
    expect(crowded?.textContent).toContain('and 34 older');
  });

  it('counts agreement over the newest 300 claims of a larger fact, and says so', async () => {
    const { agent, db } = testApp();
    const siege = makeEntity(db, { name: 'Sample long siege', type: 'event' });
    const sourceId = makeSource(db).id;
    const fields = { subjectId: siege.id, sourceId, status: 'confirmed' as const };
    makeClaim(db, { ...fields, valueText: 'about 40,000', figure: { unit: 'count', low: 36000, high: 44000 } });
    for (let i = 0; i < 300; i += 1) makeClaim(db, fields);
    const json = (await agent.get(`/facts/${siege.id}/killed.json`).expect(200)).body;
    expect(json.agreement).toEqual({ claims: 300, capped: true, values: 1 });
    expect(json.values.map((v: { valueText: string; supportingClaimCount: number }) => [v.valueText, v.supportingClaimCount])).toEqual([['about 1,200', 300]]);
    const doc = html((await agent.get(`/facts/${siege.id}/killed`).expect(200)).text);
    expect(doc.querySelector('#values-heading')?.parentElement?.textContent).toContain('the newest 300 claims that take part');
  });

  it('answers 404 for an unknown subject or a metric without claims', async () => {
    const { agent, db } = testApp();
    const { early } = warStart(db);
    await agent.get('/facts/999/start%20date').expect(404);
    await agent.get(`/facts/${early.subjectId}/killed`).expect(404);
  });

  it('flags selected claims from the fact page; a refused flag re-renders the page with the message (422)', async () => {
    const { agent, db } = testApp();
    const { early, late } = warStart(db);
    const url = `/facts/${early.subjectId}/start%20date`;
    const _csrf = await csrfToken(agent, url);
    const form = { _csrf, factSubject: String(early.subjectId), factMetric: 'start date' };
    const bad = await agent.post('/conflicts').type('form').send({ ...form, ids: [String(early.id), String(late.id)], note: '' }).expect(422);
    const doc = html(bad.text);
    expect(doc.querySelector('#flag-form .field-error')?.textContent).toContain('Say why');
    expect(doc.querySelector(`#flag-${early.id}`)?.hasAttribute('checked')).toBe(true);
    await agent.post('/conflicts').type('form').send({ ...form, ids: [String(early.id), String(late.id)], note: 'Two events are mixed up.' }).expect(303);
    expect(findConflictLabelled(db, `manual:${early.id},${late.id}`)).not.toBeNull();
  });
});
