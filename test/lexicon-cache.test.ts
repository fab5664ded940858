// One prepared lexicon per lexicon version: the cache hands back the same prepared lexicon until an edit of the
// metrics, entities, aliases or grammar moves the version; the worker pool's copy follows the same version, so an
// import through the pool reads a reporting verb added on the lexicon page a moment before.
import { afterEach, describe, expect, it } from 'vitest';
import { readDefaultLexicon } from '../src/app/bootstrap.js';
import { createExtractPool, type Extractor } from '../src/app/extract-pool.js';
import { createLexiconCache, lexiconOfShared } from '../src/app/lexicon-cache.js';
import { loadConfig } from '../src/config.js';
import { addAlias, createEntity, getEntity } from '../src/store/entities.js';
import { listClaimsOfSource } from '../src/store/claims.js';
import { listGrammar, setGrammarList } from '../src/store/lexicon-grammar.js';
import { listLexiconMetrics, loadLexicon, seedLexicon, setMetricKeywords } from '../src/store/lexicon.js';
import { createTestDb, TEST_CTX } from './helpers/index.js';
import { csrfToken, testApp } from './web/harness.js';

function seeded() {
  const db = createTestDb();
  seedLexicon(db, readDefaultLexicon(loadConfig({}, {})), TEST_CTX);
  return db;
}

describe('the lexicon cache', () => {
  it('prepares the lexicon once per version: again after each kind of edit, not before', () => {
    const db = seeded();
    const cache = createLexiconCache();
    const first = cache.prepared(db);
    expect(cache.prepared(db)).toBe(first);
    const [metric] = listLexiconMetrics(db);
    setMetricKeywords(db, metric!.id, [...metric!.keywords, 'tallied'], TEST_CTX);
    const afterMetric = cache.prepared(db);
    expect(afterMetric).not.toBe(first);
    expect(cache.prepared(db)).toBe(afterMetric);
    const entity = createEntity(db, { name: 'Portbrak Harbour Board', type: 'organisation' }, TEST_CTX);
    const afterEntity = cache.prepared(db);
    expect(afterEntity).not.toBe(afterMetric);
    addAlias(db, entity.id, 'the harbour board', TEST_CTX);
    expect(cache.prepared(db)).not.toBe(afterEntity);
    const hedges = listGrammar(db).find((l) => l.list === 'hedges')!;
    const beforeGrammar = cache.prepared(db);
    setGrammarList(db, hedges.id, ['reportedly'], TEST_CTX);
    expect(cache.prepared(db)).not.toBe(beforeGrammar);
  });

  it('shares the lexicon with worker threads as it stands, under a key that changes with each edit', () => {
    const db = seeded();
    const cache = createLexiconCache();
    const shared = cache.shared(db);
    expect(cache.shared(db)).toBe(shared);
    expect(lexiconOfShared(shared)).toEqual(loadLexicon(db));
    createEntity(db, { name: 'East Tarn Relief Office', type: 'organisation' }, TEST_CTX);
    expect(cache.shared(db).key).not.toBe(shared.key);
    expect(lexiconOfShared(cache.shared(db)).entities.map((e) => e.name)).toContain('East Tarn Relief Office');
  });
});

describe('imports through the worker pool', () => {
  let pool: Extractor | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('read the grammar as last edited (the worker prepares the new version)', async () => {
    pool = createExtractPool({ threads: 1 });
    const { agent, db } = testApp({}, { extractor: pool });
    const token = await csrfToken(agent, '/lexicon');
    await agent.post('/lexicon/sync').type('form').send({ _csrf: token }).expect(303);
    const speakerOf = async (body: string): Promise<string | null> => {
      const res = await agent.post('/sources.json').type('form').send({ _csrf: token, title: 'Boats', publisher: 'Portbrak Evening Lamp', published: '2024-05-02', body }).expect(201);
      const claim = listClaimsOfSource(db, res.body.source.id).find((c) => c.valueText !== 'on Monday' && c.valueText !== 'on Tuesday');
      return claim?.speakerId ? getEntity(db, claim.speakerId).name : null;
    };
    expect(await speakerOf('The Portbrak harbour office divulged on Monday that 240 fishing boats had been seized off East Tarn.\n')).toBeNull();
    const verbs = listGrammar(db).find((l) => l.list === 'reportingVerbs')!;
    await agent.post(`/lexicon/grammar/${verbs.id}`).type('form').send({ _csrf: token, words: [...verbs.words, 'divulged'].join('\n') }).expect(303);
    expect(await speakerOf('The Portbrak harbour office divulged on Tuesday that 310 fishing boats had been seized off East Tarn.\n')).toBe('Portbrak harbour office');
  });
});
