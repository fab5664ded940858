import { describe, expect, it } from 'vitest';
import { deleteClaim, updateClaim } from '../../src/store/claim-changes.js';
import { deleteSource, updateSource } from '../../src/store/sources.js';
import { listClaims } from '../../src/store/claim-list.js';
import { search, snippetParts, toFtsQuery } from '../../src/store/search.js';
import { TEST_CTX, createTestDb, makeClaim, makeSource } from '../helpers/index.js';

const BODY =
  'Officials in the sample town said Erdoğan would visit the airbase next week. ' +
  'The monitor counted 131 civilians killed in air strikes between January and September.\n';

function seeded() {
  const db = createTestDb();
  const source = makeSource(db, { title: 'Air strikes in the sample town', body: BODY });
  const quote = 'The monitor counted 131 civilians killed in air strikes between January and September.';
  const start = BODY.indexOf(quote);
  const claim = makeClaim(db, { sourceId: source.id, quote, quoteStart: start, quoteEnd: start + quote.length, valueText: '131' });
  return { db, source, claim };
}

const marked = (parts: { text: string; match: boolean }[]) => parts.filter((p) => p.match).map((p) => p.text.toLowerCase());

describe('toFtsQuery', () => {
  it.each([
    ['civilians killed', '"civilians" "killed"'],
    ['"air strikes" 131', '"air strikes" "131"'],
    ['NEAR(a b) OR c:*', '"NEAR(a" "b)" "OR" "c:*"'],
    ['say "hello', '"say" "hello"'],
    ['it\'s', '"it\'s"'],
    ['  ... -- ** ', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(toFtsQuery(input)).toBe(expected);
  });
});

describe('search', () => {
  it('finds sources and claims with highlighted snippets', () => {
    const { db, source, claim } = seeded();
    const results = search(db, 'civilians killed');
    expect(results.sources.map((hit) => hit.id)).toEqual([source.id]);
    expect(results.claims.map((hit) => hit.id)).toEqual([claim.id]);
    expect(marked(results.sources[0]!.snippet)).toEqual(['civilians', 'killed']);
    expect(results.claims[0]!.snippet.map((p) => p.text).join('')).toBe(claim.quote);
    expect(results.claims[0]).toMatchObject({ sourceTitle: 'Air strikes in the sample town', valueText: '131' });
  });

  it('folds accents and stems words', () => {
    const { db, source } = seeded();
    expect(search(db, 'erdogan').sources.map((hit) => hit.id)).toEqual([source.id]);
    expect(search(db, 'killing').claims).toHaveLength(1);
    expect(search(db, 'strike').claims).toHaveLength(1);
    expect(search(db, '"strikes between"').claims).toHaveLength(1);
    expect(search(db, '"between strikes"').claims).toHaveLength(0);
    expect(search(db, 'monitor visits tomorrow').sources).toHaveLength(0);
  });

  it('never throws on punctuation or FTS syntax in what the reviewer typed', () => {
    const { db } = seeded();
    for (const input of ['"', '"unclosed', 'a AND', 'NOT', '(', ')', '*', 'col:value', '^x', 'x OR', '-', '1,200', '50%', "'", '…']) {
      expect(() => search(db, input), input).not.toThrow();
    }
    expect(search(db, '!!!')).toEqual({ match: '', sources: [], claims: [] });
    expect(search(db, '(131)').claims).toHaveLength(1);
  });

  it('keeps the index in step with inserts, edits and deletes (cascades included)', () => {
    const { db, source, claim } = seeded();
    const edited = updateClaim(db, claim.id, claim.version, { quote: 'The monitor counted 131 civilians', quoteEnd: claim.quoteStart + 33 }, TEST_CTX);
    expect(search(db, 'september').claims).toHaveLength(0);
    expect(search(db, 'monitor').claims.map((hit) => hit.id)).toEqual([claim.id]);
    updateSource(db, source.id, source.version, { title: 'Renamed report' }, TEST_CTX);
    expect(search(db, 'renamed').sources).toHaveLength(1);
    expect(search(db, 'strikes').sources).toHaveLength(1);
    deleteClaim(db, edited.id, TEST_CTX);
    expect(search(db, 'monitor').claims).toHaveLength(0);
    const other = makeClaim(db, { sourceId: source.id, quote: BODY.slice(0, 20), quoteStart: 0, quoteEnd: 20 });
    expect(search(db, 'officials').claims.map((hit) => hit.id)).toEqual([other.id]);
    deleteSource(db, source.id, TEST_CTX);
    expect(search(db, 'officials')).toMatchObject({ sources: [], claims: [] });
  });

  it('ranks a title match above a text-only match and respects the limit', () => {
    const db = createTestDb();
    const inText = makeSource(db, { title: 'Weekly roundup', body: 'Among other things, a convoy crossed the border.\n' });
    const inTitle = makeSource(db, { title: 'Convoy crosses the border', body: 'A convoy crossed at dawn.\n' });
    expect(search(db, 'convoy').sources.map((hit) => hit.id)).toEqual([inTitle.id, inText.id]);
    expect(search(db, 'convoy', { limit: 1 }).sources).toHaveLength(1);
  });

  it('gives each hit the snippet of its own text', () => {
    const db = createTestDb();
    const north = makeSource(db, { title: 'Northern front', body: 'Shelling hit the northern bridge overnight, the governor said.\n' });
    const south = makeSource(db, { title: 'Southern front', body: 'Residents reported shelling near the southern market at noon.\n' });
    const northQuote = 'Shelling hit the northern bridge overnight';
    const southQuote = 'Residents reported shelling near the southern market';
    const northClaim = makeClaim(db, { sourceId: north.id, quote: northQuote, quoteStart: 0, quoteEnd: northQuote.length, valueText: 'one bridge' });
    const southClaim = makeClaim(db, { sourceId: south.id, quote: southQuote, quoteStart: 0, quoteEnd: southQuote.length, valueText: 'one market' });
    const text = (parts: { text: string }[]) => parts.map((p) => p.text).join('');
    const results = search(db, 'shelling');
    const sourceSnippets = new Map(results.sources.map((hit) => [hit.id, text(hit.snippet)]));
    expect(sourceSnippets.get(north.id)).toContain('northern bridge');
    expect(sourceSnippets.get(south.id)).toContain('southern market');
    const claimSnippets = new Map(results.claims.map((hit) => [hit.id, text(hit.snippet)]));
    expect(claimSnippets.get(northClaim.id)).toBe(northQuote);
    expect(claimSnippets.get(southClaim.id)).toBe(southQuote);
  });

  it('the claims list filter q uses the same matching', () => {
    const { db, claim } = seeded();
    makeClaim(db);
    expect(listClaims(db, { q: 'Civilians' }).items.map((c) => c.id)).toEqual([claim.id]);
    expect(listClaims(db, { q: '"' }).total).toBe(2);
  });

  it('splits marked snippets into plain and matching parts', () => {
    expect(snippetParts('a \uE000b\uE001 c\uE000d\uE001')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c', match: false },
      { text: 'd', match: true },
    ]);
  });
});
