-- 018: feed items whose page could not be imported. Each poll tries such an item again until it has failed
-- `attempts` times (the CROSSCHECK_FEED_ATTEMPTS setting, default 3); then it is left alone and shown as given up.
-- A later success records the link in feed_items and removes its row here.
CREATE TABLE feed_item_failures (
  feed_id       INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
  link          TEXT NOT NULL,
  attempts      INTEGER NOT NULL CHECK (attempts >= 1),
  last_error    TEXT NOT NULL,
  last_tried_at TEXT NOT NULL,
  PRIMARY KEY (feed_id, link)
) STRICT;
