-- Monitoring at scale: a content hash per resource (an unchanged document is not evaluated again),
-- indexes for every lookup the incremental path makes, run counts, and the evidence of each run
-- (what changed, and a full snapshot at most once a period) for reconstructing past status.

alter table monitoring_resource add column content_hash varchar(64);

-- results and findings of the resources a push brought, in one indexed lookup per chunk
create index monitoring_result_resource on monitoring_result (workspace_id, resource_type, resource_id);
create index monitoring_finding_resource on monitoring_finding (workspace_id, resource_type, resource_id);
-- a check's page: failures first, paged
create index monitoring_result_check_outcome on monitoring_result (workspace_id, check_key, outcome, resource_id);
-- the findings list: open first, by due date; and a check's open findings
create index monitoring_finding_due on monitoring_finding (workspace_id, status, due_at, opened_at);
create index monitoring_finding_check on monitoring_finding (workspace_id, check_key, status);

alter table monitoring_evaluation add column resources_changed integer default 0 not null;
alter table monitoring_evaluation add column findings_opened integer default 0 not null;
alter table monitoring_evaluation add column findings_reopened integer default 0 not null;
alter table monitoring_evaluation add column findings_closed integer default 0 not null;

-- Evidence items that record results: 'delta' (what one write changed) or 'snapshot' (every latest result).
create table monitoring_result_evidence (
    workspace_id uuid        not null,
    recorded_at  timestamp with time zone not null,
    seq          bigint      not null,
    kind         varchar(8)  not null,
    evidence_id  uuid        not null,
    primary key (workspace_id, seq)
);
create index monitoring_result_evidence_time on monitoring_result_evidence (workspace_id, kind, recorded_at);
