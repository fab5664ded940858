// The editable vocabulary extraction reads: metric keywords (here), entities with aliases (entities.ts) and the
// grammar vocabulary (lexicon-grammar.ts). Seeded once from the lexicon files (db/lexicon/default.json and
// grammar.json); afterwards the database is the truth.
import type { ClaimKind, Lexicon, LexiconMetric } from '../domain/types.js';
import { NotFoundError } from '../domain/errors.js';
import { checkedClaimKind, lexiconRefusals } from '../domain/lexicon-checks.js';
import type { Db } from './database.js';
import { nowIso, type WriteContext } from './context.js';
import { recordAudit } from './audit.js';
import { isStorableName } from '../domain/names.js';
import { seedEntities } from './entity-seeds.js';
import { addMissingGrammar, listGrammar, loadGrammar } from './lexicon-grammar.js';

interface LexiconMetricRow {
  id: number;
  metric: string;
  kind: string;
  keywords: string;
  updated_at: string;
}

/** A lexicon metric as stored, with its id for editing. */
export interface StoredLexiconMetric extends LexiconMetric {
  id: number;
}

/** The one mapping from a lexicon_metrics row to a lexicon metric. */
export function toLexiconMetric(row: LexiconMetricRow): StoredLexiconMetric {
  return { id: row.id, metric: row.metric, kind: row.kind as ClaimKind, keywords: JSON.parse(row.keywords) as string[] };
}

/** The metric keywords, by metric name. */
export function listLexiconMetrics(db: Db): StoredLexiconMetric[] {
  return (db.prepare('SELECT * FROM lexicon_metrics ORDER BY metric').all() as LexiconMetricRow[]).map(toLexiconMetric);
}

/** The whole lexicon as extraction takes it: metrics with keywords, entities with their aliases (and the whole each is part of), grammar. */
export function loadLexicon(db: Db): Lexicon {
  const metrics = listLexiconMetrics(db).map(({ metric, kind, keywords }) => ({ metric, kind, keywords }));
  const entities = db
    .prepare('SELECT e.id, e.name, e.type, w.name AS whole FROM entities e LEFT JOIN entities w ON w.id = e.part_of_id ORDER BY e.name COLLATE NOCASE, e.id')
    .all() as { id: number; name: string; type: string; whole: string | null }[];
  const aliases = db.prepare('SELECT entity_id, alias FROM entity_aliases ORDER BY alias').all() as { entity_id: number; alias: string }[];
  const byEntity = new Map<number, string[]>();
  // Every name and alias is compiled into the matcher; one that is not a name (over MAX_NAME_LENGTH, stored before
  // the limit existed) is left out so that it cannot slow or break extraction for every later import.
  for (const { entity_id, alias } of aliases) {
    if (isStorableName(alias)) byEntity.set(entity_id, [...(byEntity.get(entity_id) ?? []), alias]);
  }
  const grammar = loadGrammar(db);
  return {
    metrics,
    ...(grammar === undefined ? {} : { grammar }),
    entities: entities.filter((e) => isStorableName(e.name)).map((e) => ({
      name: e.name,
      type: e.type as Lexicon['entities'][number]['type'],
      aliases: byEntity.get(e.id) ?? [],
      ...(e.whole === null ? {} : { partOf: e.whole }),
    })),
  };
}

function cleanKeywords(keywords: string[]): string[] {
  return [...new Set(keywords.map((k) => k.trim().toLowerCase()).filter((k) => k !== ''))];
}

/** Adds a metric with its keywords (lower-cased, deduplicated); ValidationError when the metric exists. Audited. */
export function addLexiconMetric(db: Db, input: LexiconMetric, ctx: WriteContext): StoredLexiconMetric {
  return db.transaction(() => {
    const metric = input.metric.trim();
    if (metric === '') throw lexiconRefusals.metricUnnamed();
    if (db.prepare('SELECT 1 FROM lexicon_metrics WHERE metric = ?').get(metric)) throw lexiconRefusals.metricExists(metric);
    const { lastInsertRowid } = db
      .prepare('INSERT INTO lexicon_metrics (metric, kind, keywords, updated_at) VALUES (?, ?, ?, ?)')
      .run(metric, checkedClaimKind(input.kind), JSON.stringify(cleanKeywords(input.keywords)), nowIso(ctx));
    const created = getLexiconMetric(db, Number(lastInsertRowid));
    recordAudit(db, { action: 'create', entity: 'lexicon', entityId: created.id, after: created }, ctx);
    return created;
  })();
}

/** The lexicon metric with this id; NotFoundError when there is none. */
export function getLexiconMetric(db: Db, id: number): StoredLexiconMetric {
  const row = db.prepare('SELECT * FROM lexicon_metrics WHERE id = ?').get(id) as LexiconMetricRow | undefined;
  if (!row) throw new NotFoundError(`Lexicon metric ${id}`);
  return toLexiconMetric(row);
}

/** Replaces a metric's keywords (and optionally its kind); audited. */
export function setMetricKeywords(db: Db, id: number, keywords: string[], ctx: WriteContext, kind?: ClaimKind): StoredLexiconMetric {
  return db.transaction(() => {
    const before = getLexiconMetric(db, id);
    db.prepare('UPDATE lexicon_metrics SET keywords = ?, kind = ?, updated_at = ? WHERE id = ?').run(
      JSON.stringify(cleanKeywords(keywords)),
      checkedClaimKind(kind ?? before.kind),
      nowIso(ctx),
      id,
    );
    const after = getLexiconMetric(db, id);
    recordAudit(db, { action: 'update', entity: 'lexicon', entityId: id, before, after }, ctx);
    return after;
  })();
}

/** Deletes a lexicon metric (claims keep their metric text); audited. */
export function deleteLexiconMetric(db: Db, id: number, ctx: WriteContext): void {
  db.transaction(() => {
    const before = getLexiconMetric(db, id);
    db.prepare('DELETE FROM lexicon_metrics WHERE id = ?').run(id);
    recordAudit(db, { action: 'delete', entity: 'lexicon', entityId: id, before }, ctx);
  })();
}

/**
 * First-start seeding: stores the lexicon's metrics when there are none, its entities when there are none and its
 * grammar vocabulary when none is stored (each part independently), in one transaction. Returns what was created.
 */
export function seedLexicon(db: Db, lexicon: Lexicon, ctx: WriteContext): { metrics: number; entities: number; skippedAliases: string[] } {
  return db.transaction(() => {
    let metrics = 0;
    const hasMetrics = (db.prepare('SELECT count(*) AS n FROM lexicon_metrics').get() as { n: number }).n > 0;
    if (!hasMetrics) {
      for (const metric of lexicon.metrics) {
        if (db.prepare('SELECT 1 FROM lexicon_metrics WHERE metric = ?').get(metric.metric.trim())) continue;
        addLexiconMetric(db, metric, ctx);
        metrics += 1;
      }
    }
    const { created, skippedAliases } = seedEntities(db, lexicon.entities, ctx);
    if (lexicon.grammar && listGrammar(db).length === 0) addMissingGrammar(db, lexicon.grammar, ctx);
    return { metrics, entities: created, skippedAliases };
  })();
}
