-- 006: finding the possible partners of a changed claim without reading its whole conflict group.
-- Incremental conflict recomputation (src/recompute.ts, src/domain/conflict-window.ts) looks up, within one
-- subject and metric, point figures by as-of date and scoped figures ("since March 2011", "in the first
-- nine months of 2017") by the start of their period, keeping only figures outside the changed one's
-- interval. A group such as "Syrian civil war | killed" can hold thousands of claims; these partial indexes
-- let a lookup walk a date range and drop, from the index alone, the entries whose values agree.

CREATE INDEX claims_group_points ON claims (subject_id, metric, as_of, value_low, value_high) WHERE scope_from IS NULL;

CREATE INDEX claims_group_scoped ON claims (subject_id, metric, scope_from, as_of, value_low, value_high, scope_to)
  WHERE scope_from IS NOT NULL;
