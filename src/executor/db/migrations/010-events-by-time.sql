-- migrate: no transaction
-- Old events are pruned by time (store/prune-events.ts). Built concurrently: the events table is
-- the largest, and a plain build would hold off every intake until it is done. Dropped first, as
-- a build cut short leaves an invalid index of that name behind.
drop index concurrently if exists events_by_time;
create index concurrently events_by_time on events (at);
