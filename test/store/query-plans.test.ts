// The claims list stays fast at a million claims because each filter walks an index already in the list's order
// (newest first) and stops after one page. These tests read SQLite's query plan for the statements listClaims runs:
// a "USE TEMP B-TREE FOR ORDER BY" step means every matching claim is sorted on each page view (timings are
// measured by `npm run bench:pages`, never here).
import { describe, expect, it } from 'vitest';
import { countFactSheetClaims, listMetricsOfSubjects } from '../../src/store/factsheet-builder.js';
import { explainConflict, listConflicts } from '../../src/store/conflicts.js';
import { listClaims, type ClaimFilter } from '../../src/store/claim-list.js';
import { listClaimsForFactSheet, type FactSheetClaimQuery } from '../../src/store/factsheet.js';
import { listSources } from '../../src/store/sources.js';
import { syncConflicts } from '../../src/store/conflict-sync.js';
import type { Db } from '../../src/store/database.js';
import { TEST_CTX, createTestDb, makeClaim, makeEntity, makeSource } from '../helpers/index.js';

/** The query plans (one string per statement) of the reads `fn` makes on `db`, with the arguments it bound. */
function plansOf(db: Db, fn: () => unknown): string[] {
  const seen: { sql: string; args: unknown[] }[] = [];
  const prepare = db.prepare;
  db.prepare = function recordingPrepare(this: Db, sql: string) {
    const statement = prepare.call(this, sql);
    for (const method of ['get', 'all'] as const) {
      const original = statement[method] as (...a: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        seen.push({ sql, args });
        return original.apply(statement, args);
      };
    }
    return statement;
  } as Db['prepare'];
  try {
    fn();
  } finally {
    db.prepare = prepare;
  }
  return seen.map(({ sql, args }) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((row) => row.detail).join('\n'),
  );
}

const FILTERS: [string, ClaimFilter][] = [
  ['no filter', {}],
  ['kind', { kind: 'date' }],
  ['status', { status: 'confirmed' }],
  ['kind and status', { kind: 'date', status: 'candidate' }],
  ['subject', { subjectId: 1 }],
  ['subject and metric', { subjectId: 1, metric: 'killed' }],
  ['metric', { metric: 'killed' }],
  ['speaker', { speakerId: 1 }],
  ['rank', { rank: 'preferred' }],
  ['source', { sourceId: 1 }],
];

describe('claims list query plans', () => {
  for (const [name, filter] of FILTERS) {
    it(`filtered by ${name}, a page is read in index order without sorting all matches`, () => {
      const db = createTestDb();
      const plans = plansOf(db, () => listClaims(db, { ...filter, limit: 50, offset: 100 }));
      expect(plans.length).toBeGreaterThan(0);
      for (const plan of plans) expect(plan).not.toMatch(/TEMP B-TREE/);
      if (name !== 'no filter') {
        // The filter is answered from an index, not by testing every claim.
        expect(plans.join('\n')).toMatch(/SEARCH c USING (COVERING )?INDEX/);
      }
    });
  }
});

describe('other list query plans', () => {
  it("counting one source's candidates (the review queue) reads that source's index entries, not every candidate", () => {
    const db = createTestDb();
    const plans = plansOf(db, () => listClaims(db, { sourceId: 1, status: 'candidate', limit: 1 }));
    for (const plan of plans) {
      expect(plan).toMatch(/INDEX claims_source/);
      expect(plan).not.toMatch(/INDEX claims_status\b/);
    }
  });

  it('a page of sources picks its ids from an index, not by walking the rows of every skipped article', () => {
    const db = createTestDb();
    const [page] = plansOf(db, () => listSources(db, { limit: 50, offset: 5000 }));
    expect(page).toMatch(/COVERING INDEX sources_id/);
    expect(page).not.toMatch(/^SCAN sources$/m);
    expect(page).not.toMatch(/TEMP B-TREE/);
  });
});

