-- Wayfinder reference executor, schema 1. Times are epoch milliseconds (bigint), as in the spec.

create table journey_versions (
  journey_id text not null,
  version integer not null,
  spec jsonb not null,
  spec_hash text not null,
  published_at bigint not null,
  idempotency_key text not null,
  primary key (journey_id, version),
  unique (journey_id, idempotency_key)
);

-- Bumped on every publish, so engine processes notice new versions with one cheap read.
create table catalog (id integer primary key check (id = 1), revision bigint not null);
insert into catalog values (1, 0);

create table profiles (
  profile_id text primary key,
  attributes jsonb not null,
  -- When the engine must look at this profile next (a timer, an event, a publish); null: never.
  due_at bigint
);
create index profiles_due on profiles (due_at) where due_at is not null;

create table events (
  seq bigserial primary key,
  event_id text not null unique,
  profile_id text not null,
  name text not null,
  at bigint not null,
  props jsonb,
  received_at bigint not null
);
create index events_by_profile on events (profile_id, at, seq);

-- Per profile and journey: every run with its path, and recent sends for the frequency cap.
create table journey_profiles (
  journey_id text not null,
  profile_id text not null,
  state jsonb not null,
  -- The version of the run in flight (null: none), for status counts.
  active_version integer,
  primary key (journey_id, profile_id)
);
create index journey_profiles_active on journey_profiles (journey_id, active_version)
  where active_version is not null;

-- Count changes, one row per engine batch and version; readers add them up.
create table count_deltas (
  id bigserial primary key,
  journey_id text not null,
  version integer not null,
  executor_id text not null,
  profiles integer not null,
  step_executions integer not null,
  deltas jsonb not null
);
create index count_deltas_version on count_deltas (journey_id, version);

-- Sends, written in the transaction of the step that made them.
create table outbox (
  id bigserial primary key,
  idempotency_key text not null unique,
  batch_id text not null,
  run_id text not null,
  journey_id text not null,
  version integer not null,
  profile_id text not null,
  step_id text not null,
  channel text not null,
  due_at bigint not null,
  payload jsonb not null,
  status text not null default 'pending',
  delivered_at bigint,
  last_error text
);
create index outbox_batch on outbox (batch_id);
create index outbox_status on outbox (status) where status <> 'delivered';

-- One delivery workflow per engine batch with sends; `queued` once handed to the DBOS queue.
create table delivery_batches (
  batch_id text primary key,
  status text not null default 'new'
);
create index delivery_batches_new on delivery_batches (batch_id) where status = 'new';

-- The test clock, shared by every process on the database (used only when enabled by config).
create table test_clock (id integer primary key check (id = 1), now_ms bigint not null);
