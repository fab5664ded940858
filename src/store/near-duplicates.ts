// Near-duplicate sources (the same wire story, small edits): found at import among the most recent sources and
// recorded on the new source as an audit event ("near-duplicate"), which its page shows with a link to the other.
import { estimateJaccard, jaccard, lengthsComparable, NEAR_DUPLICATE_THRESHOLD, shingleHashes, sketchOf } from '../domain/near-duplicate.js';
import type { AuditEvent, Source } from '../domain/types.js';
import type { Db } from './database.js';
import type { WriteContext } from './context.js';
import { recordAudit } from './audit.js';

/** How many of the most recent sources a new one is compared with: bounded work per import. */
export const NEAR_DUPLICATE_WINDOW = 200;

export interface NearDuplicate {
  id: number;
  title: string;
  publisher: string;
  publishedAt: string;
  /** Jaccard similarity of the word 3-grams, 0–1. */
  similarity: number;
}

/**
 * Shingle sets of recent sources by id, per database: a body never changes after import; the sha256 kept with each
 * set catches an id that SQLite hands out again after the newest source was deleted. Bounded, oldest out first.
 */
interface Shingled {
  sha256: string;
  length: number;
  hashes: Set<number>;
  sketch: number[];
}

const shingleCache = new WeakMap<Db, Map<number, Shingled>>();
const SHINGLE_CACHE_MAX = 2 * NEAR_DUPLICATE_WINDOW + 56;

function cacheOf(db: Db): Map<number, Shingled> {
  let cache = shingleCache.get(db);
  if (!cache) {
    cache = new Map();
    shingleCache.set(db, cache);
  }
  return cache;
}

function remember(cache: Map<number, Shingled>, id: number, sha256: string, body: string) {
  const hashes = shingleHashes(body);
  const entry = { sha256, length: body.length, hashes, sketch: sketchOf(hashes) };
  cache.set(id, entry);
  while (cache.size > SHINGLE_CACHE_MAX) cache.delete(cache.keys().next().value as number);
  return entry;
}

/**
 * The recent sources (other than this one) whose text is at least 80 % the same, most similar first. Reads the bodies
 * of the `window` newest sources only when their shingles are not cached from an earlier import in this process.
 */
export function findNearDuplicates(db: Db, source: Pick<Source, 'id' | 'body' | 'bodySha256'>, window = NEAR_DUPLICATE_WINDOW): NearDuplicate[] {
  const rows = db
    .prepare(
      `SELECT id, title, publisher, published_at, body_sha256 FROM sources
       WHERE id IN (SELECT id FROM sources WHERE id != ? ORDER BY id DESC LIMIT ?)`,
    )
    .all(source.id, window) as { id: number; title: string; publisher: string; published_at: string; body_sha256: string }[];
  const cache = cacheOf(db);
  const missing = rows.filter((row) => cache.get(row.id)?.sha256 !== row.body_sha256).map((row) => row.id);
  if (missing.length > 0) {
    const bodies = db.prepare('SELECT id, body_sha256, body FROM sources WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(missing)) as { id: number; body_sha256: string; body: string }[];
    for (const row of bodies) remember(cache, row.id, row.body_sha256, row.body);
  }
  const cached = cache.get(source.id);
  const mine = cached?.sha256 === source.bodySha256 ? cached : remember(cache, source.id, source.bodySha256, source.body);
  const found: NearDuplicate[] = [];
  for (const row of rows) {
    const other = cache.get(row.id);
    if (!other || !lengthsComparable(source.body.length, other.length)) continue;
    // The sketch rules out almost every pair at once; only likely matches are compared in full.
    if (estimateJaccard(mine.sketch, other.sketch) < NEAR_DUPLICATE_THRESHOLD - 0.25) continue;
    const similarity = jaccard(mine.hashes, other.hashes);
    if (similarity >= NEAR_DUPLICATE_THRESHOLD) {
      found.push({ id: row.id, title: row.title, publisher: row.publisher, publishedAt: row.published_at, similarity: Math.round(similarity * 1000) / 1000 });
    }
  }
  return found.sort((a, b) => b.similarity - a.similarity || b.id - a.id);
}

/** Finds the near-duplicates of a just-imported source and records each on it (audited); returns them. */
export function flagNearDuplicates(db: Db, source: Pick<Source, 'id' | 'body' | 'bodySha256'>, ctx: WriteContext): NearDuplicate[] {
  return db.transaction(() => {
    const found = findNearDuplicates(db, source);
    for (const other of found) {
      recordAudit(db, { action: 'near-duplicate', entity: 'source', entityId: source.id, after: { nearDuplicateOf: other }, reason: `${Math.round(other.similarity * 100)} % the same text as source #${other.id}` }, ctx);
    }
    return found;
  })();
}

/** The near-duplicates recorded in a source's history, those still stored. */
export function nearDuplicatesInHistory(db: Db, audit: AuditEvent[]): NearDuplicate[] {
  const recorded = audit
    .filter((event) => event.action === 'near-duplicate')
    .map((event) => (event.after as { nearDuplicateOf?: NearDuplicate } | null)?.nearDuplicateOf)
    .filter((other): other is NearDuplicate => other !== undefined && typeof other.id === 'number');
  if (recorded.length === 0) return [];
  const stored = new Set(
    (db.prepare('SELECT id FROM sources WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(recorded.map((o) => o.id))) as { id: number }[]).map((r) => r.id),
  );
  return recorded.filter((other) => stored.has(other.id));
}
