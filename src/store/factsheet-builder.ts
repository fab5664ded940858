// What the fact sheet builder offers and checks before loading a sheet: the subjects claims are about (with their
// aliases, for "did you mean"), the metrics of chosen subjects, and a capped count so a preview never loads a
// million claims. The sheet's own data comes from loadFactSheetData (factsheet.ts).
import type { Db } from './database.js';
import { prepared } from './crosscheck-queries.js';
import { factSheetClauses, type FactSheetClaimQuery } from './factsheet.js';

/** An entity that is the subject of at least one claim, with its aliases. */
export interface SubjectChoice {
  id: number;
  name: string;
  aliases: string[];
}

/**
 * Entities that are the subject of at least one claim, by name. One EXISTS probe per entity on the (subject_id,
 * metric) index, so the cost follows the number of entities, not of claims.
 */
export function listSubjectChoices(db: Db): SubjectChoice[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.name FROM entities e
       WHERE EXISTS (SELECT 1 FROM claims c WHERE c.subject_id = e.id)
       ORDER BY e.name COLLATE NOCASE, e.id`,
    )
    .all() as { id: number; name: string }[];
  const aliases = db
    .prepare(
      `SELECT a.entity_id, a.alias FROM entity_aliases a
       WHERE EXISTS (SELECT 1 FROM claims c WHERE c.subject_id = a.entity_id) ORDER BY a.alias`,
    )
    .all() as { entity_id: number; alias: string }[];
  const byEntity = new Map<number, string[]>();
  for (const { entity_id, alias } of aliases) byEntity.set(entity_id, [...(byEntity.get(entity_id) ?? []), alias]);
  return rows.map((r) => ({ id: r.id, name: r.name, aliases: byEntity.get(r.id) ?? [] }));
}

/** Distinct metrics of claims about the given subjects, sorted; [] for no subjects (all claims' metrics would scan them all). */
export function listMetricsOfSubjects(db: Db, subjectIds: number[]): string[] {
  if (subjectIds.length === 0) return [];
  // A skip scan of the (subject_id, metric) index: each step seeks the next metric after the last one found, so a
  // subject with 100,000 claims over a dozen metrics costs a dozen seeks (DISTINCT read all 100,000 entries).
  // compiled once per database (prepared): an import reads a subject's metrics for its nesting facts (recompute.ts)
  const rows = prepared(
    db,
    `WITH RECURSIVE walk (subject_id, metric) AS (
       SELECT s.value, (SELECT min(c.metric) FROM claims c WHERE c.subject_id = s.value) FROM json_each(?) AS s
       UNION ALL
       SELECT w.subject_id, (SELECT min(c.metric) FROM claims c WHERE c.subject_id = w.subject_id AND c.metric > w.metric)
       FROM walk w WHERE w.metric IS NOT NULL
     )
     SELECT DISTINCT metric FROM walk WHERE metric IS NOT NULL ORDER BY metric`,
  ).all(JSON.stringify(subjectIds)) as { metric: string }[];
  return rows.map((r) => r.metric);
}

/**
 * How many claims a fact sheet query covers, counting at most `cap + 1` (so "more than cap" is cheap to tell).
 * The clauses mirror listClaimsForFactSheet.
 */
export function countFactSheetClaims(db: Db, query: FactSheetClaimQuery, cap: number): number {
  const { clauses, params } = factSheetClauses(query);
  const row = db
    .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM claims c WHERE ${clauses.join(' AND ')} LIMIT ?)`)
    .get(...params, cap + 1) as { n: number };
  return row.n;
}
