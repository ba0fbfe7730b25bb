-- Working a finding: who it is assigned to and the ticket tracking the fix (one row per finding that has either),
-- and its risk-acceptance exception: requested with a reason and an expiry, approved by someone else.
-- The pipeline's own columns on monitoring_finding stay untouched: an accepted finding is still open there.
create table monitoring_finding_work (
    finding_id   uuid primary key,
    workspace_id uuid         not null,
    assignee     varchar(320),
    ticket_url   varchar(2000),
    updated_at   timestamp with time zone not null
);
create index monitoring_finding_work_assignee on monitoring_finding_work (workspace_id, assignee);

create table monitoring_finding_exception (
    finding_id   uuid primary key,
    workspace_id uuid          not null,
    reason       varchar(1000) not null,
    requested_by varchar(320)  not null,
    approver     varchar(320)  not null,
    requested_at timestamp with time zone not null,
    approved_at  timestamp with time zone,
    expires_at   timestamp with time zone not null
);
-- the expiry job reads approved exceptions by expiry across workspaces; the list reads one workspace's
create index monitoring_finding_exception_expiry on monitoring_finding_exception (expires_at);
create index monitoring_finding_exception_ws on monitoring_finding_exception (workspace_id, expires_at);
