// 600 generated articles repeat one disagreement on each of two facts: the Valdorian health ministry's toll and
// displacement figures against the Portbrak Monitoring Group's, in the same template written by the team (an
// invented war). Every ministry figure disagrees with every monitor figure of the same fact reported within the
// as-of window, so the rules find hundreds of thousands of pairs; stored, they are one conflict per fact.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conflictsForFact, DEFAULT_SETTINGS } from '../src/domain/crosscheck.js';
import { importSource } from '../src/app/importer.js';
import { listConflicts } from '../src/store/conflicts.js';
import { loadLexicon, seedLexicon } from '../src/store/lexicon.js';
import { resolveEntity } from '../src/store/entities.js';
import type { Lexicon } from '../src/domain/types.js';
import { listRuleClaimsOfGroup } from '../src/store/crosscheck-queries.js';
import { createTestDb, TEST_CTX } from './helpers/index.js';

const ARTICLES = 600;
const OUTLETS = ['Portbrak Ledger', 'East Tarn Courier', 'Upper Mires Herald', 'Korvan Front Dispatch', 'Valdoria Today', 'Harbour Wire'];

/** A desk code in letters ("KQ"), so that each article's text differs without adding a figure. */
function desk(n: number): string {
  return String.fromCharCode(65 + Math.floor(n / 26) % 26, 65 + (n % 26)) + String.fromCharCode(65 + Math.floor(n / 676));
}

function article(n: number): string {
  return (
    'The war in Valdoria has killed 1,200 people, the Valdorian health ministry said on Monday. ' +
    'The Portbrak Monitoring Group puts the death toll at 3,400. ' +
    'The Valdorian health ministry counts 40,000 people displaced, while the Portbrak Monitoring Group says 90,000 people have been displaced. ' +
    `This dispatch was filed from desk ${desk(n)}.`
  );
}

describe('conflicts at scale', () => {
  it('600 articles repeating one disagreement on two facts raise two conflicts, each holding every claim on its two values', { timeout: 300_000 }, () => {
    const db = createTestDb();
    seedLexicon(db, JSON.parse(readFileSync(new URL('../db/lexicon/default.json', import.meta.url), 'utf8')) as Lexicon, TEST_CTX);
    const lexicon = loadLexicon(db);
    for (let n = 0; n < ARTICLES; n++) {
      const day = String(1 + (n % 20)).padStart(2, '0');
      importSource(
        db,
        { title: `Valdoria report ${desk(n)}`, publisher: OUTLETS[n % OUTLETS.length]!, author: null, url: null, publishedAt: `2025-06-${day}`, language: 'en', body: article(n), format: 'text' },
        TEST_CTX,
        { settings: DEFAULT_SETTINGS, lexicon },
      );
    }
    const conflicts = listConflicts(db, { limit: 100 }).items;
    // Proportional to the facts: one conflict for the toll, one for the displaced.
    expect(conflicts.map((k) => k.metric).sort()).toEqual(['displaced', 'killed']);
    for (const conflict of conflicts) {
      expect(conflict.valueGroups.map((g) => g.claimIds.length)).toEqual([ARTICLES, ARTICLES]);
      expect(conflict.claimIds).toHaveLength(2 * ARTICLES);
    }
    // What it replaces: the pairs of claims the rules call conflicting, once a conflict each before.
    const subject = resolveEntity(db, 'Valdoria')!;
    const pairs = conflictsForFact(listRuleClaimsOfGroup(db, { subjectId: subject.id, metrics: ['killed'] }), DEFAULT_SETTINGS);
    expect(pairs.length).toBeGreaterThan(100_000);
  });
});
