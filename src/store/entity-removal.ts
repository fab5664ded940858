
import { Db } from './database.js';
import { WriteContext, nowIso } from './context.js';
import { EntityRow, StoredEntity, getEntity, insertAlias, lockedEntity, touchEntity } from './entities.js';
import { entityRefusals } from '../domain/entity-checks.js';
import { recordAudit } from './audit.js';
import { rekeyConflictToSubject } from './conflict-pruning.js';// An entity leaving: merged into another (its claims, spellings, parts and conflicts follow it, the conflicts
// re-keyed to the remaining subject), deleted when no claim names it, or removed with its claims keeping their
// figures but losing it as speaker or subject. Each one transaction, audited.

/** An entity as a merge names it: its id and the version the reviewer saw. */
export interface EntityRef {
  id: number;
  version: number;
}

/**
 * Merges entity `from` into `into` when both versions are still current (else StaleEditError): its claims (as
 * speaker and subject) and conflicts follow, its name and aliases become aliases of `into`, and it is deleted.
 * Audited on both entities, on each moved claim (speaker/subject before and after) and on each moved conflict
 * (subject before and after), in one transaction; bumps the version of `into` and of each moved claim.
 */
export function mergeEntities(db: Db, from: EntityRef, into: EntityRef, ctx: WriteContext): StoredEntity {
  if (from.id === into.id) throw entityRefusals.mergeIntoItself();
  return db.transaction(() => {
    const fromEntity = lockedEntity(db, from.id, from.version);
    const before = lockedEntity(db, into.id, into.version);
    const fromRow = db.prepare('SELECT * FROM entities WHERE id = ?').get(from.id) as EntityRow;
    const at = nowIso(ctx);
    const why = ctx.reason ?? `${fromEntity.name} merged into ${before.name}.`;
    const { speakerClaimsMoved, subjectClaimsMoved } = moveClaims(db, from.id, into.id, at, why, ctx);
    moveConflicts(db, from.id, into.id, at, why, ctx);
    db.prepare('UPDATE entity_aliases SET entity_id = ? WHERE entity_id = ?').run(into.id, from.id);
    // The parts of `from` become parts of `into` (rather than of nothing, which the foreign key would leave);
    // `into` itself, were it a part of `from`, becomes part of nothing instead of part of itself.
    db.prepare('UPDATE entities SET part_of_id = CASE WHEN id = ? THEN NULL ELSE ? END WHERE part_of_id = ?').run(into.id, into.id, from.id);
    db.prepare('DELETE FROM entities WHERE id = ?').run(from.id);
    insertAlias(db, into.id, fromRow.name, fromRow.normalized_name, at);
    touchEntity(db, into.id, at);
    const after = getEntity(db, into.id);
    const detail = { mergedInto: into.id, speakerClaimsMoved, subjectClaimsMoved };
    recordAudit(db, { action: 'merge', entity: 'entity', entityId: from.id, before: fromEntity, after: detail }, ctx);
    recordAudit(db, { action: 'merge', entity: 'entity', entityId: into.id, before, after: { ...after, mergedFrom: from.id } }, ctx);
    return after;
  })();
}

/**
 * Points the claims of `fromId` (as speaker or subject) at `intoId` (null: no speaker, i.e. the publisher's own
 * voice, or no subject), one version bump and one audit event per claim.
 */
function moveClaims(db: Db, fromId: number, intoId: number | null, at: string, why: string, ctx: WriteContext) {
  const moving = db
    .prepare('SELECT id, speaker_id, subject_id, version FROM claims WHERE speaker_id = ? UNION SELECT id, speaker_id, subject_id, version FROM claims WHERE subject_id = ?')
    .all(fromId, fromId) as { id: number; speaker_id: number | null; subject_id: number | null; version: number }[];
  const update = db.prepare('UPDATE claims SET speaker_id = ?, subject_id = ?, version = version + 1, updated_at = ? WHERE id = ?');
  let speakerClaimsMoved = 0;
  let subjectClaimsMoved = 0;
  for (const claim of moving) {
    const speakerId = claim.speaker_id === fromId ? intoId : claim.speaker_id;
    const subjectId = claim.subject_id === fromId ? intoId : claim.subject_id;
    if (claim.speaker_id === fromId) speakerClaimsMoved += 1;
    if (claim.subject_id === fromId) subjectClaimsMoved += 1;
    update.run(speakerId, subjectId, at, claim.id);
    recordAudit(
      db,
      {
        action: 'update',
        entity: 'claim',
        entityId: claim.id,
        before: { speakerId: claim.speaker_id, subjectId: claim.subject_id, version: claim.version },
        after: { speakerId, subjectId, version: claim.version + 1 },
        reason: why,
      },
      ctx,
    );
  }
  return { speakerClaimsMoved, subjectClaimsMoved };
}

/** Points the conflicts about `fromId` at `intoId` (one that `intoId` already has joins it), one audit event each. */
function moveConflicts(db: Db, fromId: number, intoId: number, at: string, why: string, ctx: WriteContext): void {
  const moving = db.prepare('SELECT id FROM conflicts WHERE subject_id = ?').all(fromId) as { id: number }[];
  const update = db.prepare('UPDATE conflicts SET subject_id = ?, updated_at = ? WHERE id = ?');
  for (const conflict of moving) {
    if (!rekeyConflictToSubject(db, conflict.id, fromId, intoId, ctx)) continue;
    update.run(intoId, at, conflict.id);
    recordAudit(
      db,
      { action: 'update', entity: 'conflict', entityId: conflict.id, before: { subjectId: fromId }, after: { subjectId: intoId }, reason: why },
      ctx,
    );
  }
}

/** Deletes an entity no claim refers to, with its aliases; ValidationError when claims use it (merge it instead). Audited. */
export function deleteEntity(db: Db, id: number, ctx: WriteContext): void {
  db.transaction(() => {
    const before = getEntity(db, id);
    const used = (
      db.prepare('SELECT count(*) AS n FROM claims WHERE speaker_id = ? OR subject_id = ?').get(id, id) as { n: number }
    ).n;
    if (used > 0) throw entityRefusals.stillUsed(before.name, used);
    db.prepare('DELETE FROM entities WHERE id = ?').run(id);
    recordAudit(db, { action: 'delete', entity: 'entity', entityId: id, before }, ctx);
  })();
}

/**
 * Removes an entity that is no name (a fragment such as "The" or "500"): its claims keep their text and lose
 * it as speaker or subject, the conflicts about it lose their subject (the caller recomputes them), one audit
 * event per claim and one for the entity, in one transaction. Returns the ids of the claims it touched.
 */
export function removeEntityKeepingClaims(db: Db, id: number, ctx: WriteContext): number[] {
  return db.transaction(() => {
    const before = getEntity(db, id);
    const at = nowIso(ctx);
    const why = ctx.reason ?? `${before.name} is not a name; removed, its claims kept.`;
    const touched = (
      db.prepare('SELECT id FROM claims WHERE speaker_id = ? UNION SELECT id FROM claims WHERE subject_id = ?').all(id, id) as { id: number }[]
    ).map((row) => row.id);
    moveClaims(db, id, null, at, why, ctx);
    db.prepare('DELETE FROM entities WHERE id = ?').run(id);
    recordAudit(db, { action: 'delete', entity: 'entity', entityId: id, before, after: { claimsKept: touched.length }, reason: why }, ctx);
    return touched;
  })();
}
