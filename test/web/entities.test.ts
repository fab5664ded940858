import { conflictLabel } from '../helpers/factories.js';
// Entities over HTTP: the list (aliases and claim counts, filters, JSON, exact CSV), the entity page, adding
// an alias, renaming and merging (claims follow, conflicts recomputed), bad input re-rendered (422), CSRF
// refused (403), unknown ids (404), every change audited.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/domain/crosscheck.js';
import { recomputeConflicts } from '../../src/app/recompute.js';
import { getClaim } from '../../src/store/claims.js';
import { getEntity, resolveEntity } from '../../src/store/entities.js';
import { listAudit } from '../../src/store/audit.js';
import { listConflicts } from '../../src/store/conflicts.js';
import { makeClaim, makeEntity, makeSource, TEST_CTX } from '../helpers/index.js';
import { csrfToken, html, tableCounts, testApp } from './harness.js';

describe('the entities list', () => {
  it('lists entities with their aliases and claim counts, filtered by name prefix (aliases too) and type', async () => {
    const { agent, db } = testApp();
    const minister = makeEntity(db, { name: 'Sergei Shoigu', type: 'person', aliases: ['Shoygu'] });
    makeEntity(db, { name: 'Hmeimim air base', type: 'place', aliases: ['Khmeimim', 'Hemeimeem'] });
    makeClaim(db, { speakerId: minister.id });
    const doc = html((await agent.get('/entities').expect(200)).text);
    const row = doc.querySelector(`tr[data-entity-id="${minister.id}"]`);
    expect(row?.textContent).toContain('Shoygu');
    expect(row?.querySelectorAll('td.num')[1]?.textContent).toBe('1 claim');
    const byAlias = html((await agent.get('/entities?q=khmei').expect(200)).text);
    expect([...byAlias.querySelectorAll('tr[data-entity-id] a')].map((a) => a.textContent)).toEqual(['Hmeimim air base']);
    const byType = html((await agent.get('/entities?type=person').expect(200)).text);
    expect([...byType.querySelectorAll('tr[data-entity-id] a')].map((a) => a.textContent)).toEqual(['Sergei Shoigu']);
  });

  it('is available as JSON and as exact CSV', async () => {
    const { agent, db } = testApp();
    const base = makeEntity(db, { name: 'Hmeimim air base', type: 'place', aliases: ['Khmeimim', 'Hemeimeem'] });
    const json = await agent.get('/entities.json').expect(200);
    expect(json.body.entities[0]).toMatchObject({ id: base.id, name: 'Hmeimim air base', aliasCount: 2 });
    const csv = await agent.get('/entities.csv').expect(200);
    expect(csv.text).toBe(`id,name,type,aliases,subject_of_claims,speaker_of_claims\r\n${base.id},Hmeimim air base,place,Hemeimeem; Khmeimim,0,0\r\n`);
  });
});

