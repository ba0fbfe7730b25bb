-- One readiness figure per workspace, framework and day, so the dashboard can draw each framework's
-- trend over the last 90 days. Written at most once a day per framework (the first look of the day).
create table readiness_point (
    workspace_id uuid        not null references workspace (id),
    framework    varchar(64) not null,
    on_day       date        not null,
    ready        int         not null,
    in_scope     int         not null,
    primary key (workspace_id, framework, on_day)
);

-- The first-run setup checklist: which step an admin finished or skipped, per workspace.
create table setup_step (
    workspace_id uuid         not null references workspace (id),
    step_key     varchar(32)  not null,
    step_state   varchar(16)  not null,
    updated_at   timestamp with time zone not null,
    updated_by   varchar(320) not null,
    primary key (workspace_id, step_key)
);
