-- A claim older than the lease (CLAIM_LEASE_MS) is given back and its batch delivered again by a
-- new workflow: `round` numbers those workflows (deliver:<batch> first, then deliver:<batch>:<round>).
alter table delivery_batches add column round integer not null default 0;
create index outbox_sending on outbox (claimed_at) where status = 'sending';
