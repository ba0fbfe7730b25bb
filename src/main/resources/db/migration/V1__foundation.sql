-- Foundation schema: workspaces and their members (identity), adopted frameworks and
-- controls (controls). The same file runs on H2 (PostgreSQL mode) and PostgreSQL.

create table workspace (
    id          uuid primary key,
    slug        varchar(64)  not null unique,
    name        varchar(200) not null,
    created_at  timestamp with time zone not null
);

create table app_user (
    id            uuid primary key,
    email         varchar(320) not null unique,
    display_name  varchar(200) not null,
    password_hash varchar(200),
    enabled       boolean not null default true,
    created_at    timestamp with time zone not null
);

create table membership (
    workspace_id uuid not null references workspace (id),
    user_id      uuid not null references app_user (id),
    role         varchar(32) not null,
    created_at   timestamp with time zone not null,
    primary key (workspace_id, user_id)
);

create table api_token (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    user_id      uuid references app_user (id),
    name         varchar(200) not null,
    token_hash   varchar(64)  not null unique,
    scope        varchar(16)  not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone
);

create table workspace_framework (
    workspace_id uuid not null references workspace (id),
    framework_id varchar(32) not null,
    categories   varchar(400) not null default '',
    adopted_at   timestamp with time zone not null,
    primary key (workspace_id, framework_id)
);

create table workspace_control (
    workspace_id  uuid not null references workspace (id),
    control_key   varchar(16) not null,
    status        varchar(32) not null,
    owner         varchar(320),
    justification varchar(4000),
    notes         varchar(8000),
    updated_at    timestamp with time zone not null,
    updated_by    varchar(320) not null,
    primary key (workspace_id, control_key)
);
create index workspace_control_owner on workspace_control (workspace_id, owner);
