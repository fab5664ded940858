// What an undoable write changed, and putting it back. While the write runs, temporary triggers note the first
// state of every row it touches in the tables below (inserted, updated or deleted, cascades and trigger-made
// changes included); afterwards each touched row is stored with its state before and after, as JSON, in
// undo_log. Reverting checks that every row is still as the write left it (else nothing changes) and sets each
// back, ids kept. Written by hand: SQLite's session extension does this, but better-sqlite3 does not expose it.
import { AppError } from '../domain/errors.js';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';

/**
 * The tables an undo restores, parents before children. `check`: what must be unchanged since the write for its
 * undo to apply — the whole row, only some columns (a conflict's decision: recomputation rewrites the rest), or
 * nothing (link rows that follow their parents). A `derived` row is restored only where its parents still exist
 * and its key is free; recomputation after the undo puts the rest right. `audit`: the audit log's name for it.
 */
const TABLES: Record<string, { check: 'row' | 'none' | readonly string[]; derived?: boolean; audit?: string; noun?: string; skip?: readonly string[] }> = {
  sources: { check: 'row', audit: 'source', noun: 'source' },
  entities: { check: 'row', audit: 'entity', noun: 'entity' },
  entity_aliases: { check: 'row', noun: 'spelling' },
  claims: { check: 'row', audit: 'claim', noun: 'claim' },
  claim_ratings: { check: 'row', derived: true, audit: 'claim', noun: 'rating of claim' },
  conflicts: { check: ['status', 'resolution_note', 'preferred_claim_id'], derived: true, audit: 'conflict', noun: 'conflict' },
  conflict_claims: { check: 'none', derived: true },
  resolution_proposals: { check: 'row', derived: true, noun: 'proposal on conflict' },
  comments: { check: 'row', noun: 'comment' },
  assignments: { check: 'row', derived: true, noun: 'assignment of source' },
  subject_assignments: { check: 'row', derived: true, noun: 'assignment of entity' },
  claim_version_flags: { check: 'row', derived: true, audit: 'claim', noun: 'version flag of claim' },
  feeds: { check: 'row', audit: 'feed', noun: 'feed' },
  feed_items: { check: 'none', derived: true },
  lexicon_metrics: { check: 'row', audit: 'lexicon', noun: 'metric' },
  lexicon_grammar: { check: 'row', audit: 'lexicon-grammar', noun: 'grammar list' },
  // `skip`: columns neither logged nor put back (a password hash stays out of the log; signing in is no change to undo).
  users: { check: 'row', audit: 'user', noun: 'user', skip: ['password_hash', 'last_sign_in_at'] },
};
const TABLE_NAMES = Object.keys(TABLES);

/** One touched row: its table, its key (JSON array of the primary key's values), its state before and after (JSON, null: absent). */
export interface LoggedRow {
  t: string;
  k: string;
  b: string | null;
  a: string | null;
}

interface Shape {
  columns: string[];
  pk: string[];
  parents: { from: string; table: string; to: string }[];
}

const shapes = new WeakMap<Db, Map<string, Shape>>();

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Columns (generated and skipped ones left out), primary key and foreign keys of a table, read once per connection. */
function shapeOf(db: Db, table: string): Shape {
  let byTable = shapes.get(db);
  if (!byTable) shapes.set(db, (byTable = new Map()));
  let shape = byTable.get(table);
  if (!shape) {
    const info = db.prepare(`SELECT name, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid`).all(table) as { name: string; pk: number; hidden: number }[];
    const fks = db.prepare('SELECT "from", "table", "to" FROM pragma_foreign_key_list(?)').all(table) as { from: string; table: string; to: string }[];
    shape = {
      columns: info.filter((c) => c.hidden === 0 && !TABLES[table]?.skip?.includes(c.name)).map((c) => c.name),
      pk: info.filter((c) => c.pk > 0).sort((x, y) => x.pk - y.pk).map((c) => c.name),
      parents: fks.map((fk) => ({ from: fk.from, table: fk.table, to: fk.to ?? 'id' })),
    };
    byTable.set(table, shape);
  }
  return shape;
}

