// Bounded work per import: an article with more candidate figures than the cap stores the first ones and says so;
// a source's claims are listed and highlighted a page at a time; extraction in the web app runs in a worker pool
// (real threads, the built dist/app/extract-worker.js), so other requests are answered meanwhile, and an article over
// its time budget gets a clear 422 with nothing stored.
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CLAIMS_PER_ARTICLE } from '../../src/app/importer.js';
import { createExtractPool } from '../../src/app/extract-pool.js';
import { createServer } from '../../src/web/server.js';
import { SOURCE_CLAIMS_PER_PAGE } from '../../src/web/pages/source.js';
import { countClaimsByStatus } from '../../src/store/claims.js';
import { listAudit } from '../../src/store/audit.js';
import { makeClaim, makeSource } from '../helpers/index.js';
import { csrfToken, html, tableCounts, testApp } from './harness.js';

const META = { title: 'Figures from the Korvan Front', publisher: 'The Portbrak Ledger', published: '2021-03-04' };

/** A paste dense with figures: each sentence gives two candidate claims. */
function figureDense(sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    out.push(`Officials in Portbrak said ${100 + (i % 900)} soldiers were killed and ${20 + (i % 70)} civilians wounded in Valdoria.`);
    out.push(i % 5 === 4 ? '\n\n' : ' ');
  }
  return out.join('');
}

describe('a cap on candidate claims per article', () => {
  it('keeps the first claims up to the cap, says how many were kept and that the rest were dropped, on the page and in the history', async () => {
    const { agent, db } = testApp();
    const _csrf = await csrfToken(agent);
    const body = figureDense(MAX_CLAIMS_PER_ARTICLE);
    const res = await agent.post('/sources').type('form').send({ _csrf, ...META, body }).expect(303);
    const claims = countClaimsByStatus(db, { sourceId: 1 });
    expect(claims.candidate).toBe(MAX_CLAIMS_PER_ARTICLE);
    const page = html((await agent.get(res.headers.location as string).expect(200)).text);
    const flash = page.querySelector('.flash')?.textContent ?? '';
    expect(flash).toContain(`more than ${MAX_CLAIMS_PER_ARTICLE.toLocaleString('en')} candidate figures`);
    expect(flash).toContain('the rest were dropped');
    // The notice stays on the source page (from its history), not only after the import.
    const again = html((await agent.get('/sources/1').expect(200)).text);
    expect(again.querySelector('.claims-capped')?.textContent).toContain(`the first ${MAX_CLAIMS_PER_ARTICLE.toLocaleString('en')}`);
    expect(listAudit(db, 'source', 1).map((e) => e.action)).toContain('claims-capped');
    // The kept claims are the first ones in the text.
    const [firstKept, lastKept] = db.prepare('SELECT min(quote_start), max(quote_end) FROM claims WHERE source_id = 1').raw().get() as [number, number];
    expect(firstKept).toBe(0);
    expect(lastKept).toBeLessThan(body.length - 5000);
  });

  it('a 4 MB paste dense with figures stores the cap, says so, and its source page lists one page of the kept claims', async () => {
    const { agent, db } = testApp();
    const _csrf = await csrfToken(agent);
    const body = figureDense(45_000);
    expect(body.length).toBeGreaterThan(4_000_000);
    const res = await agent.post('/sources').type('form').send({ _csrf, ...META, body }).expect(303);
    expect(countClaimsByStatus(db, { sourceId: 1 }).candidate).toBe(MAX_CLAIMS_PER_ARTICLE);
    expect(html((await agent.get(res.headers.location as string).expect(200)).text).querySelector('.flash')?.textContent).toContain('the rest were dropped');
    const page = html((await agent.get('/sources/1').expect(200)).text);
    expect(page.querySelectorAll('table.claims tbody tr')).toHaveLength(SOURCE_CLAIMS_PER_PAGE);
    expect(db.prepare('SELECT length(body) FROM sources WHERE id = 1').pluck().get()).toBe(body.length);
  });

  it('answers JSON clients with claimsCapped', async () => {
    const { agent } = testApp();
    const _csrf = await csrfToken(agent);
    const body = figureDense(Math.ceil(MAX_CLAIMS_PER_ARTICLE / 2) + 10);
    const res = await agent.post('/sources.json').type('form').send({ _csrf, ...META, body }).expect(201);
    expect(res.body.claimsCapped).toBe(true);
    expect(res.body.claims).toHaveLength(MAX_CLAIMS_PER_ARTICLE);
  });

  it('an article under the cap stores every candidate and no notice', async () => {
    const { agent, db } = testApp();
    const _csrf = await csrfToken(agent);
    await agent.post('/sources').type('form').send({ _csrf, ...META, body: figureDense(10) }).expect(303).expect('Location', '/sources/1');
    expect(countClaimsByStatus(db, { sourceId: 1 }).candidate).toBe(20);
    expect(html((await agent.get('/sources/1').expect(200)).text).querySelector('.claims-capped')).toBeNull();
  });
});

