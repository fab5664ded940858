import { conflictLabel, findConflictLabelled } from './helpers/factories.js';
// Recomputing stored conflicts: incremental after changes (only conflicts involving changed claims move),
// full for whole facts, reviewer decisions kept, and the incremental result equal to a full recomputation.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../src/domain/crosscheck.js';
import { recomputeAllConflicts, recomputeConflicts, recomputeFacts, refreshExplanationsNaming } from '../src/app/recompute.js';
import { findConflictByKey, listConflicts, deprecateClaim, resolveConflict } from '../src/store/conflicts.js';
import { getClaim } from '../src/store/claims.js';
import { renameEntity } from '../src/store/entities.js';
import { mergeEntities } from '../src/store/entity-removal.js';
import { setClaimStatus, updateClaim, type NewClaim } from '../src/store/claim-changes.js';
import type { Db } from '../src/store/database.js';
import type { Claim, RankReason } from '../src/domain/types.js';
import { StaleEditError, ValidationError } from '../src/domain/errors.js';
import { createTestDb, makeClaim, makeEntity, makeManualConflict, makeSource, TEST_CTX } from './helpers/index.js';

const S = DEFAULT_SETTINGS;

/** An article of its own with one sentence; the claim quotes all of it. */
function claimIn(db: Db, sentence: string, publishedAt: string, fields: Partial<NewClaim>): Claim {
  const source = makeSource(db, { body: sentence, publishedAt, publisher: `Outlet of ${publishedAt}` });
  return makeClaim(db, { sourceId: source.id, quote: sentence, quoteStart: 0, quoteEnd: sentence.length, asOf: null, ...fields });
}

function startClaim(db: Db, subjectId: number, year: string, low: string, high: string, publishedAt: string): Claim {
  return claimIn(db, `The war began in ${year}, the paper wrote.`, publishedAt, {
    kind: 'date', metric: 'start date', subjectId, valueText: year, figure: { unit: 'date', low, high }, qualifier: 'exact',
  });
}

function killedClaim(db: Db, subjectId: number, n: number, publishedAt: string): Claim {
  return claimIn(db, `Officials counted ${n} dead in the town this week.`, publishedAt, {
    kind: 'casualties', metric: 'killed', subjectId, valueText: String(n), figure: { unit: 'count', low: n, high: n }, qualifier: 'exact',
  });
}

/** "Began in 2015" against two articles that say March 2011, stored in a fresh database (not yet recomputed). */
function wrongStart(): { db: Db; war: { id: number }; wrong: Claim; b: Claim; c: Claim } {
  const db = createTestDb();
  const war = makeEntity(db, { name: 'Valdorian war', type: 'event' });
  const wrong = startClaim(db, war.id, '2015', '2015-01-01', '2015-12-31', '2019-03-19');
  const b = startClaim(db, war.id, 'March 2011', '2011-03-01', '2011-03-31', '2020-03-15');
  const c = startClaim(db, war.id, 'March 2011', '2011-03-01', '2011-03-31', '2021-03-15');
  return { db, war, wrong, b, c };
}

function openKeys(db: Db): string[] {
  return listConflicts(db, { limit: 500 }).items.map((k) => conflictLabel(k)).sort();
}

