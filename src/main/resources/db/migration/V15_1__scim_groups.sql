-- Groups pushed by an identity provider over SCIM, their members (people on the roster), and the
-- workspace's table that maps a group's name to the Attest role its members receive.
create table scim_group (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id),
    display_name varchar(200) not null,
    external_id  varchar(200),
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint scim_group_name_unique unique (workspace_id, display_name)
);

create table scim_group_member (
    group_id  uuid not null references scim_group (id) on delete cascade,
    person_id uuid not null references person (id),
    primary key (group_id, person_id)
);

create table scim_group_role (
    workspace_id uuid not null references workspace (id),
    group_name   varchar(200) not null,
    role         varchar(40) not null,
    primary key (workspace_id, group_name)
);
