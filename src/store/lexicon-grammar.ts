// The grammar vocabulary as stored: one row per word list (reporting verbs, hedges, one list of role nouns per role…),
// seeded from db/lexicon/grammar.json and edited on the lexicon page; extraction reads it with the rest of the lexicon
// (loadLexicon). Also the lexicon's version, which triggers bump on every change to what extraction reads.
import type { GrammarVocabulary } from '../domain/types.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import { lexiconRefusals } from '../domain/lexicon-checks.js';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';

/** The plain lists, in the order the lexicon page shows them; role nouns follow, one list per role. */
export const GRAMMAR_LISTS = ['reportingVerbs', 'reportingPatterns', 'hedges', 'forceWords', 'captionWords', 'captionAgencies'] as const;
export type GrammarListName = (typeof GRAMMAR_LISTS)[number];
const ROLE_PREFIX = 'roleNouns:';

/** Most entries a list holds, and the longest entry (a pattern may be longer): bounds on what every import compiles. */
export const MAX_GRAMMAR_ENTRIES = 500;
export const MAX_GRAMMAR_ENTRY = 100;
export const MAX_GRAMMAR_PATTERN = 300;

/** A stored word list. */
export interface StoredGrammarList {
  id: number;
  /** 'reportingVerbs', …, or 'roleNouns:<role>' */
  list: string;
  words: string[];
  updatedAt: string;
}

interface GrammarRow {
  id: number;
  list: string;
  words: string;
  updated_at: string;
}

function toList(row: GrammarRow): StoredGrammarList {
  return { id: row.id, list: row.list, words: JSON.parse(row.words) as string[], updatedAt: row.updated_at };
}

/** The role a list counts ('soldiers' for 'roleNouns:soldiers'), or null for a plain list. */
export function roleOfList(list: string): string | null {
  return list.startsWith(ROLE_PREFIX) ? list.slice(ROLE_PREFIX.length) : null;
}

/** Every stored list: the plain ones in GRAMMAR_LISTS order, then the role nouns by role. */
export function listGrammar(db: Db): StoredGrammarList[] {
  const rows = (db.prepare('SELECT * FROM lexicon_grammar ORDER BY list').all() as GrammarRow[]).map(toList);
  const rank = (l: StoredGrammarList): number => {
    const at = (GRAMMAR_LISTS as readonly string[]).indexOf(l.list);
    return at >= 0 ? at : GRAMMAR_LISTS.length;
  };
  return rows.sort((a, b) => rank(a) - rank(b));
}

/** The stored list with this id; NotFoundError when there is none. */
export function getGrammarList(db: Db, id: number): StoredGrammarList {
  const row = db.prepare('SELECT * FROM lexicon_grammar WHERE id = ?').get(id) as GrammarRow | undefined;
  if (!row) throw new NotFoundError(`Grammar list ${id}`);
  return toList(row);
}

/** The stored grammar vocabulary, or undefined when none is stored (extraction then reads the shipped one). */
export function loadGrammar(db: Db): GrammarVocabulary | undefined {
  const lists = listGrammar(db);
  if (lists.length === 0) return undefined;
  const byName = new Map(lists.map((l) => [l.list, l.words]));
  const plain = Object.fromEntries(GRAMMAR_LISTS.map((name) => [name, byName.get(name) ?? []])) as Record<GrammarListName, string[]>;
  const roleNouns = Object.fromEntries(lists.flatMap((l) => (roleOfList(l.list) === null ? [] : [[roleOfList(l.list)!, l.words]])));
  return { ...plain, roleNouns };
}

/** The lists of a grammar vocabulary by stored name. */
function listsOf(grammar: GrammarVocabulary): [string, string[]][] {
  return [...GRAMMAR_LISTS.map((name): [string, string[]] => [name, grammar[name]]), ...Object.entries(grammar.roleNouns).map(([role, nouns]): [string, string[]] => [`${ROLE_PREFIX}${role}`, nouns])];
}

