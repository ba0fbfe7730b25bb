-- Evidence: content-addressed files (the bytes live in the data folder, named by SHA-256) with their
-- metadata, and the ledger: a hash chain per workspace with Ed25519-signed checkpoints.

create table evidence_item (
    id           uuid primary key,
    workspace_id uuid not null,
    kind         varchar(32)  not null,
    title        varchar(300) not null,
    filename     varchar(300),
    media_type   varchar(200) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    controls     varchar(2000) not null default '',
    collected_by varchar(320) not null,
    collected_at timestamp with time zone not null,
    valid_until  timestamp with time zone,
    ledger_seq   bigint       not null
);
create index evidence_item_recent on evidence_item (workspace_id, collected_at);

-- One row per workspace, locked while an entry is appended so that sequence numbers never fork.
create table ledger_head (
    workspace_id uuid primary key,
    seq          bigint      not null,
    head_hash    varchar(64) not null,
    signed_seq   bigint      not null default 0
);

create table ledger_entry (
    workspace_id uuid        not null,
    seq          bigint      not null,
    recorded_at  varchar(40) not null,
    evidence_id  uuid        not null,
    kind         varchar(32) not null,
    sha256       varchar(64) not null,
    entry_hash   varchar(64) not null,
    primary key (workspace_id, seq)
);

-- A workspace's signing keys; a node that lacks the private key of the newest one makes a new key.
create table ledger_key (
    workspace_id uuid        not null,
    key_id       varchar(16) not null,
    public_key   varchar(200) not null,
    created_at   timestamp with time zone not null,
    primary key (workspace_id, key_id)
);

create table ledger_checkpoint (
    workspace_id uuid        not null,
    seq          bigint      not null,
    head_hash    varchar(64) not null,
    signed_at    varchar(40) not null,
    key_id       varchar(16) not null,
    signature    varchar(200) not null,
    primary key (workspace_id, seq)
);
