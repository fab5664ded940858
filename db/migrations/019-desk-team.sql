-- 019: more of a team desk. A reviewer takes a subject (an entity) to review as well as a source; failed sign-ins
-- are counted here so that a restart forgives nothing; and a claim keeps who confirmed it and when.

-- One reviewer per subject at a time; the review queue counts a taken subject's claims as that reviewer's.
CREATE TABLE subject_assignments (
  entity_id    INTEGER PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  assigned_at  TEXT NOT NULL
) STRICT;

CREATE INDEX subject_assignments_user ON subject_assignments (user_id, entity_id);

-- Failed sign-in counters of rate-limiter-flexible's SQLite store (its own columns: the key, the failures counted,
-- and when the window ends in ms since the epoch). Rows past their window are ignored and cleared at start.
CREATE TABLE sign_in_failures (
  key     TEXT PRIMARY KEY,
  points  INTEGER NOT NULL DEFAULT 0,
  expire  INTEGER
) STRICT;

-- Who confirmed a claim and when: set from the audit event that made it confirmed (the event names the signed-in
-- user, or `local`), cleared when it stops being confirmed. Every change to a claim's status is audited in the
-- same transaction, so the audit log is the one place that decides it and no write path can forget it.
ALTER TABLE claims ADD COLUMN confirmed_by TEXT;
ALTER TABLE claims ADD COLUMN confirmed_at TEXT;

CREATE TRIGGER claims_confirmed AFTER INSERT ON audit_events
WHEN new.entity = 'claim' AND json_extract(new.after_json, '$.status') = 'confirmed'
  AND json_extract(new.before_json, '$.status') IS NOT 'confirmed'
BEGIN
  UPDATE claims SET confirmed_by = new.actor, confirmed_at = new.at WHERE id = new.entity_id;
END;

CREATE TRIGGER claims_unconfirmed AFTER INSERT ON audit_events
WHEN new.entity = 'claim' AND json_extract(new.before_json, '$.status') = 'confirmed'
  AND json_extract(new.after_json, '$.status') != 'confirmed'
BEGIN
  UPDATE claims SET confirmed_by = NULL, confirmed_at = NULL WHERE id = new.entity_id;
END;

-- Claims confirmed before this version: the latest event of their history that confirmed them (none: left NULL).
UPDATE claims SET (confirmed_by, confirmed_at) = (
  SELECT e.actor, e.at FROM audit_events e
  WHERE e.entity = 'claim' AND e.entity_id = claims.id AND json_extract(e.after_json, '$.status') = 'confirmed'
    AND json_extract(e.before_json, '$.status') IS NOT 'confirmed'
  ORDER BY e.id DESC LIMIT 1
) WHERE status = 'confirmed';
