// Queries for the cross-check beyond the basic repositories: lean claim loads for the conflict rules
// (incremental recomputation must stay within milliseconds with 100,000 claims), syncing the conflicts of
// changed claims only, and the read models of the conflict, fact and entity pages.
import { type ClaimInContext, normaliseMetric } from '../domain/crosscheck.js';
import type { PartnerQuery } from '../domain/conflict-window.js';
import type { ClaimStatus, ConflictStatus } from '../domain/types.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';
import { pageBounds, type Page } from './context.js';
import { DERIVED_COLUMNS, toClaim, toConflict, type ClaimRow, type ConflictRow, type ConflictSummary } from './rows.js';

/**
 * Prepared statements of the lookups an import runs many times, per database: compiling these joins costs
 * more than running them on an index, and an article touches a dozen groups.
 */
const statements = new WeakMap<Db, Map<string, Statement>>();

/** The statement for `sql`, compiled once per database. */
export function prepared(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/**
 * The columns the conflict rules read, as a full claims row: the quote's end, the attribution cue, rank, note and
 * bookkeeping stay in the database and come as fixed values, so that toClaim maps these rows like any other; with
 * the source's publisher and date and the speaker's and subject's names.
 */
type RuleClaimRow = ClaimRow & { publisher: string; published_at: string; speaker_name: string | null; subject_name: string | null };

const RULE_COLUMNS = `c.id, c.source_id, c.value_text, c.kind, c.metric, c.subject_id, c.value_low, c.value_high, c.value_unit,
  c.qualifier, c.scope_from, c.scope_to, c.as_of, c.speaker_id, c.relay, c.hedge, c.status, c.quote, c.quote_start,
  0 AS quote_end, NULL AS attribution_cue, 'normal' AS rank, NULL AS rank_reason, NULL AS note, 'extracted' AS origin,
  0 AS version, '' AS created_at, '' AS updated_at,
  s.publisher, s.published_at, sp.name AS speaker_name, su.name AS subject_name`;

const RULE_FROM = `FROM claims c JOIN sources s ON s.id = c.source_id
  LEFT JOIN entities sp ON sp.id = c.speaker_id LEFT JOIN entities su ON su.id = c.subject_id`;

/**
 * A claim as the rules see it (the quote too: the rules read the sentence to tell figures an article sets against
 * each other). The fields RULE_COLUMNS leaves out are empty, so these objects are for the rules, never for display
 * or for writing back.
 */
function toRuleClaim(row: RuleClaimRow): ClaimInContext {
  return Object.assign(toClaim(row), {
    sourcePublisher: row.publisher,
    sourcePublishedAt: row.published_at,
    subjectName: row.subject_name,
    speakerName: row.speaker_name,
  });
}

/** The given claims as the conflict rules see them (unknown ids left out), in id order; one query. */
export function listRuleClaims(db: Db, ids: Iterable<number>): ClaimInContext[] {
  const list = [...ids];
  if (list.length === 0) return [];
  const rows = prepared(db, `SELECT ${RULE_COLUMNS} ${RULE_FROM} WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`).all(
    JSON.stringify(list),
  ) as RuleClaimRow[];
  return rows.map(toRuleClaim);
}

/** Which claims take part under the settings' includeCandidates (rejected ones never). */
function statusesFor(includeCandidates: boolean | undefined): ClaimStatus[] {
  return includeCandidates === false ? ['confirmed'] : ['confirmed', 'candidate'];
}

/**
 * Every claim of one conflict group (a subject under any of `metrics`) that takes part (rejected claims and,
 * unless `includeCandidates`, unreviewed ones left out): the input of a full recomputation. Lean rows for
 * the rules, in no set order, one query.
 */
export function listRuleClaimsOfGroup(db: Db, group: { subjectId: number; metrics: string[] }, options: { includeCandidates?: boolean } = {}): ClaimInContext[] {
  // Metrics as literal placeholders (not a json_each list) so that SQLite walks the (subject_id, metric)
  // index for each instead of every claim of the subject; no ORDER BY for the same reason.
  const metrics = [...new Set(group.metrics.map(normaliseMetric))];
  const [statusA, statusB] = statusesFor(options.includeCandidates);
  const rows = db
    .prepare(
      `SELECT ${RULE_COLUMNS} ${RULE_FROM}
       WHERE c.subject_id = ? AND c.metric IN (${metrics.map(() => '?').join(', ')}) AND c.status IN (?, ?)`,
    )
    .all(group.subjectId, ...metrics, statusA, statusB ?? statusA) as RuleClaimRow[];
  return rows.map(toRuleClaim);
}

/**
 * The newest `limit` claims of one fact (subject and metric) that take part (see listRuleClaimsOfGroup), newest
 * first: a bounded input for the fact page's agreement. Lean rows for the rules, one query.
 */
export function listNewestRuleClaimsOfFact(db: Db, fact: { subjectId: number; metric: string; limit: number }, options: { includeCandidates?: boolean } = {}): ClaimInContext[] {
  const [statusA, statusB] = statusesFor(options.includeCandidates);
  // The (subject_id, metric) index holds each fact's entries in id order, so newest first needs no sort.
  const rows = prepared(
    db,
    `SELECT ${RULE_COLUMNS} ${RULE_FROM} WHERE c.subject_id = ? AND c.metric = ? AND c.status IN (?, ?) ORDER BY c.id DESC LIMIT ?`,
  ).all(fact.subjectId, normaliseMetric(fact.metric), statusA, statusB ?? statusA, fact.limit) as RuleClaimRow[];
  return rows.map(toRuleClaim);
}

// The partner lookups of conflict-window.ts. Each walks a partial index of the group (migration 006) over a
// date range; the index carries the values and dates the lookup filters on, so most entries are dropped
// before SQLite reads a claim or its source (the source is only needed for claims without an as-of date).
// NULL bounds compare as unknown, so a missing bound matches nothing, as conflict-window.ts says.
const EFF = 'coalesce(c.as_of, s.published_at)';
// An open "over n" (no high bound) is compared by the rules as reaching 2n (crosscheck.ts coreOf).
const HIGH = 'coalesce(c.value_high, 2 * c.value_low)';
const OUTSIDE = `(c.value_low > @above OR ${HIGH} < @below)`;
const PARTNER_SQL: Record<Exclude<PartnerQuery['kind'], 'all'>, string> = {
  // Two branches so that each walks the index over a range: claims with an as-of date, and the few without
  // one, whose source's publication date stands in for it.
  points: `SELECT ${RULE_COLUMNS} ${RULE_FROM}
    WHERE c.subject_id = @subject AND c.metric = @metric AND c.scope_from IS NULL AND c.as_of BETWEEN @asOfFrom AND @asOfTo
      AND ${OUTSIDE} AND c.status IN (@statusA, @statusB)
    UNION ALL
    SELECT ${RULE_COLUMNS} ${RULE_FROM}
    WHERE c.subject_id = @subject AND c.metric = @metric AND c.scope_from IS NULL AND c.as_of IS NULL
      AND ${OUTSIDE} AND c.status IN (@statusA, @statusB) AND s.published_at BETWEEN @asOfFrom AND @asOfTo`,
  cumulative: `SELECT ${RULE_COLUMNS} ${RULE_FROM}
    WHERE c.subject_id = @subject AND c.metric = @metric AND c.scope_from IS NOT NULL
      AND c.scope_from BETWEEN @fromFrom AND @fromTo AND ${OUTSIDE}
      AND (c.as_of IS NULL OR c.as_of BETWEEN @nearFrom AND @nearTo
        OR (c.as_of < @nearFrom AND c.value_low > @above) OR (c.as_of > @nearTo AND ${HIGH} < @below))
      AND c.status IN (@statusA, @statusB)
      AND (${EFF} BETWEEN @nearFrom AND @nearTo
        OR (${EFF} < @nearFrom AND c.value_low > @above) OR (${EFF} > @nearTo AND ${HIGH} < @below))`,
  periods: `SELECT ${RULE_COLUMNS} ${RULE_FROM}
    WHERE c.subject_id = @subject AND c.metric = @metric AND c.scope_from IS NOT NULL
      AND c.scope_from BETWEEN @fromFrom AND @fromTo AND ${OUTSIDE}
      AND (c.scope_to IS NULL OR c.scope_to BETWEEN @toFrom AND @toTo OR c.as_of IS NULL)
      AND (@periodsOnly = 0 OR (c.scope_to IS NOT NULL AND (c.as_of IS NULL OR c.scope_to <> c.as_of)))
      AND c.status IN (@statusA, @statusB)
      AND coalesce(c.scope_to, ${EFF}) BETWEEN @toFrom AND @toTo
      AND (@periodsOnly = 0 OR c.scope_to <> ${EFF})`,
};

function partnerParams(query: Exclude<PartnerQuery, { kind: 'all' }>): Record<string, unknown> {
  switch (query.kind) {
    case 'points':
      return { asOfFrom: query.asOf.from, asOfTo: query.asOf.to, above: query.above, below: query.below };
    case 'cumulative':
      return { fromFrom: query.from.from, fromTo: query.from.to, nearFrom: query.near.from, nearTo: query.near.to, above: query.above, below: query.below };
    case 'periods':
      return {
        fromFrom: query.from.from, fromTo: query.from.to, toFrom: query.to.from, toTo: query.to.to,
        periodsOnly: query.periodsOnly ? 1 : 0, above: query.above, below: query.below,
      };
  }
}

/**
 * The claims of one conflict group found by any of the partner lookups (see conflict-window.ts), each
 * once; taking part only (see listRuleClaimsOfGroup). Lean rows for the rules, one query per lookup. With a
 * `limit`, at most one claim more than it.
 */
export function listPartnerClaims(
  db: Db,
  group: { subjectId: number; metrics: string[] },
  queries: readonly PartnerQuery[],
  options: { includeCandidates?: boolean; limit?: number } = {},
): ClaimInContext[] {
  if (queries.some((q) => q.kind === 'all')) return listRuleClaimsOfGroup(db, group, options);
  const [statusA, statusB] = statusesFor(options.includeCandidates);
  const limit = options.limit ?? Infinity;
  const found = new Map<number, ClaimInContext>();
  for (const metric of new Set(group.metrics.map(normaliseMetric))) {
    for (const query of queries as Exclude<PartnerQuery, { kind: 'all' }>[]) {
      // one more than the limit tells the caller there were more (a crowded fact: app/crowded-facts.ts); -1: no limit
      const rows = prepared(db, `${PARTNER_SQL[query.kind]} LIMIT @limit`)
        .all({ subject: group.subjectId, metric, statusA, statusB: statusB ?? statusA, limit: Number.isFinite(limit) ? limit + 1 : -1, ...partnerParams(query) }) as RuleClaimRow[];
      for (const row of rows) if (!found.has(row.id)) found.set(row.id, toRuleClaim(row));
      if (found.size > limit) return [...found.values()];
    }
  }
  return [...found.values()];
}

/**
 * Every fact (subject + metric) a full recomputation must visit: those with claims that are not rejected
 * and those still holding automatic conflicts (which may have to go). It keeps facts of one claim, since a lone
 * duration and a lone start date of one subject meet in one conflict group. The store's one facts query.
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

/** Ids of the claims an entity is the subject or the speaker of (read them before a merge moves them). */
export function listClaimIdsOfEntity(db: Db, entityId: number): number[] {
  return (
    db.prepare('SELECT id FROM claims WHERE subject_id = ? UNION SELECT id FROM claims WHERE speaker_id = ?').all(entityId, entityId) as { id: number }[]
  ).map((r) => r.id);
}

/**
 * The claim ids of each automatic conflict whose explanation can name this entity: conflicts about it (as
 * subject) and conflicts with a claim it speaks. One query, however many claims the entity has.
 */
export function listConflictClaimsNaming(db: Db, entityId: number): { conflictId: number; key: string; claimIds: number[] }[] {
  const rows = db
    .prepare(
      `SELECT k.id, k.key, (SELECT group_concat(claim_id) FROM conflict_claims x WHERE x.conflict_id = k.id) AS claim_ids
       FROM conflicts k
       WHERE k.manual = 0 AND (k.subject_id = ? OR k.id IN (
         SELECT cc.conflict_id FROM conflict_claims cc JOIN claims c ON c.id = cc.claim_id WHERE c.speaker_id = ?))`,
    )
    .all(entityId, entityId) as { id: number; key: string; claim_ids: string | null }[];
  return rows.map((r) => ({ conflictId: r.id, key: r.key, claimIds: (r.claim_ids ?? '').split(',').filter(Boolean).map(Number) }));
}

/** The statuses in the order the conflicts list shows them: open first. */
const LIST_ORDER: ConflictStatus[] = ['open', 'explained', 'resolved'];

/**
 * A page of current (not stale) conflicts for the conflicts list: open ones first, then explained, then
 * resolved, each by rank score (a wide gap between well-sourced values first; conflicts.ts rankScore), then
 * severity, newest first among equals, with subject names. Unlike
 * listConflicts it never sorts the whole table: each status is walked on the (status, severity) index and
 * only the page's rows get their claim ids and source counts, so a page costs the same at 100 or 100,000
 * conflicts.
 */
export function listConflictsPage(db: Db, filter: { subjectId?: number; metric?: string; status?: ConflictStatus; limit: number; offset: number }): Page<ConflictSummary> {
  const { limit, offset } = pageBounds(filter);
  const where = ['k.stale = 0', 'k.status = @status'];
  if (filter.subjectId !== undefined) where.push('k.subject_id = @subject');
  if (filter.metric) where.push('k.metric = @metric');
  const params = { subject: filter.subjectId ?? null, metric: filter.metric ? normaliseMetric(filter.metric) : null };
  const count = prepared(db, `SELECT count(*) AS n FROM conflicts k WHERE ${where.join(' AND ')}`);
  const ids = prepared(db, `SELECT k.id FROM conflicts k WHERE ${where.join(' AND ')} ORDER BY k.score DESC, k.severity DESC, k.id DESC LIMIT @limit OFFSET @offset`);
  const page: number[] = [];
  let total = 0;
  for (const status of filter.status ? [filter.status] : LIST_ORDER) {
    const n = (count.get({ ...params, status }) as { n: number }).n;
    // The page's window, in this status's own numbering.
    const skip = Math.max(0, offset - total);
    const take = limit - page.length;
    if (take > 0 && skip < n) {
      page.push(...(ids.all({ ...params, status, limit: take, offset: skip }) as { id: number }[]).map((r) => r.id));
    }
    total += n;
  }
  if (page.length === 0) return { items: [], total, limit, offset };
  const rows = prepared(
    db,
    `SELECT k.*, e.name AS subject_name, ${DERIVED_COLUMNS}
     FROM conflicts k LEFT JOIN entities e ON e.id = k.subject_id WHERE k.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(page)) as (ConflictRow & { subject_name: string | null })[];
  const byId = new Map(rows.map((row) => [row.id, { ...toConflict(row), subjectName: row.subject_name }]));
  return { items: page.map((id) => byId.get(id)).filter((k): k is ConflictSummary => k !== undefined), total, limit, offset };
}

/** A claim backing a conflict's value, as the conflicts list and the JSON name it: figure, outlet, speaker. */
export interface ValueClaim {
  claimId: number;
  valueKey: string;
  valueText: string;
  /** the claim's metric: a part's (civilians killed) in a conflict filed under its whole (killed) */
  metric: string;
  publisher: string;
  publishedAt: string;
  speaker: string | null;
  speakerId: number | null;
  relay: string | null;
  rank: string;
}

/** The claims backing each value of the given conflicts, by conflict id, in claim id order; one query. */
export function listValueClaims(db: Db, conflictIds: readonly number[]): Map<number, ValueClaim[]> {
  const rows = prepared(
    db,
    `SELECT cc.conflict_id, cc.claim_id, cc.value_key, c.value_text, c.metric, c.speaker_id, c.relay, c.rank, s.publisher, s.published_at, sp.name AS speaker
     FROM conflict_claims cc JOIN claims c ON c.id = cc.claim_id JOIN sources s ON s.id = c.source_id
     LEFT JOIN entities sp ON sp.id = c.speaker_id
     WHERE cc.conflict_id IN (SELECT value FROM json_each(?)) ORDER BY cc.conflict_id, cc.claim_id`,
  ).all(JSON.stringify(conflictIds)) as {
    conflict_id: number; claim_id: number; value_key: string; value_text: string; metric: string; speaker_id: number | null; relay: string | null;
    rank: string; publisher: string; published_at: string; speaker: string | null;
  }[];
  const byConflict = new Map<number, ValueClaim[]>();
  for (const r of rows) {
    const list = byConflict.get(r.conflict_id) ?? [];
    list.push({
      claimId: r.claim_id, valueKey: r.value_key, valueText: r.value_text, metric: r.metric, publisher: r.publisher, publishedAt: r.published_at,
      speaker: r.speaker, speakerId: r.speaker_id, relay: r.relay, rank: r.rank,
    });
    byConflict.set(r.conflict_id, list);
  }
  return byConflict;
}
