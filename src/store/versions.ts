// Versions of an article (migration 016): the chain of sources linked by previous_version_id, and the claims of an
// older version flagged because their quote is not in the newer text.
import type { Claim, Source } from '../domain/types.js';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';

export interface SourceVersion {
  id: number;
  /** 1 for the first text stored, counting up. */
  number: number;
  createdAt: string;
  fetchedAt: string | null;
  bodySha256: string;
}

export type VersionChange = 'changed' | 'vanished';

export interface VersionFlag {
  claimId: number;
  versionSourceId: number;
  change: VersionChange;
}

/** Every version of the article this source belongs to, oldest first (a source never fetched again: just itself). */
export function listVersions(db: Db, sourceId: number): SourceVersion[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE
         back(id, prev, depth) AS (
           SELECT id, previous_version_id, 0 FROM sources WHERE id = ?
           UNION ALL SELECT s.id, s.previous_version_id, b.depth - 1 FROM sources s JOIN back b ON s.id = b.prev),
         fwd(id, depth) AS (
           SELECT id, 0 FROM sources WHERE id = ?
           UNION ALL SELECT s.id, f.depth + 1 FROM sources s JOIN fwd f ON s.previous_version_id = f.id),
         chain(id, depth) AS (SELECT id, depth FROM back UNION SELECT id, depth FROM fwd)
       SELECT s.id, s.created_at, s.fetched_at, s.body_sha256 FROM chain c JOIN sources s ON s.id = c.id ORDER BY c.depth, s.id`,
    )
    .all(sourceId, sourceId) as { id: number; created_at: string; fetched_at: string | null; body_sha256: string }[];
  return rows.map((r, i) => ({ id: r.id, number: i + 1, createdAt: r.created_at, fetchedAt: r.fetched_at, bodySha256: r.body_sha256 }));
}

/** The flags on a source's claims, by claim id. */
export function versionFlagsOfSource(db: Db, sourceId: number): Map<number, VersionFlag> {
  const rows = db
    .prepare(
      `SELECT f.claim_id, f.version_source_id, f.change FROM claim_version_flags f JOIN claims c ON c.id = f.claim_id WHERE c.source_id = ?`,
    )
    .all(sourceId) as { claim_id: number; version_source_id: number; change: VersionChange }[];
  return new Map(rows.map((r) => [r.claim_id, { claimId: r.claim_id, versionSourceId: r.version_source_id, change: r.change }]));
}

/**
 * Flags the claims of `older` whose quote is not in `newer`'s text: "changed" when the new version still has a claim
 * with the same figure (as written) of the same kind, "vanished" otherwise. Audited; call inside the import's transaction.
 */
export function flagChangedClaims(db: Db, olderClaims: Claim[], newer: Source, newerClaims: Claim[], ctx: WriteContext): VersionFlag[] {
  const stillStated = new Set(newerClaims.map((c) => `${c.kind}\u0000${c.valueText}`));
  const flags = olderClaims
    .filter((claim) => !newer.body.includes(claim.quote))
    .map((claim): VersionFlag => ({ claimId: claim.id, versionSourceId: newer.id, change: stillStated.has(`${claim.kind}\u0000${claim.valueText}`) ? 'changed' : 'vanished' }));
  const insert = db.prepare(
    `INSERT INTO claim_version_flags (claim_id, version_source_id, change, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (claim_id) DO UPDATE SET version_source_id = excluded.version_source_id, change = excluded.change, created_at = excluded.created_at`,
  );
  for (const flag of flags) {
    insert.run(flag.claimId, flag.versionSourceId, flag.change, nowIso(ctx));
    recordAudit(db, { action: 'flag', entity: 'claim', entityId: flag.claimId, after: { change: flag.change, version: newer.id } }, ctx);
  }
  return flags;
}

/** The sources fetched by URL that are the newest version of their article (what `crosscheck refetch` checks). */
export function listRefetchableSourceIds(db: Db): number[] {
  return db
    .prepare(`SELECT id FROM sources s WHERE fetched_url IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sources n WHERE n.previous_version_id = s.id) ORDER BY id`)
    .pluck()
    .all() as number[];
}

/** The claim's version flag, or null when it has none. */
export function versionFlagOfClaim(db: Db, claimId: number): VersionFlag | null {
  const row = db.prepare('SELECT claim_id, version_source_id, change FROM claim_version_flags WHERE claim_id = ?').get(claimId) as
    | { claim_id: number; version_source_id: number; change: VersionChange }
    | undefined;
  return row ? { claimId: row.claim_id, versionSourceId: row.version_source_id, change: row.change } : null;
}

/**
 * Clears the version flags of these claims — a reviewer checked them against the newer version, or confirmed,
 * rejected or edited them since — one audit event per flag cleared, saying why. Returns the flags it cleared.
 */
export function clearVersionFlags(db: Db, claimIds: readonly number[], why: string, ctx: WriteContext): VersionFlag[] {
  return db.transaction(() => {
    const cleared = claimIds.map((id) => versionFlagOfClaim(db, id)).filter((flag): flag is VersionFlag => flag !== null);
    const remove = db.prepare('DELETE FROM claim_version_flags WHERE claim_id = ?');
    for (const flag of cleared) {
      remove.run(flag.claimId);
      recordAudit(db, { action: 'unflag', entity: 'claim', entityId: flag.claimId, before: { change: flag.change, version: flag.versionSourceId }, after: null, reason: why }, ctx);
    }
    return cleared;
  })();
}
