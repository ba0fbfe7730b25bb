-- identity: invitations by email. The link carries a random token; only its SHA-256 is kept.
create table invitation (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    email        varchar(320) not null,
    role         varchar(32)  not null,
    token_hash   varchar(64)  not null unique,
    invited_by   varchar(320) not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    accepted_at  timestamp with time zone
);
create index invitation_workspace on invitation (workspace_id, created_at);
