-- 020: the grammar vocabulary (reporting verbs, hedges, role nouns, force words, caption words and agencies) stored
-- with the rest of the lexicon, so that it is edited on the lexicon page like the metrics; and the lexicon's version,
-- bumped by triggers on every change to what extraction reads (metrics, entities, aliases, grammar), so that a
-- prepared lexicon is reused until the next edit (src/app/lexicon-cache.ts).
CREATE TABLE lexicon_grammar (
  id         INTEGER PRIMARY KEY,
  -- 'reportingVerbs', 'hedges', … or 'roleNouns:<role>' (one list per role)
  list       TEXT NOT NULL UNIQUE CHECK (length(list) > 0),
  -- the entries as a JSON array of strings, in order (order matters: the first match wins)
  words      TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE lexicon_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT INTO lexicon_version (id, version) VALUES (1, 1);

CREATE TRIGGER lexicon_metrics_insert AFTER INSERT ON lexicon_metrics BEGIN UPDATE lexicon_version SET version = version + 1; END;
CREATE TRIGGER lexicon_metrics_update AFTER UPDATE ON lexicon_metrics BEGIN UPDATE lexicon_version SET version = version + 1; END;
CREATE TRIGGER lexicon_metrics_delete AFTER DELETE ON lexicon_metrics BEGIN UPDATE lexicon_version SET version = version + 1; END;
CREATE TRIGGER lexicon_grammar_insert AFTER INSERT ON lexicon_grammar BEGIN UPDATE lexicon_version SET version = version + 1; END;
CREATE TRIGGER lexicon_grammar_update AFTER UPDATE ON lexicon_grammar BEGIN UPDATE lexicon_version SET version = version + 1; END;
CREATE TRIGGER lexicon_grammar_delete AFTER DELETE ON lexicon_grammar BEGIN UPDATE lexicon_version SET version = version + 1; END;
CREATE TRIGGER entities_lexicon_insert AFTER INSERT ON entities BEGIN UPDATE lexicon_version SET version = version + 1; END;
CREATE TRIGGER entities_lexicon_update AFTER UPDATE OF name, type, part_of_id ON entities BEGIN UPDATE lexicon_version SET version = version + 1; END;
CREATE TRIGGER entities_lexicon_delete AFTER DELETE ON entities BEGIN UPDATE lexicon_version SET version = version + 1; END;
CREATE TRIGGER entity_aliases_lexicon_insert AFTER INSERT ON entity_aliases BEGIN UPDATE lexicon_version SET version = version + 1; END;
CREATE TRIGGER entity_aliases_lexicon_update AFTER UPDATE ON entity_aliases BEGIN UPDATE lexicon_version SET version = version + 1; END;
CREATE TRIGGER entity_aliases_lexicon_delete AFTER DELETE ON entity_aliases BEGIN UPDATE lexicon_version SET version = version + 1; END;
