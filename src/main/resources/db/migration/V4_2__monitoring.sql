-- Monitoring: resources (typed JSON documents), the workspace's own checks, evaluations with the
-- latest results per check and resource, findings with their history, connections and their runs.

create table monitoring_resource (
    workspace_id  uuid         not null,
    type          varchar(100) not null,
    resource_id   varchar(500) not null,
    data          text         not null,
    source        varchar(200) not null,
    connection_id uuid,
    collected_at  timestamp with time zone not null,
    primary key (workspace_id, type, resource_id)
);
create index monitoring_resource_connection on monitoring_resource (workspace_id, connection_id);

create table monitoring_check (
    workspace_id  uuid         not null,
    check_key     varchar(100) not null,
    title         varchar(300) not null,
    resource_type varchar(100) not null,
    severity      varchar(16)  not null,
    controls      varchar(1000) not null,
    description   varchar(4000),
    expression    text         not null,
    updated_at    timestamp with time zone not null,
    updated_by    varchar(320) not null,
    primary key (workspace_id, check_key)
);

-- One row per workspace, locked while an evaluation's results are written.
create table monitoring_state (
    workspace_id       uuid primary key,
    last_evaluation_id uuid
);

create table monitoring_evaluation (
    id              uuid primary key,
    workspace_id    uuid         not null,
    trigger_name    varchar(200) not null,
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone not null,
    resources       integer not null,
    checks_passing  integer not null,
    checks_failing  integer not null,
    checks_idle     integer not null,
    results_passed  integer not null,
    results_failed  integer not null,
    evidence_id     uuid
);
create index monitoring_evaluation_recent on monitoring_evaluation (workspace_id, started_at);

-- The latest evaluation's results; earlier ones live in each evaluation's evidence snapshot.
create table monitoring_result (
    workspace_id  uuid         not null,
    check_key     varchar(100) not null,
    resource_type varchar(100) not null,
    resource_id   varchar(500) not null,
    outcome       varchar(8)   not null,
    error         varchar(1000),
    observed      text         not null,
    evaluated_at  timestamp with time zone not null,
    primary key (workspace_id, check_key, resource_id)
);

create table monitoring_check_status (
    workspace_id uuid         not null,
    check_key    varchar(100) not null,
    passed       integer not null,
    failed       integer not null,
    evaluated_at timestamp with time zone not null,
    primary key (workspace_id, check_key)
);

create table monitoring_finding (
    id            uuid primary key,
    workspace_id  uuid         not null,
    check_key     varchar(100) not null,
    resource_type varchar(100) not null,
    resource_id   varchar(500) not null,
    severity      varchar(16)  not null,
    control_key   varchar(16),
    owner         varchar(320),
    status        varchar(8)   not null,
    opened_at     timestamp with time zone not null,
    due_at        timestamp with time zone not null,
    closed_at     timestamp with time zone,
    observed      text
);
create index monitoring_finding_open on monitoring_finding (workspace_id, status, check_key, resource_id);

create table monitoring_finding_event (
    finding_id uuid        not null,
    at         timestamp with time zone not null,
    event      varchar(16) not null,
    detail     varchar(1000)
);
create index monitoring_finding_event_finding on monitoring_finding_event (finding_id, at);

create table monitoring_connection (
    id               uuid primary key,
    workspace_id     uuid         not null,
    name             varchar(200) not null,
    kind             varchar(32)  not null,
    target           varchar(1000) not null,
    secret           text,
    interval_minutes integer not null,
    enabled          boolean not null,
    next_run_at      timestamp with time zone not null,
    created_at       timestamp with time zone not null,
    created_by       varchar(320) not null
);
create index monitoring_connection_due on monitoring_connection (enabled, next_run_at);

create table monitoring_run (
    id             uuid primary key,
    workspace_id   uuid         not null,
    connection_id  uuid         not null,
    trigger_name   varchar(64)  not null,
    status         varchar(16)  not null,
    progress       varchar(200),
    started_at     timestamp with time zone not null,
    finished_at    timestamp with time zone,
    duration_ms    bigint,
    resources_seen integer,
    error          varchar(2000)
);
create index monitoring_run_connection on monitoring_run (connection_id, started_at);
