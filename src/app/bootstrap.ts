// Opening the application's database: migrate, then seed the default vocabulary on first start; reading lexicon files
// (the default, the sample set's, a desk's pack with its grammar entries), checked before anything is stored.
import { readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { openDatabase, type Db } from '../store/database.js';
import { seedLexicon } from '../store/lexicon.js';
import { z } from 'zod';
import { CLAIM_KINDS, ENTITY_TYPES, type Clock, type GrammarVocabulary, type Lexicon, type LexiconPack } from '../domain/types.js';
import { MAX_NAME_LENGTH } from '../domain/names.js';
import { GRAMMAR } from '../extract/grammar.js';
import { cleanGrammarEntries, GRAMMAR_LISTS, MAX_GRAMMAR_ENTRY } from '../store/lexicon-grammar.js';
import { ValidationError } from '../domain/errors.js';

/** Reads the default lexicon shipped in db/lexicon with the shipped grammar vocabulary (db/lexicon/grammar.json); the database holds the editable copy. */
export function readDefaultLexicon(config: Config): Lexicon {
  return { ...readLexiconFile(config.lexiconPath), grammar: structuredClone(GRAMMAR) };
}

const name = z.string().trim().min(1).max(MAX_NAME_LENGTH);
const entries = z.array(z.string());
// A pack's grammar: any of the lists, each entry checked as on the lexicon page (checkedGrammar, below).
const PackGrammar = z
  .object({ ...Object.fromEntries(GRAMMAR_LISTS.map((list) => [list, entries.optional()])), roleNouns: z.record(z.string(), entries).optional() })
  .strict();
const LexiconFile = z.object({
  metrics: z.array(z.object({ metric: name, kind: z.enum(CLAIM_KINDS), keywords: z.array(name) })).default([]),
  entities: z.array(z.object({ name, type: z.enum(ENTITY_TYPES), aliases: z.array(z.string()).default([]), partOf: name.optional() })).default([]),
  grammar: PackGrammar.optional(),
});

/**
 * Reads a lexicon file — the default, the sample set's vocabulary or a pack a desk keeps for the war it covers
 * (`crosscheck lexicon sync --file`) — and checks its shape; throws a message naming the file and the first problem.
 */
export function readLexiconFile(file: string): LexiconPack {
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
  const { grammar, ...lexicon } = parsed.data;
  if (!grammar) return lexicon;
  // the shipped lists come along: stored first where the database has none, so that it goes on reading them
  return { ...lexicon, grammar: structuredClone(GRAMMAR), grammarAdditions: checkedGrammar(file, grammar as Partial<GrammarVocabulary>) };
}

/** A pack's grammar lists, each checked as the lexicon page checks a list; throws naming the file, the list and the entry. */
function checkedGrammar(file: string, grammar: Partial<GrammarVocabulary>): Partial<GrammarVocabulary> {
  const refuse = (path: string, reason: string): never => {
    throw new Error(`${file}: not a lexicon: grammar.${path}: ${reason}`);
  };
  const check = (path: string, list: string, words: string[]): string[] => {
    try {
      return cleanGrammarEntries(list, words);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return refuse(path, e.fields['words'] ?? e.message);
    }
  };
  const plain = GRAMMAR_LISTS.flatMap((list) => (grammar[list] ? [[list, check(list, list, grammar[list])]] : []));
  const roles = Object.entries(grammar.roleNouns ?? {}).map(([role, nouns]) => {
    if (!/\p{L}/u.test(role) || role !== role.trim() || role.length > MAX_GRAMMAR_ENTRY) {
      refuse(`roleNouns.${role}`, `a role is named with letters, without spaces around, in at most ${MAX_GRAMMAR_ENTRY} characters.`);
    }
    return [role, check(`roleNouns.${role}`, `roleNouns:${role}`, nouns)];
  });
  return { ...Object.fromEntries(plain), ...(grammar.roleNouns ? { roleNouns: Object.fromEntries(roles) } : {}) };
}

/** Opens and migrates the configured database and seeds the default lexicon when it has none. */
export function openAppDatabase(config: Config, clock: Clock, file: string = config.dbPath): Db {
  const db = openDatabase(file, { migrationsDir: config.migrationsDir });
  seedLexicon(db, readDefaultLexicon(config), { actor: 'system', clock, reason: 'Default vocabulary seeded on first start.' });
  return db;
}
