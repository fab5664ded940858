// Lists run a fixed number of queries whatever the page size (no query per row).
import { describe, expect, it } from 'vitest';
import { listClaims } from '../../src/store/claim-list.js';
import { listConflicts } from '../../src/store/conflicts.js';
import { listEntities } from '../../src/store/entities.js';
import { listSources } from '../../src/store/sources.js';
import type { Db } from '../../src/store/database.js';
import { countQueries, createTestDb, makeClaim, makeConflict, makeEntity, makeSource } from '../helpers/index.js';

function populate(db: Db, n: number): void {
  const source = makeSource(db);
  for (let i = 0; i < n; i += 1) {
    const speaker = makeEntity(db, { aliases: [`Alias ${i}`] });
    const a = makeClaim(db, { sourceId: source.id, speakerId: speaker.id, subjectId: speaker.id });
    const b = makeClaim(db, { sourceId: makeSource(db).id, speakerId: speaker.id });
    makeConflict(db, [a.id, b.id], { subjectId: speaker.id });
  }
}

describe('query counts', () => {
  const lists: [string, (db: Db) => unknown][] = [
    ['claims', (db) => listClaims(db, { limit: 100 })],
    ['claims filtered', (db) => listClaims(db, { limit: 100, status: 'candidate', publishedFrom: '2000-01-01', inConflict: true })],
    ['sources', (db) => listSources(db, { limit: 100 })],
    ['entities', (db) => listEntities(db, { limit: 100 })],
    ['conflicts', (db) => listConflicts(db, { limit: 100 })],
  ];
  it.each(lists)('listing %s runs as many queries for 30 rows as for 2', (_name, list) => {
    const small = createTestDb();
    const large = createTestDb();
    populate(small, 1);
    populate(large, 15);
    const few = countQueries(small, () => list(small));
    const many = countQueries(large, () => list(large));
    expect(many.queries).toBe(few.queries);
    expect(many.queries).toBeLessThanOrEqual(5);
  });
});
