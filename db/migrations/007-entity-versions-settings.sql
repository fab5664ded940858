-- 007: optimistic locking for entities, and a small key-value table for settings the application keeps itself.
-- Entities get a version like sources and claims: rename, merge and alias edits check the version the reviewer's
-- form was drawn at, so two reviewers never overwrite each other silently.
ALTER TABLE entities ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

-- Values made once and kept across restarts (e.g. the CSRF secret, so a restart does not invalidate open forms).
CREATE TABLE app_settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
