-- Resources per type, kept by every write (under the workspace's monitoring lock), so that the
-- dashboard does not count a million rows on each visit.
create table monitoring_resource_count (
    workspace_id uuid         not null,
    type         varchar(100) not null,
    resources    bigint       not null,
    primary key (workspace_id, type)
);
insert into monitoring_resource_count (workspace_id, type, resources)
    select workspace_id, type, count(*) from monitoring_resource group by workspace_id, type;