describe('incremental recomputation', () => {
  it('finds the disagreement a new claim raises and keeps conflicts between unchanged claims', () => {
    const db = createTestDb();
    const war = makeEntity(db, { name: 'Sample civil war', type: 'event' });
    const a = startClaim(db, war.id, '2015', '2015-01-01', '2015-12-31', '2019-03-19');
    const b = startClaim(db, war.id, 'March 2011', '2011-03-01', '2011-03-31', '2020-03-15');
    recomputeConflicts(db, [a, b], S, TEST_CTX);
    expect(openKeys(db)).toEqual([`event-date:${a.id},${b.id}`]);

    const c = startClaim(db, war.id, 'March 2011', '2011-03-01', '2011-03-31', '2021-03-15');
    const result = recomputeConflicts(db, [c], S, TEST_CTX);
    // c backs b's value, so it joins the conflict between "2015" and "March 2011" rather than making a new one.
    expect(result).toMatchObject({ created: 0, updated: 1, deleted: 0 });
    // a–b stays although only c was recomputed; c agrees with b and disagrees with a: one conflict, two values.
    expect(openKeys(db)).toEqual([`event-date:${a.id},${b.id},${c.id}`]);
    expect(listConflicts(db).items[0]!.valueGroups.map((g) => g.claimIds)).toEqual([[a.id], [b.id, c.id]]);

  });

  it('rejecting a claim takes it out of every conflict it was in: a value left without claims ends its conflict', () => {
    const { db, war, wrong, b, c } = wrongStart();
    const d = startClaim(db, war.id, '2009', '2009-01-01', '2009-12-31', '2020-05-01');
    recomputeConflicts(db, [wrong, b, c, d], S, TEST_CTX);
    // "2015" against "March 2011" (two claims), "2015" against "2009", "March 2011" against "2009".
    expect(openKeys(db)).toEqual([`event-date:${b.id},${c.id},${d.id}`, `event-date:${wrong.id},${b.id},${c.id}`, `event-date:${wrong.id},${d.id}`].sort());
    // Rejecting one "March 2011" keeps the other in its conflicts; rejecting "2015" ends both conflicts it was in.
    const rejected = setClaimStatus(db, [{ id: c.id, version: c.version }, { id: wrong.id, version: wrong.version }], 'rejected', TEST_CTX);
    recomputeConflicts(db, rejected, S, TEST_CTX);
    expect(openKeys(db)).toEqual([`event-date:${b.id},${d.id}`]);
  });

  it('deprecating a claim settles the conflicts it leaves without a standing claim for its value; a stale version or an unknown reason changes nothing', () => {
    const { db, wrong, b, c } = wrongStart();
    recomputeConflicts(db, [wrong, b, c], S, TEST_CTX);
    const conflict = listConflicts(db).items[0]!;
    expect(() => deprecateClaim(db, { claimId: b.id, version: b.version + 1, reason: 'error', note: '' }, TEST_CTX)).toThrow(StaleEditError);
    expect(() => deprecateClaim(db, { claimId: b.id, version: b.version, reason: 'typo' as RankReason, note: '' }, TEST_CTX)).toThrow(ValidationError);
    expect(getClaim(db, b.id).rank).toBe('normal');
    // One of two claims backing "March 2011": the disagreement stands.
    expect(deprecateClaim(db, { claimId: b.id, version: b.version, reason: 'error', note: '' }, TEST_CTX)).toEqual([]);
    expect(listConflicts(db).items[0]).toMatchObject({ id: conflict.id, status: 'open' });
    // The last one: settled, preferring "2015", with the reason in the note.
    const settled = deprecateClaim(db, { claimId: c.id, version: c.version, reason: 'superseded', note: 'Old count.' }, TEST_CTX);
    expect(settled).toMatchObject([{ id: conflict.id, status: 'resolved', preferredClaimId: wrong.id, resolutionNote: `Claim #${c.id} (“March 2011”) deprecated: superseded — Old count.` }]);
  });

  it('an entity merge joins the same disagreement on both entities into one conflict, keeping the decision', () => {
    const { db, war, wrong, b, c } = wrongStart();
    const duplicate = makeEntity(db, { name: 'War in Valdoria', type: 'event' });
    const wrong2 = startClaim(db, duplicate.id, '2015', '2015-01-01', '2015-12-31', '2019-04-02');
    const b2 = startClaim(db, duplicate.id, 'March 2011', '2011-03-01', '2011-03-31', '2020-04-01');
    recomputeConflicts(db, [wrong, b, wrong2, b2], S, TEST_CTX);
    const onDuplicate = listConflicts(db).items.find((k) => k.subjectId === duplicate.id)!;
    resolveConflict(db, onDuplicate.id, onDuplicate.version, { preferredClaimId: b2.id, reason: 'error', note: 'The war began in 2011.' }, TEST_CTX);
    mergeEntities(db, { id: duplicate.id, version: 1 }, { id: war.id, version: 1 }, TEST_CTX);
    recomputeConflicts(db, [wrong2, b2], S, TEST_CTX);
    const all = listConflicts(db, { includeStale: true }).items;
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ subjectId: war.id, status: 'resolved', preferredClaimId: b2.id, resolutionNote: 'The war began in 2011.', stale: false });
    expect(all[0]!.valueGroups.map((g) => g.claimIds)).toEqual([[wrong.id, wrong2.id], [b.id, c.id, b2.id]]);
  });

  it('drops a conflict when an edit to a figure means the rule no longer fires', () => {
    const db = createTestDb();
    const town = makeEntity(db, { name: 'Sample town' });
    const a = killedClaim(db, town.id, 100, '2019-03-01');
    const b = killedClaim(db, town.id, 300, '2019-03-05');
    recomputeConflicts(db, [a, b], S, TEST_CTX);
    expect(openKeys(db)).toEqual([`point-in-time:${a.id},${b.id}`]);

    const before = getClaim(db, b.id);
    const after = updateClaim(db, b.id, before.version, { valueText: '102', figure: { unit: 'count', low: 102, high: 102 } }, TEST_CTX);
    expect(recomputeConflicts(db, [before, after], S, TEST_CTX)).toMatchObject({ deleted: 1 });
    expect(openKeys(db)).toEqual([]);
  });

  it('keeps a reviewer decision across recomputation, and as stale when the rule stops firing', () => {
    const db = createTestDb();
    const war = makeEntity(db, { name: 'Sample civil war', type: 'event' });
    const a = startClaim(db, war.id, '2015', '2015-01-01', '2015-12-31', '2019-03-19');
    const b = startClaim(db, war.id, 'March 2011', '2011-03-01', '2011-03-31', '2020-03-15');
    recomputeConflicts(db, [a, b], S, TEST_CTX);
    const key = `event-date:${a.id},${b.id}`;
    const conflict = findConflictLabelled(db, key)!;
    resolveConflict(db, conflict.id, conflict.version, { preferredClaimId: b.id, reason: 'error', note: 'The war began in 2011.' }, TEST_CTX);

    // Recomputing (a claim joins the fact, and a full pass) leaves the decision as it was.
    const c = startClaim(db, war.id, '2011', '2011-01-01', '2011-12-31', '2021-01-10');
    recomputeConflicts(db, [c], S, TEST_CTX);
    recomputeAllConflicts(db, S, TEST_CTX);
    expect(findConflictLabelled(db, key)).toMatchObject({ status: 'resolved', preferredClaimId: b.id, resolutionNote: 'The war began in 2011.', stale: false });

    // The 2015 claim is corrected: the rule no longer fires, the decided conflict is kept as stale.
    const before = getClaim(db, a.id);
    const after = updateClaim(db, a.id, before.version, { valueText: '2011', figure: { unit: 'date', low: '2011-01-01', high: '2011-12-31' } }, TEST_CTX);
    recomputeConflicts(db, [before, after], S, TEST_CTX);
    expect(findConflictLabelled(db, key)).toMatchObject({ status: 'resolved', stale: true });
    expect(listConflicts(db).items.map(conflictLabel)).not.toContain(key);
  });

  it('never touches conflicts flagged by hand', () => {
    const db = createTestDb();
    const town = makeEntity(db, { name: 'Sample town' });
    const a = killedClaim(db, town.id, 100, '2019-03-01');
    const b = killedClaim(db, town.id, 104, '2019-03-05');
    const manual = makeManualConflict(db, [a.id, b.id], 'One counts soldiers only.');
    recomputeConflicts(db, [a, b], S, TEST_CTX);
    recomputeAllConflicts(db, S, TEST_CTX);
    expect(findConflictByKey(db, manual.key)).toMatchObject({ manual: true, status: 'open' });
  });

  it('moves a claim out of its old fact: its conflicts there go', () => {
    const db = createTestDb();
    const town = makeEntity(db, { name: 'Sample town' });
    const other = makeEntity(db, { name: 'Other town' });
    const a = killedClaim(db, town.id, 100, '2019-03-01');
    const b = killedClaim(db, town.id, 300, '2019-03-05');
    recomputeConflicts(db, [a, b], S, TEST_CTX);
    const before = getClaim(db, b.id);
    const after = updateClaim(db, b.id, before.version, { subjectId: other.id }, TEST_CTX);
    recomputeConflicts(db, [before, after], S, TEST_CTX);
    expect(openKeys(db)).toEqual([]);
  });

  it('ends where a full recomputation ends, adding claims one at a time (figures near and far in time)', () => {
    const incremental = createTestDb();
    const full = createTestDb();
    for (const db of [incremental, full]) {
      const town = makeEntity(db, { name: 'Sample town' });
      const war = makeEntity(db, { name: 'Sample civil war', type: 'event' });
      const made: Claim[] = [];
      const days = ['2019-03-01', '2019-03-20', '2019-05-02', '2019-03-10', '2020-01-01', '2019-04-01'];
      days.forEach((day, i) => made.push(killedClaim(db, town.id, [100, 300, 90, 101, 500, 140][i]!, day)));
      made.push(claimIn(db, 'Since the spring 1,000 were killed, the monitor said.', '2019-06-30', {
        metric: 'killed', subjectId: town.id, valueText: '1,000', figure: { unit: 'count', low: 1000, high: 1000 }, scopeFrom: '2019-03-01', scopeTo: null, qualifier: 'exact',
      }));
      made.push(claimIn(db, 'Since the spring 800 were killed, the monitor said.', '2019-09-30', {
        metric: 'killed', subjectId: town.id, valueText: '800', figure: { unit: 'count', low: 800, high: 800 }, scopeFrom: '2019-03-01', scopeTo: null, qualifier: 'exact',
      }));
      made.push(startClaim(db, war.id, '2015', '2015-01-01', '2015-12-31', '2019-03-19'));
      made.push(claimIn(db, 'It is an eight-year war by now.', '2019-03-19', {
        kind: 'duration', metric: 'duration', subjectId: war.id, valueText: 'eight-year', figure: { unit: 'year', low: 8, high: 8 }, qualifier: 'exact',
      }));
      if (db === incremental) for (const claim of made) recomputeConflicts(db, [claim], S, TEST_CTX);
      else recomputeAllConflicts(db, S, TEST_CTX);
    }
    expect(openKeys(incremental)).toEqual(openKeys(full));
    expect(openKeys(full).map((k) => k.split(':')[0])).toEqual(
      expect.arrayContaining(['point-in-time', 'cumulative-total', 'duration-vs-start']),
    );
  });
});

