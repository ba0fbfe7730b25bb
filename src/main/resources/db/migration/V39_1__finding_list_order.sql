-- The findings list opens sorted by due date (then id, so that pages do not overlap): read in that
-- order from an index, the first page joins fifty findings instead of sorting every one
-- (340 ms at 100,000 findings on PostgreSQL, 1 ms with the index).
create index monitoring_finding_due_order on monitoring_finding (workspace_id, due_at, id);
