// "Part of" on the entity page: the whole and the parts are shown as links; the form sets the whole by name or
// alias (versioned, audited), clears it with a blank, refuses a cycle (422, the input kept, nothing written) and
// a post without the CSRF token (403).
import { describe, expect, it } from 'vitest';
import { getEntity } from '../../src/store/entities.js';
import { listAudit } from '../../src/store/audit.js';
import { setPartOf } from '../../src/store/entity-parts.js';
import { TEST_CTX, makeEntity } from '../helpers/index.js';
import { csrfToken, html, tableCounts, testApp } from './harness.js';

describe('what an entity is part of, on its page', () => {
  it('shows the whole and the parts as links to their pages', async () => {
    const { agent, db } = testApp();
    const war = makeEntity(db, { name: 'Valley war', type: 'event' });
    const campaign = makeEntity(db, { name: 'River campaign', type: 'event' });
    const brigade = makeEntity(db, { name: 'Northern Brigade', type: 'force' });
    setPartOf(db, campaign.id, 'Valley war', TEST_CTX);
    setPartOf(db, brigade.id, 'River campaign', TEST_CTX);
    const page = html((await agent.get(`/entities/${campaign.id}`).expect(200)).text);
    expect(page.querySelector('.part-of a')?.getAttribute('href')).toBe(`/entities/${war.id}`);
    expect(page.querySelector('.part-of')?.textContent).toBe('Part of: Valley war');
    expect([...page.querySelectorAll('.parts a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([['Northern Brigade', `/entities/${brigade.id}`]]);
    expect(page.querySelector('#part-of-form input[name="partOf"]')?.getAttribute('value')).toBe('Valley war');
    const json = await agent.get(`/entities/${campaign.id}.json`).expect(200);
    expect(json.body).toMatchObject({ partOf: { id: war.id, name: 'Valley war' }, parts: [{ id: brigade.id, name: 'Northern Brigade' }] });
  });

  it('sets the whole by alias and clears it with a blank, each change versioned and audited', async () => {
    const { agent, db } = testApp();
    const war = makeEntity(db, { name: 'Valley war', type: 'event', aliases: ['war in the valley'] });
    const brigade = makeEntity(db, { name: 'Northern Brigade', type: 'force' });
    const _csrf = await csrfToken(agent, `/entities/${brigade.id}`);
    const res = await agent.post(`/entities/${brigade.id}/part-of`).type('form').send({ _csrf, version: brigade.version, partOf: 'War in the Valley' }).expect(303);
    expect(res.headers.location).toMatch(new RegExp(`^/entities/${brigade.id}\\?done=`));
    expect(getEntity(db, brigade.id).partOfId).toBe(war.id);
    // A form drawn before that change is stale.
    await agent.post(`/entities/${brigade.id}/part-of`).type('form').send({ _csrf, version: brigade.version, partOf: '' }).expect(409);
    await agent.post(`/entities/${brigade.id}/part-of`).type('form').send({ _csrf, version: getEntity(db, brigade.id).version, partOf: '' }).expect(303);
    expect(getEntity(db, brigade.id).partOfId).toBeNull();
    expect(listAudit(db, 'entity', brigade.id).map((e) => e.action)).toEqual(['create', 'update', 'update']);
    const page = html((await agent.get(`/entities/${brigade.id}`).expect(200)).text);
    expect(page.querySelector('.part-of')?.textContent).toBe('Part of: nothing');
  });

  it('refuses a cycle or the entity itself with 422 and the message beside the form, writing nothing; 403 without CSRF', async () => {
    const { agent, db } = testApp();
    const war = makeEntity(db, { name: 'Valley war', type: 'event' });
    const brigade = makeEntity(db, { name: 'Northern Brigade', type: 'force' });
    setPartOf(db, brigade.id, 'Valley war', TEST_CTX);
    const _csrf = await csrfToken(agent, `/entities/${war.id}`);
    const before = tableCounts(db);
    const cycle = await agent.post(`/entities/${war.id}/part-of`).type('form').send({ _csrf, version: war.version, partOf: 'northern brigade' }).expect(422);
    const doc = html(cycle.text);
    expect(doc.querySelector('#part-of-form .field-error')?.textContent).toContain('Northern Brigade is already a part of Valley war');
    expect(doc.querySelector('#part-of-form input[name="partOf"]')?.getAttribute('value')).toBe('northern brigade');
    const self = await agent.post(`/entities/${war.id}/part-of`).type('form').send({ _csrf, version: war.version, partOf: 'Valley war' }).expect(422);
    expect(html(self.text).querySelector('#part-of-form .field-error')?.textContent).toContain('cannot be part of itself');
    await agent.post(`/entities/${war.id}/part-of`).type('form').send({ version: war.version, partOf: 'Northern Brigade' }).expect(403);
    expect(tableCounts(db)).toEqual(before);
    expect(getEntity(db, war.id)).toMatchObject({ partOfId: null, version: war.version });
  });
});
