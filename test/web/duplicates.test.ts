// The same article twice: a paste whose text is already stored adds nothing and links to the stored source; the same
// wire story with small edits is stored but flagged on its page with a link to the other.
import { describe, expect, it } from 'vitest';
import { countSources, deleteSource } from '../../src/store/sources.js';
import { listAudit } from '../../src/store/audit.js';
import { flagNearDuplicates } from '../../src/store/near-duplicates.js';
import { makeSource, TEST_CTX } from '../helpers/index.js';
import { csrfToken, html, tableCounts, testApp } from './harness.js';

const STORY = [
  'Officials in the coastal district said on Monday that 42 people had been evacuated after the shelling of the port.',
  'A local monitor put the number of damaged homes at more than 300, a figure the officials did not dispute.',
  'The regional governor told reporters that repair crews would reach the harbour road by the end of the week,',
  'while aid groups warned that the shelters in the old town were already full and that more families were arriving.',
  'Fishing boats stayed in the harbour for a second day, and the ferry to the islands was cancelled until further notice.',
  'Residents described a night of heavy explosions near the grain terminal, where a warehouse burned until dawn.',
].join(' ');

const META = { title: 'Evacuations in the coastal district', publisher: 'Wire Service', published: '2018-04-09' };

describe('a text that is already stored', () => {
  it('the same paste twice stores one source; the second answer links to the first and says nothing was added', async () => {
    const { agent, db } = testApp();
    const _csrf = await csrfToken(agent);
    await agent.post('/sources').type('form').send({ _csrf, ...META, body: STORY }).expect(303).expect('location', '/sources/1');
    const before = tableCounts(db);

    const again = await agent.post('/sources').type('form').send({ _csrf, ...META, title: 'Another title', publisher: 'Harbour Times', body: STORY }).expect(303);
    expect(again.headers.location).toMatch(/^\/sources\/1\?done=/);
    expect(tableCounts(db)).toEqual(before);
    expect(countSources(db)).toBe(1);

    const doc = html((await agent.get(again.headers.location as string).expect(200)).text);
    const flash = doc.querySelector('.flash');
    expect(flash?.textContent).toContain('already stored');
    expect(flash?.textContent).toContain('nothing was added');
    expect(flash?.querySelector('a')?.getAttribute('href')).toBe('/sources/1');
    expect(flash?.querySelector('a')?.textContent).toContain(META.title);
  });

  it('as JSON: 200 with the stored source (no body) and duplicate: true', async () => {
    const { agent } = testApp();
    const _csrf = await csrfToken(agent);
    await agent.post('/sources').type('form').send({ _csrf, ...META, body: STORY }).expect(303);
    const res = await agent.post('/sources.json').type('form').send({ _csrf, ...META, body: STORY }).expect(200);
    expect(res.headers.location).toMatch(/^\/sources\/1\?done=/);
    expect(res.body).toMatchObject({ duplicate: true, source: { id: 1, title: META.title } });
    expect(res.body.source.body).toBeUndefined();
  });

  it('a forged or altered message shows nothing', async () => {
    const { agent } = testApp();
    const _csrf = await csrfToken(agent);
    await agent.post('/sources').type('form').send({ _csrf, ...META, body: STORY }).expect(303);
    const again = await agent.post('/sources').type('form').send({ _csrf, ...META, body: STORY }).expect(303);
    const token = new URL(again.headers.location as string, 'http://x').searchParams.get('done')!;
    const [data, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ k: 'duplicate', source: 1, x: 1 })).toString('base64url');
    for (const bad of [`${forged}.${mac}`, `${data}.AAAA`, 'nonsense']) {
      const doc = html((await agent.get(`/sources/1?done=${encodeURIComponent(bad)}`).expect(200)).text);
      expect(doc.querySelector('.flash'), bad).toBeNull();
    }
  });
});

describe('a near-duplicate (the same wire story with small edits)', () => {
  it('is stored, and its page says which source it nearly repeats, with a link; the history records it', async () => {
    const { agent, db } = testApp();
    const _csrf = await csrfToken(agent);
    await agent.post('/sources').type('form').send({ _csrf, ...META, body: STORY }).expect(303);
    const edited = STORY.replace('on Monday', 'on Monday evening').replace('a second day', 'a second straight day') + ' (Additional reporting by staff.)';
    const res = await agent.post('/sources').type('form').send({ _csrf, ...META, publisher: 'Harbour Times', body: edited }).expect(303);
    expect(res.headers.location).toBe('/sources/2');
    expect(countSources(db)).toBe(2);

    const doc = html((await agent.get('/sources/2').expect(200)).text);
    const notice = doc.querySelector('.near-duplicate');
    expect(notice?.textContent).toContain('Near-duplicate');
    expect(notice?.querySelector('a')?.getAttribute('href')).toBe('/sources/1');
    expect(listAudit(db, 'source', 2).map((e) => e.action)).toEqual(['create', 'near-duplicate']);
    // The older source is not flagged, and a different article is not a near-duplicate.
    expect(html((await agent.get('/sources/1').expect(200)).text).querySelector('.near-duplicate')).toBeNull();
    await agent.post('/sources').type('form').send({ _csrf, ...META, title: 'Other', body: 'A different article about 12 ministers who met in the capital on Friday to discuss the budget.' }).expect(303);
    expect(html((await agent.get('/sources/3').expect(200)).text).querySelector('.near-duplicate')).toBeNull();
  });
});

describe('near-duplicates after a deletion', () => {
  it('a source id handed out again after the newest source was deleted is compared by its new text', () => {
    const { db } = testApp();
    const first = makeSource(db, { body: STORY });
    expect(flagNearDuplicates(db, makeSource(db, { body: STORY + ' More.' }), TEST_CTX).map((d) => d.id)).toEqual([first.id]);
    const last = makeSource(db, { body: 'An unrelated piece about 12 ministers who met in the capital on Friday to agree the budget.' });
    flagNearDuplicates(db, last, TEST_CTX);
    deleteSource(db, last.id, TEST_CTX);
    deleteSource(db, first.id + 1, TEST_CTX);
    deleteSource(db, first.id, TEST_CTX);
    const reused = makeSource(db, { body: 'Yet another text: 7 bridges were repaired along the river road before the floods in spring.' });
    expect(reused.id).toBe(first.id);
    expect(flagNearDuplicates(db, makeSource(db, { body: STORY }), TEST_CTX)).toEqual([]);
  });
});
