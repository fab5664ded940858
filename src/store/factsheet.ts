// What a fact sheet is built from, loaded in three queries: the claims it covers, their sources (without bodies)
// and the conflicts among them. The sheet itself is built by the pure src/domain/factsheet.ts.
import type { Db } from './database.js';
import { listClaimsForFactSheet, type ClaimView, type FactSheetClaimQuery } from './claims.js';
import { listSourceCitations, type SourceCitation } from './sources.js';
import { listConflictsOfClaims, type StoredConflict } from './conflicts.js';

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
