// "Add new defaults": merges a lexicon file (db/lexicon/default.json, which grows with new releases) into a
// database whose vocabulary users have edited. Only what is missing is added — metrics by name, entities by
// name or alias, aliases that no entity uses — and nothing that exists is changed: edited keywords, kinds,
// entity names and types stay as the users left them. An entity's "part of" is set only where it is unset.
import type { LexiconPack } from '../domain/types.js';
import { normaliseMetric } from '../domain/crosscheck.js';
import { foldName, MAX_NAME_LENGTH } from '../domain/names.js';
import type { Db } from './database.js';
import type { WriteContext } from './context.js';
import { addAlias, createEntity, resolveEntity } from './entities.js';
import { linkLexiconPart } from './entity-seeds.js';
import { addLexiconMetric, listLexiconMetrics } from './lexicon.js';
import { addGrammarEntries, addMissingGrammar, type GrammarEntriesAdded } from './lexicon-grammar.js';

/** What a sync added, by name (the CLI prints it; the page counts it). */
export interface LexiconSyncResult {
  metrics: string[];
  entities: string[];
  aliases: { entity: string; alias: string }[];
  /** Entities that were part of nothing and now are part of the lexicon's whole. */
  partOf: { entity: string; whole: string }[];
  /** Grammar word lists the database lacked ("hedges", "roleNouns:medics"); lists it has keep their entries. */
  grammar: string[];
  /** Entries a pack added to the grammar lists, list by list. */
  grammarEntries: GrammarEntriesAdded[];
  /** Names and aliases of the file left out because they are longer than MAX_NAME_LENGTH (the start of each). */
  skipped: string[];
}

/**
 * Adds the lexicon's missing metrics, entities and aliases, and its "part of" links where an entity has none, without
 * changing existing ones; the grammar lists the database lacks, then a pack's grammar entries the lists lack; one
 * transaction (a refused grammar list undoes the whole sync), each addition audited.
 */
export function addMissingLexicon(db: Db, lexicon: LexiconPack, ctx: WriteContext): LexiconSyncResult {
  return db.transaction((): LexiconSyncResult => {
    const result: LexiconSyncResult = { metrics: [], entities: [], aliases: [], partOf: [], grammar: [], grammarEntries: [], skipped: [] };
    // A name too long to be one is left out and reported, rather than refusing the whole sync.
    const tooLong = (name: string): boolean => {
      if (name.trim().length <= MAX_NAME_LENGTH) return false;
      result.skipped.push(`${name.trim().slice(0, 40)}…`);
      return true;
    };
    const known = new Set(listLexiconMetrics(db).map((m) => normaliseMetric(m.metric)));
    for (const metric of lexicon.metrics) {
      const name = normaliseMetric(metric.metric);
      if (name === '' || known.has(name)) continue;
      addLexiconMetric(db, { ...metric, metric: name }, ctx);
      known.add(name);
      result.metrics.push(name);
    }
    for (const seed of lexicon.entities) {
      if (foldName(seed.name) === '' || tooLong(seed.name)) continue;
      const existing = resolveEntity(db, seed.name);
      if (existing === null) {
        // Aliases another entity already uses stay with that entity (adding them here would be refused).
        // Repeats that fold alike are skipped by createEntity itself.
        const free = seed.aliases.filter((alias) => foldName(alias) !== '' && !tooLong(alias) && resolveEntity(db, alias) === null);
        const created = createEntity(db, { name: seed.name, type: seed.type, aliases: free }, ctx);
        result.entities.push(created.name);
        continue;
      }
      for (const alias of seed.aliases) {
        if (foldName(alias) === '' || tooLong(alias) || resolveEntity(db, alias) !== null) continue;
        addAlias(db, existing.id, alias, ctx);
        result.aliases.push({ entity: existing.name, alias: alias.trim() });
      }
    }
    // After every entity exists, so a whole listed after its part is found.
    for (const seed of lexicon.entities) {
      const whole = linkLexiconPart(db, seed, ctx);
      if (whole !== null) result.partOf.push({ entity: resolveEntity(db, seed.name)!.name, whole });
    }
    if (lexicon.grammar) result.grammar = addMissingGrammar(db, lexicon.grammar, ctx);
    // after the shipped lists: a database that stored none reads them all from the file, and must go on reading them
    if (lexicon.grammarAdditions) result.grammarEntries = addGrammarEntries(db, lexicon.grammarAdditions, ctx);
    return result;
  })();
}

