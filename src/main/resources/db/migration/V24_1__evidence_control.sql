-- Which controls each piece of evidence is linked to, one row per pair, so that a control's freshness
-- and its evidence list are read by control through an index rather than by scanning the workspace's
-- comma-separated lists. Check-result snapshots are not linked: they prove checks, not freshness.
create table evidence_control (
    workspace_id uuid         not null,
    control_key  varchar(32)  not null,
    evidence_id  uuid         not null,
    kind         varchar(32)  not null,
    collected_by varchar(320) not null,
    collected_at timestamp with time zone not null,
    valid_until  timestamp with time zone,
    primary key (workspace_id, control_key, evidence_id)
);
create index evidence_control_newest on evidence_control (workspace_id, control_key, collected_at);

-- A control's history reads the audit trail's entries about it, newest first.
create index audit_entry_target on audit_entry (workspace_id, target, seq);
