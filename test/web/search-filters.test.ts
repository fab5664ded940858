// The claims table's filters added with search: speaker, rank, publication date range and "in a conflict"; invalid
// dates are a 422 with the message beside the filter (HTML) or the fixed error shape (JSON).
import { describe, expect, it } from 'vitest';
import { makeClaim, makeConflict, makeEntity, makeSource } from '../helpers/index.js';
import { html, testApp } from './harness.js';

const BODY = 'The observatory said at least 52 fighters were killed in the valley during the week.\n';
const SENTENCE = BODY.trim();
const onBody = { quote: SENTENCE, quoteStart: 0, quoteEnd: SENTENCE.length };

function seed(db: ReturnType<typeof testApp>['db']) {
  const early = makeSource(db, { body: BODY, publishedAt: '2016-02-10' });
  const late = makeSource(db, { body: BODY, publishedAt: '2019-07-01', publisher: 'Later Outlet' });
  const observatory = makeEntity(db, { name: 'Valley Observatory', aliases: ['The Observatory'] });
  const a = makeClaim(db, { ...onBody, sourceId: early.id, speakerId: observatory.id, status: 'confirmed', rank: 'preferred' });
  const b = makeClaim(db, { ...onBody, sourceId: late.id, status: 'confirmed', rank: 'deprecated', rankReason: 'superseded' });
  const c = makeClaim(db, { ...onBody, sourceId: late.id, metric: 'wounded', speakerId: observatory.id });
  makeConflict(db, [a.id, b.id]);
  return { a, b, c };
}

describe('claims table filters', () => {
  const idsOf = (text: string) => [...html(text).querySelectorAll('tr[data-claim-id]')].map((tr) => Number(tr.getAttribute('data-claim-id')));

  it('filter by speaker (aliases folded), rank, metric, publication dates and being in a conflict', async () => {
    const { agent, db } = testApp();
    const { a, b, c } = seed(db);
    const ids = async (query: string) => idsOf((await agent.get(`/claims${query}`).expect(200)).text);
    expect(await ids('')).toEqual([c.id, b.id, a.id]);
    expect(await ids('?speaker=the+observatory')).toEqual([c.id, a.id]);
    expect(await ids('?rank=deprecated')).toEqual([b.id]);
    expect(await ids('?metric=Wounded')).toEqual([c.id]);
    expect(await ids('?from=2019-01-01')).toEqual([b.id, c.id]);
    expect(await ids('?to=2016-12-31')).toEqual([a.id]);
    expect(await ids('?from=2016-02-10&to=2016-02-10')).toEqual([a.id]);
    expect(await ids('?conflict=1')).toEqual([b.id, a.id]);
    expect(await ids('?conflict=1&speaker=Valley+Observatory')).toEqual([a.id]);
  });

  it('keeps the chosen filters in the form', async () => {
    const { agent, db } = testApp();
    seed(db);
    const doc = html((await agent.get('/claims?speaker=Valley+Observatory&rank=preferred&from=2016-01-01&conflict=1').expect(200)).text);
    expect(doc.querySelector('#filter-speaker')?.getAttribute('value')).toBe('Valley Observatory');
    expect(doc.querySelector('#filter-rank option[selected]')?.textContent).toBe('preferred');
    expect(doc.querySelector('#filter-from')?.getAttribute('value')).toBe('2016-01-01');
    expect(doc.querySelector('#filter-conflict')?.hasAttribute('checked')).toBe(true);
  });

  it('an unknown speaker matches nothing and says so', async () => {
    const { agent, db } = testApp();
    seed(db);
    const res = await agent.get('/claims?speaker=Nobody+Known').expect(200);
    expect(idsOf(res.text)).toEqual([]);
    expect(html(res.text).querySelector('.notice')?.textContent).toContain('No speaker is called “Nobody Known”');
  });

  it('refuses invalid dates with 422: the message beside the field, or the fixed error shape as JSON', async () => {
    const { agent, db } = testApp();
    seed(db);
    const page = await agent.get('/claims?from=2019-02-30&to=yesterday').expect(422);
    const doc = html(page.text);
    expect(doc.querySelector('#from-error')?.textContent).toBe('“2019-02-30” is not a date; use YYYY-MM-DD.');
    expect(doc.querySelector('#to-error')?.textContent).toBe('“yesterday” is not a date; use YYYY-MM-DD.');
    expect(doc.querySelector('#filter-to')?.getAttribute('value')).toBe('yesterday');
    expect(idsOf(page.text)).toEqual([]);

    const backwards = await agent.get('/claims.json?from=2020-01-01&to=2019-01-01').expect(422);
    expect(backwards.body).toEqual({
      error: { status: 422, code: 'invalid', message: 'The end date is before the start date.', fields: { to: 'The end date is before the start date.' } },
    });
  });
});