const rowJson = (shape: Shape, alias: string): string => `json_object(${shape.columns.map((c) => `'${c}', ${alias}.${quote(c)}`).join(', ')})`;
const keyJson = (shape: Shape, alias: string): string => `json_array(${shape.pk.map((c) => `${alias}.${quote(c)}`).join(', ')})`;
const whereKey = (shape: Shape): string => shape.pk.map((c) => `${quote(c)} = ?`).join(' AND ');

/** The row's state now, as the same JSON the log holds (null: absent). */
function currentRow(db: Db, table: string, key: unknown[]): string | null {
  const shape = shapeOf(db, table);
  const row = db.prepare(`SELECT ${rowJson(shape, 'r')} AS j FROM ${quote(table)} r WHERE ${whereKey(shape)}`).get(...key) as { j: string } | undefined;
  return row?.j ?? null;
}

function installTriggers(db: Db): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS undo_capture (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, k TEXT NOT NULL, op TEXT NOT NULL, old TEXT)');
  db.exec('CREATE INDEX IF NOT EXISTS temp.undo_capture_row ON undo_capture (tbl, k, seq)');
  db.exec('DELETE FROM temp.undo_capture');
  for (const table of TABLE_NAMES) {
    const shape = shapeOf(db, table);
    const note = (op: string, alias: string, old: string) =>
      `CREATE TEMP TRIGGER undo_capture_${table}_${op} AFTER ${op === 'i' ? 'INSERT' : op === 'u' ? 'UPDATE' : 'DELETE'} ON ${quote(table)} BEGIN
         INSERT INTO undo_capture (tbl, k, op, old) VALUES ('${table}', ${keyJson(shape, alias)}, '${op}', ${old});
       END;`;
    db.exec(note('i', 'NEW', 'NULL') + note('u', 'OLD', rowJson(shape, 'OLD')) + note('d', 'OLD', rowJson(shape, 'OLD')));
  }
}

function dropTriggers(db: Db): void {
  for (const table of TABLE_NAMES) {
    for (const op of ['i', 'u', 'd']) db.exec(`DROP TRIGGER IF EXISTS temp.undo_capture_${table}_${op}`);
  }
}

/** Each touched row once, with its first state (before the write) and its state now (after it); unchanged rows left out. */
function collect(db: Db): LoggedRow[] {
  const first = db
    .prepare(`SELECT tbl, k, op, old FROM temp.undo_capture c WHERE seq = (SELECT min(seq) FROM temp.undo_capture f WHERE f.tbl = c.tbl AND f.k = c.k) ORDER BY seq`)
    .all() as { tbl: string; k: string; op: string; old: string | null }[];
  db.exec('DELETE FROM temp.undo_capture');
  return first
    .map((r) => ({ t: r.tbl, k: r.k, b: r.op === 'i' ? null : r.old, a: currentRow(db, r.tbl, JSON.parse(r.k) as unknown[]) }))
    .filter((r) => r.b !== r.a);
}

/**
 * Runs `write` in one transaction and logs every row it changed, under the message `label` gives for its result,
 * for an Undo offered to `session`; returns the result, the message and the log's id (null when the write changed
 * nothing undoable). Logs created before `keepSince` (the Undo window) are removed.
 */
export function captureChanges<T>(
  db: Db,
  log: { session: string; keepSince: string; label: (result: T) => string },
  ctx: WriteContext,
  write: () => T,
): { result: T; label: string; logId: number | null } {
  return db.transaction(() => {
    installTriggers(db);
    let result: T;
    let rows: LoggedRow[];
    try {
      result = write();
      rows = collect(db);
    } finally {
      dropTriggers(db);
    }
    const label = log.label(result);
    db.prepare('DELETE FROM undo_log WHERE created_at < ?').run(log.keepSince);
    if (rows.length === 0) return { result, label, logId: null };
    const { lastInsertRowid } = db
      .prepare('INSERT INTO undo_log (session, created_at, label, rows_json) VALUES (?, ?, ?, ?)')
      .run(log.session, nowIso(ctx), label, JSON.stringify(rows));
    return { result, label, logId: Number(lastInsertRowid) };
  })();
}

