-- Trust Center: whether the public site shows the evidence ledger's newest signed checkpoint, so that
-- customers and auditors can keep copies of it. Off until an admin opts in.
create table trust_ledger_publication (
    workspace_id uuid primary key references workspace (id),
    published    boolean not null,
    updated_at   timestamp with time zone not null,
    updated_by   varchar(320) not null
);