describe('changing an entity', () => {
  it('answers 409 with the current entity and a notice when the form was drawn at an older version; 400 without a version', async () => {
    const { agent, db } = testApp();
    const minister = makeEntity(db, { name: 'Sergei Shoigu', type: 'person' });
    const _csrf = await csrfToken(agent, `/entities/${minister.id}`);
    const opened = getEntity(db, minister.id).version;
    await agent.post(`/entities/${minister.id}/aliases`).type('form').send({ _csrf, version: opened, alias: 'Shoygu' }).expect(303);
    const stale = await agent.post(`/entities/${minister.id}/rename`).type('form').send({ _csrf, version: opened, name: 'S. Shoigu', type: 'person' }).expect(409);
    const doc = html(stale.text);
    expect(doc.querySelector('.notice[data-code="stale_edit"]')?.textContent).toContain('changed by someone else');
    expect(doc.querySelector('#rename-form input[name="name"]')?.getAttribute('value')).toBe('S. Shoigu');
    expect(doc.querySelector('#rename-form input[name="version"]')?.getAttribute('value')).toBe(String(getEntity(db, minister.id).version));
    makeEntity(db, { name: 'Sergei Lavrov', type: 'person' });
    await agent.post(`/entities/${minister.id}/merge`).type('form').send({ _csrf, version: opened, into: 'Sergei Lavrov' }).expect(409);
    await agent.post(`/entities/${minister.id}/merge`).type('form').send({ _csrf, version: opened, into: 'Sergei Lavrov', confirm: 'yes' }).expect(409);
    await agent.post(`/entities/${minister.id}/rename`).type('form').send({ _csrf, name: 'S. Shoigu' }).expect(400);
    expect(getEntity(db, minister.id)).toMatchObject({ name: 'Sergei Shoigu', aliases: ['Shoygu'] });
  });

  it('adds an alias (audited); the new spelling then resolves to the entity', async () => {
    const { agent, db } = testApp();
    const minister = makeEntity(db, { name: 'Sergei Shoigu', type: 'person' });
    const _csrf = await csrfToken(agent, `/entities/${minister.id}`);
    const res = await agent.post(`/entities/${minister.id}/aliases`).type('form').send({ _csrf, version: getEntity(db, minister.id).version, alias: 'Shoygu' }).expect(303);
    expect(res.headers.location).toMatch(new RegExp(`^/entities/${minister.id}\\?done=`));
    expect(resolveEntity(db, 'shoygu')?.id).toBe(minister.id);
    expect(listAudit(db, 'entity', minister.id).map((e) => e.action)).toEqual(['create', 'update']);
    const page = html((await agent.get(`/entities/${minister.id}`).expect(200)).text);
    expect(page.querySelector('.aliases')?.textContent).toContain('Shoygu');
  });

  it('refuses an alias another entity owns, or an empty one, re-rendering the form (422) with nothing written', async () => {
    const { agent, db } = testApp();
    const minister = makeEntity(db, { name: 'Sergei Shoigu', type: 'person' });
    makeEntity(db, { name: 'Sergei Lavrov', type: 'person' });
    const _csrf = await csrfToken(agent, `/entities/${minister.id}`);
    const before = tableCounts(db);
    const taken = await agent.post(`/entities/${minister.id}/aliases`).type('form').send({ _csrf, version: getEntity(db, minister.id).version, alias: 'sergei LAVROV' }).expect(422);
    const doc = html(taken.text);
    expect(doc.querySelector('#alias-form .field-error')?.textContent).toContain('already names Sergei Lavrov');
    expect(doc.querySelector('#alias-form input[name="alias"]')?.getAttribute('value')).toBe('sergei LAVROV');
    await agent.post(`/entities/${minister.id}/aliases`).type('form').send({ _csrf, version: getEntity(db, minister.id).version, alias: ' !! ' }).expect(422);
    expect(tableCounts(db)).toEqual(before);
  });

  it('renames an entity, keeping the old name as an alias, and refreshes the explanations that name it', async () => {
    const { agent, db } = testApp();
    const war = makeEntity(db, { name: 'Sample war', type: 'event' });
    const one = makeSource(db, { body: 'It began in 2011.', publishedAt: '2020-01-01', publisher: 'One' });
    const two = makeSource(db, { body: 'It began in 2015.', publishedAt: '2019-01-01', publisher: 'Two' });
    const fields = { kind: 'date' as const, metric: 'start date', subjectId: war.id, qualifier: 'exact' as const, asOf: null, quoteStart: 0 };
    const a = makeClaim(db, { ...fields, sourceId: one.id, quote: 'It began in 2011.', quoteEnd: 17, valueText: '2011', figure: { unit: 'date', low: '2011-01-01', high: '2011-12-31' } });
    const b = makeClaim(db, { ...fields, sourceId: two.id, quote: 'It began in 2015.', quoteEnd: 17, valueText: '2015', figure: { unit: 'date', low: '2015-01-01', high: '2015-12-31' } });
    recomputeConflicts(db, [a, b], DEFAULT_SETTINGS, TEST_CTX);
    expect(listConflicts(db).items[0]?.explanation).toContain('when the Sample war began');

    const _csrf = await csrfToken(agent, `/entities/${war.id}`);
    await agent.post(`/entities/${war.id}/rename`).type('form').send({ _csrf, version: getEntity(db, war.id).version, name: 'Sample civil war', type: 'event' }).expect(303);
    expect(getEntity(db, war.id)).toMatchObject({ name: 'Sample civil war', aliases: ['Sample war'] });
    expect(listConflicts(db).items[0]?.explanation).toContain('when the Sample civil war began');
  });

  it('refuses a rename to a name another entity has (422)', async () => {
    const { agent, db } = testApp();
    const a = makeEntity(db, { name: 'Islamic State', type: 'organisation' });
    makeEntity(db, { name: 'Nusra Front', type: 'organisation' });
    const _csrf = await csrfToken(agent, `/entities/${a.id}`);
    const res = await agent.post(`/entities/${a.id}/rename`).type('form').send({ _csrf, version: getEntity(db, a.id).version, name: 'nusra front', type: 'organisation' }).expect(422);
    expect(html(res.text).querySelector('#rename-form .field-error')?.textContent).toContain('merge the two entities instead');
    expect(getEntity(db, a.id).name).toBe('Islamic State');
  });

  it('merges one entity into another: claims follow, spellings become aliases, the facts are recomputed together', async () => {
    const { agent, db } = testApp();
    const town = makeEntity(db, { name: 'Sample town' });
    const variant = makeEntity(db, { name: 'Sampel town' });
    const first = makeSource(db, { publishedAt: '2019-03-01', publisher: 'First' });
    const second = makeSource(db, { publishedAt: '2019-03-05', publisher: 'Second' });
    const a = makeClaim(db, { sourceId: first.id, subjectId: town.id, valueText: '100', figure: { unit: 'count', low: 100, high: 100 }, qualifier: 'exact', asOf: null });
    const b = makeClaim(db, { sourceId: second.id, subjectId: variant.id, valueText: '300', figure: { unit: 'count', low: 300, high: 300 }, qualifier: 'exact', asOf: null });
    recomputeConflicts(db, [a, b], DEFAULT_SETTINGS, TEST_CTX);
    expect(listConflicts(db).total).toBe(0);

    const _csrf = await csrfToken(agent, `/entities/${variant.id}`);
    // First the page of what would move, with nothing changed; then its confirm button merges.
    const before = tableCounts(db);
    const preview = html((await agent.post(`/entities/${variant.id}/merge`).type('form').send({ _csrf, version: getEntity(db, variant.id).version, into: 'sample TOWN' }).expect(200)).text);
    expect(tableCounts(db)).toEqual(before);
    expect(preview.querySelector('[data-count="subject"]')?.textContent).toBe('1');
    const confirm: Record<string, string> = {};
    for (const input of preview.querySelectorAll('#merge-confirm input[name]')) confirm[input.getAttribute('name') as string] = input.getAttribute('value') ?? '';
    expect(confirm).toMatchObject({ into: String(town.id), confirm: 'yes' });
    const res = await agent.post(`/entities/${variant.id}/merge`).type('form').send(confirm).expect(303);
    expect(res.headers.location).toMatch(new RegExp(`^/entities/${town.id}\\?done=`));
    expect(html((await agent.get(res.headers.location as string).expect(200)).text).querySelector('.flash')?.textContent).toContain('Merged “Sampel town” into “Sample town”: 1 claim moved.');
    expect(getClaim(db, b.id).subjectId).toBe(town.id);
    expect(getEntity(db, town.id).aliases).toContain('Sampel town');
    await agent.get(`/entities/${variant.id}`).expect(404);
    expect(listConflicts(db).items.map(conflictLabel)).toEqual([`point-in-time:${a.id},${b.id}`]);
    expect(listAudit(db, 'entity', town.id).map((e) => e.action)).toContain('merge');
  });

  it('refuses a merge into an unknown entity or into itself (422), and answers 404 for unknown entities', async () => {
    const { agent, db } = testApp();
    const town = makeEntity(db, { name: 'Sample town' });
    const _csrf = await csrfToken(agent, `/entities/${town.id}`);
    const unknown = await agent.post(`/entities/${town.id}/merge`).type('form').send({ _csrf, version: getEntity(db, town.id).version, into: 'Atlantis' }).expect(422);
    expect(html(unknown.text).querySelector('#merge-form .field-error')?.textContent).toContain('No entity is called “Atlantis”');
    await agent.post(`/entities/${town.id}/merge`).type('form').send({ _csrf, version: getEntity(db, town.id).version, into: String(town.id) }).expect(422);
    await agent.post(`/entities/${town.id}/merge`).type('form').send({ _csrf, version: getEntity(db, town.id).version, into: '' }).expect(422);
    await agent.post('/entities/4242/merge').type('form').send({ _csrf, version: 1, into: 'Sample town' }).expect(404);
    await agent.post('/entities/4242/aliases').type('form').send({ _csrf, version: 1, alias: 'x' }).expect(404);
    await agent.get('/entities/4242').expect(404);
    expect(getEntity(db, town.id).name).toBe('Sample town');
  });

  it('refuses changes without a CSRF token (403)', async () => {
    const { agent, db } = testApp();
    const town = makeEntity(db, { name: 'Sample town' });
    await agent.get(`/entities/${town.id}`).expect(200);
    await agent.post(`/entities/${town.id}/aliases`).type('form').send({ version: 1, alias: 'Town' }).expect(403);
    await agent.post(`/entities/${town.id}/rename`).type('form').send({ version: 1, name: 'Town' }).expect(403);
    await agent.post(`/entities/${town.id}/merge`).type('form').send({ version: 1, into: 'x' }).expect(403);
    expect(getEntity(db, town.id)).toMatchObject({ name: 'Sample town', aliases: [] });
  });
});

