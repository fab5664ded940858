-- 008: the conflicts list at tens of thousands of conflicts. It shows current conflicts (not stale) status by
-- status, by severity; lists and counts walked the (status, severity) index but read every row to check
-- `stale`. These partial indexes hold current conflicts only, so a page and its count come from the index,
-- overall and for one subject.

CREATE INDEX conflicts_current ON conflicts (status, severity) WHERE stale = 0;

CREATE INDEX conflicts_current_subject ON conflicts (subject_id, status, severity) WHERE stale = 0;
