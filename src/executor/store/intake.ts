import type { Pool } from 'pg';
import type { EventBatch } from '../../domain/contract/executor-contract.ts';
import { profileAttributesSchema, type ProfileAttributes } from '../../domain/index.ts';
import { ApiProblem } from '../http/problem.ts';
import { inTransaction } from './transaction.ts';

/**
 * Creates or replaces a profile's attributes. The profile becomes due now: a segment entry may
 * hold for it (spec §5.1) and a message waiting for consent may now go out.
 */
export async function putProfile(
  pool: Pool,
  profileId: string,
  attributes: ProfileAttributes,
  now: number,
): Promise<void> {
  await pool.query(
    `insert into profiles (profile_id, attributes, due_at) values ($1, $2, $3)
     on conflict (profile_id) do update
       set attributes = excluded.attributes, due_at = least(coalesce(profiles.due_at, $3), $3),
         held_reason = null, held_at = null`,
    [profileId, JSON.stringify(attributes), now],
  );
}

/**
 * Compares ids as Postgres `collate "C"` does: by their UTF-8 bytes. JavaScript's own sort
 * compares UTF-16 units, which puts ids with characters past U+FFFF before U+E000–U+FFFF.
 */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

const EMPTY_ATTRIBUTES = JSON.stringify(profileAttributesSchema.parse({}));

/**
 * Stores a batch of events, skipping ids already stored, and makes each profile due at its
 * earliest new event: an event in the future takes effect at its time, a late one at once (it is
 * applied at its own time to whatever is still undecided, see src/executor/README.md). A profile
 * not seen before is created with no attributes.
 */
export async function insertEvents(
  pool: Pool,
  batch: EventBatch,
  now: number,
): Promise<{ accepted: number; duplicates: number }> {
  const { events } = batch;
  return inTransaction(pool, async (client) => {
    const columns = [
      events.map((e) => e.id),
      events.map((e) => e.profileId),
      events.map((e) => e.name),
      events.map((e) => e.at),
      events.map((e) => (e.props === undefined ? null : JSON.stringify(e.props))),
    ];
    const inserted = await client.query<{ profile_id: string; at: string }>(
      `insert into events (event_id, profile_id, name, at, props, received_at)
       select u.*, $6::bigint
       from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::jsonb[]) as u(id, p, n, a, pr)
       on conflict (event_id) do nothing
       returning profile_id, at`,
      [...columns, now],
    );
    // An id already stored is a retry only when it is the same event; another event under it
    // (ids made per customer, a counter reset) was dropped as a "duplicate" without a word.
    const clashes = await client.query<{ i: string; id: string }>(
      `select u.i, u.id
       from unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::jsonb[])
         with ordinality as u(id, p, n, a, pr, i)
       join events e on e.event_id = u.id
       where (e.profile_id, e.name, e.at) is distinct from (u.p, u.n, u.a)
          or e.props is distinct from u.pr
       order by u.i`,
      columns,
    );
    if (clashes.rows.length > 0)
      throw new ApiProblem(
        400,
        'invalid-body',
        'Some event ids were already used for other events; nothing of this batch was stored.',
        clashes.rows.slice(0, 50).map((r) => ({
          field: `events.${Number(r.i) - 1}.id`,
          code: 'event-id-reused',
          message: `The id "${r.id}" was already used for another event (another customer, name, time or props).`,
        })),
      );
    const earliest = new Map<string, number>();
    for (const row of inserted.rows) {
      const at = Number(row.at);
      earliest.set(row.profile_id, Math.min(earliest.get(row.profile_id) ?? at, at));
    }
    if (earliest.size > 0) {
      // Locked in byte order (collate "C"), as publishes and stops lock theirs: the database's
      // own collation (en_US, ICU) orders `user-B`, `user-a` otherwise, and the two deadlock.
      const ids = [...earliest.keys()].sort(byteOrder);
      await client.query(
        `insert into profiles (profile_id, attributes, due_at)
         select id, $3::jsonb, due from unnest($1::text[], $2::bigint[]) as u(id, due)
         order by id collate "C"
         on conflict (profile_id) do update
           set due_at = least(coalesce(profiles.due_at, excluded.due_at), excluded.due_at),
             held_reason = null, held_at = null`,
        [ids, ids.map((id) => earliest.get(id)), EMPTY_ATTRIBUTES],
      );
    }
    return {
      accepted: inserted.rowCount ?? 0,
      duplicates: events.length - (inserted.rowCount ?? 0),
    };
  });
}