describe('merging asks first and matches whole names only', () => {
  it('lists what moves — claims as subject and as speaker, spellings, parts — and changes nothing until confirmed', async () => {
    const { agent, db } = testApp();
    const sohr = makeEntity(db, { name: 'Syrian Observatory for Human Rights', type: 'organisation', aliases: ['SOHR'] });
    const monitor = makeEntity(db, { name: 'The monitor', type: 'organisation', aliases: ['Observatory monitor'] });
    const part = makeEntity(db, { name: 'Monitor field office', type: 'organisation' });
    db.prepare('UPDATE entities SET part_of_id = ? WHERE id = ?').run(monitor.id, part.id);
    const source = makeSource(db);
    const spoken = makeClaim(db, { sourceId: source.id, speakerId: monitor.id });
    const about = makeClaim(db, { sourceId: source.id, subjectId: monitor.id });
    const _csrf = await csrfToken(agent, `/entities/${monitor.id}`);
    const before = tableCounts(db);

    const res = await agent.post(`/entities/${monitor.id}/merge`).type('form').send({ _csrf, version: getEntity(db, monitor.id).version, into: 'sohr' }).expect(200);
    const doc = html(res.text);
    expect(doc.querySelector('h1')?.textContent).toBe('Merge “The monitor” into “Syrian Observatory for Human Rights”?');
    expect(doc.querySelector('.notice')?.textContent).toContain('“sohr” is an alias of Syrian Observatory for Human Rights');
    expect(doc.querySelector('[data-count="subject"]')?.textContent).toBe('1');
    expect(doc.querySelector('[data-count="speaker"]')?.textContent).toBe('1');
    expect(doc.querySelector('[data-list="spellings"]')?.textContent).toBe('The monitor, Observatory monitor');
    expect(doc.querySelector('[data-list="parts"]')?.textContent).toBe('Monitor field office');
    expect([...doc.querySelectorAll('.merge-claims tr[data-claim-id]')].map((tr) => tr.getAttribute('data-claim-id'))).toEqual([String(spoken.id), String(about.id)]);
    expect(doc.querySelector('#merge-confirm button')?.textContent).toBe('Merge into Syrian Observatory for Human Rights');
    expect(tableCounts(db)).toEqual(before);
    expect(getEntity(db, monitor.id).name).toBe('The monitor');
  });

  it('over JSON: without confirm=yes the answer is what would move, and nothing changes; with it, the merge', async () => {
    const { agent, db } = testApp();
    const town = makeEntity(db, { name: 'Sample town' });
    const variant = makeEntity(db, { name: 'Sampel town' });
    makeClaim(db, { subjectId: variant.id });
    const _csrf = await csrfToken(agent, `/entities/${variant.id}`);
    const version = getEntity(db, variant.id).version;
    const preview = await agent.post(`/entities/${variant.id}/merge.json`).type('form').send({ _csrf, version, into: 'Sample town' }).expect(200);
    expect(preview.body.preview).toMatchObject({ from: { id: variant.id }, into: { id: town.id }, subjectClaims: 1, speakerClaims: 0, spellings: ['Sampel town'] });
    expect(getEntity(db, variant.id).name).toBe('Sampel town');
    const merged = await agent.post(`/entities/${variant.id}/merge.json`).type('form').send({ _csrf, version, into: String(town.id), confirm: 'yes' }).expect(200);
    expect(merged.body.entity).toMatchObject({ id: town.id, aliases: ['Sampel town'] });
  });

  it('part of a name does not match: the first two words of a longer name are refused (422) and nothing merges', async () => {
    const { agent, db } = testApp();
    makeEntity(db, { name: 'Syrian Observatory for Human Rights', type: 'organisation' });
    const other = makeEntity(db, { name: 'Syrian Network for Human Rights', type: 'organisation' });
    const _csrf = await csrfToken(agent, `/entities/${other.id}`);
    const before = tableCounts(db);
    for (const confirm of [undefined, 'yes']) {
      const res = await agent.post(`/entities/${other.id}/merge`).type('form').send({ _csrf, version: getEntity(db, other.id).version, into: 'Syrian Observatory', confirm }).expect(422);
      expect(html(res.text).querySelector('#merge-form .field-error')?.textContent).toContain('No entity is called “Syrian Observatory”');
    }
    expect(tableCounts(db)).toEqual(before);
    expect(getEntity(db, other.id).name).toBe('Syrian Network for Human Rights');
  });
});
