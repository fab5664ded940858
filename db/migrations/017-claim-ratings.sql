-- 017: a reviewer's own rating of a confirmed claim, on the ClaimReview scale (1 False … 5 True) with an explanation,
-- so a claim with no conflict can still be published as a fact check. One rating per claim, edited in place
-- (version counts the edits; the audit log keeps every one).
CREATE TABLE claim_ratings (
  claim_id    INTEGER PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
  rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  explanation TEXT NOT NULL CHECK (length(explanation) BETWEEN 1 AND 2000),
  rated_by    TEXT NOT NULL,
  rated_at    TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1
) STRICT;
