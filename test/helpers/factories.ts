// Factories with fixed defaults: each makes one valid row through the store's own functions, so tests only spell
// out what they are about. The texts are the team's own sample sentences.
import type { Claim, EntityType, Source } from '../../src/domain/types.js';
import { conflictKey, listConflicts, flagConflict, type ConflictInput } from '../../src/store/conflicts.js';
import { createClaim, type NewClaim } from '../../src/store/claim-changes.js';
import { createEntity, type StoredEntity } from '../../src/store/entities.js';
import { createSource, type NewSource } from '../../src/store/sources.js';
import { syncConflicts } from '../../src/store/conflict-sync.js';
import type { Db } from '../../src/store/database.js';
import type { StoredConflict } from '../../src/store/rows.js';
import { TEST_CTX } from './db.js';

/** Default article body: two sentences with figures at known offsets (see DEFAULT_QUOTE). */
export const DEFAULT_BODY =
  'The sample monitor said about 1,200 fighters were killed in the province last year. ' +
  'A ministry spokesman put the toll at 900, according to a state broadcaster.\n';

/** The first sentence of DEFAULT_BODY: the default claim's quote. */
export const DEFAULT_QUOTE = 'The sample monitor said about 1,200 fighters were killed in the province last year.';

/** Stores a source; defaults: a sample outlet's article of 2019-03-15 with DEFAULT_BODY. */
export function makeSource(db: Db, overrides: Partial<NewSource> = {}): Source {
  return createSource(
    db,
    {
      title: 'Sample: fighting in the province',
      publisher: 'Sample Gazette',
      author: 'A. Reporter',
      url: 'https://example.org/sample-article',
      publishedAt: '2019-03-15',
      language: 'en',
      body: DEFAULT_BODY,
      format: 'text',
      ...overrides,
    },
    TEST_CTX,
  );
}

let entityCounter = 0;

/** Stores an entity; defaults: a uniquely named organisation without aliases. */
export function makeEntity(db: Db, overrides: { name?: string; type?: EntityType; aliases?: string[] } = {}): StoredEntity {
  entityCounter += 1;
  return createEntity(
    db,
    { name: overrides.name ?? `Sample Organisation ${entityCounter}`, type: overrides.type ?? 'organisation', aliases: overrides.aliases ?? [] },
    TEST_CTX,
  );
}

/**
 * Stores a claim; defaults: a candidate casualty count "about 1,200" (interval 1080–1320) quoting DEFAULT_QUOTE in
 * a new default source, metric "killed", no subject, the publisher's own voice.
 */
export function makeClaim(db: Db, overrides: Partial<NewClaim> = {}): Claim {
  const sourceId = overrides.sourceId ?? makeSource(db).id;
  return createClaim(
    db,
    {
      sourceId,
      quote: DEFAULT_QUOTE,
      quoteStart: 0,
      quoteEnd: DEFAULT_QUOTE.length,
      valueText: 'about 1,200',
      kind: 'casualties',
      metric: 'killed',
      figure: { unit: 'count', low: 1080, high: 1320 },
      qualifier: 'about',
      origin: 'manual',
      status: 'candidate',
      asOf: '2019-03-15',
      ...overrides,
    },
    TEST_CTX,
  );
}

/** Stores an automatic conflict between the given claims (default rule "period-count", severity 0.5). */
export function makeConflict(db: Db, claimIds: number[], overrides: Partial<ConflictInput> = {}): StoredConflict {
  const input: ConflictInput = {
    rule: 'period-count',
    severity: 0.5,
    explanation: 'The two counts for the same period do not overlap.',
    subjectId: null,
    metric: 'killed',
    claimIds,
    ...overrides,
  };
  syncConflicts(db, [], [input], TEST_CTX);
  return findConflictLabelled(db, conflictKey(input.rule, input.claimIds)) as StoredConflict;
}

/** A conflict as the tests name it: its rule and its claim ids ("event-date:1,2"). */
export function conflictLabel(conflict: StoredConflict): string {
  return conflictKey(conflict.rule, conflict.claimIds);
}

/** The conflict (stale ones too) with this label (see conflictLabel), or null. */
export function findConflictLabelled(db: Db, label: string): StoredConflict | null {
  return listConflicts(db, { includeStale: true, limit: 500 }).items.find((k) => conflictLabel(k) === label) ?? null;
}

/** Stores a conflict flagged by hand between the given claims. */
export function makeManualConflict(db: Db, claimIds: number[], note = 'The reviewer thinks these disagree.'): StoredConflict {
  return flagConflict(db, { claimIds, note }, TEST_CTX);
}
