-- Whether the provider may have a send: it was claimed (handed to its provider) and no provider
-- has answered "not taken" since. A send an older process's lease release set `pending` again
-- (during a rolling upgrade) may have been delivered: a stop must end it `unknown`, still counted
-- sent, not refuse it as never sent. Claimed_at cannot tell, as that release and a give-back both
-- clear it.
alter table outbox add column may_be_at_provider boolean not null default false;

-- Set by the database on every claim, so claims by processes of the previous release (which know
-- nothing of the column) mark it too. Only a give-back after "not taken" clears it.
create function outbox_mark_claimed() returns trigger language plpgsql as $$
begin
  new.may_be_at_provider := true;
  return new;
end
$$;
create trigger outbox_claimed before update of status on outbox
  for each row when (new.status = 'sending' and not new.may_be_at_provider)
  execute function outbox_mark_claimed();

-- Sends claimed before this migration: those still claimed, and, on the safe side, those pending
-- in a batch a lease ever released (the previous release set its claims pending again). A pending
-- send of any other batch was never claimed, or was given back after its provider's "not taken".
-- By the index of undelivered sends, so the delivered ones are not read. That shortens the
-- migration, not its lock: the `alter table` above holds ACCESS EXCLUSIVE on the outbox until this
-- migration commits, so every reader and writer of the outbox waits for the whole of it.
update outbox set may_be_at_provider = true
where status in ('sending', 'pending')
  and (status = 'sending'
       or batch_id in (select batch_id from delivery_batches where round > 0));
