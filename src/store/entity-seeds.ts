
import { Db } from './database.js';
import { LexiconEntity } from '../domain/types.js';
import { WriteContext } from './context.js';
import { countEntities, createEntity, ownerOfFold, resolveEntity } from './entities.js';
import { foldName, isStorableName } from '../domain/names.js';
import { setPartOf, withParts } from './entity-parts.js';// The lexicon's default entities stored: each name with its aliases (a spelling another entity has is skipped, a
// name already stored left as it is) and what it is part of.

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
