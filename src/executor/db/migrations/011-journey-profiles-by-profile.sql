-- migrate: no transaction
-- Journey states by profile alone: the primary key leads with journey_id, so pruning events
-- (store/prune-events.ts, the runs in flight of each old event's profile) and loading a batch's
-- profiles (worker/process-batch.ts) read every journey state without it. Built concurrently and
-- dropped first, as 010 is.
drop index concurrently if exists journey_profiles_by_profile;
create index concurrently journey_profiles_by_profile on journey_profiles (profile_id);
