-- Incidents (incidents module): the incidents themselves, their timelines, the breach notification
-- clocks and the notifications sent, post-mortems with action items, incident-response exercises,
-- and the workspace's notification settings. The same file runs on H2 (PostgreSQL mode) and PostgreSQL.

create table incident (
    id                   uuid primary key,
    workspace_id         uuid not null references workspace (id),
    title                varchar(200) not null,
    description          varchar(8000),
    reported_by          varchar(320) not null,
    reported_at          timestamp with time zone not null,
    discovered_at        timestamp with time zone not null,
    severity             varchar(16),
    status               varchar(16) not null,
    lead                 varchar(320),
    data_categories      varchar(100) not null default '',
    systems_affected     varchar(2000) not null default '',
    customers_affected   varchar(2000) not null default '',
    individuals_affected int not null default 0,
    residents_by_state   varchar(1000) not null default '',
    breach               boolean not null default false,
    breach_risk          varchar(16),
    breach_aware_at      timestamp with time zone,
    breach_determined_at timestamp with time zone,
    breach_determined_by varchar(320),
    closed_at            timestamp with time zone,
    updated_at           timestamp with time zone not null,
    updated_by           varchar(320) not null
);
create index incident_workspace on incident (workspace_id, reported_at);

create table incident_timeline (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    incident_id  uuid not null references incident (id),
    at           timestamp with time zone not null,
    author       varchar(320) not null,
    entry        varchar(4000) not null,
    recorded_at  timestamp with time zone not null
);
create index incident_timeline_incident on incident_timeline (incident_id, at);

create table breach_notification (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    incident_id  uuid not null references incident (id),
    clock_key    varchar(40) not null,
    rule         varchar(100) not null,
    recipient    varchar(2000) not null,
    due_at       timestamp with time zone not null,
    basis        varchar(400) not null,
    sent_at      timestamp with time zone,
    evidence     varchar(2000),
    recorded_by  varchar(320),
    recorded_at  timestamp with time zone,
    unique (incident_id, clock_key)
);
create index breach_notification_workspace on breach_notification (workspace_id, sent_at);

create table incident_postmortem (
    incident_id  uuid primary key references incident (id),
    workspace_id uuid not null references workspace (id),
    root_cause   varchar(8000),
    lessons      varchar(8000),
    updated_at   timestamp with time zone not null,
    updated_by   varchar(320) not null
);

create table incident_action (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    incident_id  uuid not null references incident (id),
    description  varchar(2000) not null,
    owner        varchar(320) not null,
    due_on       date not null,
    done_at      timestamp with time zone,
    created_at   timestamp with time zone not null
);
create index incident_action_incident on incident_action (incident_id);

create table incident_exercise (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    held_on      date not null,
    scenario     varchar(4000) not null,
    participants varchar(4000) not null,
    findings     varchar(8000),
    recorded_by  varchar(320) not null,
    recorded_at  timestamp with time zone not null
);
create index incident_exercise_workspace on incident_exercise (workspace_id, held_on);

create table incident_setting (
    workspace_id          uuid primary key references workspace (id),
    customer_notice_hours int not null,
    time_zone             varchar(64) not null,
    updated_at            timestamp with time zone not null,
    updated_by            varchar(320) not null
);