export interface UndoLog {
  id: number;
  session: string;
  label: string;
  undone: boolean;
  rows: LoggedRow[];
}

/** A log by id (null when it is gone: undone long ago or older than the window). */
export function getUndoLog(db: Db, id: number): UndoLog | null {
  const row = db.prepare('SELECT id, session, label, rows_json, undone_at FROM undo_log WHERE id = ?').get(id) as
    | { id: number; session: string; label: string; rows_json: string; undone_at: string | null }
    | undefined;
  return row ? { id: row.id, session: row.session, label: row.label, undone: row.undone_at !== null, rows: JSON.parse(row.rows_json) as LoggedRow[] } : null;
}

function differs(table: string, now: string | null, after: string | null): boolean {
  const check = TABLES[table]?.check ?? 'row';
  if (check === 'none') return false;
  if (check === 'row') return now !== after;
  if (after === null) return false; // a derived row that was deleted: restored only if its key is free
  if (now === null) return true;
  const [x, y] = [JSON.parse(now) as Record<string, unknown>, JSON.parse(after) as Record<string, unknown>];
  return check.some((column) => x[column] !== y[column]);
}

/** The first row changed since the write, named for a message ("claim #12"), or null when every row is as the write left it. */
export function changedSince(db: Db, log: UndoLog): string | null {
  for (const row of log.rows) {
    if (differs(row.t, currentRow(db, row.t, JSON.parse(row.k) as unknown[]), row.a)) {
      const key = JSON.parse(row.k) as unknown[];
      return `${TABLES[row.t]?.noun ?? row.t} #${String(key[0])}`;
    }
  }
  return null;
}

/** The first parent a row refers to that does not exist ("entities #4"), or null when they all do. */
function missingParent(db: Db, shape: Shape, values: Record<string, unknown>): string | null {
  const gone = shape.parents.find(
    (p) => values[p.from] !== null && values[p.from] !== undefined && db.prepare(`SELECT 1 FROM ${quote(p.table)} WHERE ${quote(p.to)} = ?`).get(values[p.from]) === undefined,
  );
  return gone ? `${TABLES[gone.table]?.noun ?? gone.table} #${String(values[gone.from])}` : null;
}

const parentsExist = (db: Db, shape: Shape, values: Record<string, unknown>): boolean => missingParent(db, shape, values) === null;

/** After the rows are back: a restored row that refers to something deleted since (a speaker entity) stops the undo. */
function requireParents(db: Db, rows: LoggedRow[]): void {
  for (const row of rows) {
    if (row.b === null || TABLES[row.t]?.derived) continue;
    const gone = missingParent(db, shapeOf(db, row.t), JSON.parse(row.b) as Record<string, unknown>);
    if (gone) throw new AppError(`This change was not undone: ${gone}, which it would bring back a reference to, is gone. Nothing was changed.`, 409, 'stale_edit');
  }
}

