// Storing what the conflict rules found. The rules report pairs of claims (ComputedConflict); here each pair
// finds its conflict by its fact and its two values (valueConflictKey), so every pair between the same two
// values of a fact lands in one conflict, whose claims are the claims of those pairs, each in its value group.
//
// Two ways in:
// - incremental (syncConflictsOfClaims): the pairs of the changed claims are added; a conflict a changed claim
//   belonged to and was not found in again is *rechecked* — the caller (src/app/recompute.ts) passes every pair the
//   rules find among that conflict's claims now, and the conflict keeps exactly those claims;
// - whole facts (syncConflicts): every automatic conflict of the facts is rechecked.
// A rechecked conflict with no pair left retires (conflict-pruning.ts): deleted while open, stale when decided,
// its claims kept so the decision still shows what it was about.
import { type ComputedConflict, independenceKey, normaliseMetric } from '../domain/crosscheck.js';
import { CROWDED_RULE, crowdedExplanation, crowdedFactKey } from '../domain/crowded-fact.js';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { NotFoundError } from '../domain/errors.js';
import { recordAudit } from './audit.js';
import { retireConflictsNotFound } from './conflict-pruning.js';
import { prepared } from './crosscheck-queries.js';
import { rankScore, valueConflictKey, type ConflictInput, type FactKey, type SyncResult } from './conflicts.js';
import { SELECT_CONFLICT, toConflict, type ConflictRow, type StoredConflict } from './rows.js';

/** A pair the rules report, as syncConflicts takes it (ConflictInput of two claims; its `key` is not read). */
export type PairInput = ConflictInput;

/** Each claim's value key (claims.value_key), for the given ids; one query. */
export function valueKeysOf(db: Db, ids: Iterable<number>): Map<number, string> {
  const rows = prepared(db, 'SELECT id, value_key FROM claims WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...new Set(ids)])) as {
    id: number;
    value_key: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.value_key]));
}

/**
 * The value each claim of a pair backs. Claims of one value never disagree by the rules; a pair a tool or a test
 * reports between equal values is kept apart by claim id, so it still has two sides.
 */
function pairValues(pair: PairInput, valueKeys: ReadonlyMap<number, string>): [string, string] {
  const [a, b] = pair.claimIds.map((id) => {
    const key = valueKeys.get(id);
    if (key === undefined) throw new NotFoundError(`Claim ${id}`);
    return key;
  }) as [string, string];
  return a === b ? [`${a}#${pair.claimIds[0]}`, `${b}#${pair.claimIds[1]}`] : [a, b];
}

/** The key of the conflict a pair (or a crowded fact's finding: domain/crowded-fact.ts) belongs to. */
function keyOf(pair: PairInput, valueKeys: ReadonlyMap<number, string>): string {
  return pair.rule === CROWDED_RULE ? crowdedFactKey(pair.subjectId, pair.metric) : valueConflictKey(pair.subjectId, pair.metric, ...pairValues(pair, valueKeys));
}

/** The key of the conflict each pair belongs to, in the order given; one query. */
export function conflictKeysOfPairs(db: Db, pairs: readonly PairInput[]): string[] {
  const valueKeys = valueKeysOf(db, pairs.flatMap((p) => p.claimIds));
  return pairs.map((pair) => keyOf(pair, valueKeys));
}

interface Found {
  best: PairInput;
  /** claim id → value key */
  members: Map<number, string>;
}

/** The pairs grouped by conflict key: the most severe pair (lowest claim ids among equals) and every claim. */
function groupPairs(db: Db, pairs: readonly PairInput[]): Map<string, Found> {
  const valueKeys = valueKeysOf(db, pairs.flatMap((p) => p.claimIds));
  const byKey = new Map<string, Found>();
  for (const pair of pairs) {
    // a crowded fact's claims each back their own value
    const values = pair.rule === CROWDED_RULE ? pair.claimIds.map((id) => valueKeys.get(id) ?? '') : pairValues(pair, valueKeys);
    const key = keyOf(pair, valueKeys);
    const slot = byKey.get(key) ?? { best: pair, members: new Map<number, string>() };
    if (pair.severity > slot.best.severity || (pair.severity === slot.best.severity && String(pair.claimIds) < String(slot.best.claimIds))) slot.best = pair;
    pair.claimIds.forEach((id, i) => slot.members.set(id, values[i]!));
    byKey.set(key, slot);
  }
  return byKey;
}

/**
 * Stores the pairs found (see the top of this file): conflicts created, claims added, severity and explanation
 * taken from the most severe pair; the conflicts in `recheck` keep exactly the claims of the pairs found for them
 * or retire. Audited: one event per created, changed or retired conflict. Call inside a transaction.
 */
