-- 010: one conflict per disagreement between two values of a fact, not one per pair of claims.
--
-- A conflict now belongs to a fact (subject + metric) and holds two competing *values*; each value is backed by
-- every claim stating it that disagrees with a claim of the other value. 600 articles repeating "1,200 killed"
-- against "3,400 killed" make one conflict with 600 claims, where they made one conflict per pair of claims.
--
-- A value is a claim's figure and time scope: `claims.value_key`, computed by SQLite so that this migration and
-- the application (src/store/conflicts.ts) group claims by the very same text.
ALTER TABLE claims ADD COLUMN value_key TEXT GENERATED ALWAYS AS (
  value_unit || ':' || coalesce(value_low, '') || ':' || coalesce(value_high, '') || ':' || coalesce(scope_from, '') || ':' || coalesce(scope_to, '')
) VIRTUAL;

-- Which value of the conflict a claim backs (its value_key); '' only for rows written before this migration.
ALTER TABLE conflict_claims ADD COLUMN value_key TEXT NOT NULL DEFAULT '';
UPDATE conflict_claims SET value_key = (SELECT c.value_key FROM claims c WHERE c.id = conflict_claims.claim_id);

-- Where a conflict ranks in the list: the gap weighted by how well each side is sourced (conflicts.ts rankScore).
ALTER TABLE conflicts ADD COLUMN score REAL NOT NULL DEFAULT 0;

-- The new key of each automatic (pairwise) conflict: "v:" subject "|" metric "|" the two values in text order.
CREATE TEMP TABLE regroup AS
SELECT k.id,
  'v:' || coalesce(k.subject_id, '-') || '|' || k.metric || '|' || min(cc.value_key) || '~' || max(cc.value_key) AS new_key,
  CASE k.status WHEN 'resolved' THEN 2 WHEN 'explained' THEN 1 ELSE 0 END AS weight,
  k.updated_at, k.stale
FROM conflicts k JOIN conflict_claims cc ON cc.conflict_id = k.id
WHERE k.manual = 0
GROUP BY k.id;

-- Of the pairwise conflicts that become one, the survivor carries the strongest reviewer decision (resolved over
-- explained over open; the latest among equals), so no decision is lost.
CREATE TEMP TABLE survivor AS
SELECT id, new_key, first_value(id) OVER (PARTITION BY new_key ORDER BY weight DESC, stale, updated_at DESC, id) AS into_id
FROM regroup;

-- The notes of every decided conflict of the group, so a note written on an absorbed conflict is kept too.
UPDATE conflicts SET resolution_note = (
  SELECT group_concat(note, ' · ') FROM (
    SELECT DISTINCT k2.resolution_note AS note FROM survivor s2 JOIN conflicts k2 ON k2.id = s2.id
    WHERE s2.into_id = conflicts.id AND k2.resolution_note IS NOT NULL AND k2.resolution_note <> '' ORDER BY k2.id))
WHERE id IN (SELECT into_id FROM survivor);

-- Members move to the survivor (each claim once), then the absorbed conflicts go, each with an audit event.
INSERT OR IGNORE INTO conflict_claims (conflict_id, claim_id, value_key)
SELECT s.into_id, cc.claim_id, cc.value_key FROM survivor s JOIN conflict_claims cc ON cc.conflict_id = s.id WHERE s.id <> s.into_id;

INSERT INTO audit_events (at, actor, action, entity, entity_id, before_json, after_json, reason)
SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'migration', 'merge', 'conflict', s.id,
  json_object('key', k.key, 'status', k.status, 'resolutionNote', k.resolution_note, 'preferredClaimId', k.preferred_claim_id),
  json_object('into', s.into_id),
  'One conflict per disagreement between two values: merged into conflict ' || s.into_id || '.'
FROM survivor s JOIN conflicts k ON k.id = s.id WHERE s.id <> s.into_id;

-- (foreign keys are off while migrating, so the absorbed conflicts' claim rows are deleted by hand)
DELETE FROM conflict_claims WHERE conflict_id IN (SELECT id FROM survivor WHERE id <> into_id);
DELETE FROM conflicts WHERE id IN (SELECT id FROM survivor WHERE id <> into_id);

-- A survivor's rule may be stale while an absorbed one still fired: current if any of its group was.
UPDATE conflicts SET stale = 0
WHERE id IN (SELECT into_id FROM survivor s JOIN regroup r ON r.id = s.id WHERE r.stale = 0);

UPDATE conflicts SET key = (SELECT new_key FROM survivor WHERE survivor.id = conflicts.id)
WHERE id IN (SELECT into_id FROM survivor);

UPDATE conflicts SET score = severity * 0.5;

DROP TABLE survivor;
DROP TABLE regroup;

CREATE INDEX conflicts_ranked ON conflicts (status, score) WHERE stale = 0;
CREATE INDEX conflicts_ranked_subject ON conflicts (subject_id, status, score) WHERE stale = 0;
CREATE INDEX conflict_claims_value ON conflict_claims (conflict_id, value_key);
