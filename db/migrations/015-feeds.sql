-- 015: RSS and Atom feeds polled for new articles. Each item's link is imported by URL once: feed_items records the
-- links taken (with the source they became), so the next poll skips them.
CREATE TABLE feeds (
  id             INTEGER PRIMARY KEY,
  url            TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  last_polled_at TEXT
) STRICT;

CREATE TABLE feed_items (
  feed_id    INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
  link       TEXT NOT NULL,
  -- NULL when the source was deleted since.
  source_id  INTEGER REFERENCES sources (id) ON DELETE SET NULL,
  taken_at   TEXT NOT NULL,
  PRIMARY KEY (feed_id, link)
) STRICT;