export function applyFound(db: Db, pairs: readonly PairInput[], recheck: Iterable<number>, ctx: WriteContext): SyncResult {
  const result: SyncResult = { created: 0, updated: 0, deleted: 0, staled: 0 };
  const found = groupPairs(db, pairs);
  const rechecked = new Set(recheck);
  const touched = new Set<number>();
  const known = new Map(
    (prepared(db, `${SELECT_CONFLICT} WHERE k.key IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...found.keys()])) as ConflictRow[]).map(
      (row) => [row.key, toConflict(row)],
    ),
  );
  for (const [key, slot] of found) {
    const existing = known.get(key);
    if (existing?.manual) continue;
    const id = existing ? existing.id : createConflict(db, key, slot, ctx);
    if (!existing) result.created += 1;
    else if (updateConflict(db, existing, slot, rechecked.has(existing.id), ctx)) result.updated += 1;
    touched.add(id);
    rechecked.delete(id);
  }
  // Rechecked conflicts that no pair was found for: their rule no longer fires.
  const gone = (prepared(db, `${SELECT_CONFLICT} WHERE k.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify([...rechecked])) as ConflictRow[]).map(toConflict);
  const retired = retireConflictsNotFound(db, gone, new Set(), ctx);
  result.deleted += retired.deleted;
  result.staled += retired.staled;
  refreshCrowdedExplanations(db, [...touched]);
  updateScores(db, [...touched]);
  return result;
}

/**
 * A crowded fact's conflict says how many sources give how many values among all its claims, which grow with each
 * import that finds the fact crowded again: counted here after its claims are written (one query, one update each).
 */
function refreshCrowdedExplanations(db: Db, conflictIds: readonly number[]): void {
  const rows = prepared(
    db,
    `SELECT k.id, k.metric, e.name, count(DISTINCT c.source_id) AS sources, count(DISTINCT cc.value_key) AS vals
     FROM conflicts k JOIN conflict_claims cc ON cc.conflict_id = k.id JOIN claims c ON c.id = cc.claim_id LEFT JOIN entities e ON e.id = k.subject_id
     WHERE k.id IN (SELECT value FROM json_each(?)) AND k.rule = ? GROUP BY k.id`,
  ).all(JSON.stringify(conflictIds), CROWDED_RULE) as { id: number; metric: string; name: string | null; sources: number; vals: number }[];
  const update = prepared(db, 'UPDATE conflicts SET explanation = ? WHERE id = ?');
  for (const row of rows) update.run(crowdedExplanation(row.name, row.metric, row.sources, row.vals), row.id);
}

function createConflict(db: Db, key: string, slot: Found, ctx: WriteContext): number {
  const at = nowIso(ctx);
  const { best } = slot;
  const id = Number(
    prepared(
      db,
      `INSERT INTO conflicts (key, rule, severity, explanation, subject_id, metric, manual, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    ).run(key, best.rule, best.severity, best.explanation, best.subjectId, normaliseMetric(best.metric), at, at).lastInsertRowid,
  );
  const link = prepared(db, 'INSERT INTO conflict_claims (conflict_id, claim_id, value_key) VALUES (?, ?, ?)');
  for (const [claimId, valueKey] of slot.members) link.run(id, claimId, valueKey);
  // What was written, rather than read back: an undercount against years of running totals can raise hundreds.
  const after = { id, key, rule: best.rule, severity: best.severity, explanation: best.explanation, status: 'open', subjectId: best.subjectId, metric: normaliseMetric(best.metric), claimIds: [...slot.members.keys()], manual: false, stale: false };
  recordAudit(db, { action: 'create', entity: 'conflict', entityId: id, after }, ctx);
  return id;
}

/**
 * Adds the found claims to a known conflict (and, when rechecked, removes the claims no pair names any more);
 * takes the most severe pair's rule, severity and explanation when it is more severe (or, rechecked, whenever
 * it differs); a stale conflict is current again. True when anything changed; audited with what changed.
 */
function updateConflict(db: Db, existing: StoredConflict, slot: Found, recheck: boolean, ctx: WriteContext): boolean {
  const at = nowIso(ctx);
  const { best } = slot;
  const had = new Set(existing.claimIds);
  const added = [...slot.members.keys()].filter((id) => !had.has(id));
  const removed = recheck ? existing.claimIds.filter((id) => !slot.members.has(id)) : [];
  const text = recheck || best.severity > existing.severity
    ? { rule: best.rule, severity: best.severity, explanation: best.explanation }
    : { rule: existing.rule, severity: existing.severity, explanation: existing.explanation };
  const textChanged = text.rule !== existing.rule || text.severity !== existing.severity || text.explanation !== existing.explanation;
  if (!added.length && !removed.length && !textChanged && !existing.stale) return false;
  const link = prepared(db, 'INSERT OR IGNORE INTO conflict_claims (conflict_id, claim_id, value_key) VALUES (?, ?, ?)');
  for (const id of added) link.run(existing.id, id, slot.members.get(id));
  const unlink = prepared(db, 'DELETE FROM conflict_claims WHERE conflict_id = ? AND claim_id = ?');
  for (const id of removed) unlink.run(existing.id, id);
  prepared(db, 'UPDATE conflicts SET rule = ?, severity = ?, explanation = ?, stale = 0, updated_at = ? WHERE id = ?').run(
    text.rule, text.severity, text.explanation, at, existing.id,
  );
  // Claims are listed by id rather than the whole conflict twice: a conflict can hold hundreds of claims.
  recordAudit(
    db,
    {
      action: 'update',
      entity: 'conflict',
      entityId: existing.id,
      before: { severity: existing.severity, explanation: existing.explanation, stale: existing.stale },
      after: { severity: text.severity, explanation: text.explanation, stale: false, addedClaimIds: added, removedClaimIds: removed },
    },
    ctx,
  );
  return true;
}

/**
 * Sets the rank score of each given conflict from its severity and its weaker value's independent origins (a
 * speaker, else the relaying outlet, else the publisher: independenceKey, so one ministry figure carried by three
 * outlets is one). One query for all of them.
 */
export function updateScores(db: Db, conflictIds: readonly number[]): void {
  if (conflictIds.length === 0) return;
  const rows = prepared(
    db,
    `SELECT k.id, k.severity, cc.value_key, c.speaker_id, c.relay, s.publisher
     FROM conflicts k JOIN conflict_claims cc ON cc.conflict_id = k.id JOIN claims c ON c.id = cc.claim_id JOIN sources s ON s.id = c.source_id
     WHERE k.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(conflictIds)) as { id: number; severity: number; value_key: string; speaker_id: number | null; relay: string | null; publisher: string }[];
  const byConflict = new Map<number, { severity: number; origins: Map<string, Set<string>> }>();
  for (const row of rows) {
    const entry = byConflict.get(row.id) ?? { severity: row.severity, origins: new Map<string, Set<string>>() };
    const origin = independenceKey({ speakerId: row.speaker_id, relay: row.relay, sourcePublisher: row.publisher } as Parameters<typeof independenceKey>[0]);
    entry.origins.set(row.value_key, (entry.origins.get(row.value_key) ?? new Set<string>()).add(origin));
    byConflict.set(row.id, entry);
  }
  const update = prepared(db, 'UPDATE conflicts SET score = ? WHERE id = ?');
  for (const [id, { severity, origins }] of byConflict) update.run(rankScore(severity, Math.min(...[...origins.values()].map((o) => o.size))), id);
}

/** Stores pairs the rules found again (explanations refreshed), removing nothing; audited. */
export function refreshConflicts(db: Db, found: readonly ComputedConflict[], ctx: WriteContext): SyncResult {
  return db.transaction(() => applyFound(db, found, [], ctx))();
}

/**
 * Replaces the automatic conflicts of the given facts with what the rules found now among all their claims, in
 * one transaction, keeping reviewer decisions (see the top of conflicts.ts). Each change is audited.
 */
export function syncConflicts(db: Db, facts: FactKey[], found: readonly PairInput[], ctx: WriteContext): SyncResult {
  return db.transaction(() => {
    const ids = new Set<number>();
    const inFact = prepared(db, 'SELECT id FROM conflicts WHERE manual = 0 AND subject_id IS ? AND metric = ?');
    for (const fact of facts) for (const row of inFact.all(fact.subjectId, normaliseMetric(fact.metric)) as { id: number }[]) ids.add(row.id);
    return applyFound(db, found, ids, ctx);
  })();
}

/**
 * The current automatic conflicts that hold any of these claims, with the ids of those claims in each
 * (one query): what an incremental recomputation may have to recheck.
 */
export function conflictsHoldingClaims(db: Db, claimIds: Iterable<number>): { conflictId: number; key: string; claimIds: number[]; memberIds: number[] }[] {
  const rows = prepared(
    db,
    `SELECT k.id, k.key, group_concat(cc.claim_id) AS held,
       (SELECT group_concat(x.claim_id) FROM conflict_claims x WHERE x.conflict_id = k.id) AS members
     FROM conflict_claims cc JOIN conflicts k ON k.id = cc.conflict_id
     WHERE cc.claim_id IN (SELECT value FROM json_each(?)) AND k.manual = 0 AND k.stale = 0
     GROUP BY k.id`,
  ).all(JSON.stringify([...new Set(claimIds)])) as { id: number; key: string; held: string; members: string }[];
  return rows.map((r) => ({ conflictId: r.id, key: r.key, claimIds: r.held.split(',').map(Number), memberIds: r.members.split(',').map(Number) }));
}

/**
 * Syncs the conflicts of the changed claims: the pairs found for them are stored, and the current automatic
 * conflicts a changed claim belongs to are rechecked — `found` must hold every pair the rules find among their
 * claims now (recompute.ts does), and each keeps exactly the claims of its pairs or retires. Conflicts the changed
 * claims do not belong to only gain claims. One transaction, each change audited.
 */
export function syncConflictsOfClaims(db: Db, changedIds: Iterable<number>, found: readonly PairInput[], ctx: WriteContext): SyncResult {
  return db.transaction(() => applyFound(db, found, conflictsHoldingClaims(db, changedIds).map((k) => k.conflictId), ctx))();
}

/** Rechecks the given conflicts against `found` (every pair the rules find among their claims); see applyFound. */
export function recheckConflicts(db: Db, conflictIds: Iterable<number>, found: readonly PairInput[], ctx: WriteContext): SyncResult {
  return db.transaction(() => applyFound(db, found, conflictIds, ctx))();
}
