// Entities (people, organisations, forces, places, events, outlets) and their aliases. They serve as claim
// speakers and subjects. A spelling matches an entity when its fold (foldName) equals the fold of the entity's
// name or of one of its aliases; each fold belongs to at most one entity, which the functions here enforce.
import type { Entity, EntityType } from '../domain/types.js';
import { NotFoundError, StaleEditError } from '../domain/errors.js';
import { entityRefusals } from '../domain/entity-checks.js';
import { checkedEntityType, checkedNameFold, foldName } from '../domain/names.js';
import type { Db } from './database.js';
import { nowIso, pageBounds, type Page, type PageRequest, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';

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
export function ownerOfFold(db: Db, fold: string): number | null {
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

export function insertAlias(db: Db, entityId: number, alias: string, fold: string, at: string): void {
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
    const fold = checkedNameFold(name, 'name');
    const type = checkedEntityType(input.type);
    const existing = ownerOfFold(db, fold);
    if (existing !== null) throw entityRefusals.nameTaken(name, getEntity(db, existing).name);
    const at = nowIso(ctx);
    const { lastInsertRowid } = db
      .prepare('INSERT INTO entities (name, type, normalized_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, type, fold, at, at);
    const id = Number(lastInsertRowid);
    for (const alias of input.aliases ?? []) {
      const aliasFold = checkedNameFold(alias, 'alias');
      const owner = ownerOfFold(db, aliasFold);
      if (owner === id) continue;
      if (owner !== null) throw entityRefusals.aliasTaken(alias, getEntity(db, owner).name);
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
export function lockedEntity(db: Db, id: number, version: number | undefined): StoredEntity {
  const entity = getEntity(db, id);
  if (version !== undefined && entity.version !== version) throw new StaleEditError(`Entity ${entity.name}`);
  return entity;
}

export function touchEntity(db: Db, id: number, at: string): void {
  db.prepare('UPDATE entities SET version = version + 1, updated_at = ? WHERE id = ?').run(at, id);
}

/**
 * Adds a spelling to an entity; ValidationError when it already denotes another entity; no-op when it already
 * matches this one. `version`, when given, must be current (else StaleEditError). Audited; bumps the version.
 */
export function addAlias(db: Db, entityId: number, alias: string, ctx: WriteContext, version?: number): StoredEntity {
  return db.transaction(() => {
    const before = lockedEntity(db, entityId, version);
    const fold = checkedNameFold(alias, 'alias');
    const owner = ownerOfFold(db, fold);
    if (owner === entityId) return before;
    if (owner !== null) throw entityRefusals.spellingOfAnother(alias, getEntity(db, owner).name);
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
    const fold = checkedNameFold(newName, 'name');
    const owner = ownerOfFold(db, fold);
    if (owner !== null && owner !== id) throw entityRefusals.renameToAnother(newName, getEntity(db, owner).name);
    const at = nowIso(ctx);
    // The new name may have been one of this entity's aliases: it becomes the name instead.
    db.prepare('DELETE FROM entity_aliases WHERE entity_id = ? AND normalized_alias = ?').run(id, fold);
    db.prepare('UPDATE entities SET name = ?, type = ?, normalized_name = ?, version = version + 1, updated_at = ? WHERE id = ?').run(
      newName,
      checkedEntityType(change.type ?? before.type),
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

/** Number of entities. */
export function countEntities(db: Db): number {
  // kept by triggers (migration 011): count(*) reads every row of a large table
  return db.prepare("SELECT n FROM table_counts WHERE name = 'entities'").pluck().get() as number;
}
