-- A row per stop, not per journey: a stop after a publish (which started the journey again)
-- covers the versions up to its last_version, and an earlier stop keeps its own instant for the
-- versions it stopped (their runs not yet ended by the engine end at that instant, not later).
alter table journey_stops drop constraint journey_stops_pkey;
alter table journey_stops add primary key (journey_id, last_version);
