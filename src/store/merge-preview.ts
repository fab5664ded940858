// What an entity merge would move, read before the reviewer confirms it: the claims that name the entity as
// subject or speaker, its spellings, its parts and the conflicts about it. Read-only.
import type { Db } from './database.js';
import { getEntity, type StoredEntity } from './entities.js';
import { listParts, type EntityName } from './entity-parts.js';

export interface MergePreviewClaim {
  id: number;
  valueText: string;
  metric: string;
  sourceTitle: string;
  asSubject: boolean;
  asSpeaker: boolean;
}

export interface MergePreview {
  from: StoredEntity;
  into: StoredEntity;
  subjectClaims: number;
  speakerClaims: number;
  /** The first claims that move (by id), at most `limit`. */
  claims: MergePreviewClaim[];
  /** The spellings that become aliases of `into`: the name of `from` and its aliases. */
  spellings: string[];
  parts: EntityName[];
  conflicts: number;
}

/** What merging `fromId` into `intoId` would move; NotFoundError when either is missing. */
export function loadMergePreview(db: Db, fromId: number, intoId: number, limit = 20): MergePreview {
  const from = getEntity(db, fromId);
  const into = getEntity(db, intoId);
  const count = (sql: string) => (db.prepare(sql).get(fromId) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT c.id, c.value_text, c.metric, s.title AS source_title, c.subject_id = @id AS as_subject, c.speaker_id = @id AS as_speaker
       FROM claims c JOIN sources s ON s.id = c.source_id
       WHERE c.id IN (SELECT id FROM claims WHERE subject_id = @id UNION SELECT id FROM claims WHERE speaker_id = @id)
       ORDER BY c.id LIMIT @limit`,
    )
    .all({ id: fromId, limit }) as { id: number; value_text: string; metric: string; source_title: string; as_subject: number; as_speaker: number }[];
  return {
    from,
    into,
    subjectClaims: count('SELECT count(*) AS n FROM claims WHERE subject_id = ?'),
    speakerClaims: count('SELECT count(*) AS n FROM claims WHERE speaker_id = ?'),
    claims: rows.map((r) => ({ id: r.id, valueText: r.value_text, metric: r.metric, sourceTitle: r.source_title, asSubject: r.as_subject === 1, asSpeaker: r.as_speaker === 1 })),
    spellings: [from.name, ...from.aliases],
    parts: listParts(db, fromId),
    conflicts: count('SELECT count(*) AS n FROM conflicts WHERE subject_id = ?'),
  };
}
