// Conflicts between claims: found by the rules in src/domain (automatic) or flagged by a reviewer (manual).
//
// One conflict per disagreement, not one per pair of claims: the rules (src/domain/crosscheck.ts) say which pairs
// of claims disagree; an automatic conflict gathers every such pair of one fact between the same two *values* (a
// value = a claim's figure and time scope, claims.value_key). Its claims are the claims backing either value that
// disagree with a claim of the other, each marked with its value group. 600 articles repeating one disagreement
// make one conflict; the count grows with the facts and their competing values, not with the pairs of claims.
//
// Recomputation (conflict-sync.ts) keeps reviewer decisions:
// - a conflict found again (same key = fact + its two values) keeps its status, resolution note and preferred
//   claim; its claims, severity and explanation are refreshed;
// - an automatic conflict that no longer fires is deleted while still open (nobody looked at it), but kept and
//   marked stale when a reviewer explained or resolved it, so the decision and its reason survive and come back
//   if the rule fires again; lists hide stale conflicts unless asked;
// - manual conflicts are never touched by recomputation.
import { type ConflictStatus, type RankReason } from '../domain/types.js';
import { NotFoundError, StaleEditError } from '../domain/errors.js';
import { checkedConflictClaims, checkRankReason, conflictRefusals } from '../domain/conflict-checks.js';
import { normaliseMetric } from '../domain/crosscheck.js';
import type { Db } from './database.js';
import { nowIso, pageBounds, type Page, type PageRequest, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';
import { getClaim, getClaimViews } from './claims.js';
import { type ClaimView, type ConflictRow, type ConflictSummary, DERIVED_COLUMNS, SELECT_CONFLICT, type StoredConflict, toConflict } from './rows.js';

/** What a conflict rule reports; `key` defaults to conflictKey(rule, claimIds). */
export interface ConflictInput {
  key?: string;
  rule: string;
  severity: number;
  explanation: string;
  subjectId: number | null;
  metric: string;
  claimIds: number[];
}

/** A fact: the claims about one subject and metric (compared after normaliseMetric). */
export interface FactKey {
  subjectId: number | null;
  metric: string;
}

export interface ConflictFilter extends PageRequest {
  subjectId?: number;
  metric?: string;
  status?: ConflictStatus;
  manual?: boolean;
  /** Include automatic conflicts whose rule no longer fires (default false). */
  includeStale?: boolean;
}

/**
 * The key of an automatic conflict: its fact and its two competing values in text order
 * ("v:12|killed|count:1200.0:1200.0::~count:3400.0:3400.0::"). Migration 010 builds the same text in SQL.
 */
export function valueConflictKey(subjectId: number | null, metric: string, valueA: string, valueB: string): string {
  const [low, high] = valueA <= valueB ? [valueA, valueB] : [valueB, valueA];
  return `v:${subjectId ?? '-'}|${normaliseMetric(metric)}|${low}~${high}`;
}

/**
 * Where a conflict ranks: its severity (how far apart the values are, 0–1) times how well its weaker side is
 * sourced, 1 − ½ⁿ for n independent origins (one: ½, two: ¾, three: ⅞), so a wide gap between well-sourced
 * values comes before a wide gap against one lone report.
 */
export function rankScore(severity: number, weakerSideOrigins: number): number {
  return Math.round(severity * (1 - 0.5 ** Math.max(1, weakerSideOrigins)) * 1000) / 1000;
}

/** The stable key of a manual conflict: its rule and its claim ids in ascending order ("manual:3,17"). */
export function conflictKey(rule: string, claimIds: number[]): string {
  return `${rule}:${[...new Set(claimIds)].sort((a, b) => a - b).join(',')}`;
}

/** The conflict with this id; NotFoundError when there is none. */
export function getConflict(db: Db, id: number): StoredConflict {
  const row = db.prepare(`${SELECT_CONFLICT} WHERE k.id = ?`).get(id) as ConflictRow | undefined;
  if (!row) throw new NotFoundError(`Conflict ${id}`);
  return toConflict(row);
}

/** The conflict with its claims as display views (speaker, subject, source), claims in id order. */
export function getConflictWithClaims(db: Db, id: number): { conflict: StoredConflict; claims: ClaimView[] } {
  const conflict = getConflict(db, id);
  return { conflict, claims: getClaimViews(db, conflict.claimIds) };
}

/** The conflict with this key, or null. */
export function findConflictByKey(db: Db, key: string): StoredConflict | null {
  const row = db.prepare(`${SELECT_CONFLICT} WHERE k.key = ?`).get(key) as ConflictRow | undefined;
  return row ? toConflict(row) : null;
}

/** A page of conflicts: open ones first, then by rank score and severity (highest first); stale ones only when asked. */
export function listConflicts(db: Db, filter: ConflictFilter = {}): Page<ConflictSummary> {
  const { limit, offset } = pageBounds(filter);
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.subjectId !== undefined) {
    clauses.push('k.subject_id = ?');
    params.push(filter.subjectId);
  }
  if (filter.metric) {
    clauses.push('k.metric = ?');
    params.push(normaliseMetric(filter.metric));
  }
  if (filter.status) {
    clauses.push('k.status = ?');
    params.push(filter.status);
  }
  if (filter.manual !== undefined) {
    clauses.push('k.manual = ?');
    params.push(filter.manual ? 1 : 0);
  }
  if (!filter.includeStale) clauses.push('k.stale = 0');
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM conflicts k ${where}`).get(...params) as { n: number }).n;
  // The page is chosen first and the per-conflict subqueries run for its rows only: SQLite computes every result
  // column before sorting, so with them in the sorted query it ran them for all (tens of thousands of) matches.
  const rows = db
    .prepare(
      `SELECT k.*, e.name AS subject_name, ${DERIVED_COLUMNS}
       FROM (SELECT k.id, CASE k.status WHEN 'open' THEN 0 ELSE 1 END AS open_last FROM conflicts k ${where}
             ORDER BY open_last, k.score DESC, k.severity DESC, k.id LIMIT ? OFFSET ?) AS page
       JOIN conflicts k ON k.id = page.id
       LEFT JOIN entities e ON e.id = k.subject_id
       ORDER BY page.open_last, k.score DESC, k.severity DESC, k.id`,
    )
    .all(...params, limit, offset) as (ConflictRow & { subject_name: string | null })[];
  return { items: rows.map((row) => ({ ...toConflict(row), subjectName: row.subject_name })), total, limit, offset };
}

/** Conflicts (not stale) that include this claim, open first. */
export function listConflictsOfClaim(db: Db, claimId: number): StoredConflict[] {
  const rows = db
    .prepare(
      `${SELECT_CONFLICT} WHERE k.stale = 0 AND k.id IN (SELECT conflict_id FROM conflict_claims WHERE claim_id = ?)
       ORDER BY CASE k.status WHEN 'open' THEN 0 ELSE 1 END, k.severity DESC, k.id`,
    )
    .all(claimId) as ConflictRow[];
  return rows.map(toConflict);
}

/**
 * Conflicts that include any of the given claims, stale ones too (their decisions still explain a settled figure),
 * open first then by severity; one query.
 */
export function listConflictsOfClaims(db: Db, claimIds: number[]): StoredConflict[] {
  const rows = db
    .prepare(
      `${SELECT_CONFLICT} WHERE k.id IN (SELECT conflict_id FROM conflict_claims WHERE claim_id IN (SELECT value FROM json_each(?)))
       ORDER BY CASE k.status WHEN 'open' THEN 0 ELSE 1 END, k.severity DESC, k.id`,
    )
    .all(JSON.stringify(claimIds)) as ConflictRow[];
  return rows.map(toConflict);
}

/** How many conflicts (not stale) are in each status (from the trigger-kept conflict_status_counts). */
export function countConflictsByStatus(db: Db): Record<ConflictStatus, number> {
  const rows = db.prepare('SELECT status, n FROM conflict_status_counts').all() as { status: ConflictStatus; n: number }[];
  const counts: Record<ConflictStatus, number> = { open: 0, explained: 0, resolved: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

function insertConflict(db: Db, input: ConflictInput & { key: string; manual: boolean }, at: string): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO conflicts (key, rule, severity, explanation, subject_id, metric, manual, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.key, input.rule, input.severity, input.explanation, input.subjectId, normaliseMetric(input.metric), input.manual ? 1 : 0, at, at);
  const id = Number(lastInsertRowid);
  const link = db.prepare('INSERT INTO conflict_claims (conflict_id, claim_id, value_key) SELECT ?, id, value_key FROM claims WHERE id = ?');
  for (const claimId of input.claimIds) link.run(id, claimId);
  return id;
}

export interface SyncResult {
  created: number;
  updated: number;
  deleted: number;
  staled: number;
}

/**
 * Records a reviewer's flag that these claims conflict, with a note; subject and metric default to the first
 * claim's. Flagging the same claims again returns the existing conflict. Audited ('flag').
 */
export function flagConflict(
  db: Db,
  input: { claimIds: number[]; note: string; subjectId?: number | null; metric?: string },
  ctx: WriteContext,
): StoredConflict {
  return db.transaction(() => {
    const claimIds = checkedConflictClaims(input.claimIds);
    const first = getClaim(db, claimIds[0] as number);
    for (const id of claimIds.slice(1)) getClaim(db, id);
    const key = conflictKey('manual', claimIds);
    const existing = findConflictByKey(db, key);
    if (existing) return existing;
    const note = input.note.trim();
    if (note === '') throw conflictRefusals.flagNoteMissing();
    const id = insertConflict(
      db,
      {
        key,
        rule: 'manual',
        severity: 0,
        explanation: note,
        subjectId: input.subjectId === undefined ? first.subjectId : input.subjectId,
        metric: input.metric ?? first.metric,
        claimIds,
        manual: true,
      },
      nowIso(ctx),
    );
    const conflict = getConflict(db, id);
    recordAudit(db, { action: 'flag', entity: 'conflict', entityId: id, after: conflict, reason: note }, ctx);
    return conflict;
  })();
}

/** Removes a conflict a reviewer flagged by hand (automatic ones come and go with the rules). Audited. */
export function unflagConflict(db: Db, id: number, version: number, ctx: WriteContext): void {
  db.transaction(() => {
    const before = lockedConflict(db, id, version);
    if (!before.manual) throw conflictRefusals.notFlaggedByHand();
    db.prepare('DELETE FROM conflicts WHERE id = ?').run(id);
    recordAudit(db, { action: 'delete', entity: 'conflict', entityId: id, before }, ctx);
  })();
}

function lockedConflict(db: Db, id: number, version: number): StoredConflict {
  const conflict = getConflict(db, id);
  if (conflict.version !== version) throw new StaleEditError(`Conflict ${id}`);
  return conflict;
}

function setDecision(db: Db, id: number, status: ConflictStatus, note: string | null, preferred: number | null, at: string): void {
  db.prepare(
    `UPDATE conflicts SET status = ?, resolution_note = ?, preferred_claim_id = ?, version = version + 1, updated_at = ? WHERE id = ?`,
  ).run(status, note, preferred, at, id);
}

/** Marks a conflict explained (different scope or definition) with the reviewer's note; audited. */
export function explainConflict(db: Db, id: number, version: number, note: string, ctx: WriteContext): StoredConflict {
  return db.transaction(() => {
    const before = lockedConflict(db, id, version);
    if (note.trim() === '') throw conflictRefusals.explainNoteMissing();
    setDecision(db, id, 'explained', note.trim(), null, nowIso(ctx));
    const after = getConflict(db, id);
    recordAudit(db, { action: 'resolve', entity: 'conflict', entityId: id, before, after, reason: note.trim() }, ctx);
    return after;
  })();
}

/**
 * Resolves a conflict with one of its claims preferred: the claims backing that claim's value become 'preferred',
 * the claims of the other values 'deprecated' with `reason`. The conflict and each changed claim are audited.
 */
export function resolveConflict(
  db: Db,
  id: number,
  version: number,
  decision: { preferredClaimId: number; reason: RankReason; note: string },
  ctx: WriteContext,
): StoredConflict {
  return db.transaction(() => {
    const before = lockedConflict(db, id, version);
    if (!before.claimIds.includes(decision.preferredClaimId)) throw conflictRefusals.preferredNotInConflict();
    checkRankReason(decision.reason);
    const at = nowIso(ctx);
    const note = decision.note.trim() || null;
    // The preferred claim's value wins: every claim backing it is preferred, the claims of the other values deprecated.
    const winners = new Set(before.valueGroups.find((g) => g.claimIds.includes(decision.preferredClaimId))?.claimIds ?? [decision.preferredClaimId]);
    for (const claimId of before.claimIds) {
      const preferred = winners.has(claimId);
      setRank(db, claimId, preferred ? 'preferred' : 'deprecated', preferred ? null : decision.reason, at, ctx, note);
    }
    setDecision(db, id, 'resolved', note, decision.preferredClaimId, at);
    const after = getConflict(db, id);
    recordAudit(db, { action: 'resolve', entity: 'conflict', entityId: id, before, after, reason: note ?? decision.reason }, ctx);
    return after;
  })();
}

/**
 * Deprecates one claim (`version` is the claim's, as the reviewer saw it) and settles every disagreement it
 * caused: each open, current conflict in which it was the last claim of its value not deprecated is resolved,
 * preferring the other value, with a note naming the claim. One transaction; the claim and each conflict audited.
 * Returns the conflicts it settled.
 */
export function deprecateClaim(
  db: Db,
  input: { claimId: number; version: number; reason: RankReason; note: string },
  ctx: WriteContext,
): StoredConflict[] {
  return db.transaction(() => {
    const claim = getClaim(db, input.claimId);
    if (claim.version !== input.version) throw new StaleEditError(`Claim ${input.claimId}`);
    checkRankReason(input.reason);
    const at = nowIso(ctx);
    const note = input.note.trim() || null;
    setRank(db, claim.id, 'deprecated', input.reason, at, ctx, note ?? input.reason);
    const settled: StoredConflict[] = [];
    for (const before of listConflictsOfClaim(db, claim.id)) {
      if (before.status !== 'open' || before.manual) continue;
      const mine = before.valueGroups.find((g) => g.claimIds.includes(claim.id));
      const standing = (ids: number[]) => ids.filter((id) => getClaim(db, id).rank !== 'deprecated');
      if (!mine || standing(mine.claimIds).length > 0) continue;
      const preferred = before.valueGroups.filter((g) => g !== mine).flatMap((g) => standing(g.claimIds))[0] ?? null;
      const why = `Claim #${claim.id} (“${claim.valueText}”) deprecated: ${input.reason}${note ? ` — ${note.replace(/[.\s]+$/, '')}` : ''}.`;
      setDecision(db, before.id, 'resolved', why, preferred, at);
      const after = getConflict(db, before.id);
      recordAudit(db, { action: 'resolve', entity: 'conflict', entityId: before.id, before, after, reason: why }, ctx);
      settled.push(after);
    }
    return settled;
  })();
}

