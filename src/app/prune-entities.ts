// Finds and removes entities that are no name: fragments of speaker phrases ("The", "U", "500", "British",
// "is backed by an") that older versions of the extractor stored. Left in place they are matched as subjects
// in later imports, so results depend on import order. Used by `crosscheck entity prune`.
import type { Db } from '../store/database.js';
import type { WriteContext } from '../store/context.js';
import { removeEntityKeepingClaims } from '../store/entity-removal.js';
import { entityNameOf } from '../domain/names.js';
import { isDemonym } from '../extract/places.js';
import { recomputeConflicts } from './recompute.js';
import type { CrosscheckSettings } from '../domain/crosscheck.js';
import type { SyncResult } from '../store/conflicts.js';

/** An entity that is no name, with the number of claims naming it as speaker or subject. */
export interface JunkEntity {
  id: number;
  name: string;
  type: string;
  claims: number;
}

/**
 * True when a stored name is no name. A person's or organisation's name is checked as a speaker phrase
 * (entityNameOf); a place or event only needs a letter and not to be a bare nationality word ("British").
 */
export function isJunkName(name: string, type: string): boolean {
  const trimmed = name.trim();
  if (isDemonym(trimmed)) return true;
  // a lexicon's places and events may be lower-case phrases ("the war in Valdoria"); they only need a word
  if (type === 'place' || type === 'event') return !/\p{L}/u.test(trimmed) || /^\d/.test(trimmed);
  return entityNameOf(trimmed) === null;
}

/** The entities that are no name, by name. */
export function listJunkEntities(db: Db): JunkEntity[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.name, e.type,
              (SELECT count(*) FROM claims c WHERE c.speaker_id = e.id OR c.subject_id = e.id) AS claims
         FROM entities e ORDER BY e.name COLLATE NOCASE, e.id`,
    )
    .all() as JunkEntity[];
  return rows.filter((row) => isJunkName(row.name, row.type));
}

/**
 * Removes every entity that is no name, keeping its claims' text (they lose it as speaker or subject), and
 * recomputes the conflicts of the claims it touched; all in one transaction.
 */
export function pruneJunkEntities(db: Db, settings: CrosscheckSettings, ctx: WriteContext): { removed: JunkEntity[]; conflicts: SyncResult } {
  return db.transaction(() => {
    const removed = listJunkEntities(db);
    const touched = removed.flatMap((entity) => removeEntityKeepingClaims(db, entity.id, ctx));
    const conflicts = recomputeConflicts(db, touched.map((id) => ({ id })), settings, ctx);
    return { removed, conflicts };
  })();
}
