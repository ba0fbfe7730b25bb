-- identity: deactivation, session revocation, sign-in locks, service tokens and workspace settings.

-- Sessions signed in before this instant are ended (sign-out everywhere, password change).
alter table app_user add column sessions_valid_after timestamp with time zone;
alter table app_user add column failed_sign_ins integer not null default 0;
alter table app_user add column locked_until timestamp with time zone;

alter table membership add column deactivated_at timestamp with time zone;
-- An auditor's membership ends on this date.
alter table membership add column expires_at timestamp with time zone;

alter table workspace add column require_mfa boolean not null default false;

-- 'personal' tokens act as their user; 'service' tokens have no user and carry their own role.
alter table api_token add column kind varchar(16) not null default 'personal';
alter table api_token add column role varchar(32);
alter table api_token add column created_by varchar(320);
create index api_token_owner on api_token (workspace_id, user_id);

-- Failed sign-ins per client address within a window, and a lock when there were too many.
create table sign_in_address (
    address      varchar(64) primary key,
    failures     integer not null,
    window_start timestamp with time zone not null,
    locked_until timestamp with time zone
);
