-- Collector runs are queued here and claimed by any node: a queued run has no claim yet; a claimed run
-- holds a lease its node renews while it works, and a run whose lease lapsed (its node died) is claimed again.
alter table monitoring_run add column queued_at timestamp with time zone;
alter table monitoring_run add column actor varchar(320);
alter table monitoring_run add column claimed_by varchar(120);
alter table monitoring_run add column lease_until timestamp with time zone;
alter table monitoring_run add column attempts integer default 0 not null;
create index monitoring_run_waiting on monitoring_run (status, queued_at);

-- Cron jobs remember the last due time they ran for, so that a missed or abandoned run is caught up
-- once, by one node, within about a lease rather than at the next day's tick.
create table scheduled_job_run (
    name      varchar(64) not null primary key,
    last_due  timestamp with time zone not null,
    ran_at    timestamp with time zone not null
);
