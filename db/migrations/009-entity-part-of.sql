-- 009: a topic hierarchy between entities. An entity may be part of another (a force part of an intervention,
-- an intervention part of a war), so a fact sheet for a subject can include the claims filed under its parts.
-- Deleting the whole leaves its parts standing on their own.
ALTER TABLE entities ADD COLUMN part_of_id INTEGER REFERENCES entities(id) ON DELETE SET NULL;

CREATE INDEX entities_part_of ON entities (part_of_id) WHERE part_of_id IS NOT NULL;
