-- Vendors module: the vendor register with assurance details. Data categories and countries are
-- comma-separated codes (few values, always read with the vendor).
create table vendor (
    id                  uuid primary key,
    workspace_id        uuid not null references workspace (id),
    name                varchar(200) not null,
    website             varchar(500),
    purpose             varchar(2000),
    data_categories     varchar(200) not null default '',
    countries           varchar(400) not null default '',
    subprocessor        boolean not null default false,
    owner               varchar(320),
    tier_override       varchar(16),
    override_reason     varchar(2000),
    contract_start      date,
    contract_end        date,
    report_type         varchar(16),
    report_reviewed_on  date,
    report_reviewer     varchar(320),
    report_findings     varchar(4000),
    dpa_signed_on       date,
    dpa_document        varchar(500),
    baa_signed_on       date,
    transfer_mechanism  varchar(16),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    updated_by          varchar(320) not null
);
create unique index vendor_name on vendor (workspace_id, name);
