-- Obligations: recurring duties a workspace configures, per-user calendar feed tokens, and the
-- reminders already sent (so that each obligation is reminded once per due date).

create table obligation_workspace (
    workspace_id  uuid primary key,
    reminder_days integer not null default 7
);

create table obligation_duty (
    id              uuid primary key,
    workspace_id    uuid not null,
    kind            varchar(64) not null,
    title           varchar(200) not null,
    owner           varchar(320),
    interval_months integer not null,
    anchor_due      date not null,
    next_due        date not null,
    last_done_at    timestamp with time zone,
    last_done_by    varchar(320),
    created_at      timestamp with time zone not null
);
create index obligation_duty_ws on obligation_duty (workspace_id);

create table obligation_feed_token (
    workspace_id uuid not null,
    email        varchar(320) not null,
    token_hash   varchar(64) not null unique,
    created_at   timestamp with time zone not null,
    primary key (workspace_id, email)
);

create table obligation_reminder (
    workspace_id  uuid not null,
    obligation_id varchar(300) not null,
    due           timestamp with time zone not null,
    sent_to       varchar(320) not null,
    sent_at       timestamp with time zone not null,
    primary key (workspace_id, obligation_id, due)
);
