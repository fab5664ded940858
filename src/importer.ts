// Importing an article: store its text verbatim, extract candidate claims, recompute the conflicts they touch.
// One transaction for the writes, so a failure leaves nothing half-imported. Used by the web app and the CLI.
import type { Db } from './store/database.js';
import type { WriteContext } from './store/context.js';
import { createSource, type NewSource } from './store/sources.js';
import { importExtractedClaims } from './store/claims.js';
import { loadLexicon } from './store/lexicon.js';
import { flagNearDuplicates, type NearDuplicate } from './store/near-duplicates.js';
import type { SyncResult } from './store/conflicts.js';
import { extract } from './extract/index.js';
import { recomputeConflicts } from './recompute.js';
import type { CrosscheckSettings } from './domain/crosscheck.js';
import type { Claim, Lexicon, Source } from './domain/types.js';

export interface ImportResult {
  source: Source;
  claims: Claim[];
  conflicts: SyncResult;
  /** Recent sources with nearly the same text, recorded on the new one (empty unless options.nearDuplicates). */
  nearDuplicates: NearDuplicate[];
}

export interface ImportOptions {
  settings: CrosscheckSettings;
  /** Run extraction (default true); false stores the text only. */
  extract?: boolean;
  /** The lexicon to extract with; read from the database when not given (callers importing many files pass it once). */
  lexicon?: Lexicon;
  /** Look for near-duplicates among the recent sources and record them on the new one (the web app and the CLI). */
  nearDuplicates?: boolean;
}

/** Stores a source, its extracted candidate claims, the conflicts they raise and (when asked) its near-duplicates, in one transaction. */
export function importSource(db: Db, input: NewSource, ctx: WriteContext, options: ImportOptions): ImportResult {
  // Extraction reads only the input (stored verbatim below) and can take seconds: it runs before the write lock is
  // taken, so other writers (another import, the web app) do not wait on it.
  const extracted =
    options.extract === false
      ? null
      : extract(input.body, { published: input.publishedAt, publisher: input.publisher, lexicon: options.lexicon ?? loadLexicon(db) });
  return db.transaction((): ImportResult => {
    const source = createSource(db, input, ctx);
    const claims = extracted === null ? [] : importExtractedClaims(db, source.id, extracted, ctx);
    const conflicts = extracted === null ? { created: 0, updated: 0, deleted: 0, staled: 0 } : recomputeConflicts(db, claims, options.settings, ctx);
    const nearDuplicates = options.nearDuplicates === true ? flagNearDuplicates(db, source, ctx) : [];
    return { source, claims, conflicts, nearDuplicates };
  })();
}
