-- 014: sources fetched by URL keep the address fetched (after redirects) and when, and every source the media
-- type it arrived as (a PDF's text is stored as text; media_type says it came from a PDF). NULL for older rows.
ALTER TABLE sources ADD COLUMN fetched_url TEXT;
ALTER TABLE sources ADD COLUMN fetched_at TEXT;
ALTER TABLE sources ADD COLUMN media_type TEXT;
