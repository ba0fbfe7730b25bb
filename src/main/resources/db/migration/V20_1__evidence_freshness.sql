-- How long evidence keeps a control proven, when a workspace sets it rather than taking the default
-- from the control's frequency (annual 365 days, quarterly 92, monthly 31, ...).
create table evidence_freshness_rule (
    workspace_id uuid        not null,
    control_key  varchar(32) not null,
    days         integer     not null,
    updated_by   varchar(320) not null,
    updated_at   timestamp with time zone not null,
    primary key (workspace_id, control_key)
);

-- Freshness asks for each workspace's newest evidence per kind; attestations are a kind of their own.
create index evidence_item_kind on evidence_item (workspace_id, kind, collected_at);
