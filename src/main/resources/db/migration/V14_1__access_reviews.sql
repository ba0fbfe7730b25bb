-- accessreviews: systems and their latest accounts, manual links to people, campaigns with their
-- frozen snapshot, the append-only decision history and remediation tasks.

create table access_system (
    id              uuid primary key,
    workspace_id    uuid not null references workspace (id),
    name            varchar(200) not null,
    kind            varchar(32) not null,
    owner_email     varchar(320),
    connection_id   uuid,
    target          varchar(1000),
    settings        varchar(4000) not null default '{}',
    -- Sealed with the operator's master key (AES-GCM), bound to the system id.
    secrets_sealed  varchar(4000),
    last_collected_at timestamp with time zone,
    last_error      varchar(2000),
    created_at      timestamp with time zone not null,
    created_by      varchar(320) not null,
    unique (workspace_id, name)
);

-- The accounts as the latest successful collection (or CSV upload) reported them.
create table access_account (
    workspace_id    uuid not null references workspace (id),
    system_id       uuid not null references access_system (id) on delete cascade,
    account_id      varchar(500) not null,
    display_name    varchar(300),
    email           varchar(320),
    roles           varchar(8000) not null default '[]',
    privileged      boolean not null,
    mfa             boolean,
    last_sign_in_at timestamp with time zone,
    created_at      timestamp with time zone,
    active          boolean not null,
    account_kind    varchar(16) not null,
    collected_at    timestamp with time zone not null,
    primary key (system_id, account_id)
);
create index access_account_email on access_account (workspace_id, email);

create table access_account_link (
    workspace_id    uuid not null references workspace (id),
    system_id       uuid not null references access_system (id) on delete cascade,
    account_id      varchar(500) not null,
    person_email    varchar(320) not null,
    linked_by       varchar(320) not null,
    linked_at       timestamp with time zone not null,
    primary key (system_id, account_id)
);

-- Attest's own sign-ins, kept here because identity records them only as audit events.
create table access_member_sign_in (
    workspace_id    uuid not null references workspace (id),
    email           varchar(320) not null,
    last_sign_in_at timestamp with time zone not null,
    primary key (workspace_id, email)
);

create table access_campaign (
    id              uuid primary key,
    workspace_id    uuid not null references workspace (id),
    name            varchar(200) not null,
    status          varchar(16) not null,
    due_on          date not null,
    recurrence      varchar(16) not null,
    reviewer_mode   varchar(16) not null,
    dormant_days    integer not null,
    created_by      varchar(320) not null,
    created_at      timestamp with time zone not null,
    started_at      timestamp with time zone,
    completed_at    timestamp with time zone,
    cancelled_at    timestamp with time zone,
    reminded_at     timestamp with time zone,
    snapshot_evidence uuid,
    report_evidence uuid
);
create index access_campaign_status on access_campaign (workspace_id, status);

create table access_campaign_system (
    campaign_id     uuid not null references access_campaign (id) on delete cascade,
    workspace_id    uuid not null references workspace (id),
    system_id       uuid not null,
    system_name     varchar(200) not null,
    reviewer_email  varchar(320) not null,
    primary key (campaign_id, system_id)
);

-- One row per account of the frozen snapshot; the decision columns mirror the newest history entry.
create table access_review_item (
    id              uuid primary key,
    workspace_id    uuid not null references workspace (id),
    campaign_id     uuid not null references access_campaign (id) on delete cascade,
    system_id       uuid not null,
    system_name     varchar(200) not null,
    account_id      varchar(500) not null,
    display_name    varchar(300),
    email           varchar(320),
    roles           varchar(8000) not null,
    privileged      boolean not null,
    mfa             boolean,
    last_sign_in_at timestamp with time zone,
    account_created_at timestamp with time zone,
    active          boolean not null,
    account_kind    varchar(16) not null,
    person_email    varchar(320),
    flags           varchar(400) not null,
    reviewer_email  varchar(320) not null,
    present         boolean not null,
    decision        varchar(16),
    decided_roles   varchar(8000),
    decision_comment varchar(4000),
    decided_by      varchar(320),
    decided_at      timestamp with time zone,
    unique (campaign_id, system_id, account_id)
);
create index access_review_item_reviewer on access_review_item (workspace_id, reviewer_email, campaign_id);

-- Append-only: the application only ever inserts here.
create table access_decision (
    id              uuid primary key,
    workspace_id    uuid not null references workspace (id),
    campaign_id     uuid not null references access_campaign (id) on delete cascade,
    item_id         uuid not null references access_review_item (id) on delete cascade,
    decision        varchar(16) not null,
    roles           varchar(8000),
    decision_comment varchar(4000),
    decided_by      varchar(320) not null,
    decided_at      timestamp with time zone not null
);
create index access_decision_item on access_decision (item_id, decided_at);

create table access_task (
    id              uuid primary key,
    workspace_id    uuid not null references workspace (id),
    campaign_id     uuid not null references access_campaign (id) on delete cascade,
    item_id         uuid not null references access_review_item (id) on delete cascade,
    system_id       uuid not null,
    system_name     varchar(200) not null,
    account_id      varchar(500) not null,
    action          varchar(16) not null,
    roles           varchar(8000),
    assignee        varchar(320),
    status          varchar(24) not null,
    due_on          date not null,
    created_at      timestamp with time zone not null,
    closed_at       timestamp with time zone,
    closed_by       varchar(320),
    note            varchar(4000),
    exception_until date
);
create index access_task_open on access_task (workspace_id, system_id, status);
create index access_task_campaign on access_task (campaign_id);
