// The audit log: one row per mutation, written by each repository inside the mutation's own transaction.
import type { AuditEvent } from '../domain/types.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';
import { nowIso, pageBounds, type Page, type PageRequest, type WriteContext } from './context.js';

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

/** What the activity page filters by; empty fields do not filter. Dates are YYYY-MM-DD, `to` inclusive. */
export interface ActivityFilter {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: number;
  from?: string;
  /** The day after the last day wanted (exclusive bound on `at`). */
  before?: string;
}

/** Counting stops here: a desk's log can be long, and "10,000+" says enough. */
const ACTIVITY_COUNT_CAP = 10_000;

/** Audit events matching `filter`, newest first, one page at a time. */
export function listActivity(db: Db, filter: ActivityFilter, request: PageRequest): Page<AuditEvent> {
  const { limit, offset } = pageBounds(request);
  const where: string[] = [];
  const params: Array<string | number> = [];
  const add = (sql: string, value: string | number | undefined) => {
    if (value === undefined || value === '') return;
    where.push(sql);
    params.push(value);
  };
  add('actor = ?', filter.actor);
  add('action = ?', filter.action);
  add('entity = ?', filter.entity);
  add('entity_id = ?', filter.entityId);
  add('at >= ?', filter.from);
  add('at < ?', filter.before);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = db.prepare(`SELECT * FROM audit_events ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...params, limit, offset) as AuditRow[];
  const { n } = db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM audit_events ${clause} LIMIT ?)`).get(...params, ACTIVITY_COUNT_CAP + 1) as { n: number };
  return { items: rows.map(toAuditEvent), total: Math.min(n, ACTIVITY_COUNT_CAP), capped: n > ACTIVITY_COUNT_CAP, limit, offset };
}
