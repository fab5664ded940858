// Search over HTTP: FTS5 over article text and claim quotes, matches wrapped in <mark> and everything else escaped,
// links to the claim and the source, .json; empty, punctuation-only and FTS5-syntax input never fails.
import { describe, expect, it } from 'vitest';
import { makeClaim, makeSource } from '../helpers/index.js';
import { html, testApp } from './harness.js';

const BODY =
  'Rescue teams said at least 18 civilians were killed in the market strike.\n\n' +
  'A local doctor wrote <img src=x onerror=alert(1)> on a sign outside the clinic, and the strike was condemned.\n';
const QUOTE = 'Rescue teams said at least 18 civilians were killed in the market strike.';

function seed() {
  const t = testApp();
  const source = makeSource(t.db, { body: BODY, title: 'Strike on the market', publisher: 'Valley Post' });
  const other = makeSource(t.db, { body: 'Nothing about that here, only the harvest.\n', title: 'Harvest news' });
  const claim = makeClaim(t.db, { sourceId: source.id, quote: QUOTE, quoteStart: 0, quoteEnd: QUOTE.length, valueText: 'at least 18', figure: { unit: 'count', low: 18, high: null }, qualifier: 'at-least' });
  return { ...t, source, other, claim };
}

describe('search', () => {
  it('finds claims by quote and articles by text, with the matching words marked and links to both', async () => {
    const { agent, source, claim } = seed();
    const doc = html((await agent.get('/search?q=market+strike').expect(200)).text);
    const claimHit = doc.querySelector(`li[data-claim-id="${claim.id}"]`)!;
    expect(claimHit.querySelector('a.snippet')?.getAttribute('href')).toBe(`/claims/${claim.id}`);
    expect([...claimHit.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['market', 'strike']);
    const sourceHit = doc.querySelector(`li[data-source-id="${source.id}"]`)!;
    expect(sourceHit.querySelector('a')?.getAttribute('href')).toBe(`/sources/${source.id}`);
    expect(sourceHit.querySelectorAll('mark').length).toBeGreaterThan(0);
    expect(doc.querySelectorAll('li[data-source-id]')).toHaveLength(1);
    expect(doc.querySelector('#search-q')?.getAttribute('value')).toBe('market strike');
  });

  it('escapes the article text around the marks', async () => {
    const { agent } = seed();
    const res = await agent.get('/search?q=doctor').expect(200);
    expect(res.text).not.toContain('<img src=x');
    const snippet = html(res.text).querySelector('li[data-source-id] .snippet')!;
    expect(snippet.querySelector('img')).toBeNull();
    expect(snippet.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(snippet.querySelector('mark')?.textContent).toBe('doctor');
  });

  it('answers as JSON with the snippet parts', async () => {
    const { agent, claim } = seed();
    const res = await agent.get('/search.json?q=%22at+least+18%22').expect(200);
    expect(res.body.q).toBe('"at least 18"');
    expect(res.body.message).toBeNull();
    expect(res.body.results.match).toBe('"at least 18"');
    expect(res.body.results.claims.map((c: { id: number }) => c.id)).toEqual([claim.id]);
    expect(res.body.results.claims[0].snippet.filter((p: { match: boolean }) => p.match).map((p: { text: string }) => p.text).join(' ')).toBe('at least 18');
  });

  it('an empty query or one without words gets a message, not an error', async () => {
    const { agent } = seed();
    const empty = html((await agent.get('/search').expect(200)).text);
    expect(empty.querySelector('.search-message')?.textContent).toBe('Type words or figures to search the articles and the claims’ quotes.');
    for (const q of ['%%%', '***', '"', '()', '-- ;', '^']) {
      const res = await agent.get(`/search?q=${encodeURIComponent(q)}`).expect(200);
      expect(html(res.text).querySelector('.search-message')?.textContent).toBe(`“${q}” has no words or numbers to search for.`);
    }
  });

  it('FTS5 syntax is taken as plain words, never a 500', async () => {
    const { agent } = seed();
    for (const q of ['AND', 'NEAR(strike market)', 'strike*', 'title:strike', 'strike OR', '"unclosed phrase', 'NOT market', '{x} + [y]', 'ﬁre \u0000 strike']) {
      const res = await agent.get(`/search.json?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    const body = (await agent.get('/search.json?q=NEAR(strike+market)').expect(200)).body;
    expect(body.results.claims).toHaveLength(0);
  });

  it('a query over 500 characters is refused with a message (422)', async () => {
    const { agent } = seed();
    const res = await agent.get(`/search?q=${'word '.repeat(120)}`).expect(422);
    expect(html(res.text).querySelector('.search-message')?.textContent).toBe('That search is too long: use at most 500 characters.');
  });
});
