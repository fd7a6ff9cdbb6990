-- The look-back warnings a publish answered with, so a replay of it (same idempotency key) answers
-- the same, whatever versions were published since. Versions published before this column have
-- none recorded: a replay works them out again (store/versions.ts).
alter table journey_versions add column look_back_warnings jsonb not null default '[]';
