-- 001: the foundation schema (DESIGN.md, "Data model"). Migrations are append-only: change the schema in 002-…
-- Timestamps are ISO 8601 UTC strings written by the store; dates (published_at, scopes) are YYYY-MM-DD.

CREATE TABLE sources (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL CHECK (length(title) > 0),
  publisher    TEXT NOT NULL,
  author       TEXT,
  url          TEXT,
  published_at TEXT NOT NULL CHECK (published_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  language     TEXT NOT NULL DEFAULT 'en',
  -- The article text exactly as imported; claims point into it by character offsets.
  body         TEXT NOT NULL,
  body_sha256  TEXT NOT NULL CHECK (length(body_sha256) = 64),
  format       TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'html')),
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;

CREATE INDEX sources_published_at ON sources (published_at);
CREATE INDEX sources_body_sha256 ON sources (body_sha256);

CREATE TABLE entities (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL CHECK (length(name) > 0),
  type            TEXT NOT NULL CHECK (type IN ('person', 'organisation', 'force', 'place', 'event', 'outlet', 'other')),
  -- foldName(name): case, accents and punctuation folded; one entity per folded name.
  normalized_name TEXT NOT NULL UNIQUE,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

CREATE TABLE entity_aliases (
  id               INTEGER PRIMARY KEY,
  entity_id        INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  alias            TEXT NOT NULL CHECK (length(alias) > 0),
  normalized_alias TEXT NOT NULL UNIQUE,
  created_at       TEXT NOT NULL
) STRICT;

CREATE INDEX entity_aliases_entity ON entity_aliases (entity_id);

CREATE TABLE claims (
  id              INTEGER PRIMARY KEY,
  source_id       INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  quote           TEXT NOT NULL,
  quote_start     INTEGER NOT NULL CHECK (quote_start >= 0),
  quote_end       INTEGER NOT NULL CHECK (quote_end >= quote_start),
  value_text      TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('casualties', 'territory', 'date', 'duration', 'count', 'percentage')),
  metric          TEXT NOT NULL,
  subject_id      INTEGER REFERENCES entities (id),
  -- The figure as an interval: numbers for numeric units, ISO dates (TEXT) when value_unit = 'date'.
  value_low       ANY,
  value_high      ANY,
  value_unit      TEXT NOT NULL,
  qualifier       TEXT NOT NULL CHECK (qualifier IN ('exact', 'about', 'nearly', 'at-least', 'at-most', 'range', 'vague')),
  scope_from      TEXT,
  scope_to        TEXT,
  as_of           TEXT,
  -- NULL: the publisher's own voice.
  speaker_id      INTEGER REFERENCES entities (id),
  attribution_cue TEXT,
  relay           TEXT,
  hedge           TEXT,
  status          TEXT NOT NULL DEFAULT 'candidate' CHECK (status IN ('candidate', 'confirmed', 'rejected')),
  rank            TEXT NOT NULL DEFAULT 'normal' CHECK (rank IN ('preferred', 'normal', 'deprecated')),
  rank_reason     TEXT,
  note            TEXT,
  origin          TEXT NOT NULL CHECK (origin IN ('extracted', 'manual')),
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

-- One index per claims-list filter. SQLite appends the rowid to each, so "filter = ? ORDER BY id DESC" walks the index.
CREATE INDEX claims_source ON claims (source_id, quote_start);
CREATE INDEX claims_kind ON claims (kind);
CREATE INDEX claims_subject_metric ON claims (subject_id, metric);
CREATE INDEX claims_status ON claims (status);
CREATE INDEX claims_speaker ON claims (speaker_id);
CREATE INDEX claims_metric ON claims (metric);
CREATE INDEX claims_rank ON claims (rank);

CREATE TABLE conflicts (
  id                 INTEGER PRIMARY KEY,
  -- rule + sorted claim ids: the same disagreement found again maps to the same row.
  key                TEXT NOT NULL UNIQUE,
  rule               TEXT NOT NULL,
  severity           REAL NOT NULL DEFAULT 0,
  explanation        TEXT NOT NULL,
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'explained', 'resolved')),
  resolution_note    TEXT,
  preferred_claim_id INTEGER REFERENCES claims (id) ON DELETE SET NULL,
  subject_id         INTEGER REFERENCES entities (id) ON DELETE SET NULL,
  metric             TEXT NOT NULL,
  -- 1 = flagged by a reviewer; recomputation never touches those.
  manual             INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),
  -- 1 = an automatic conflict a reviewer decided whose rule no longer fires; kept so the decision survives.
  stale              INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1)),
  version            INTEGER NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;

CREATE INDEX conflicts_list ON conflicts (status, severity);
CREATE INDEX conflicts_fact ON conflicts (subject_id, metric);

CREATE TABLE conflict_claims (
  conflict_id INTEGER NOT NULL REFERENCES conflicts (id) ON DELETE CASCADE,
  claim_id    INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  PRIMARY KEY (conflict_id, claim_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX conflict_claims_claim ON conflict_claims (claim_id);

CREATE TABLE audit_events (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   INTEGER NOT NULL,
  before_json TEXT,
  after_json  TEXT,
  reason      TEXT
) STRICT;

CREATE INDEX audit_events_item ON audit_events (entity, entity_id, id);

CREATE TABLE lexicon_metrics (
  id         INTEGER PRIMARY KEY,
  metric     TEXT NOT NULL UNIQUE,
  kind       TEXT NOT NULL CHECK (kind IN ('casualties', 'territory', 'date', 'duration', 'count', 'percentage')),
  -- JSON array of lower-case words or phrases.
  keywords   TEXT NOT NULL CHECK (json_valid(keywords) AND json_type(keywords) = 'array'),
  updated_at TEXT NOT NULL
) STRICT;
