-- A stored resource's passing result has no row any more: a stored resource (pushed or collected)
-- with no row for a check of its type passes it. Only the resources record modules offer keep a
-- row for each result. This keeps a mostly passing estate at a row per failure, not per check.
delete from monitoring_result
where outcome = 'pass'
  and exists (select 1 from monitoring_resource m
              where m.workspace_id = monitoring_result.workspace_id
                and m.type = monitoring_result.resource_type
                and m.resource_id = monitoring_result.resource_id);