// A reporting pattern is a regular expression compiled into every import's verb pattern: it must compile, and must
// not capture (the verb pattern's first group is the verb as written) or refer back to a group.
function patternProblem(entry: string): string | null {
  try {
    new RegExp(entry);
  } catch {
    return 'is not a valid pattern';
  }
  if (/(?<!\\)\((?!\?)/.test(entry.replace(/\\\\/g, ''))) return 'has a capturing group: write (?:…) instead of (…)';
  if (/\\\d|\\k</.test(entry)) return 'refers back to a group';
  return null;
}

/**
 * The entries of a list as typed (one per line): trimmed, blank lines and repeats dropped. A ValidationError (field
 * `words`) names the first line at fault: too long, no letter in it, or for reporting patterns a bad pattern.
 */
export function cleanGrammarEntries(list: string, lines: readonly string[]): string[] {
  const words = [...new Set(lines.map((l) => l.trim().replace(/\s+/g, ' ')).filter((l) => l !== ''))];
  const refuse = (message: string): never => {
    throw lexiconRefusals.grammarList(message);
  };
  if (words.length > MAX_GRAMMAR_ENTRIES) refuse(`at most ${MAX_GRAMMAR_ENTRIES} entries (there are ${words.length}).`);
  const longest = list === 'reportingPatterns' ? MAX_GRAMMAR_PATTERN : MAX_GRAMMAR_ENTRY;
  for (const [i, w] of words.entries()) {
    const where = `entry ${i + 1} (“${w.slice(0, 40)}”)`;
    if (w.length > longest) refuse(`${where} is too long (at most ${longest} characters).`);
    if (!/\p{L}/u.test(w)) refuse(`${where} has no letter in it.`);
    const problem = list === 'reportingPatterns' ? patternProblem(w) : null;
    if (problem) refuse(`${where} ${problem}.`);
  }
  return words;
}

/** Replaces a list's entries (validated as cleanGrammarEntries says); audited. Extraction reads them at the next import. */
export function setGrammarList(db: Db, id: number, lines: readonly string[], ctx: WriteContext): StoredGrammarList {
  return db.transaction(() => {
    const before = getGrammarList(db, id);
    const words = cleanGrammarEntries(before.list, lines);
    db.prepare('UPDATE lexicon_grammar SET words = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(words), nowIso(ctx), id);
    const after = getGrammarList(db, id);
    recordAudit(db, { action: 'update', entity: 'lexicon-grammar', entityId: id, before, after }, ctx);
    return after;
  })();
}

/** Stores the lists of a grammar vocabulary that the database lacks (by name; existing lists stay as edited). Audited; returns the names added. */
export function addMissingGrammar(db: Db, grammar: GrammarVocabulary, ctx: WriteContext): string[] {
  return db.transaction(() => {
    const have = new Set(listGrammar(db).map((l) => l.list));
    const added: string[] = [];
    for (const [list, words] of listsOf(grammar)) {
      if (have.has(list)) continue;
      const { lastInsertRowid } = db
        .prepare('INSERT INTO lexicon_grammar (list, words, updated_at) VALUES (?, ?, ?)')
        .run(list, JSON.stringify(cleanGrammarEntries(list, words)), nowIso(ctx));
      recordAudit(db, { action: 'create', entity: 'lexicon-grammar', entityId: Number(lastInsertRowid), after: getGrammarList(db, Number(lastInsertRowid)) }, ctx);
      added.push(list);
    }
    return added;
  })();
}

/** Entries a sync added to one stored list. */
export interface GrammarEntriesAdded {
  list: string;
  entries: string[];
}

/**
 * Adds a pack's grammar entries to the stored lists: each entry a list lacks is appended after the list's own (which
 * stay as edited, in their order); a list the database lacks is created. The merged list is checked as
 * cleanGrammarEntries says, the refusal naming the list; one transaction, each list changed audited.
 */
export function addGrammarEntries(db: Db, additions: Partial<GrammarVocabulary>, ctx: WriteContext): GrammarEntriesAdded[] {
  return db.transaction(() => {
    const stored = new Map(listGrammar(db).map((l) => [l.list, l]));
    const added: GrammarEntriesAdded[] = [];
    for (const [list, lines] of listsOf({ ...EMPTY_GRAMMAR, ...additions })) {
      const before = stored.get(list);
      const words = namedRefusal(list, () => cleanGrammarEntries(list, [...(before?.words ?? []), ...lines]));
      const entries = words.slice(before?.words.length ?? 0);
      if (entries.length === 0) continue;
      if (before) {
        db.prepare('UPDATE lexicon_grammar SET words = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(words), nowIso(ctx), before.id);
        recordAudit(db, { action: 'update', entity: 'lexicon-grammar', entityId: before.id, before, after: getGrammarList(db, before.id) }, ctx);
      } else {
        const id = Number(db.prepare('INSERT INTO lexicon_grammar (list, words, updated_at) VALUES (?, ?, ?)').run(list, JSON.stringify(words), nowIso(ctx)).lastInsertRowid);
        recordAudit(db, { action: 'create', entity: 'lexicon-grammar', entityId: id, after: getGrammarList(db, id) }, ctx);
      }
      added.push({ list, entries });
    }
    return added;
  })();
}

const EMPTY_GRAMMAR: GrammarVocabulary = { reportingVerbs: [], reportingPatterns: [], hedges: [], roleNouns: {}, forceWords: [], captionWords: [], captionAgencies: [] };

/** Runs a check of one list, its refusal naming the list ("hedges: entry 2 (“…”) has no letter in it."). */
function namedRefusal<T>(list: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof ValidationError && e.fields['words']) throw lexiconRefusals.grammarList(`${list}: ${e.fields['words']}`);
    throw e;
  }
}

/** The lexicon's version: a counter bumped (by triggers, migration 020) on every change to metrics, entities, aliases or grammar. */
export function lexiconVersion(db: Db): number {
  return (db.prepare('SELECT version FROM lexicon_version WHERE id = 1').pluck().get() as number | undefined) ?? 0;
}
