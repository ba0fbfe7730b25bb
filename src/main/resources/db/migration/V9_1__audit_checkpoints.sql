-- auditlog: Ed25519-signed checkpoints over each audit-trail chain, with keys derived from the operator's
-- master key (never stored here), so that a chain recomputed or cut short in the database is detected.
create table audit_checkpoint (
    workspace_id uuid         not null,
    seq          bigint       not null,
    hash         varchar(64)  not null,
    signed_at    varchar(40)  not null,
    key_id       varchar(16)  not null,
    signature    varchar(200) not null,
    primary key (workspace_id, seq)
);

-- The entry the newest checkpoint covers, so that appends and the scheduled job know what is unsigned.
alter table audit_chain_head add column signed_seq bigint not null default 0;
