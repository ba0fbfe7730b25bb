-- Who carries each control of a workspace; a control without a row is the company's.
create table control_responsibility (
    workspace_id      uuid          not null references workspace (id),
    control_key       varchar(16)   not null,
    party             varchar(16)   not null,
    provider_id       uuid,
    provider_duty     varchar(2000),
    customer_guidance varchar(2000),
    provider_report   uuid,
    updated_at        timestamp with time zone not null,
    updated_by        varchar(320)  not null,
    primary key (workspace_id, control_key)
);
