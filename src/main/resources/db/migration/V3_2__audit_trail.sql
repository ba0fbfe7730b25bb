-- auditlog: the append-only audit trail. Each workspace has its own hash chain (the nil uuid
-- holds entries that belong to no workspace, such as a sign-in with an unknown email). Each entry
-- carries the SHA-256 of the previous entry of its chain, so a changed or deleted row is detected.
-- The application only ever inserts into audit_entry.
create table audit_entry (
    workspace_id  uuid         not null,
    seq           bigint       not null,
    occurred_at   timestamp with time zone not null,
    actor         varchar(320) not null,
    action        varchar(100) not null,
    target        varchar(400) not null,
    summary       varchar(2000) not null,
    address       varchar(64),
    user_agent    varchar(400),
    previous_hash varchar(64)  not null,
    hash          varchar(64)  not null,
    primary key (workspace_id, seq)
);
create index audit_entry_time on audit_entry (workspace_id, occurred_at);
create index audit_entry_actor on audit_entry (workspace_id, actor);

-- The end of each chain: appending locks this row, so entries of one workspace are numbered and
-- chained one after the other even when many requests write at once. It also tells verification
-- where the chain must end, so deleting the newest entries is detected too.
create table audit_chain_head (
    workspace_id uuid primary key,
    last_seq     bigint      not null,
    last_hash    varchar(64) not null
);