describe('a source page with many claims', () => {
  function sourceWithClaims(count: number) {
    const t = testApp();
    const sentence = 'In Upper Mires 40 homes burned. ';
    const source = makeSource(t.db, { body: sentence.repeat(count) });
    t.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const at = i * sentence.length;
        makeClaim(t.db, { sourceId: source.id, quote: sentence.trim(), quoteStart: at, quoteEnd: at + sentence.length - 1, valueText: '40' });
      }
    })();
    return { ...t, source };
  }

  it('lists and highlights one page of claims in text order, with links to the others', async () => {
    const total = SOURCE_CLAIMS_PER_PAGE * 2 + 5;
    const { agent, source } = sourceWithClaims(total);
    const first = html((await agent.get(`/sources/${source.id}`).expect(200)).text);
    expect(first.querySelectorAll('table.claims tbody tr')).toHaveLength(SOURCE_CLAIMS_PER_PAGE);
    expect(first.querySelectorAll('#article-body a.quote')).toHaveLength(SOURCE_CLAIMS_PER_PAGE);
    expect(first.querySelector('.pagination')?.textContent).toContain('Page 1 of 3');
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(`/sources/${source.id}?page=2#claims-heading`);
    const last = html((await agent.get(`/sources/${source.id}?page=3`).expect(200)).text);
    expect(last.querySelectorAll('table.claims tbody tr')).toHaveLength(5);
    // The whole text is on every page.
    expect(last.querySelector('#article-body')?.textContent?.length).toBe(first.querySelector('#article-body')?.textContent?.length);
  });

  it('a claim links to its quote on the page that lists it', async () => {
    const { agent, source, db } = sourceWithClaims(SOURCE_CLAIMS_PER_PAGE + 3);
    const lastId = db.prepare('SELECT max(id) FROM claims').pluck().get() as number;
    const claimPage = html((await agent.get(`/claims/${lastId}`).expect(200)).text);
    const link = [...claimPage.querySelectorAll('a')].find((a) => a.textContent === 'Show in the article')?.getAttribute('href');
    expect(link).toBe(`/sources/${source.id}?page=2#quote-${lastId}`);
    const page2 = html((await agent.get(link!.split('#')[0]!).expect(200)).text);
    expect(page2.querySelector(`#quote-${lastId}`)).not.toBeNull();
  });
});

describe('extraction in a worker pool', () => {
  const pools: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('while a large paste is being extracted, the dashboard answers (real HTTP), before the import is done', async () => {
    const extractor = createExtractPool({ threads: 1 });
    pools.push(extractor);
    const { app, db } = testApp({}, { extractor });
    const server = createServer(app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const agent = request.agent(base);
      const _csrf = await csrfToken(agent);
      const finished: string[] = [];
      // About 2,500 sentences: a few seconds of extraction.
      const importing = agent.post('/sources').type('form').send({ _csrf, ...META, body: figureDense(2500) }).then((res) => {
        finished.push('import');
        return res;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const dashboard = await request(base).get('/').expect(200);
      finished.push('dashboard');
      expect(dashboard.text).toContain('Crosscheck');
      const imported = await importing;
      expect(imported.status).toBe(303);
      expect(finished).toEqual(['dashboard', 'import']);
      expect(countClaimsByStatus(db, { sourceId: 1 }).candidate).toBe(MAX_CLAIMS_PER_ARTICLE);
    } finally {
      server.close();
    }
  });

  it('reads an uploaded HTML page in the pool; a page over the time budget is refused with a clear message', async () => {
    const page = `<html><head><title>Fires in East Tarn</title></head><body><article>${'<p>In East Tarn 40 homes burned on Monday, officials said.</p>'.repeat(50)}</article></body></html>`;
    const extractor = createExtractPool({ threads: 1 });
    pools.push(extractor);
    const { agent, db } = testApp({}, { extractor });
    const _csrf = await csrfToken(agent);
    await agent.post('/sources').field('_csrf', _csrf).field('publisher', META.publisher).field('published', META.published).attach('file', Buffer.from(page), 'fires.html').expect(303);
    expect(db.prepare('SELECT title, format FROM sources').get()).toEqual({ title: 'Fires in East Tarn', format: 'html' });

    const slow = createExtractPool({ threads: 1, timeoutMs: 1 });
    pools.push(slow);
    const t = testApp({}, { extractor: slow });
    const token = await csrfToken(t.agent);
    const before = tableCounts(t.db);
    const res = await t.agent.post('/sources').field('_csrf', token).field('publisher', META.publisher).field('published', META.published).attach('file', Buffer.from(page), 'fires.html').expect(422);
    expect(html(res.text).body.textContent).toContain('Reading the article out of this page took longer than');
    expect(tableCounts(t.db)).toEqual(before);
  });

  it('an article over its time budget is refused with a clear message, and nothing is stored', async () => {
    const extractor = createExtractPool({ threads: 1, timeoutMs: 200 });
    pools.push(extractor);
    const { agent, db } = testApp({}, { extractor });
    const _csrf = await csrfToken(agent);
    const before = tableCounts(db);
    const res = await agent.post('/sources').type('form').send({ _csrf, ...META, body: figureDense(3000) }).expect(422);
    expect(html(res.text).querySelector('#field-body-error, .field-error, .error')?.textContent ?? res.text).toContain('took longer than 0.2 s');
    expect(res.text).toContain('nothing was stored');
    expect(tableCounts(db)).toEqual(before);
    const json = await agent.post('/sources.json').type('form').send({ _csrf, ...META, body: figureDense(3000) }).expect(422);
    expect(json.body.error.fields.body).toContain('took longer than 0.2 s');
    expect(tableCounts(db)).toEqual(before);
  });
});
