-- Each step of a request's loop (submitted, flagged with the auditor's comment, resubmitted, accepted),
-- so both sides see the revisions, not only the latest status.
create table audit_request_move (
    id           uuid primary key,
    workspace_id uuid not null,
    audit_id     uuid not null references audit (id),
    request_id   uuid not null references audit_request (id),
    from_status  varchar(16) not null,
    to_status    varchar(16) not null,
    comment      varchar(4000),
    moved_at     timestamp with time zone not null,
    moved_by     varchar(320) not null
);
create index audit_request_move_audit on audit_request_move (workspace_id, audit_id, moved_at);
