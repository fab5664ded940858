-- The dashboard's counts kept up to date by triggers, as claim_status_counts already is (003): counting 160,000
-- conflicts and 100,000 sources on every dashboard view took 27 ms of one thread per request; these make each count
-- a one-row read and cost one row update per write.

-- Current (not stale) conflicts per status.
CREATE TABLE conflict_status_counts (
  status TEXT PRIMARY KEY CHECK (status IN ('open', 'explained', 'resolved')),
  n      INTEGER NOT NULL CHECK (n >= 0)
) STRICT, WITHOUT ROWID;

INSERT INTO conflict_status_counts (status, n)
  SELECT value, (SELECT count(*) FROM conflicts WHERE conflicts.status = value AND stale = 0) FROM json_each('["open","explained","resolved"]');

CREATE TRIGGER conflict_status_counts_insert AFTER INSERT ON conflicts WHEN new.stale = 0 BEGIN
  UPDATE conflict_status_counts SET n = n + 1 WHERE status = new.status;
END;

-- Also fires for conflicts deleted with their claims.
CREATE TRIGGER conflict_status_counts_delete AFTER DELETE ON conflicts WHEN old.stale = 0 BEGIN
  UPDATE conflict_status_counts SET n = n - 1 WHERE status = old.status;
END;

CREATE TRIGGER conflict_status_counts_update AFTER UPDATE OF status, stale ON conflicts
  WHEN old.status IS NOT new.status OR old.stale IS NOT new.stale BEGIN
  UPDATE conflict_status_counts SET n = n - 1 WHERE status = old.status AND old.stale = 0;
  UPDATE conflict_status_counts SET n = n + 1 WHERE status = new.status AND new.stale = 0;
END;

-- Rows of the tables the dashboard counts whole.
CREATE TABLE table_counts (
  name TEXT PRIMARY KEY CHECK (name IN ('sources', 'entities')),
  n    INTEGER NOT NULL CHECK (n >= 0)
) STRICT, WITHOUT ROWID;

INSERT INTO table_counts (name, n) VALUES ('sources', (SELECT count(*) FROM sources)), ('entities', (SELECT count(*) FROM entities));

CREATE TRIGGER table_counts_sources_insert AFTER INSERT ON sources BEGIN
  UPDATE table_counts SET n = n + 1 WHERE name = 'sources';
END;

CREATE TRIGGER table_counts_sources_delete AFTER DELETE ON sources BEGIN
  UPDATE table_counts SET n = n - 1 WHERE name = 'sources';
END;

CREATE TRIGGER table_counts_entities_insert AFTER INSERT ON entities BEGIN
  UPDATE table_counts SET n = n + 1 WHERE name = 'entities';
END;

CREATE TRIGGER table_counts_entities_delete AFTER DELETE ON entities BEGIN
  UPDATE table_counts SET n = n - 1 WHERE name = 'entities';
END;
