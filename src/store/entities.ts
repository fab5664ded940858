// Entities (people, organisations, forces, places, events, outlets) and their aliases. They serve as claim
// speakers and subjects. A spelling matches an entity when its fold (foldName) equals the fold of the entity's
// name or of one of its aliases; each fold belongs to at most one entity, which the functions here enforce.
import type { Entity, EntityType, LexiconEntity } from '../domain/types.js';
import { ENTITY_TYPES } from '../domain/types.js';
import { NotFoundError, StaleEditError, ValidationError } from '../domain/errors.js';
import { foldName } from '../domain/names.js';
import type { Db } from './database.js';
import { nowIso, pageBounds, type Page, type PageRequest, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';
import { rekeyConflictToSubject } from './conflict-pruning.js';

export interface EntityRow {
  id: number;
  name: string;
  type: string;
  normalized_name: string;
  version: number;
  part_of_id: number | null;
  created_at: string;
  updated_at: string;
}

/** An entity as stored: the domain Entity plus its lock version (forms send it back with rename, merge, alias edits). */
export interface StoredEntity extends Entity {
  version: number;
}

/** An entity in a list, with how many claims it speaks and is the subject of. */
export interface EntitySummary extends StoredEntity {
  aliasCount: number;
  speakerClaimCount: number;
  subjectClaimCount: number;
}

export interface EntityFilter extends PageRequest {
  type?: EntityType;
  /** Matches the start of the folded name or of any folded alias. */
  q?: string;
}

/** The one mapping from an entities row (plus its aliases) to a StoredEntity. */
export function toEntity(row: EntityRow, aliases: string[]): StoredEntity {
  return { id: row.id, name: row.name, type: row.type as EntityType, aliases, version: row.version, partOfId: row.part_of_id ?? null };
}

function aliasesOf(db: Db, entityId: number): string[] {
  const rows = db.prepare('SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias').all(entityId) as { alias: string }[];
  return rows.map((r) => r.alias);
}

/** The entity with this id, aliases included; NotFoundError when there is none. */
export function getEntity(db: Db, id: number): StoredEntity {
  const row = db.prepare('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
  if (!row) throw new NotFoundError(`Entity ${id}`);
  return toEntity(row, aliasesOf(db, id));
}

/** Id of the entity whose name or alias folds to `fold`, or null. */
function ownerOfFold(db: Db, fold: string): number | null {
  const row = db
    .prepare(
      `SELECT id FROM entities WHERE normalized_name = ?
       UNION ALL SELECT entity_id FROM entity_aliases WHERE normalized_alias = ? LIMIT 1`,
    )
    .get(fold, fold) as { id: number } | undefined;
  return row?.id ?? null;
}

/** The entity a spelling denotes (case, accents, punctuation folded; aliases followed), or null when none matches. */
export function resolveEntity(db: Db, name: string): StoredEntity | null {
  const fold = foldName(name);
  if (fold === '') return null;
  const id = ownerOfFold(db, fold);
  return id === null ? null : getEntity(db, id);
}

/** Longest entity name or alias, in characters: longer is not a name, and every one is compiled into the matcher. */
export const MAX_NAME_LENGTH = 200;

/** True when a name or alias can be stored: some letter or digit, and at most MAX_NAME_LENGTH characters. */
export function isStorableName(text: string): boolean {
  return text.trim().length <= MAX_NAME_LENGTH && foldName(text) !== '';
}

function requireFold(text: string, field: string): string {
  const length = text.trim().length;
  if (length > MAX_NAME_LENGTH) {
    throw new ValidationError(`A ${field} is at most ${MAX_NAME_LENGTH} characters; this one has ${length.toLocaleString('en')}.`, {
      [field]: `Use at most ${MAX_NAME_LENGTH} characters (this one has ${length.toLocaleString('en')}).`,
    });
  }
  const fold = foldName(text);
  if (fold === '') throw new ValidationError(`A ${field} needs at least one letter or digit.`, { [field]: 'Enter a name.' });
  return fold;
}

function requireType(type: string): EntityType {
  if (!(ENTITY_TYPES as readonly string[]).includes(type)) {
    throw new ValidationError(`Unknown entity type “${type}”.`, { type: `Choose one of: ${ENTITY_TYPES.join(', ')}.` });
  }
  return type as EntityType;
}

function insertAlias(db: Db, entityId: number, alias: string, fold: string, at: string): void {
  db.prepare('INSERT INTO entity_aliases (entity_id, alias, normalized_alias, created_at) VALUES (?, ?, ?, ?)').run(
    entityId,
    alias.trim(),
    fold,
    at,
  );
}

/** Creates an entity with optional aliases; ValidationError when the name or an alias already denotes an entity. Audited. */
export function createEntity(db: Db, input: { name: string; type: EntityType; aliases?: string[] }, ctx: WriteContext): StoredEntity {
  return db.transaction(() => {
    const name = input.name.trim();
    const fold = requireFold(name, 'name');
    const type = requireType(input.type);
    const existing = ownerOfFold(db, fold);
    if (existing !== null) {
      throw new ValidationError(`“${name}” already names ${getEntity(db, existing).name}.`, { name: 'This name is already taken.' });
    }
    const at = nowIso(ctx);
    const { lastInsertRowid } = db
      .prepare('INSERT INTO entities (name, type, normalized_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, type, fold, at, at);
    const id = Number(lastInsertRowid);
    for (const alias of input.aliases ?? []) {
      const aliasFold = requireFold(alias, 'alias');
      const owner = ownerOfFold(db, aliasFold);
      if (owner === id) continue;
      if (owner !== null) {
        throw new ValidationError(`The alias “${alias}” already names ${getEntity(db, owner).name}.`, { aliases: `“${alias}” is taken.` });
      }
      insertAlias(db, id, alias, aliasFold, at);
    }
    const entity = getEntity(db, id);
    recordAudit(db, { action: 'create', entity: 'entity', entityId: id, after: entity }, ctx);
    return entity;
  })();
}

/** The entity a spelling denotes, created with `type` when none matches (audited then). */
export function findOrCreateEntity(db: Db, name: string, type: EntityType, ctx: WriteContext): StoredEntity {
  return db.transaction(() => resolveEntity(db, name) ?? createEntity(db, { name, type }, ctx))();
}

/** A page of entities by name, with alias and claim counts (three grouped queries, none per row). */
export function listEntities(db: Db, filter: EntityFilter = {}): Page<EntitySummary> {
  const { limit, offset } = pageBounds(filter, 100);
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.type) {
    where.push('e.type = ?');
    params.push(filter.type);
  }
  const fold = filter.q ? foldName(filter.q) : '';
  if (fold !== '') {
    // Prefix match on the folded forms; escape LIKE wildcards so the reviewer's text is taken literally.
    const pattern = `${fold.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(`(e.normalized_name LIKE ? ESCAPE '\\' OR e.id IN (SELECT entity_id FROM entity_aliases WHERE normalized_alias LIKE ? ESCAPE '\\'))`);
    params.push(pattern, pattern);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM entities e ${whereSql}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT e.* FROM entities e ${whereSql} ORDER BY e.name COLLATE NOCASE, e.id LIMIT ? OFFSET ?`)
    .all(...params, limit, offset) as EntityRow[];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const aliasRows = db
    .prepare('SELECT entity_id, alias FROM entity_aliases WHERE entity_id IN (SELECT value FROM json_each(?)) ORDER BY alias')
    .all(ids) as { entity_id: number; alias: string }[];
  const aliasesById = new Map<number, string[]>();
  for (const { entity_id, alias } of aliasRows) aliasesById.set(entity_id, [...(aliasesById.get(entity_id) ?? []), alias]);
  const speakerCounts = countBy(db, 'speaker_id', ids);
  const subjectCounts = countBy(db, 'subject_id', ids);
  const items = rows.map((row): EntitySummary => {
    const aliases = aliasesById.get(row.id) ?? [];
    return {
      ...toEntity(row, aliases),
      aliasCount: aliases.length,
      speakerClaimCount: speakerCounts.get(row.id) ?? 0,
      subjectClaimCount: subjectCounts.get(row.id) ?? 0,
    };
  });
  return { items, total, limit, offset };
}

function countBy(db: Db, column: 'speaker_id' | 'subject_id', idsJson: string): Map<number, number> {
  const rows = db
    .prepare(`SELECT ${column} AS id, count(*) AS n FROM claims WHERE ${column} IN (SELECT value FROM json_each(?)) GROUP BY ${column}`)
    .all(idsJson) as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The entity, when `version` (if given) is still current; else StaleEditError. */
function lockedEntity(db: Db, id: number, version: number | undefined): StoredEntity {
  const entity = getEntity(db, id);
  if (version !== undefined && entity.version !== version) throw new StaleEditError(`Entity ${entity.name}`);
  return entity;
}

function touchEntity(db: Db, id: number, at: string): void {
  db.prepare('UPDATE entities SET version = version + 1, updated_at = ? WHERE id = ?').run(at, id);
}

/**
 * Adds a spelling to an entity; ValidationError when it already denotes another entity; no-op when it already
 * matches this one. `version`, when given, must be current (else StaleEditError). Audited; bumps the version.
 */
export function addAlias(db: Db, entityId: number, alias: string, ctx: WriteContext, version?: number): StoredEntity {
  return db.transaction(() => {
    const before = lockedEntity(db, entityId, version);
    const fold = requireFold(alias, 'alias');
    const owner = ownerOfFold(db, fold);
    if (owner === entityId) return before;
    if (owner !== null) {
      throw new ValidationError(`“${alias}” already names ${getEntity(db, owner).name}; merge the two entities instead.`, {
        alias: 'This spelling belongs to another entity.',
      });
    }
    const at = nowIso(ctx);
    insertAlias(db, entityId, alias, fold, at);
    touchEntity(db, entityId, at);
    const after = getEntity(db, entityId);
    recordAudit(db, { action: 'update', entity: 'entity', entityId, before, after }, ctx);
    return after;
  })();
}

/**
 * Removes one alias (matched by fold) from an entity; NotFoundError when the entity has no such alias. `version`,
 * when given, must be current (else StaleEditError). Audited; bumps the version.
 */
export function removeAlias(db: Db, entityId: number, alias: string, ctx: WriteContext, version?: number): StoredEntity {
  return db.transaction(() => {
    const before = lockedEntity(db, entityId, version);
    const { changes } = db
      .prepare('DELETE FROM entity_aliases WHERE entity_id = ? AND normalized_alias = ?')
      .run(entityId, foldName(alias));
    if (changes === 0) throw new NotFoundError(`Alias “${alias}” of ${before.name}`);
    touchEntity(db, entityId, nowIso(ctx));
    const after = getEntity(db, entityId);
    recordAudit(db, { action: 'update', entity: 'entity', entityId, before, after }, ctx);
    return after;
  })();
}

/**
 * Renames an entity (and optionally changes its type) when `version` is still current (else StaleEditError). The
 * old name stays as an alias so that articles using it still match; ValidationError when the new name denotes
 * another entity. Audited; bumps the version.
 */
export function renameEntity(
  db: Db,
  id: number,
  version: number,
  change: { name: string; type?: EntityType },
  ctx: WriteContext,
): StoredEntity {
  return db.transaction(() => {
    const before = lockedEntity(db, id, version);
    const row = db.prepare('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow;
    const newName = change.name.trim();
    const fold = requireFold(newName, 'name');
    const owner = ownerOfFold(db, fold);
    if (owner !== null && owner !== id) {
      throw new ValidationError(`“${newName}” already names ${getEntity(db, owner).name}; merge the two entities instead.`, {
        name: 'This name belongs to another entity.',
      });
    }
    const at = nowIso(ctx);
    // The new name may have been one of this entity's aliases: it becomes the name instead.
    db.prepare('DELETE FROM entity_aliases WHERE entity_id = ? AND normalized_alias = ?').run(id, fold);
    db.prepare('UPDATE entities SET name = ?, type = ?, normalized_name = ?, version = version + 1, updated_at = ? WHERE id = ?').run(
      newName,
      requireType(change.type ?? before.type),
      fold,
      at,
      id,
    );
    if (row.normalized_name !== fold) insertAlias(db, id, row.name, row.normalized_name, at);
    const after = getEntity(db, id);
    recordAudit(db, { action: 'update', entity: 'entity', entityId: id, before, after }, ctx);
    return after;
  })();
}

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
  if (from.id === into.id) throw new ValidationError('An entity cannot be merged into itself.', { into: 'Choose another entity.' });
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
    if (used > 0) {
      throw new ValidationError(`${before.name} is the speaker or subject of ${used} claim(s); merge it into another entity instead.`, {
        entity: 'Still used by claims.',
      });
    }
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

/** Number of entities. */
export function countEntities(db: Db): number {
  // kept by triggers (migration 011): count(*) reads every row of a large table
  return db.prepare("SELECT n FROM table_counts WHERE name = 'entities'").pluck().get() as number;
}

/**
 * Creates the lexicon's entities when the table is empty (first start); returns how many were created and the
 * aliases skipped because another entity already had them. Does nothing on a database that has entities.
 */
export function seedEntities(db: Db, entities: LexiconEntity[], ctx: WriteContext): { created: number; skippedAliases: string[] } {
  return db.transaction(() => {
    if (countEntities(db) > 0) return { created: 0, skippedAliases: [] };
    const skippedAliases: string[] = [];
    let created = 0;
    for (const seed of entities) {
      if (!isStorableName(seed.name) || ownerOfFold(db, foldName(seed.name)) !== null) {
        skippedAliases.push(seed.name);
        continue;
      }
      const aliases = seed.aliases.filter((alias) => {
        const owner = ownerOfFold(db, foldName(alias));
        const free = isStorableName(alias) && owner === null;
        if (!free) skippedAliases.push(alias);
        return free;
      });
      createEntity(db, { name: seed.name, type: seed.type, aliases: dedupeByFold(aliases) }, ctx);
      created += 1;
    }
    // Wholes are resolved once every entity exists, so a part may come before its whole in the file.
    for (const seed of entities) linkLexiconPart(db, seed, ctx);
    return { created, skippedAliases };
  })();
}

function dedupeByFold(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const fold = foldName(n);
    if (seen.has(fold)) return false;
    seen.add(fold);
    return true;
  });
}

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
  if (whole === null) throw new ValidationError(`No entity is called “${wholeName.trim()}”.`, { partOf: 'Enter the name or an alias of an entity.' });
  if (whole.id === id) throw new ValidationError('An entity cannot be part of itself.', { partOf: 'Choose another entity.' });
  if (withParts(db, [id]).includes(whole.id)) {
    const name = getEntity(db, id).name;
    throw new ValidationError(`${whole.name} is already a part of ${name}; it cannot also be what ${name} is part of.`, {
      partOf: 'That would make a cycle.',
    });
  }
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

/**
 * Applies a lexicon entry's `partOf` when the entity exists, is part of nothing yet (a reviewer's choice is never
 * overwritten) and the whole exists without making a cycle. Returns the whole's name when it linked, else null.
 */
export function linkLexiconPart(db: Db, seed: LexiconEntity, ctx: WriteContext): string | null {
  if (!seed.partOf) return null;
  const part = resolveEntity(db, seed.name);
  const whole = resolveEntity(db, seed.partOf);
  if (part === null || whole === null || part.partOfId != null) return null;
  if (whole.id === part.id || withParts(db, [part.id]).includes(whole.id)) return null;
  setPartOf(db, part.id, whole.name, ctx);
  return whole.name;
}
