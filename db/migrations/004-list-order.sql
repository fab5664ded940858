-- 004: filtered claim lists walk an index in id order instead of sorting every match.
-- The claims list is newest first (ORDER BY id DESC). An index on one column keeps equal keys in rowid order, so
-- "kind = ? ORDER BY id DESC LIMIT 50" reads 50 entries; (kind, status) and (subject_id, metric) only keep that order
-- within each (kind, status) or (subject, metric) pair, so filtering on kind or subject alone sorted every matching
-- claim (200,000 of a million for one kind) on each page view. Measured by `npm run bench:pages`.
CREATE INDEX claims_kind ON claims (kind);
CREATE INDEX claims_subject ON claims (subject_id);
