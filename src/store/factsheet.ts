// What a fact sheet is built from, loaded in three queries: the claims it covers, their sources (without bodies)
// and the conflicts among them. The sheet itself is built by the pure src/domain/factsheet.ts.
import type { Db } from './database.js';
import { listClaimsForFactSheet, type ClaimView, type FactSheetClaimQuery } from './claims.js';
import { listSourceCitations, type SourceCitation } from './sources.js';
import { listConflictsOfClaims, type StoredConflict } from './conflicts.js';
import { PARTS_TREE_CTE } from './entities.js';

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
