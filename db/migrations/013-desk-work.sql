-- 013: a desk's working notes. Reviewers discuss a claim or a conflict in a short thread of comments (each also an
-- audit event); a reviewer takes a source to review so the queue can show "mine" and "unassigned"; and a
-- resolution waits for a second editor's approval as a proposal.
CREATE TABLE comments (
  id          INTEGER PRIMARY KEY,
  item        TEXT NOT NULL CHECK (item IN ('claim', 'conflict')),
  item_id     INTEGER NOT NULL,
  author      TEXT NOT NULL,
  body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX comments_item ON comments (item, item_id, id);

-- A thread goes with its claim or conflict (the audit log keeps what was said).
CREATE TRIGGER claims_delete_comments AFTER DELETE ON claims BEGIN
  DELETE FROM comments WHERE item = 'claim' AND item_id = old.id;
END;
CREATE TRIGGER conflicts_delete_comments AFTER DELETE ON conflicts BEGIN
  DELETE FROM comments WHERE item = 'conflict' AND item_id = old.id;
END;

-- One reviewer per source at a time.
CREATE TABLE assignments (
  source_id    INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  assigned_at  TEXT NOT NULL
) STRICT;

CREATE INDEX assignments_user ON assignments (user_id, source_id);

-- A proposed decision on a conflict, applied when an editor other than the proposer approves it: resolving it with
-- one claim preferred, or deprecating one of its claims. `item_version` is the version the proposer saw (the
-- conflict's or the claim's): if it changes meanwhile, approving the proposal is refused as stale.
CREATE TABLE resolution_proposals (
  conflict_id   INTEGER PRIMARY KEY REFERENCES conflicts(id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('resolve', 'deprecate')),
  claim_id      INTEGER NOT NULL,
  item_version  INTEGER NOT NULL,
  reason        TEXT NOT NULL,
  note          TEXT,
  proposed_by   TEXT NOT NULL,
  proposed_at   TEXT NOT NULL
) STRICT;
