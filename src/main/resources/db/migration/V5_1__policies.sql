-- Policies: documents, their versions (draft -> in_review -> approved -> published), the
-- workspace settings that fill template placeholders, and acceptances by people.

create table policy (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    title        varchar(200) not null,
    template_key varchar(64),
    owner        varchar(320),
    controls     varchar(400) not null default '',
    review_due   date,
    created_at   timestamp with time zone not null,
    created_by   varchar(320) not null
);
create index policy_workspace on policy (workspace_id, title);

create table policy_version (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    policy_id    uuid not null references policy (id),
    number       integer not null,
    status       varchar(16) not null,
    body         text not null,
    body_hash    varchar(64) not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(320) not null,
    submitted_at timestamp with time zone,
    submitted_by varchar(320),
    approved_at  timestamp with time zone,
    approved_by  varchar(320),
    published_at timestamp with time zone,
    published_by varchar(320),
    unique (policy_id, number)
);
create index policy_version_workspace on policy_version (workspace_id, policy_id);

create table policy_setting (
    workspace_id uuid not null references workspace (id),
    name         varchar(64) not null,
    setting_value varchar(1000) not null,
    primary key (workspace_id, name)
);

create table policy_acceptance (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    policy_id    uuid not null references policy (id),
    version_id   uuid not null references policy_version (id),
    email        varchar(320) not null,
    version_hash varchar(64) not null,
    accepted_at  timestamp with time zone not null,
    address      varchar(64),
    unique (version_id, email)
);
create index policy_acceptance_email on policy_acceptance (workspace_id, email);
