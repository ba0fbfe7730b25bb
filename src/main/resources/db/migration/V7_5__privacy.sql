-- Privacy: data-subject requests (the requester's personal data only as AES-GCM ciphertext),
-- their per-system tasks, pending public submissions awaiting email verification, records of
-- processing (GDPR Art. 30) and the register of customer DPAs and BAAs.

create table privacy_workspace (
    workspace_id uuid primary key,
    slug         varchar(64) not null unique
);

create table privacy_request (
    id                   uuid primary key,
    workspace_id         uuid not null,
    reference            varchar(32) not null,
    request_type         varchar(32) not null,
    law                  varchar(16) not null,
    channel              varchar(16) not null,
    assignee             varchar(320),
    subject_sealed       text,
    received_at          timestamp with time zone not null,
    due_at               timestamp with time zone not null,
    extended_due_at      timestamp with time zone,
    extension_reason     varchar(2000),
    identity_verified_at timestamp with time zone,
    identity_method      varchar(500),
    response_sent_at     timestamp with time zone,
    response_note        varchar(4000),
    status               varchar(16) not null,
    outcome              varchar(16),
    closed_at            timestamp with time zone,
    closed_by            varchar(320),
    closure_reason       varchar(2000),
    purged_at            timestamp with time zone,
    created_by           varchar(320) not null,
    unique (workspace_id, reference)
);
create index privacy_request_open on privacy_request (workspace_id, status);

create table privacy_request_task (
    id           uuid primary key,
    workspace_id uuid not null,
    request_id   uuid not null references privacy_request (id),
    system_name  varchar(200) not null,
    done_at      timestamp with time zone,
    done_by      varchar(320),
    note         varchar(2000),
    created_at   timestamp with time zone not null
);
create index privacy_request_task_request on privacy_request_task (workspace_id, request_id);

create table privacy_intake (
    id            uuid primary key,
    workspace_id  uuid not null,
    address_hash  varchar(64) not null,
    token_hash    varchar(64) not null unique,
    sealed        text,
    submitted_at  timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    confirmed_at  timestamp with time zone,
    request_id    uuid
);
create index privacy_intake_address on privacy_intake (address_hash, submitted_at);

create table privacy_processing_record (
    id                 uuid primary key,
    workspace_id       uuid not null,
    name               varchar(200) not null,
    purpose            varchar(2000) not null,
    legal_basis        varchar(200),
    data_subjects      varchar(2000) not null,
    data_categories    varchar(2000) not null,
    recipients         varchar(2000),
    transfers          varchar(2000),
    transfer_mechanism varchar(200),
    retention          varchar(1000) not null,
    security_measures  varchar(4000),
    control_keys       varchar(1000) not null default '',
    updated_at         timestamp with time zone not null,
    updated_by         varchar(320) not null
);
create index privacy_processing_record_ws on privacy_processing_record (workspace_id);

create table privacy_customer_agreement (
    id             uuid primary key,
    workspace_id   uuid not null,
    customer       varchar(200) not null,
    kind           varchar(8) not null,
    version_signed varchar(64) not null,
    signed_on      date not null,
    sccs_included  boolean not null,
    recorded_at    timestamp with time zone not null,
    recorded_by    varchar(320) not null
);
create index privacy_customer_agreement_ws on privacy_customer_agreement (workspace_id, customer);
