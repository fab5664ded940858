// Opening the application's database: migrate, then seed the default vocabulary on first start.
import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { openDatabase, type Db } from '../store/database.js';
import { seedLexicon } from '../store/lexicon.js';
import type { Clock, Lexicon } from '../domain/types.js';

/** Reads the default lexicon shipped in db/lexicon (the database holds the editable copy). */
export function readDefaultLexicon(config: Config): Lexicon {
  return JSON.parse(readFileSync(config.lexiconPath, 'utf8')) as Lexicon;
}

/** Opens and migrates the configured database and seeds the default lexicon when it has none. */
export function openAppDatabase(config: Config, clock: Clock, file: string = config.dbPath): Db {
  const db = openDatabase(file, { migrationsDir: config.migrationsDir });
  seedLexicon(db, readDefaultLexicon(config), { actor: 'system', clock, reason: 'Default vocabulary seeded on first start.' });
  return db;
}
