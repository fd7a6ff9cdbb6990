-- A stopped journey (POST /journeys/{id}/stop): no new entries, runs in flight ended at stopped_at.
-- One row per journey, kept until a version published after it starts the journey again.
create table journey_stops (
  journey_id text primary key,
  stopped_at bigint not null,
  -- The newest version when it was stopped: a publish after it (a higher version) lifts the stop.
  last_version integer not null
);
