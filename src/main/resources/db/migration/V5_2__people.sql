-- People: the workforce roster, onboarding (training, confidentiality agreement, background
-- check), offboarding revocations, SCIM provisioning tokens and reminder digests.

create table person (
    id                uuid primary key,
    workspace_id      uuid not null references workspace (id),
    name              varchar(200) not null,
    email             varchar(320) not null,
    title             varchar(200),
    department        varchar(200),
    manager_email     varchar(320),
    employment_type   varchar(16) not null,
    start_date        date,
    end_date          date,
    required_policies varchar(4000) not null default '',
    external_id       varchar(200),
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    removed_at        timestamp with time zone,
    unique (workspace_id, email)
);
create index person_workspace_name on person (workspace_id, name);

create table person_training (
    id               uuid primary key,
    workspace_id     uuid not null references workspace (id),
    person_id        uuid not null references person (id),
    course           varchar(200) not null,
    completed_at     timestamp with time zone not null,
    certificate_name varchar(200),
    certificate_type varchar(100),
    certificate      bytea,
    recorded_by      varchar(320) not null
);
create index person_training_person on person_training (workspace_id, person_id);

create table person_agreement (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    person_id    uuid not null references person (id),
    signed_name  varchar(200) not null,
    signed_at    timestamp with time zone not null,
    address      varchar(64)
);
create index person_agreement_person on person_agreement (workspace_id, person_id);

create table background_check (
    person_id    uuid primary key references person (id),
    workspace_id uuid not null references workspace (id),
    status       varchar(16) not null,
    completed_on date,
    provider     varchar(200),
    outcome      varchar(4000),
    updated_at   timestamp with time zone not null,
    updated_by   varchar(320) not null
);
create index background_check_workspace on background_check (workspace_id);

create table people_system (
    workspace_id uuid not null references workspace (id),
    name         varchar(100) not null,
    primary key (workspace_id, name)
);

create table offboarding_task (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    person_id    uuid not null references person (id),
    system_name  varchar(100) not null,
    due_at       timestamp with time zone not null,
    confirmed_at timestamp with time zone,
    confirmed_by varchar(320),
    unique (person_id, system_name)
);
create index offboarding_task_workspace on offboarding_task (workspace_id, person_id);

create table scim_token (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    name         varchar(200) not null,
    token_hash   varchar(64) not null unique,
    created_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone
);

create table reminder_digest (
    workspace_id uuid not null references workspace (id),
    email        varchar(320) not null,
    sent_on      date not null,
    items        integer not null,
    primary key (workspace_id, email, sent_on)
);
