// Opening the application's database: migrate, then seed the default vocabulary on first start.
import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { openDatabase, type Db } from '../store/database.js';
import { seedLexicon } from '../store/lexicon.js';
import { z } from 'zod';
import { CLAIM_KINDS, ENTITY_TYPES, type Clock, type Lexicon } from '../domain/types.js';
import { MAX_NAME_LENGTH } from '../domain/names.js';
import { GRAMMAR } from '../extract/grammar.js';

/** Reads the default lexicon shipped in db/lexicon with the shipped grammar vocabulary (db/lexicon/grammar.json); the database holds the editable copy. */
export function readDefaultLexicon(config: Config): Lexicon {
  return { ...readLexiconFile(config.lexiconPath), grammar: structuredClone(GRAMMAR) };
}

const name = z.string().trim().min(1).max(MAX_NAME_LENGTH);
const LexiconFile = z.object({
  metrics: z.array(z.object({ metric: name, kind: z.enum(CLAIM_KINDS), keywords: z.array(name) })).default([]),
  entities: z.array(z.object({ name, type: z.enum(ENTITY_TYPES), aliases: z.array(z.string()).default([]), partOf: name.optional() })).default([]),
});

/**
 * Reads a lexicon file — the default, the sample set's vocabulary or a pack a desk keeps for the war it covers
 * (`crosscheck lexicon sync --file`) — and checks its shape; throws a message naming the file and the first problem.
 */
export function readLexiconFile(file: string): Lexicon {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not a readable JSON lexicon (${e instanceof Error ? e.message : String(e)}).`);
  }
  const parsed = LexiconFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: not a lexicon: ${issue.path.join('.') || 'the file'}: ${issue.message}.`);
  }
  return parsed.data;
}

/** Opens and migrates the configured database and seeds the default lexicon when it has none. */
export function openAppDatabase(config: Config, clock: Clock, file: string = config.dbPath): Db {
  const db = openDatabase(file, { migrationsDir: config.migrationsDir });
  seedLexicon(db, readDefaultLexicon(config), { actor: 'system', clock, reason: 'Default vocabulary seeded on first start.' });
  return db;
}
