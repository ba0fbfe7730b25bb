-- Frameworks imported from OSCAL catalogs and profiles. Catalog data, like the shipped YAML
-- frameworks: shared by every workspace, adopted per workspace through workspace_framework.
create table oscal_framework (
    id          varchar(32)   primary key,
    name        varchar(300)  not null,
    version     varchar(200)  not null,
    edition     varchar(600)  not null,
    description varchar(4000),
    source      varchar(600)  not null,
    imported_at timestamp with time zone not null,
    imported_by varchar(320)  not null
);

create table oscal_requirement (
    framework_id      varchar(32)   not null references oscal_framework (id),
    position          integer       not null,
    ref               varchar(200)  not null,
    title             varchar(1000) not null,
    summary           varchar(100000),
    parent            varchar(200),
    is_group          boolean       not null,
    citation          varchar(200),
    controls          varchar(2000) not null,
    no_control_reason varchar(1000),
    primary key (framework_id, position)
);
