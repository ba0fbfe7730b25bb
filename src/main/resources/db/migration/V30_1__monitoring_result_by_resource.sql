-- The latest results keyed by resource first. A push writes a resource's results together, and
-- the lookup of a chunk of resources' results is now the primary key itself, so the table keeps
-- two indexes instead of three: maintaining an index is most of what writing a result costs.
create table monitoring_result_by_resource (
    workspace_id  uuid         not null,
    resource_type varchar(100) not null,
    resource_id   varchar(500) not null,
    check_key     varchar(100) not null,
    outcome       varchar(8)   not null,
    error         varchar(1000),
    observed      text         not null,
    evaluated_at  timestamp with time zone not null,
    primary key (workspace_id, resource_type, resource_id, check_key)
);
insert into monitoring_result_by_resource (workspace_id, resource_type, resource_id, check_key, outcome, error, observed, evaluated_at)
    select workspace_id, resource_type, resource_id, check_key, outcome, error, observed, evaluated_at from monitoring_result;
drop table monitoring_result;
alter table monitoring_result_by_resource rename to monitoring_result;
-- a check's page (failures first, paged), its removal and the tallies' recount
create index monitoring_result_check_outcome on monitoring_result (workspace_id, check_key, outcome, resource_id);
