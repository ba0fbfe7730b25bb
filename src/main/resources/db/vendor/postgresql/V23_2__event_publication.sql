-- Spring Modulith's event publication table, created here rather than by Modulith's own initializer:
-- Flyway migrates under its lock, while two nodes starting at once on an empty database both ran the
-- initializer's CREATE TABLE IF NOT EXISTS and one of them failed. Same shape as Modulith's v2 schema.
create table if not exists event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
