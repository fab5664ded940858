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

/** The claims a fact sheet covers with their sources and the conflicts they take part in. */
export function loadFactSheetData(db: Db, query: FactSheetClaimQuery = {}): FactSheetData {
  const claims = listClaimsForFactSheet(db, query);
  const sourceIds = [...new Set(claims.map((claim) => claim.sourceId))];
  return { claims, sources: listSourceCitations(db, sourceIds), conflicts: listConflictsOfClaims(db, claims.map((claim) => claim.id)) };
}

/** A subject a fact sheet covers once the chosen subjects are expanded to their parts. */
export interface SheetSubject {
  id: number;
  name: string;
  /** True when this subject was chosen (rather than reached as a part) and has parts of its own. */
  hasParts: boolean;
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
       SELECT e.id, e.name, EXISTS (SELECT 1 FROM entities p WHERE p.part_of_id = e.id) AS has_parts
       FROM tree JOIN entities e ON e.id = tree.id ORDER BY e.id`,
    )
    .all(JSON.stringify(chosenIds)) as { id: number; name: string; has_parts: number }[];
  return rows.map((r) => ({ id: r.id, name: r.name, hasParts: chosenIds.includes(r.id) && r.has_parts === 1 }));
}
