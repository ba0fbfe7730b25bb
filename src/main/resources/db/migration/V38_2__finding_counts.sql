-- The dashboard and the findings list count open findings by severity and by owner: an index that
-- holds all three answers those counts from the index alone, at any number of findings.
create index monitoring_finding_severity on monitoring_finding (workspace_id, status, severity, owner);
-- A control's page and history read the findings of its checks: by control, not a scan of every finding.
create index monitoring_finding_control on monitoring_finding (workspace_id, control_key, status);