describe('after a rename', () => {
  it('rewrites the explanations that name the entity as speaker, and nothing else', () => {
    const db = createTestDb();
    const town = makeEntity(db, { name: 'Sample town' });
    const monitor = makeEntity(db, { name: 'Sample monitor' });
    const a = killedClaim(db, town.id, 100, '2019-03-01');
    const b = killedClaim(db, town.id, 300, '2019-03-05');
    const c = killedClaim(db, town.id, 90, '2019-03-06');
    const spoken = updateClaim(db, b.id, b.version, { speakerId: monitor.id }, TEST_CTX);
    recomputeConflicts(db, [a, spoken, c], S, TEST_CTX);
    const before = new Map(listConflicts(db).items.map((k) => [conflictLabel(k), k.explanation]));
    expect([...before.values()].filter((e) => e.includes('citing Sample monitor'))).toHaveLength(2);
    renameEntity(db, monitor.id, monitor.version, { name: 'Sample war monitor' }, TEST_CTX);
    expect(refreshExplanationsNaming(db, monitor.id, S, TEST_CTX)).toMatchObject({ updated: 2, created: 0, deleted: 0 });
    const after = listConflicts(db).items;
    expect(after.filter((k) => k.explanation.includes('citing Sample war monitor'))).toHaveLength(2);
    expect(after.map(conflictLabel).sort()).toEqual([...before.keys()].sort());
  });
});

describe('the date window', () => {
  it('compares figures reported within the window only', () => {
    const db = createTestDb();
    const town = makeEntity(db, { name: 'Sample town' });
    const early = killedClaim(db, town.id, 100, '2019-03-01');
    const late = killedClaim(db, town.id, 500, '2019-05-01');
    const near = killedClaim(db, town.id, 480, '2019-03-25');
    recomputeConflicts(db, [early, late, near], S, TEST_CTX);
    expect(openKeys(db)).toEqual([`point-in-time:${early.id},${near.id}`]);
  });
});

describe('full recomputation of facts', () => {
  it('recomputes the named facts as a whole and clears automatic conflicts left without a subject', () => {
    const db = createTestDb();
    const town = makeEntity(db, { name: 'Sample town' });
    const a = killedClaim(db, town.id, 100, '2019-03-01');
    const b = killedClaim(db, town.id, 300, '2019-03-05');
    expect(recomputeFacts(db, [{ subjectId: town.id, metric: 'Killed' }], S, TEST_CTX)).toMatchObject({ created: 1 });
    expect(openKeys(db)).toEqual([`point-in-time:${a.id},${b.id}`]);
  });
});
