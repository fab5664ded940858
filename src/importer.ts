// Importing an article: store its text verbatim, extract candidate claims, recompute the conflicts they touch.
// One transaction for the writes, so a failure leaves nothing half-imported. Used by the web app and the CLI.
import type { Db } from './store/database.js';
import type { WriteContext } from './store/context.js';
import { createSource, type NewSource } from './store/sources.js';
import { importExtractedClaims } from './store/claims.js';
import { loadLexicon } from './store/lexicon.js';
import type { SyncResult } from './store/conflicts.js';
import { extract } from './extract/index.js';
import { recomputeConflicts } from './recompute.js';
import type { CrosscheckSettings } from './domain/crosscheck.js';
import type { Claim, Lexicon, Source } from './domain/types.js';

export interface ImportResult {
  source: Source;
  claims: Claim[];
  conflicts: SyncResult;
}

export interface ImportOptions {
  settings: CrosscheckSettings;
  /** Run extraction (default true); false stores the text only. */
  extract?: boolean;
  /** The lexicon to extract with; read from the database when not given (callers importing many files pass it once). */
  lexicon?: Lexicon;
}

/** Stores a source, its extracted candidate claims and the conflicts they raise, in one transaction. */
export function importSource(db: Db, input: NewSource, ctx: WriteContext, options: ImportOptions): ImportResult {
  // Extraction reads only the input (stored verbatim below) and can take seconds: it runs before the write lock is
  // taken, so other writers (another import, the web app) do not wait on it.
  const extracted =
    options.extract === false
      ? null
      : extract(input.body, { published: input.publishedAt, publisher: input.publisher, lexicon: options.lexicon ?? loadLexicon(db) });
  return db.transaction((): ImportResult => {
    const source = createSource(db, input, ctx);
    if (extracted === null) return { source, claims: [], conflicts: { created: 0, updated: 0, deleted: 0, staled: 0 } };
    const claims = importExtractedClaims(db, source.id, extracted, ctx);
    const conflicts = recomputeConflicts(db, claims, options.settings, ctx);
    return { source, claims, conflicts };
  })();
}
