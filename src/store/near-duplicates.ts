// Near-duplicate sources (the same wire story, small edits): found at import among the most recent sources and
// recorded on the new source as an audit event ("near-duplicate"), which its page shows with a link to the other.
import { jaccard, lengthsComparable, NEAR_DUPLICATE_THRESHOLD, shingles } from '../domain/near-duplicate.js';
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

/** The recent sources (other than this one) whose text is at least 80 % the same, most similar first. */
export function findNearDuplicates(db: Db, source: Pick<Source, 'id' | 'body'>, window = NEAR_DUPLICATE_WINDOW): NearDuplicate[] {
  const rows = db
    .prepare(
      `SELECT id, title, publisher, published_at, body FROM sources
       WHERE id IN (SELECT id FROM sources WHERE id != ? ORDER BY id DESC LIMIT ?)`,
    )
    .all(source.id, window) as { id: number; title: string; publisher: string; published_at: string; body: string }[];
  const mine = shingles(source.body);
  const found: NearDuplicate[] = [];
  for (const row of rows) {
    if (!lengthsComparable(source.body.length, row.body.length)) continue;
    const similarity = jaccard(mine, shingles(row.body));
    if (similarity >= NEAR_DUPLICATE_THRESHOLD) {
      found.push({ id: row.id, title: row.title, publisher: row.publisher, publishedAt: row.published_at, similarity: Math.round(similarity * 1000) / 1000 });
    }
  }
  return found.sort((a, b) => b.similarity - a.similarity || b.id - a.id);
}

/** Finds the near-duplicates of a just-imported source and records each on it (audited); returns them. */
export function flagNearDuplicates(db: Db, source: Pick<Source, 'id' | 'body'>, ctx: WriteContext): NearDuplicate[] {
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
