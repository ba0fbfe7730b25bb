-- Several nodes on one database. A cache that a change makes stale has a generation here: the node that
-- makes the change bumps it, every node polls the table and drops its copy when the number moves.
create table cache_generation (
    name       varchar(64) not null primary key,
    generation bigint      not null
);
insert into cache_generation (name, generation) values ('trustcenter.pages', 0);

-- The orphan sweeper asks whether stored content is named by any evidence.
create index evidence_item_sha256 on evidence_item (sha256);
create index ledger_entry_sha256 on ledger_entry (sha256);
