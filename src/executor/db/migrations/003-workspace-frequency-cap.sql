-- The workspace frequency cap (spec §4): one settings row, and each profile's recent messages
-- from every journey, `[at, channel index]`, which the cap counts.
create table workspace_settings (
  id integer primary key check (id = 1),
  frequency_cap jsonb not null
);
alter table profiles add column recent_messages jsonb not null default '[]';
