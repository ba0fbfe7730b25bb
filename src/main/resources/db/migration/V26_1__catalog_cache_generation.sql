-- The generation of the imported frameworks in every node's catalog. The row exists from the start:
-- a node that first meets a generation has nothing to compare it with, so a first import would go unseen.
insert into cache_generation (name, generation) values ('catalog.imported-frameworks', 0);
