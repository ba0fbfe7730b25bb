-- Every counter and limit the application keeps (sign-in failures per account and per client
-- address, public-form submissions per client and per target address, mails sent): one row per
-- counted subject, incremented atomically in the database so that the limit holds across nodes.
-- The subject is a SHA-256 of what is counted (an email, an address), so that the table neither
-- keeps the emails that strangers typed nor grows with their length.
create table usage_counter (
    counter       varchar(64) not null,
    subject       varchar(64) not null,
    hits          integer not null,
    window_start  timestamp with time zone not null,
    blocked_until timestamp with time zone,
    primary key (counter, subject)
);
-- Old rows are swept by their window start.
create index usage_counter_window on usage_counter (window_start);

-- Replaced by usage_counter: the per-address sign-in failures and the account's failure count.
drop table sign_in_address;
alter table app_user drop column failed_sign_ins;
