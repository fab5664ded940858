// Queries for the cross-check beyond the basic repositories: lean claim loads for the conflict rules
// (incremental recomputation must stay within milliseconds with 100,000 claims), syncing the conflicts of
// changed claims only, and the read models of the conflict, fact and entity pages.
import type { ClaimInContext, ComputedConflict } from '../domain/crosscheck.js';
import { normaliseMetric } from '../domain/crosscheck.js';
import type { ConflictWindow } from '../domain/conflict-window.js';
import type { ClaimKind, ClaimStatus, Figure, NumericUnit, Qualifier } from '../domain/types.js';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';
import { getConflict, syncConflicts, toConflict, type ConflictRow, type SyncResult } from './conflicts.js';

/** The columns the conflict rules read; quotes, notes and bookkeeping stay in the database. */
interface RuleClaimRow {
  id: number;
  source_id: number;
  value_text: string;
  kind: string;
  metric: string;
  subject_id: number | null;
  value_low: number | string | null;
  value_high: number | string | null;
  value_unit: string;
  qualifier: string;
  scope_from: string | null;
  scope_to: string | null;
  as_of: string | null;
  speaker_id: number | null;
  relay: string | null;
  hedge: string | null;
  status: string;
  publisher: string;
  published_at: string;
  speaker_name: string | null;
  subject_name: string | null;
}

const RULE_COLUMNS = `c.id, c.source_id, c.value_text, c.kind, c.metric, c.subject_id, c.value_low, c.value_high, c.value_unit,
  c.qualifier, c.scope_from, c.scope_to, c.as_of, c.speaker_id, c.relay, c.hedge, c.status,
  s.publisher, s.published_at, sp.name AS speaker_name, su.name AS subject_name`;

const RULE_FROM = `FROM claims c JOIN sources s ON s.id = c.source_id
  LEFT JOIN entities sp ON sp.id = c.speaker_id LEFT JOIN entities su ON su.id = c.subject_id`;

/**
 * A claim as the rules see it. Only what they read is loaded: the quote, its offsets, the note and the
 * timestamps are left empty, so these objects are for the rules, never for display or for writing back.
 */
function toRuleClaim(row: RuleClaimRow): ClaimInContext {
  const figure: Figure =
    row.value_unit === 'date'
      ? { unit: 'date', low: row.value_low === null ? null : String(row.value_low), high: row.value_high === null ? null : String(row.value_high) }
      : { unit: row.value_unit as NumericUnit, low: row.value_low === null ? null : Number(row.value_low), high: row.value_high === null ? null : Number(row.value_high) };
  return {
    id: row.id,
    sourceId: row.source_id,
    quote: '',
    quoteStart: 0,
    quoteEnd: 0,
    valueText: row.value_text,
    kind: row.kind as ClaimKind,
    metric: row.metric,
    subjectId: row.subject_id,
    figure,
    qualifier: row.qualifier as Qualifier,
    scopeFrom: row.scope_from,
    scopeTo: row.scope_to,
    asOf: row.as_of,
    speakerId: row.speaker_id,
    attributionCue: null,
    relay: row.relay,
    hedge: row.hedge,
    status: row.status as ClaimStatus,
    rank: 'normal',
    rankReason: null,
    note: null,
    origin: 'extracted',
    version: 0,
    createdAt: '',
    updatedAt: '',
    sourcePublisher: row.publisher,
    sourcePublishedAt: row.published_at,
    subjectName: row.subject_name,
    speakerName: row.speaker_name,
  };
}

