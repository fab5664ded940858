// Sources: the imported articles, stored verbatim with their sha256. Claims point into their bodies by offsets,
// so a body never changes after import; only the metadata is editable.
import { createHash } from 'node:crypto';
import type { ClaimStatus, IsoDate, Source, SourceFormat } from '../domain/types.js';
import { NotFoundError, StaleEditError } from '../domain/errors.js';
import { checkSource } from '../domain/source-checks.js';
import type { Db } from './database.js';
import { definedOnly, nowIso, pageBounds, type Page, type PageRequest, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';
import { conflictsTouching, pruneConflictsWithoutClaims } from './conflict-pruning.js';

export interface SourceRow {
  id: number;
  title: string;
  publisher: string;
  author: string | null;
  url: string | null;
  published_at: string;
  language: string;
  body: string;
  body_sha256: string;
  format: string;
  version: number;
  created_at: string;
  updated_at: string;
  fetched_url: string | null;
  fetched_at: string | null;
  media_type: string | null;
  previous_version_id: number | null;
}

export interface NewSource {
  title: string;
  publisher: string;
  author?: string | null;
  url?: string | null;
  publishedAt: IsoDate;
  language?: string;
  body: string;
  format: SourceFormat;
  fetchedUrl?: string | null;
  fetchedAt?: string | null;
  mediaType?: string | null;
  previousVersionId?: number | null;
}

export type SourceMetadata = Pick<Source, 'title' | 'publisher' | 'author' | 'url' | 'publishedAt' | 'language'>;

/** A source in a list: metadata without the body, plus how many claims it has in each status. */
export interface SourceSummary extends Omit<Source, 'body'> {
  bodyLength: number;
  claimCount: number;
  claimCounts: Record<ClaimStatus, number>;
}

const SUMMARY_COLUMNS = `id, title, publisher, author, url, published_at, language, length(body) AS body_length,
  body_sha256, format, version, created_at, updated_at, fetched_url, fetched_at, media_type, previous_version_id`;

/** The one mapping from a sources row to the domain Source. */
export function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    title: row.title,
    publisher: row.publisher,
    author: row.author,
    url: row.url,
    publishedAt: row.published_at,
    language: row.language,
    body: row.body,
    bodySha256: row.body_sha256,
    format: row.format as SourceFormat,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    fetchedUrl: row.fetched_url,
    fetchedAt: row.fetched_at,
    mediaType: row.media_type,
    previousVersionId: row.previous_version_id,
  };
}

/** sha256 (hex) of the UTF-8 bytes of a text: equals the file's sha256 when the file was read as UTF-8 unchanged. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What the audit log keeps of a source: everything but the body, which may be megabytes (its sha256 identifies it). */
function auditView(source: Source): Omit<Source, 'body'> & { bodyLength: number } {
  const { body, ...rest } = source;
  return { ...rest, bodyLength: body.length };
}

/** Stores a new source with its body verbatim and its sha256; ValidationError on a missing title or bad date. Audited. */
export function createSource(db: Db, input: NewSource, ctx: WriteContext): Source {
  checkSource(input, new Date(nowIso(ctx)));
  return db.transaction(() => {
    const at = nowIso(ctx);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO sources (title, publisher, author, url, published_at, language, body, body_sha256, format, created_at, updated_at,
           fetched_url, fetched_at, media_type, previous_version_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.title,
        input.publisher,
        input.author ?? null,
        input.url ?? null,
        input.publishedAt,
        input.language ?? 'en',
        input.body,
        sha256Hex(input.body),
        input.format,
        at,
        at,
        input.fetchedUrl ?? null,
        input.fetchedAt ?? null,
        input.mediaType ?? null,
        input.previousVersionId ?? null,
      );
    const source = getSource(db, Number(lastInsertRowid));
    recordAudit(db, { action: 'create', entity: 'source', entityId: source.id, after: auditView(source) }, ctx);
    return source;
  })();
}

/** The source with this id, body included; NotFoundError when there is none. */
export function getSource(db: Db, id: number): Source {
  const row = db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as SourceRow | undefined;
  if (!row) throw new NotFoundError(`Source ${id}`);
  return toSource(row);
}

/** Sources whose body has this sha256 (to warn about re-importing the same text). */
export function findSourcesBySha256(db: Db, sha256: string): Source[] {
  const rows = db.prepare('SELECT * FROM sources WHERE body_sha256 = ? ORDER BY id').all(sha256) as SourceRow[];
  return rows.map(toSource);
}

