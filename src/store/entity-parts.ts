
import { Db } from './database.js';
import { StoredEntity, getEntity, lockedEntity, resolveEntity, touchEntity } from './entities.js';
import { entityRefusals } from '../domain/entity-checks.js';
import { WriteContext, nowIso } from './context.js';
import { recordAudit } from './audit.js';// What an entity is part of (a town of a region, a unit of an army): the tree of parts, the one whole an entity may
// have, set by a reviewer or linked from the lexicon's defaults.

// ─── Topic hierarchy: an entity may be part of another (a force of an intervention, an intervention of a war) ───

/** An entity named by id and name (a whole or a part on the entity page). */
export interface EntityName {
  id: number;
  name: string;
}

/**
 * `tree(id)`: the entities whose ids are bound (one JSON array parameter) plus all their parts, transitively.
 * Cycle-safe: UNION visits each id once. Shared by every query that walks down the parts.
 */
export const PARTS_TREE_CTE = `WITH RECURSIVE tree (id) AS (
  SELECT e.id FROM entities e WHERE e.id IN (SELECT value FROM json_each(?))
  UNION
  SELECT e.id FROM entities e JOIN tree t ON e.part_of_id = t.id
)`;

/** The ids given plus the ids of all their parts, transitively, sorted. */
export function withParts(db: Db, ids: readonly number[]): number[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`${PARTS_TREE_CTE} SELECT id FROM tree ORDER BY id`).all(JSON.stringify(ids)) as { id: number }[];
  return rows.map((r) => r.id);
}

/** The direct parts of an entity, by name. */
export function listParts(db: Db, id: number): EntityName[] {
  return db.prepare('SELECT id, name FROM entities WHERE part_of_id = ? ORDER BY name COLLATE NOCASE, id').all(id) as EntityName[];
}

/** The whole an entity is directly part of, or null. */
export function wholeOf(db: Db, id: number): EntityName | null {
  const row = db
    .prepare('SELECT w.id, w.name FROM entities e JOIN entities w ON w.id = e.part_of_id WHERE e.id = ?')
    .get(id) as EntityName | undefined;
  return row ?? null;
}

/** The entity a reviewer's spelling of a whole denotes; ValidationError when it is unknown, the entity itself, or one of its parts. */
function acceptableWhole(db: Db, id: number, wholeName: string): StoredEntity {
  const whole = resolveEntity(db, wholeName);
  if (whole === null) throw entityRefusals.unknownWhole(wholeName.trim());
  if (whole.id === id) throw entityRefusals.partOfItself();
  if (withParts(db, [id]).includes(whole.id)) throw entityRefusals.partCycle(whole.name, getEntity(db, id).name);
  return whole;
}

/**
 * Sets (by name or alias) or clears (null or blank) what an entity is part of; ValidationError for an unknown name,
 * the entity itself or one of its own parts (a cycle). `version`, when given, must be current (else
 * StaleEditError). Audited; bumps the version; no-op when nothing changes.
 */
export function setPartOf(db: Db, id: number, wholeName: string | null, ctx: WriteContext, version?: number): StoredEntity {
  return db.transaction(() => {
    const before = lockedEntity(db, id, version);
    const wholeId = wholeName === null || wholeName.trim() === '' ? null : acceptableWhole(db, id, wholeName).id;
    if (wholeId === (before.partOfId ?? null)) return before;
    const at = nowIso(ctx);
    db.prepare('UPDATE entities SET part_of_id = ? WHERE id = ?').run(wholeId, id);
    touchEntity(db, id, at);
    const after = getEntity(db, id);
    recordAudit(db, { action: 'update', entity: 'entity', entityId: id, before, after }, ctx);
    return after;
  })();
}
