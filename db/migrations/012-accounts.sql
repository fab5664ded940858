-- 012: accounts for a team desk. Users sign in with a password (an argon2id hash, never the password) and hold one
-- role; sessions live here, not in memory, so they survive a restart and end at once when a user is disabled.
-- Audit events keep their actor as written: events from before accounts existed stay `local`.
CREATE TABLE users (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 64),
  role             TEXT NOT NULL CHECK (role IN ('viewer', 'reviewer', 'editor', 'admin')),
  password_hash    TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  disabled_at      TEXT,
  last_sign_in_at  TEXT,
  version          INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;

-- A session is found by the sha256 of its cookie, so a copy of the database hands out no live session.
CREATE TABLE sessions (
  token_sha256  TEXT PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL
) STRICT;

CREATE INDEX sessions_user ON sessions (user_id);

-- The activity page filters the log by who and what, newest first.
CREATE INDEX audit_events_actor ON audit_events (actor, id);
CREATE INDEX audit_events_action ON audit_events (action, id);
