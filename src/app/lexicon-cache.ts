// One prepared lexicon per lexicon version. Preparing a lexicon (reading it from the database, compiling its
// keyword, entity and grammar patterns) is work that every import would otherwise repeat; the lexicon's version
// (a counter that triggers bump on every change to metrics, entities, aliases or grammar, migration 020) says when
// it must be done again. The web app holds one cache (AppDeps.lexicons); a CLI run prepares its lexicon once.
// The worker pool gets the lexicon as JSON in shared memory, written once per version, so that a job carries a
// reference rather than a copy, and each worker thread prepares it once per version (extract-worker.ts).
import { randomUUID } from 'node:crypto';
import type { Lexicon } from '../domain/types.js';
import { loadTagger, prepareLexicon, type PreparedLexicon, type Tagger } from '../extract/index.js';
import type { Db } from '../store/database.js';
import { loadLexicon } from '../store/lexicon.js';
import { lexiconVersion } from '../store/lexicon-grammar.js';

/** A lexicon as a worker thread receives it: a key that changes with every edit, and the lexicon as UTF-8 JSON in shared memory. */
export interface SharedLexicon {
  key: string;
  json: SharedArrayBuffer;
}

export interface LexiconCache {
  /** The database's lexicon now, prepared: read and prepared again only after an edit. */
  prepared(db: Db): PreparedLexicon;
  /** The same for the worker pool: serialised again only after an edit. */
  shared(db: Db): SharedLexicon;
}

interface Held {
  db: Db;
  version: number;
  lexicon: Lexicon;
  prepared?: PreparedLexicon;
  shared?: SharedLexicon;
}

/** The lexicon of shared memory, as a worker thread reads it. */
export function lexiconOfShared(shared: SharedLexicon): Lexicon {
  return JSON.parse(Buffer.from(shared.json).toString('utf8')) as Lexicon;
}

function share(lexicon: Lexicon, key: string): SharedLexicon {
  const bytes = Buffer.from(JSON.stringify(lexicon), 'utf8');
  const json = new SharedArrayBuffer(bytes.length);
  new Uint8Array(json).set(bytes);
  return { key, json };
}

/** A cache of one database's lexicon at its newest version (a second database replaces the first). */
export function createLexiconCache(): LexiconCache {
  // Distinguishes this cache's versions from another's in a worker thread that served both.
  const id = randomUUID();
  let held: Held | null = null;
  // the part-of-speech model, loaded with the first lexicon prepared (not before: many processes never extract)
  let tagger: Tagger | null = null;
  const current = (db: Db): Held => {
    const version = lexiconVersion(db);
    if (held === null || held.db !== db || held.version !== version) held = { db, version, lexicon: loadLexicon(db) };
    return held;
  };
  return {
    prepared: (db) => {
      const h = current(db);
      tagger ??= loadTagger().tagger;
      h.prepared ??= prepareLexicon(h.lexicon, tagger);
      return h.prepared;
    },
    shared: (db) => {
      const h = current(db);
      h.shared ??= share(h.lexicon, `${id}:${h.version}`);
      return h.shared;
    },
  };
}
