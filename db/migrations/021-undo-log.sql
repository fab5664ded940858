-- 020: what an undoable write changed, so that its Undo can put it back. One row per write: for every row the
-- write touched (in the tables listed in src/store/change-log.ts), the row before and after it, as JSON. Kept
-- for the Undo window only (older rows are removed by the next undoable write); `session` is the browser session
-- the Undo is offered to; `undone_at` is set once it has been undone.
CREATE TABLE undo_log (
  id         INTEGER PRIMARY KEY,
  session    TEXT NOT NULL,
  created_at TEXT NOT NULL,
  label      TEXT NOT NULL,
  rows_json  TEXT NOT NULL CHECK (json_valid(rows_json)),
  undone_at  TEXT
) STRICT;
CREATE INDEX undo_log_created ON undo_log (created_at);
