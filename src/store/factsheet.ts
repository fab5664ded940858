// What a fact sheet is built from, loaded in three queries: the claims it covers, their sources (without bodies)
// and the conflicts among them. The sheet itself is built by the pure src/domain/factsheet.ts.
import type { Db } from './database.js';
import { type ClaimView, ClaimViewRow, type StoredConflict, toClaimView, VIEW_SELECT } from './rows.js';
import { listSourceCitations, type SourceCitation } from './sources.js';
import { listConflictsOfClaims } from './conflicts.js';
import { PARTS_TREE_CTE } from './entity-parts.js';
import { IsoDate } from '../domain/types.js';
import { normaliseMetric } from '../domain/crosscheck.js';

export interface FactSheetData {
  claims: ClaimView[];
  sources: SourceCitation[];
  conflicts: StoredConflict[];
}

export interface SubjectLink {
  id: number;
  partOfId: number | null;
}

/** The claims a fact sheet covers with their sources and the conflicts they take part in. */
export function loadFactSheetData(db: Db, query: FactSheetClaimQuery = {}): FactSheetData {
  const claims = listClaimsForFactSheet(db, query);
  const sourceIds = [...new Set(claims.map((claim) => claim.sourceId))];
  return { claims, sources: listSourceCitations(db, sourceIds), conflicts: listConflictsOfClaims(db, claims.map((claim) => claim.id)) };
}

/**
 * The entities given and every whole above them (part_of_id walked up), each with its "part of" link, for the
 * order of a sheet's sections; one statement.
 */
export function listSubjectLinks(db: Db, ids: readonly number[]): SubjectLink[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `WITH RECURSIVE up (id) AS (
         SELECT value FROM json_each(?)
         UNION
         SELECT e.part_of_id FROM entities e JOIN up ON e.id = up.id WHERE e.part_of_id IS NOT NULL
       )
       SELECT e.id, e.part_of_id FROM up JOIN entities e ON e.id = up.id ORDER BY e.id`,
    )
    .all(JSON.stringify(ids)) as { id: number; part_of_id: number | null }[];
  return rows.map((r) => ({ id: r.id, partOfId: r.part_of_id }));
}

/** A subject a fact sheet covers once the chosen subjects are expanded to their parts. */
export interface SheetSubject {
  id: number;
  name: string;
  /** True when this subject was chosen (rather than reached as a part) and has parts of its own. */
  hasParts: boolean;
  /** The whole it is directly part of. */
  partOfId: number | null;
}

/**
 * The chosen subjects plus all their parts, transitively (a war, its interventions, their forces), by id; the
 * chosen ones say whether they have parts, so the sheet can say "(with its parts)".
 */
export function expandSheetSubjects(db: Db, chosenIds: readonly number[]): SheetSubject[] {
  if (chosenIds.length === 0) return [];
  // One statement (the builder's query count is pinned): the walk down the parts, as withParts, with the names.
  const rows = db
    .prepare(
      `${PARTS_TREE_CTE}
       SELECT e.id, e.name, e.part_of_id, EXISTS (SELECT 1 FROM entities p WHERE p.part_of_id = e.id) AS has_parts
       FROM tree JOIN entities e ON e.id = tree.id ORDER BY e.id`,
    )
    .all(JSON.stringify(chosenIds)) as { id: number; name: string; part_of_id: number | null; has_parts: number }[];
  return rows.map((r) => ({ id: r.id, name: r.name, hasParts: chosenIds.includes(r.id) && r.has_parts === 1, partOfId: r.part_of_id }));
}

/** Which claims a fact sheet covers; empty or missing lists mean all. */
export interface FactSheetClaimQuery {
  subjectIds?: number[];
  metrics?: string[];
  /** Source publication dates, inclusive. */
  publishedFrom?: IsoDate | null;
  publishedTo?: IsoDate | null;
  /** Unreviewed candidates too (rejected claims never). */
  includeCandidates?: boolean;
}

/**
 * The subject, metric and status clauses of a fact sheet query (`c` = claims), shared by the sheet and its count.
 * With subjects or metrics chosen, their indexes find the claims; "+" keeps SQLite from walking the status index
 * instead (every confirmed claim, hundreds of thousands, to find a rare subject's few).
 */
export function factSheetClauses(query: FactSheetClaimQuery): { clauses: string[]; params: unknown[] } {
  const narrowed = (query.subjectIds?.length ?? 0) > 0 || (query.metrics?.length ?? 0) > 0;
  const status = narrowed ? '+c.status' : 'c.status';
  const clauses = [query.includeCandidates ? `${status} IN ('confirmed', 'candidate')` : `${status} = 'confirmed'`];
  const params: unknown[] = [];
  if (query.subjectIds && query.subjectIds.length > 0) {
    clauses.push('c.subject_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(query.subjectIds));
  }
  if (query.metrics && query.metrics.length > 0) {
    clauses.push('c.metric IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(query.metrics.map(normaliseMetric)));
  }
  return { clauses, params };
}

/** Every claim a fact sheet covers, as display views ordered by subject, metric and id; unpaged, one query. */
export function listClaimsForFactSheet(db: Db, query: FactSheetClaimQuery = {}): ClaimView[] {
  const chosen = sheetClauses(query);
  if (!query.subjectIds || query.subjectIds.length === 0) {
    const sql = `${VIEW_SELECT} WHERE ${chosen.clauses.join(' AND ')} ORDER BY su.name COLLATE NOCASE, c.subject_id, c.metric, c.id`;
    return (db.prepare(sql).all(...chosen.params) as ClaimViewRow[]).map(toClaimView);
  }
  // With subjects chosen, the claims that name no subject in the same articles come too (in the same statement):
  // the fact sheet counts them under their article's context (src/domain/factsheet-layout.ts). "+" as above.
  const others = sheetClauses({ ...query, subjectIds: [] });
  others.clauses[0] = others.clauses[0]!.replace(/^\+?/, '+');
  others.clauses.push('c.subject_id IS NULL', 'c.source_id IN (SELECT o.source_id FROM claims o WHERE o.subject_id IN (SELECT value FROM json_each(?)))');
  others.params.push(JSON.stringify(query.subjectIds));
  const sql = `${VIEW_SELECT} WHERE ${chosen.clauses.join(' AND ')} UNION ALL ${VIEW_SELECT} WHERE ${others.clauses.join(' AND ')}
    ORDER BY subject_name COLLATE NOCASE, subject_id, metric, id`;
  return (db.prepare(sql).all(...chosen.params, ...others.params) as ClaimViewRow[]).map(toClaimView);
}

/** factSheetClauses plus the sources' publication dates (`s` = sources). */
function sheetClauses(query: FactSheetClaimQuery): { clauses: string[]; params: unknown[] } {
  const { clauses, params } = factSheetClauses(query);
  if (query.publishedFrom) {
    clauses.push('s.published_at >= ?');
    params.push(query.publishedFrom);
  }
  if (query.publishedTo) {
    clauses.push('s.published_at <= ?');
    params.push(query.publishedTo);
  }
  return { clauses, params };
}