/**
 * Reopens an explained or resolved conflict: its claims go back to rank 'normal', except those another resolved
 * (not stale) conflict still ranks, whose decision stands. The conflict and each changed claim are audited.
 */
export function reopenConflict(db: Db, id: number, version: number, ctx: WriteContext): StoredConflict {
  return db.transaction(() => {
    const before = lockedConflict(db, id, version);
    const at = nowIso(ctx);
    if (before.status === 'resolved') {
      const held = claimsRankedElsewhere(db, id);
      for (const claimId of before.claimIds) {
        if (!held.has(claimId)) setRank(db, claimId, 'normal', null, at, ctx, ctx.reason ?? 'Conflict reopened.');
      }
    }
    setDecision(db, id, 'open', null, null, at);
    const after = getConflict(db, id);
    recordAudit(db, { action: 'reopen', entity: 'conflict', entityId: id, before, after }, ctx);
    return after;
  })();
}

/** Ids of this conflict's claims that another resolved, current (not stale) conflict also includes. */
function claimsRankedElsewhere(db: Db, conflictId: number): Set<number> {
  const rows = db
    .prepare(
      `SELECT DISTINCT other.claim_id FROM conflict_claims mine
       JOIN conflict_claims other ON other.claim_id = mine.claim_id AND other.conflict_id <> mine.conflict_id
       JOIN conflicts k ON k.id = other.conflict_id AND k.status = 'resolved' AND k.stale = 0
       WHERE mine.conflict_id = ?`,
    )
    .all(conflictId) as { claim_id: number }[];
  return new Set(rows.map((r) => r.claim_id));
}

function setRank(db: Db, claimId: number, rank: string, reason: string | null, at: string, ctx: WriteContext, why: string | null): void {
  const before = getClaim(db, claimId);
  if (before.rank === rank && before.rankReason === reason) return;
  db.prepare('UPDATE claims SET rank = ?, rank_reason = ?, version = version + 1, updated_at = ? WHERE id = ?').run(rank, reason, at, claimId);
  recordAudit(db, { action: 'update', entity: 'claim', entityId: claimId, before, after: getClaim(db, claimId), reason: why }, ctx);
}
