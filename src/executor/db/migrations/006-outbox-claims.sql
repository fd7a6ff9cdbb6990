-- A send is claimed before its provider is called: status 'sending', by the delivery workflow
-- that claimed it (its DBOS workflow id), so two workers never both call the provider and a stop
-- cannot mark failed a send already at the provider.
alter table outbox add column claimed_by text;
alter table outbox add column claimed_at bigint;
