// Fetching a source's URL again (`crosscheck refetch`, the source page's button): the same text changes nothing;
// other text is stored as a new version of the source — its claims extracted, the old version kept with its claims
// and offsets — and the old version's claims whose quote is not in the new text are flagged for review.
import type { Db } from '../store/database.js';
import type { WriteContext } from '../store/context.js';
import { getSource, sha256Hex } from '../store/sources.js';
import { listClaimsOfSource } from '../store/claims.js';
import { flagChangedClaims, listVersions, type VersionFlag } from '../store/versions.js';
import { importSource, type ImportOptions } from './importer.js';
import { readUrlDocument } from './url-import.js';
import type { FetchLimits } from '../config.js';
import type { ExtractedClaim, Source } from '../domain/types.js';
import type { OffThread } from './extract-pool.js';
import { ValidationError } from '../domain/errors.js';

export type RefetchResult =
  | { changed: false; latest: Source }
  | { changed: true; previous: Source; version: Source; number: number; claims: number; flags: VersionFlag[] };

/**
 * What fetching again found: the newest version it was fetched for, the number the next version would take, the
 * text, and its candidate claims when they were extracted in the worker pool (a changed text, in the web app).
 */
export interface Refetched {
  latest: Source;
  number: number;
  doc: Awaited<ReturnType<typeof readUrlDocument>>;
  extracted?: ExtractedClaim[];
}

/**
 * Fetches the newest version of this source's article again (nothing stored yet). With `offThread` (the web app) the
 * page is read and a changed text's figures extracted in the worker pool, within its budgets (ValidationError over).
 */
export async function fetchAgain(db: Db, sourceId: number, limits: FetchLimits, ctx: WriteContext, offThread?: OffThread): Promise<Refetched> {
  const versions = listVersions(db, sourceId);
  const latest = getSource(db, versions.at(-1)?.id ?? sourceId);
  const url = latest.fetchedUrl ?? latest.url;
  if (!url) throw new ValidationError(`Source #${latest.id} has no URL to fetch again.`);
  const doc = await readUrlDocument(url, limits, ctx.clock, offThread?.read);
  const changed = sha256Hex(doc.body) !== latest.bodySha256;
  const extracted = offThread && changed ? await offThread.extract({ body: doc.body, publishedAt: latest.publishedAt, publisher: latest.publisher }) : undefined;
  return { latest, number: versions.length + 1, doc, extracted };
}

/** Stores the text fetched again as a new version when it changed (one transaction; the web wraps it for its Undo). */
export function storeRefetched(db: Db, fetched: Refetched, ctx: WriteContext, options: ImportOptions): RefetchResult {
  const { latest, doc } = fetched;
  if (sha256Hex(doc.body) === latest.bodySha256) return { changed: false, latest };
  const olderClaims = listClaimsOfSource(db, latest.id);
  let flags: VersionFlag[] = [];
  const { source, claims } = importSource(
    db,
    {
      title: latest.title,
      publisher: latest.publisher,
      author: latest.author,
      url: latest.url,
      publishedAt: latest.publishedAt,
      language: latest.language,
      body: doc.body,
      format: doc.format,
      mediaType: doc.mediaType,
      fetchedUrl: doc.fetchedUrl,
      fetchedAt: doc.fetchedAt,
      previousVersionId: latest.id,
    },
    ctx,
    // A new version is the same article: it is not reported as a near-duplicate of the one it replaces.
    { ...options, extracted: fetched.extracted, nearDuplicates: false, afterStore: (stored, storedClaims) => (flags = flagChangedClaims(db, olderClaims, stored, storedClaims, ctx)) },
  );
  return { changed: true, previous: latest, version: source, number: fetched.number, claims: claims.length, flags };
}

/** Fetches the newest version of this source's article again and stores its text when it changed. */
export async function refetchSource(db: Db, sourceId: number, limits: FetchLimits, ctx: WriteContext, options: ImportOptions): Promise<RefetchResult> {
  return storeRefetched(db, await fetchAgain(db, sourceId, limits, ctx), ctx, options);
}

/** One line saying what a refetch did. */
export function refetchLine(result: RefetchResult): string {
  if (!result.changed) return `source #${result.latest.id}: unchanged since ${result.latest.fetchedAt ?? result.latest.createdAt}`;
  const changed = result.flags.filter((f) => f.change === 'changed').length;
  const vanished = result.flags.length - changed;
  return (
    `source #${result.previous.id}: the text changed; stored as version ${result.number}, source #${result.version.id} ` +
    `(${result.claims} candidate claims); flagged for review: ${changed} with a changed quote, ${vanished} whose figure vanished`
  );
}
