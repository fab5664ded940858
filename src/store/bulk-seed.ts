// Bulk inserts for seeding large benchmark databases (npm run bench:pages): one prepared statement per table, rows
// written as given, without validation, audit of their own or conflict recomputation — the caller writes history
// and conflicts itself, inside its own transactions. Never used by the application.
import type { Db } from './database.js';

export interface SeedSource {
  title: string;
  publisher: string;
  author: string | null;
  url: string | null;
  publishedAt: string;
  body: string;
  sha256: string;
  format: string;
  at: string;
}

export interface SeedClaim {
  sourceId: number;
  quote: string;
  start: number;
  end: number;
  valueText: string;
  kind: string;
  metric: string;
  subjectId: number | null;
  low: number | string | null;
  high: number | string | null;
  unit: string;
  qualifier: string;
  scopeFrom: string | null;
  speakerId: number | null;
  hedge: string | null;
  status: string;
  rank: string;
  origin: string;
  version: number;
  at: string;
}

export interface SeedConflict {
  key: string;
  rule: string;
  severity: number;
  explanation: string;
  status: string;
  resolutionNote: string | null;
  preferredClaimId: number | null;
  subjectId: number | null;
  metric: string;
  manual: number;
  stale: number;
  at: string;
}

export interface SeedAudit {
  at: string;
  action: string;
  entity: string;
  entityId: number;
  before: string | null;
  after: string | null;
  reason: string | null;
}

/** The bulk writers over one connection; each returns the new row's id where it has one. */
export function bulkSeeder(db: Db) {
  const source = db.prepare(
    `INSERT INTO sources (title, publisher, author, url, published_at, language, body, body_sha256, format, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, ?)`,
  );
  const claim = db.prepare(
    `INSERT INTO claims (source_id, quote, quote_start, quote_end, value_text, kind, metric, subject_id, value_low, value_high,
       value_unit, qualifier, scope_from, speaker_id, hedge, status, rank, origin, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const audit = db.prepare(
    `INSERT INTO audit_events (at, actor, action, entity, entity_id, before_json, after_json, reason) VALUES (?, 'local', ?, ?, ?, ?, ?, ?)`,
  );
  const conflict = db.prepare(
    `INSERT INTO conflicts (key, rule, severity, explanation, status, resolution_note, preferred_claim_id, subject_id, metric, manual, stale, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const conflictClaim = db.prepare('INSERT INTO conflict_claims (conflict_id, claim_id) VALUES (?, ?)');
  const entity = db.prepare(
    'INSERT INTO entities (name, type, normalized_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (normalized_name) DO NOTHING',
  );
  const entityByName = db.prepare('SELECT id FROM entities WHERE normalized_name = ?').pluck();
  return {
    source: (s: SeedSource): number =>
      Number(source.run(s.title, s.publisher, s.author, s.url, s.publishedAt, s.body, s.sha256, s.format, s.at, s.at).lastInsertRowid),
    claim: (c: SeedClaim): number =>
      Number(
        claim.run(c.sourceId, c.quote, c.start, c.end, c.valueText, c.kind, c.metric, c.subjectId, c.low, c.high, c.unit, c.qualifier,
          c.scopeFrom, c.speakerId, c.hedge, c.status, c.rank, c.origin, c.version, c.at, c.at).lastInsertRowid,
      ),
    audit: (a: SeedAudit): void => {
      audit.run(a.at, a.action, a.entity, a.entityId, a.before, a.after, a.reason);
    },
    conflict: (c: SeedConflict, claimIds: readonly number[]): number => {
      const id = Number(
        conflict.run(c.key, c.rule, c.severity, c.explanation, c.status, c.resolutionNote, c.preferredClaimId, c.subjectId, c.metric, c.manual,
          c.stale, c.at, c.at).lastInsertRowid,
      );
      for (const claimId of claimIds) conflictClaim.run(id, claimId);
      return id;
    },
    /** An entity by name, keeping one already stored under the same folded name; its id. */
    entity: (name: string, type: string, normalized: string, at: string): number => {
      entity.run(name, type, normalized, at, at);
      return entityByName.get(normalized) as number;
    },
  };
}
