import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/domain/errors.js';
import type { Lexicon } from '../../src/domain/types.js';
import { addLexiconMetric, deleteLexiconMetric, listLexiconMetrics, loadLexicon, seedLexicon, setMetricKeywords } from '../../src/store/lexicon.js';
import { listAudit } from '../../src/store/audit.js';
import { resolveEntity } from '../../src/store/entities.js';
import { TEST_CTX, createTestDb } from '../helpers/index.js';

const LEXICON: Lexicon = {
  metrics: [
    { metric: 'killed', kind: 'casualties', keywords: ['killed', 'Dead', ' deaths ', 'dead'] },
    { metric: 'territory controlled', kind: 'territory', keywords: ['territory', 'controls'] },
  ],
  entities: [
    { name: 'Sergei Shoigu', type: 'person', aliases: ['Shoygu', 'Shoigu'] },
    { name: 'Hmeimim', type: 'place', aliases: ['Hemeimeem', 'Khmeimim'] },
  ],
};

describe('lexicon', () => {
  it('seeds metrics and entities into an empty database and loads them back', () => {
    const db = createTestDb();
    expect(seedLexicon(db, LEXICON, TEST_CTX)).toEqual({ metrics: 2, entities: 2, skippedAliases: [] });
    const loaded = loadLexicon(db);
    expect(loaded.metrics).toEqual([
      { metric: 'killed', kind: 'casualties', keywords: ['killed', 'dead', 'deaths'] },
      { metric: 'territory controlled', kind: 'territory', keywords: ['territory', 'controls'] },
    ]);
    expect(loaded.entities).toEqual([
      { name: 'Hmeimim', type: 'place', aliases: ['Hemeimeem', 'Khmeimim'] },
      { name: 'Sergei Shoigu', type: 'person', aliases: ['Shoigu', 'Shoygu'] },
    ]);
    expect(resolveEntity(db, 'shoygu')?.name).toBe('Sergei Shoigu');
  });

  it('seeding again changes nothing: the database is the truth after the first start', () => {
    const db = createTestDb();
    seedLexicon(db, LEXICON, TEST_CTX);
    const killed = listLexiconMetrics(db)[0]!;
    setMetricKeywords(db, killed.id, ['slain'], TEST_CTX);
    expect(seedLexicon(db, LEXICON, TEST_CTX)).toEqual({ metrics: 0, entities: 0, skippedAliases: [] });
    expect(listLexiconMetrics(db)[0]?.keywords).toEqual(['slain']);
  });

  it('edits keywords and kind, audited; rejects unknown kinds, duplicates and unknown ids', () => {
    const db = createTestDb();
    const metric = addLexiconMetric(db, { metric: 'troops deployed', kind: 'count', keywords: ['troops'] }, TEST_CTX);
    const edited = setMetricKeywords(db, metric.id, ['troops', 'soldiers', 'Servicemen'], TEST_CTX);
    expect(edited.keywords).toEqual(['troops', 'soldiers', 'servicemen']);
    expect(listAudit(db, 'lexicon', metric.id).map((e) => e.action)).toEqual(['create', 'update']);
    expect(() => setMetricKeywords(db, metric.id, [], TEST_CTX, 'weather' as never)).toThrow(ValidationError);
    expect(() => addLexiconMetric(db, { metric: 'troops deployed', kind: 'count', keywords: [] }, TEST_CTX)).toThrow(ValidationError);
    expect(() => setMetricKeywords(db, 999, [], TEST_CTX)).toThrow(NotFoundError);
    deleteLexiconMetric(db, metric.id, TEST_CTX);
    expect(listLexiconMetrics(db)).toEqual([]);
  });
});
