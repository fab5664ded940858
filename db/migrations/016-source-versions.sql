-- 016: versions of an article. Fetching a source's URL again and finding other text stores that text as a new
-- source whose previous_version_id is the one it replaces; the old one keeps its text, claims and offsets. Claims
-- of the old version whose quote is not in the new text are flagged for review in claim_version_flags.
ALTER TABLE sources ADD COLUMN previous_version_id INTEGER REFERENCES sources (id) ON DELETE SET NULL;
CREATE INDEX sources_previous_version ON sources (previous_version_id) WHERE previous_version_id IS NOT NULL;

CREATE TABLE claim_version_flags (
  claim_id          INTEGER PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
  -- The newer version the claim's quote was looked for in.
  version_source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  -- changed: the figure is still stated, in other words; vanished: it is not stated any more.
  change            TEXT NOT NULL CHECK (change IN ('changed', 'vanished')),
  created_at        TEXT NOT NULL
) STRICT;
