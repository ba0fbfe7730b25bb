-- A connection's resources are found by the connection alone (its id is unique), so that the lookup of
-- resources by id never has an index on the workspace alone to choose. A push's lookup, prepared while
-- the table had no statistics yet, found both indexes equally cheap, kept the one by workspace and
-- connection, and then read every resource of the workspace for each id it looked up: the first push of
-- 100,000 resources spent seconds there. The primary key (workspace, type, id) is now the only index
-- that serves it.
drop index monitoring_resource_connection;
create index monitoring_resource_connection on monitoring_resource (connection_id);