/** The given claims as the conflict rules see them (unknown ids left out), in id order; one query. */
export function listRuleClaims(db: Db, ids: Iterable<number>): ClaimInContext[] {
  const list = [...ids];
  if (list.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${RULE_COLUMNS} ${RULE_FROM} WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`)
    .all(JSON.stringify(list)) as RuleClaimRow[];
  return rows.map(toRuleClaim);
}

/**
 * The claims of one conflict group (a subject under any of `metrics`) that lie in `window` (see
 * conflict-window.ts), plus the claims `alwaysIds` whatever their dates; rejected claims and, unless
 * `includeCandidates`, unreviewed ones are left out. Lean rows for the rules, in no set order (an ORDER BY
 * would make SQLite prefer the subject-only index, walking every metric of the subject), one query.
 */
export function listRuleClaimsInWindow(
  db: Db,
  group: { subjectId: number; metrics: string[] },
  window: ConflictWindow,
  options: { alwaysIds?: Iterable<number>; includeCandidates?: boolean } = {},
): ClaimInContext[] {
  const statuses: ClaimStatus[] = options.includeCandidates === false ? ['confirmed'] : ['confirmed', 'candidate'];
  const none = '9999-12-31';
  // Metrics as literal placeholders: SQLite then walks the (subject_id, metric) index for each, where a
  // json_each list makes it take every claim of the subject (all its metrics) from the subject index.
  const metrics = [...new Set(group.metrics.map(normaliseMetric))];
  const metricParams = Object.fromEntries(metrics.map((m, i) => [`metric${i}`, m]));
  const rows = db
    .prepare(
      `SELECT ${RULE_COLUMNS} ${RULE_FROM}
       WHERE c.subject_id = @subject AND c.metric IN (${metrics.map((_, i) => `@metric${i}`).join(', ')})
         AND (c.id IN (SELECT value FROM json_each(@always))
           OR (c.status IN (SELECT value FROM json_each(@statuses)) AND (
             @all = 1
             OR (c.scope_from IS NULL AND coalesce(c.as_of, s.published_at) BETWEEN @pointsFrom AND @pointsTo)
             OR (c.scope_from IS NOT NULL
                 AND min(c.scope_from, coalesce(c.scope_to, c.as_of, s.published_at)) <= @scopedTo
                 AND max(c.scope_from, coalesce(c.scope_to, c.as_of, s.published_at)) >= @scopedFrom))))`,
    )
    .all({
      subject: group.subjectId,
      ...metricParams,
      always: JSON.stringify([...(options.alwaysIds ?? [])]),
      statuses: JSON.stringify(statuses),
      all: window.all ? 1 : 0,
      // An empty range is written as one no date falls in.
      pointsFrom: window.points?.from ?? none,
      pointsTo: window.points?.to ?? '0000-01-01',
      scopedFrom: window.scoped?.from ?? none,
      scopedTo: window.scoped?.to ?? '0000-01-01',
    }) as RuleClaimRow[];
  return rows.map(toRuleClaim);
}

/**
 * Syncs the automatic conflicts that involve the changed claims with what the rules found for them now:
 * found ones are created or refreshed (decisions kept, see conflicts.ts); automatic conflicts involving a
 * changed claim that were not found again go (open) or turn stale (decided). Conflicts between unchanged
 * claims are not touched. One transaction, each change audited.
 */
export function syncConflictsOfClaims(db: Db, changedIds: Iterable<number>, found: readonly ComputedConflict[], ctx: WriteContext): SyncResult {
  return db.transaction(() => {
    const ids = [...new Set(changedIds)];
    const result = found.length > 0 ? syncConflicts(db, [], [...found], ctx) : { created: 0, updated: 0, deleted: 0, staled: 0 };
    if (ids.length === 0) return result;
    const foundKeys = new Set(found.map((f) => f.key));
    const rows = db
      .prepare(
        `SELECT k.*, (SELECT group_concat(claim_id) FROM conflict_claims x WHERE x.conflict_id = k.id) AS claim_ids,
           (SELECT count(DISTINCT c.source_id) FROM conflict_claims x JOIN claims c ON c.id = x.claim_id WHERE x.conflict_id = k.id) AS source_count
         FROM conflicts k
         WHERE k.manual = 0 AND k.id IN (SELECT conflict_id FROM conflict_claims WHERE claim_id IN (SELECT value FROM json_each(?)))`,
      )
      .all(JSON.stringify(ids)) as ConflictRow[];
    const at = nowIso(ctx);
    for (const conflict of rows.map(toConflict)) {
      if (foundKeys.has(conflict.key)) continue;
      if (conflict.status === 'open') {
        db.prepare('DELETE FROM conflicts WHERE id = ?').run(conflict.id);
        recordAudit(db, { action: 'delete', entity: 'conflict', entityId: conflict.id, before: conflict, reason: 'The rule no longer fires.' }, ctx);
        result.deleted += 1;
      } else if (!conflict.stale) {
        db.prepare('UPDATE conflicts SET stale = 1, updated_at = ? WHERE id = ?').run(at, conflict.id);
        recordAudit(
          db,
          { action: 'update', entity: 'conflict', entityId: conflict.id, before: conflict, after: getConflict(db, conflict.id), reason: 'The rule no longer fires; the decision is kept.' },
          ctx,
        );
        result.staled += 1;
      }
    }
    return result;
  })();
}

/**
 * Every fact (subject + metric) a full recomputation must visit: those with claims that are not rejected
 * and those still holding automatic conflicts. Unlike listFactKeys it keeps facts of one claim, since a
 * lone duration and a lone start date of one subject meet in one conflict group.
 */
export function listFactsToRecompute(db: Db): { subjectId: number | null; metric: string }[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT subject_id, metric FROM claims WHERE subject_id IS NOT NULL AND status != 'rejected'
       UNION
       SELECT subject_id, metric FROM conflicts WHERE manual = 0
       ORDER BY subject_id, metric`,
    )
    .all() as { subject_id: number | null; metric: string }[];
  return rows.map((r) => ({ subjectId: r.subject_id, metric: r.metric }));
}

/** The facts about one subject: each metric with how many claims (rejected ones too) state it, by metric. */
export function listFactsOfSubject(db: Db, subjectId: number): { metric: string; claims: number }[] {
  const rows = db
    .prepare('SELECT metric, count(*) AS n FROM claims WHERE subject_id = ? GROUP BY metric ORDER BY metric')
    .all(subjectId) as { metric: string; n: number }[];
  return rows.map((r) => ({ metric: r.metric, claims: r.n }));
}

/** Ids of the claims an entity is the speaker of. */
export function listClaimIdsOfSpeaker(db: Db, speakerId: number): number[] {
  return (db.prepare('SELECT id FROM claims WHERE speaker_id = ?').all(speakerId) as { id: number }[]).map((r) => r.id);
}