describe('conflicts list pages', () => {
  it('pages through open conflicts first, then by severity and id, each with its own claims (the page is chosen before its claim ids are read)', () => {
    const db = createTestDb();
    const war = makeEntity(db, { name: 'Sample War', type: 'event' });
    const claims = [1, 2, 3, 4, 5].map((n) =>
      makeClaim(db, { sourceId: makeSource(db, { publisher: `Outlet ${n}` }).id, subjectId: war.id, metric: 'killed', figure: { unit: 'count', low: n * 10, high: n * 10 } }),
    );
    const ids = claims.map((claim) => claim.id);
    const pairs: [number, number, number][] = [[0, 1, 0.2], [1, 2, 0.9], [2, 3, 0.5], [3, 4, 0.9], [0, 4, 0.7]];
    syncConflicts(
      db,
      [{ subjectId: war.id, metric: 'killed' }],
      pairs.map(([x, y, severity]) => ({ rule: 'period-count', severity, explanation: 'Counts differ.', subjectId: war.id, metric: 'killed', claimIds: [ids[x]!, ids[y]!] })),
      TEST_CTX,
    );
    const all = listConflicts(db, { limit: 50 }).items;
    const strongest = all[0]!;
    explainConflict(db, strongest.id, strongest.version, 'Different periods.', TEST_CTX);

    const paged = [0, 2, 4].flatMap((offset) => listConflicts(db, { limit: 2, offset }).items);
    expect(paged.map((k) => [k.status, k.severity, k.claimIds])).toEqual([
      ['open', 0.9, [ids[3], ids[4]]],
      ['open', 0.7, [ids[0], ids[4]]],
      ['open', 0.5, [ids[2], ids[3]]],
      ['open', 0.2, [ids[0], ids[1]]],
      ['explained', 0.9, [ids[1], ids[2]]],
    ]);
    expect(paged.every((k) => k.subjectName === 'Sample War' && !k.internal)).toBe(true);
    expect(listConflicts(db, { status: 'open', limit: 1, offset: 1 }).items.map((k) => k.severity)).toEqual([0.7]);
  });
});

describe('fact sheet query plans', () => {
  const queries: [string, FactSheetClaimQuery, RegExp][] = [
    ['one subject', { subjectIds: [1] }, /INDEX claims_subject/],
    ['a subject and a metric', { subjectIds: [1], metrics: ['killed'] }, /INDEX claims_subject_metric/],
    ['a metric, candidates too', { metrics: ['killed'], includeCandidates: true }, /INDEX claims_metric/],
  ];
  for (const [name, query, index] of queries) {
    it(`for ${name}, the claims are found from that index, not by walking every confirmed claim`, () => {
      const db = createTestDb();
      const plans = plansOf(db, () => {
        countFactSheetClaims(db, query, 2000);
        listClaimsForFactSheet(db, query);
      });
      expect(plans).toHaveLength(2);
      for (const plan of plans) {
        expect(plan).toMatch(index);
        expect(plan).not.toMatch(/INDEX claims_status/);
      }
    });
  }
});

describe('metrics of chosen subjects', () => {
  it("lists each metric of the chosen subjects once, sorted, and none of other subjects'", () => {
    const db = createTestDb();
    const [war, siege, other] = ['Sample War', 'Sample Siege', 'Elsewhere'].map((name) => makeEntity(db, { name, type: 'event' }));
    const source = makeSource(db);
    for (const [subject, metric] of [[war, 'wounded'], [war, 'killed'], [war, 'killed'], [siege, 'displaced'], [siege, 'killed'], [other, 'airstrikes']] as const) {
      makeClaim(db, { sourceId: source.id, subjectId: subject!.id, metric });
    }
    expect(listMetricsOfSubjects(db, [war!.id, siege!.id])).toEqual(['displaced', 'killed', 'wounded']);
    expect(listMetricsOfSubjects(db, [other!.id])).toEqual(['airstrikes']);
    expect(listMetricsOfSubjects(db, [999])).toEqual([]);
    expect(listMetricsOfSubjects(db, [])).toEqual([]);
  });

  it('seeks each next metric in the (subject, metric) index instead of reading all the subject\'s claims', () => {
    const db = createTestDb();
    const [plan] = plansOf(db, () => listMetricsOfSubjects(db, [1, 2]));
    expect(plan).toMatch(/SEARCH c USING COVERING INDEX claims_subject_metric \(subject_id=\? AND metric>\?\)/);
  });
});
