// The audit log: one row per mutation, written by each repository inside the mutation's own transaction.
import type { AuditEvent } from '../domain/types.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
}

export interface AuditInput {
  action: AuditEvent['action'];
  entity: AuditEvent['entity'];
  entityId: number;
  before?: unknown;
  after?: unknown;
  /** Overrides ctx.reason for this event. */
  reason?: string | null;
}

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    reason: row.reason,
  };
}

/** The insert, prepared once per database: a merge or an import writes one event per claim. */
const inserts = new WeakMap<Db, Statement>();

function insertStatement(db: Db): Statement {
  let insert = inserts.get(db);
  if (!insert) {
    insert = db.prepare(
      `INSERT INTO audit_events (at, actor, action, entity, entity_id, before_json, after_json, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    inserts.set(db, insert);
  }
  return insert;
}

/** Writes one audit event; call it inside the transaction of the change it records. */
export function recordAudit(db: Db, event: AuditInput, ctx: WriteContext): void {
  insertStatement(db).run(
    nowIso(ctx),
    ctx.actor,
    event.action,
    event.entity,
    event.entityId,
    event.before === undefined || event.before === null ? null : JSON.stringify(event.before),
    event.after === undefined || event.after === null ? null : JSON.stringify(event.after),
    event.reason ?? ctx.reason ?? null,
  );
}

/** Audit events of one item (e.g. 'claim', 42), oldest first. */
export function listAudit(db: Db, entity: string, entityId: number): AuditEvent[] {
  const rows = db
    .prepare('SELECT * FROM audit_events WHERE entity = ? AND entity_id = ? ORDER BY id')
    .all(entity, entityId) as AuditRow[];
  return rows.map(toAuditEvent);
}

/** The most recent audit events across everything, newest first. */
export function listRecentAudit(db: Db, limit = 50): AuditEvent[] {
  const rows = db.prepare('SELECT * FROM audit_events ORDER BY id DESC LIMIT ?').all(Math.max(1, Math.trunc(limit))) as AuditRow[];
  return rows.map(toAuditEvent);
}