/** A page of sources, most recently added first, without bodies, with claim counts per status. */
export function listSources(db: Db, request: PageRequest = {}): Page<SourceSummary> {
  const { limit, offset } = pageBounds(request);
  // The page's ids are picked first from the narrow sources_id index (migration 005): skipping to page 2,000 then
  // reads index entries, not the row of every skipped article (each about a database page of text).
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM sources WHERE id IN (SELECT id FROM sources ORDER BY id DESC LIMIT ? OFFSET ?) ORDER BY id DESC`)
    .all(limit, offset) as (Omit<SourceRow, 'body'> & { body_length: number })[];
  const counts = claimCountsBySource(db, rows.map((r) => r.id));
  const items = rows.map((row): SourceSummary => {
    const { body: _body, ...source } = toSource({ ...row, body: '' });
    const claimCounts = counts.get(row.id) ?? { candidate: 0, confirmed: 0, rejected: 0 };
    return {
      ...source,
      bodyLength: row.body_length,
      claimCounts,
      claimCount: claimCounts.candidate + claimCounts.confirmed + claimCounts.rejected,
    };
  });
  return { items, total: countSources(db), limit, offset };
}

/** Claim counts per status for a set of sources, in one query (no query per row). */
function claimCountsBySource(db: Db, sourceIds: number[]): Map<number, Record<ClaimStatus, number>> {
  const counts = new Map<number, Record<ClaimStatus, number>>();
  if (sourceIds.length === 0) return counts;
  const rows = db
    .prepare(
      `SELECT source_id, status, count(*) AS n FROM claims
       WHERE source_id IN (SELECT value FROM json_each(?)) GROUP BY source_id, status`,
    )
    .all(JSON.stringify(sourceIds)) as { source_id: number; status: ClaimStatus; n: number }[];
  for (const row of rows) {
    const entry = counts.get(row.source_id) ?? { candidate: 0, confirmed: 0, rejected: 0 };
    entry[row.status] = row.n;
    counts.set(row.source_id, entry);
  }
  return counts;
}

/** A source as a citation: everything but the body. */
export type SourceCitation = Omit<Source, 'body'>;

/** The given sources without their bodies, in id order (unknown ids left out); one query. */
export function listSourceCitations(db: Db, ids: number[]): SourceCitation[] {
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM sources WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .all(JSON.stringify(ids)) as (Omit<SourceRow, 'body'> & { body_length: number })[];
  return rows.map((row) => {
    const { body: _body, ...citation } = toSource({ ...row, body: '' });
    return citation;
  });
}

/** Number of sources. */
export function countSources(db: Db): number {
  // kept by triggers (migration 011): count(*) reads every row of a large table
  return db.prepare("SELECT n FROM table_counts WHERE name = 'sources'").pluck().get() as number;
}

/** Changes a source's metadata when `version` is still current (else StaleEditError); audited. The body never changes. */
export function updateSource(db: Db, id: number, version: number, patch: Partial<SourceMetadata>, ctx: WriteContext): Source {
  return db.transaction(() => {
    const before = getSource(db, id);
    if (before.version !== version) throw new StaleEditError(`Source “${before.title}”`);
    const next = { ...before, ...definedOnly(patch) };
    // The range applies to a date being set; an older source keeps its date through other edits.
    checkSource(next, next.publishedAt !== before.publishedAt ? new Date(nowIso(ctx)) : null);
    db.prepare(
      `UPDATE sources SET title = ?, publisher = ?, author = ?, url = ?, published_at = ?, language = ?,
         version = version + 1, updated_at = ?
       WHERE id = ? AND version = ?`,
    ).run(next.title, next.publisher, next.author, next.url, next.publishedAt, next.language, nowIso(ctx), id, version);
    const after = getSource(db, id);
    recordAudit(db, { action: 'update', entity: 'source', entityId: id, before: auditView(before), after: auditView(after) }, ctx);
    return after;
  })();
}

/**
 * Deletes a source and (by cascade) its claims, and conflicts left with fewer than two claims; audited.
 * `version`, when given, must still be current.
 */
export function deleteSource(db: Db, id: number, ctx: WriteContext, version?: number): void {
  db.transaction(() => {
    const before = getSource(db, id);
    if (version !== undefined && before.version !== version) throw new StaleEditError(`Source “${before.title}”`);
    const claimCount = (db.prepare('SELECT count(*) AS n FROM claims WHERE source_id = ?').get(id) as { n: number }).n;
    const touched = conflictsTouching(db, 'SELECT id FROM claims WHERE source_id = ?', id);
    db.prepare('DELETE FROM sources WHERE id = ?').run(id);
    pruneConflictsWithoutClaims(db, touched, ctx);
    recordAudit(db, { action: 'delete', entity: 'source', entityId: id, before: { ...auditView(before), claimCount } }, ctx);
  })();
}
