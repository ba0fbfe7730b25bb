-- identity: TOTP second factor (RFC 6238) and one-time recovery codes (stored as SHA-256).
create table user_totp (
    user_id    uuid primary key references app_user (id),
    -- Sealed with the operator's master key (AES-GCM), bound to the user id.
    secret     varchar(200) not null,
    enabled_at timestamp with time zone,
    -- The last accepted time step: a code is accepted only for a later step, so each code works once.
    last_step  bigint not null default 0
);

create table recovery_code (
    user_id   uuid not null references app_user (id),
    code_hash varchar(64) not null,
    used_at   timestamp with time zone,
    primary key (user_id, code_hash)
);
