-- A profile the engine cannot advance (its stored state damaged, or written by a newer executor)
-- is set aside with the reason instead of failing its whole batch for ever: due_at is cleared, so
-- no process claims it again until its next event or attribute change makes it due.
alter table profiles add column held_reason text, add column held_at bigint;
create index profiles_held on profiles (held_at) where held_reason is not null;