function restoreRow(db: Db, row: LoggedRow): void {
  const shape = shapeOf(db, row.t);
  const derived = TABLES[row.t]?.derived === true;
  const key = JSON.parse(row.k) as unknown[];
  if (row.b === null) {
    db.prepare(`DELETE FROM ${quote(row.t)} WHERE ${whereKey(shape)}`).run(...key);
    return;
  }
  const before = JSON.parse(row.b) as Record<string, unknown>;
  if (derived && !parentsExist(db, shape, before)) return;
  const values = shape.columns.map((c) => before[c] ?? null);
  if (row.a === null || currentRow(db, row.t, key) === null) {
    if (row.a !== null && !derived) return;
    const cols = shape.columns.map(quote).join(', ');
    db.prepare(`INSERT ${derived ? 'OR IGNORE ' : ''}INTO ${quote(row.t)} (${cols}) VALUES (${shape.columns.map(() => '?').join(', ')})`).run(...values);
    return;
  }
  db.prepare(`UPDATE ${derived ? 'OR IGNORE ' : ''}${quote(row.t)} SET ${shape.columns.map((c) => `${quote(c)} = ?`).join(', ')} WHERE ${whereKey(shape)}`).run(...values, ...key);
}

/** The audit's view of a row: a source without its text. */
function auditable(json: string | null): unknown {
  if (json === null) return null;
  const { body, ...rest } = JSON.parse(json) as Record<string, unknown>;
  return body === undefined ? rest : { ...rest, bodyLength: String(body).length };
}

/** One 'undo' event per item put back: a claim's rating or version flag is audited on the claim, once with it. */
function auditUndo(db: Db, rows: LoggedRow[], ctx: WriteContext): void {
  const audited = new Set<string>();
  const own = rows.filter((r) => !TABLES[r.t]?.derived);
  for (const row of [...own, ...rows.filter((r) => TABLES[r.t]?.derived)]) {
    const entity = TABLES[row.t]?.audit;
    if (!entity) continue;
    const check = TABLES[row.t]?.check;
    if (Array.isArray(check) && row.a !== null && row.b !== null && !differs(row.t, row.b, row.a)) continue;
    const id = Number((JSON.parse(row.k) as unknown[])[0]);
    if (audited.has(`${entity}:${id}`)) continue;
    audited.add(`${entity}:${id}`);
    recordAudit(db, { action: 'undo', entity, entityId: id, before: auditable(row.a), after: auditable(row.b) }, ctx);
  }
}

/**
 * Puts back every row a logged write changed, when each is still as the write left it (else a 409 naming the
 * first that is not, and nothing changes): rows the write added are removed, rows it deleted come back with
 * their ids, rows it changed get their earlier values. One transaction, one audit event 'undo' per source, claim,
 * entity, decided conflict and metric put back, the log marked undone. Returns the rows it put back.
 */
export function revertChanges(db: Db, log: UndoLog, ctx: WriteContext): LoggedRow[] {
  return db.transaction(() => {
    const fresh = getUndoLog(db, log.id);
    if (!fresh || fresh.undone) throw new AppError('This change was not undone: it was undone already. Nothing was changed.', 409, 'undo_done');
    const changed = changedSince(db, fresh);
    if (changed) throw new AppError(`This change was not undone: ${changed} has changed since. Nothing was changed.`, 409, 'stale_edit');
    // Rows come back in any order; the keys between them are checked when the transaction commits.
    db.pragma('defer_foreign_keys = ON');
    // Rows the write added go first; derived rows come back last, once the rows they hang on are back.
    const removed = fresh.rows.filter((r) => r.b === null).reverse();
    const rank = (r: LoggedRow) => (TABLES[r.t]?.derived ? 2 : 0) + (r.a === null ? 1 : 0);
    const restored = fresh.rows.filter((r) => r.b !== null).sort((x, y) => rank(x) - rank(y) || TABLE_NAMES.indexOf(x.t) - TABLE_NAMES.indexOf(y.t));
    // Audited first: a trigger on audit_events stamps a claim it sees confirmed (confirmed_by); the rows put back
    // after it keep their own stamp.
    auditUndo(db, fresh.rows, { ...ctx, reason: `Undo of: ${fresh.label}` });
    for (const row of [...removed, ...restored]) restoreRow(db, row);
    requireParents(db, restored);
    db.prepare('UPDATE undo_log SET undone_at = ? WHERE id = ?').run(nowIso(ctx), log.id);
    return fresh.rows;
  })();
}
