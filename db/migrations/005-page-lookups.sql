-- 005: two lookups that read far more rows than they return at 100,000 sources and a million claims
-- (found by `npm run bench:pages`).

-- The review queue counts one source's candidates (source_id = ? AND status = 'candidate'). Without this index SQLite
-- walked the status index, i.e. most of the million claims, checking each one's source; now it counts a few entries.
CREATE INDEX claims_source_status ON claims (source_id, status);

-- The sources list pages by id (newest first). Articles are stored with their text, so each row fills about a
-- database page and skipping to a deep page read every skipped article; this narrow index of ids lets listSources
-- pick the page's ids from a few index pages instead.
CREATE INDEX sources_id ON sources (id);
