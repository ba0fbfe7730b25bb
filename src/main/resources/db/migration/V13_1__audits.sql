-- Audits: engagements with their period and scope, the auditors invited to each, request lists,
-- samples drawn from populations, the Statement of Applicability, audit findings and the report.

create table audit (
    id              uuid primary key,
    workspace_id    uuid not null,
    framework_id    varchar(32) not null,
    kind            varchar(32) not null,
    scope           varchar(8000) not null default '',
    firm            varchar(200) not null,
    lead_auditor    varchar(200) not null,
    period_start    date not null,
    period_end      date not null,
    fieldwork_start date,
    fieldwork_end   date,
    status          varchar(16) not null,
    report_issued_on date,
    report_sha256   varchar(64),
    report_evidence uuid,
    created_at      timestamp with time zone not null,
    created_by      varchar(320) not null,
    updated_at      timestamp with time zone not null
);
create index audit_workspace on audit (workspace_id, period_end);

-- An auditor's access to one audit: until access_ends (inclusive), or until the audit ends when null.
create table audit_auditor (
    audit_id     uuid not null references audit (id),
    workspace_id uuid not null,
    email        varchar(320) not null,
    access_ends  date,
    invited_at   timestamp with time zone not null,
    invited_by   varchar(320) not null,
    primary key (audit_id, email)
);
create index audit_auditor_email on audit_auditor (workspace_id, email);

create table audit_request (
    id           uuid primary key,
    audit_id     uuid not null references audit (id),
    workspace_id uuid not null,
    reference    varchar(40) not null,
    body         varchar(4000) not null,
    control_key  varchar(16),
    assignee     varchar(320),
    due_on       date,
    status       varchar(16) not null,
    comment      varchar(4000),
    updated_at   timestamp with time zone not null,
    updated_by   varchar(320) not null,
    unique (audit_id, reference)
);
create index audit_request_due on audit_request (workspace_id, status, due_on);

-- Evidence attached to a request by reference to its ledger entry, never copied.
create table audit_request_evidence (
    request_id   uuid not null references audit_request (id),
    evidence_id  uuid not null,
    ledger_seq   bigint not null,
    sha256       varchar(64) not null,
    attached_at  timestamp with time zone not null,
    attached_by  varchar(320) not null,
    primary key (request_id, evidence_id)
);

-- A sample: which population (and its hash), the seed and the items drawn, so anyone can re-draw it.
create table audit_sample (
    id              uuid primary key,
    audit_id        uuid not null references audit (id),
    workspace_id    uuid not null,
    population      varchar(40) not null,
    control_key     varchar(16),
    population_hash varchar(64) not null,
    population_size integer not null,
    sample_size     integer not null,
    seed            bigint not null,
    items           text not null,
    drawn_at        timestamp with time zone not null,
    drawn_by        varchar(320) not null
);
create index audit_sample_audit on audit_sample (audit_id, drawn_at);

-- Statement of Applicability versions per workspace; entries hold one Annex A control each.
create table soa_version (
    id           uuid primary key,
    workspace_id uuid not null,
    version      integer not null,
    status       varchar(16) not null,
    edited_by    varchar(320) not null,
    edited_at    timestamp with time zone not null,
    approved_by  varchar(320),
    approved_at  timestamp with time zone,
    unique (workspace_id, version)
);

create table soa_entry (
    version_id     uuid not null references soa_version (id),
    ref            varchar(16) not null,
    title          varchar(300) not null,
    applicable     boolean not null,
    justification  varchar(4000),
    implementation varchar(32) not null,
    controls       varchar(400) not null default '',
    position       integer not null,
    primary key (version_id, ref)
);

create table audit_finding (
    id                uuid primary key,
    audit_id          uuid not null references audit (id),
    workspace_id      uuid not null,
    reference         varchar(40) not null,
    kind              varchar(32) not null,
    title             varchar(300) not null,
    description       varchar(8000),
    requirements      varchar(2000) not null default '',
    controls          varchar(2000) not null default '',
    client_response   varchar(8000),
    root_cause        varchar(8000),
    corrective_action varchar(8000),
    owner             varchar(320),
    due_on            date,
    status            varchar(16) not null,
    raised_by         varchar(320) not null,
    raised_at         timestamp with time zone not null,
    closed_by         varchar(320),
    closed_at         timestamp with time zone,
    unique (audit_id, reference)
);
create index audit_finding_open on audit_finding (audit_id, status);

-- identity: an invitation sent for an audit carries the end of the auditor's membership.
alter table invitation add column member_expires_at timestamp with time zone;
