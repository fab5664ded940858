-- 002: full-text search over article titles and texts and over claim quotes (SQLite FTS5).
-- External-content tables: the text lives once, in sources and claims; triggers keep the indexes in step.
-- remove_diacritics 2 lets "Erdogan" find "Erdoğan"; the porter stemmer lets "killed" find "killing".

CREATE VIRTUAL TABLE sources_fts USING fts5(
  title, body,
  content = 'sources', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE claims_fts USING fts5(
  quote, value_text,
  content = 'claims', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
  INSERT INTO sources_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
  INSERT INTO sources_fts (sources_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

-- Only when the indexed text changes: a metadata edit must not re-index a long article.
CREATE TRIGGER sources_fts_update AFTER UPDATE OF title, body ON sources BEGIN
  INSERT INTO sources_fts (sources_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO sources_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts (rowid, quote, value_text) VALUES (new.id, new.quote, new.value_text);
END;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, quote, value_text) VALUES ('delete', old.id, old.quote, old.value_text);
END;

CREATE TRIGGER claims_fts_update AFTER UPDATE OF quote, value_text ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, quote, value_text) VALUES ('delete', old.id, old.quote, old.value_text);
  INSERT INTO claims_fts (rowid, quote, value_text) VALUES (new.id, new.quote, new.value_text);
END;

-- Index what earlier versions already hold.
INSERT INTO sources_fts (sources_fts) VALUES ('rebuild');
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
