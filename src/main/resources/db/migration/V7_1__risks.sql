-- The risk register (risks module): each risk with its ratings before and after treatment, and
-- the yearly risk assessments. The same file runs on H2 (PostgreSQL mode) and PostgreSQL.

create table risk (
    id                    uuid primary key,
    workspace_id          uuid not null references workspace (id),
    title                 varchar(200) not null,
    description           varchar(4000),
    category              varchar(100) not null,
    owner                 varchar(320) not null,
    inherent_likelihood   int not null,
    inherent_impact       int not null,
    residual_likelihood   int not null,
    residual_impact       int not null,
    treatment             varchar(16) not null,
    acceptance_approver   varchar(320),
    acceptance_expires_on date,
    control_keys          varchar(1000) not null default '',
    reviewed_on           date not null,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    updated_by            varchar(320) not null
);
create index risk_workspace on risk (workspace_id, title);

create table risk_assessment (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    assessed_on  date not null,
    summary      varchar(8000) not null,
    recorded_by  varchar(320) not null,
    recorded_at  timestamp with time zone not null
);
create index risk_assessment_workspace on risk_assessment (workspace_id, assessed_on);
