// Importing an article: store its text verbatim, extract candidate claims, recompute the conflicts they touch.
// One transaction for the writes, so a failure leaves nothing half-imported. Used by the web app and the CLI.
import type { Db } from '../store/database.js';
import type { WriteContext } from '../store/context.js';
import { createSource, type NewSource } from '../store/sources.js';
import { importExtractedClaims } from '../store/claim-changes.js';
import { loadLexicon } from '../store/lexicon.js';
import { flagNearDuplicates, type NearDuplicate } from '../store/near-duplicates.js';
import type { SyncResult } from '../store/conflicts.js';
import { extract, type PreparedLexicon } from '../extract/index.js';
import { recomputeConflicts } from './recompute.js';
import type { CrosscheckSettings } from '../domain/crosscheck.js';
import type { Claim, ExtractedClaim, Lexicon, Source } from '../domain/types.js';
import { recordAudit } from '../store/audit.js';

/**
 * Most candidate claims stored for one article. A long article has a few hundred figures; a pasted table of numbers
 * can have hundreds of thousands, which no reviewer reads and which made the source page too large to open. The first
 * ones in text order are kept, and the import says how many were left out.
 */
export const MAX_CLAIMS_PER_ARTICLE = 1_000;

export interface ImportResult {
  source: Source;
  claims: Claim[];
  conflicts: SyncResult;
  /** Recent sources with nearly the same text, recorded on the new one (empty unless options.nearDuplicates). */
  nearDuplicates: NearDuplicate[];
  /** True when the article had more candidate claims than the cap: only the first ones (text order) were stored. */
  claimsCapped: boolean;
}

export interface ImportOptions {
  settings: CrosscheckSettings;
  /** Run extraction (default true); false stores the text only. */
  extract?: boolean;
  /** The lexicon to extract with, best prepared (prepareLexicon, LexiconCache); read from the database when not given (callers importing many files pass it once). */
  lexicon?: Lexicon | PreparedLexicon;
  /** Look for near-duplicates among the recent sources and record them on the new one (the web app and the CLI). */
  nearDuplicates?: boolean;
  /** Claims already extracted from `input.body` (by the web app's worker pool, asked for maxClaims + 1); not extracted again. */
  extracted?: ExtractedClaim[];
  /** Most candidate claims stored (default MAX_CLAIMS_PER_ARTICLE). */
  maxClaims?: number;
  /** More writes that belong with the import, in its transaction (a new version flags the old version's claims). */
  afterStore?: (source: Source, claims: Claim[]) => void;
}

/** The sentence the source's history, the web page and the CLI give when candidates beyond the cap were left out. */
export function cappedClaimsText(kept: number): string {
  const n = kept.toLocaleString('en');
  return `This article has more than ${n} candidate figures: the first ${n} (in text order) were kept as candidate claims and the rest were dropped, not stored. The whole text is stored: add any later figure that matters by hand, or split the article and import the parts.`;
}

/** Stores a source, its extracted candidate claims, the conflicts they raise and (when asked) its near-duplicates, in one transaction. */
export function importSource(db: Db, input: NewSource, ctx: WriteContext, options: ImportOptions): ImportResult {
  // Extraction reads only the input (stored verbatim below) and can take seconds: it runs before the write lock is
  // taken, so other writers (another import, the web app) do not wait on it.
  const cap = options.maxClaims ?? MAX_CLAIMS_PER_ARTICLE;
  // One more than the cap is asked for, to know whether there were more.
  const found =
    options.extract === false
      ? null
      : options.extracted ??
        extract(input.body, { published: input.publishedAt, publisher: input.publisher, lexicon: options.lexicon ?? loadLexicon(db), maxClaims: cap + 1 });
  const extracted = found === null ? null : found.slice(0, cap);
  const claimsCapped = found !== null && found.length > cap;
  return db.transaction((): ImportResult => {
    const source = createSource(db, input, ctx);
    const claims = extracted === null ? [] : importExtractedClaims(db, source.id, extracted, ctx);
    const conflicts = extracted === null ? { created: 0, updated: 0, deleted: 0, staled: 0 } : recomputeConflicts(db, claims, options.settings, ctx);
    const nearDuplicates = options.nearDuplicates === true ? flagNearDuplicates(db, source, ctx) : [];
    if (claimsCapped) {
      recordAudit(db, { action: 'claims-capped', entity: 'source', entityId: source.id, after: { kept: claims.length }, reason: cappedClaimsText(claims.length) }, ctx);
    }
    options.afterStore?.(source, claims);
    return { source, claims, conflicts, nearDuplicates, claimsCapped };
  })();
}
