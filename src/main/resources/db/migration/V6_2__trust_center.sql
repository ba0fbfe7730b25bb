-- Trust Center: the draft and published site (as JSON documents), gated documents with their
-- access requests and every view and download, the public subprocessor list with its change
-- notices, and the subscribers to those notices.
create table trust_center (
    workspace_id  uuid primary key references workspace (id),
    slug          varchar(64),
    draft         text not null,
    published     text,
    published_at  timestamp with time zone,
    published_by  varchar(320),
    updated_at    timestamp with time zone not null
);

create table trust_document (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    title        varchar(200) not null,
    kind         varchar(32)  not null,
    gated        boolean not null,
    file_name    varchar(200) not null,
    content      bytea not null,
    sha256       varchar(64) not null,
    uploaded_at  timestamp with time zone not null,
    uploaded_by  varchar(320) not null
);

create table trust_access_request (
    id              uuid primary key,
    workspace_id    uuid not null references workspace (id),
    document_id     uuid not null references trust_document (id),
    name            varchar(200) not null,
    email           varchar(320) not null,
    company         varchar(200) not null,
    reason          varchar(2000),
    nda_version     varchar(64) not null,
    nda_accepted_at timestamp with time zone not null,
    address         varchar(64) not null,
    status          varchar(16) not null,
    decided_by      varchar(320),
    decided_at      timestamp with time zone,
    token_hash      varchar(64) unique,
    expires_at      timestamp with time zone,
    created_at      timestamp with time zone not null
);
create index trust_access_request_ws on trust_access_request (workspace_id, created_at);

create table trust_access_event (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    document_id  uuid not null,
    request_id   uuid,
    email        varchar(320),
    company      varchar(200),
    action       varchar(16) not null,
    address      varchar(64),
    at           timestamp with time zone not null
);
create index trust_access_event_ws on trust_access_event (workspace_id, at);

create table trust_subprocessor (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    name         varchar(200) not null,
    purpose      varchar(2000),
    location     varchar(400) not null,
    listed_from  date not null,
    listed_until date
);

create table trust_subprocessor_notice (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    kind         varchar(16) not null,
    name         varchar(200) not null,
    purpose      varchar(2000),
    location     varchar(400),
    replaces     varchar(200),
    effective_on date not null,
    announced_at timestamp with time zone not null,
    announced_by varchar(320) not null
);
create index trust_subprocessor_notice_ws on trust_subprocessor_notice (workspace_id, announced_at);

create table trust_subscriber (
    id                uuid primary key,
    workspace_id      uuid not null references workspace (id),
    email             varchar(320) not null,
    confirm_token     varchar(64) not null unique,
    unsubscribe_token varchar(64) not null unique,
    address           varchar(64),
    created_at        timestamp with time zone not null,
    confirmed_at      timestamp with time zone,
    unsubscribed_at   timestamp with time zone
);
create index trust_subscriber_ws on trust_subscriber (workspace_id, email);
