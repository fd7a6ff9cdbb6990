import type { Pool, PoolClient } from 'pg';
import { contentHash, specSchema, specToJson, type Spec } from '../../domain/index.ts';
import {
  nextVersionRefusal,
  type ErrorDetail,
  type JourneyStatus,
  type PublishedVersion,
  type VersionDetail,
} from '../../domain/contract/backend-contract.ts';
import { templateBudgetProblems } from '../engine/template-budget.ts';
import { ApiProblem } from '../http/problem.ts';
import { specFormatProblems } from '../http/spec-fields.ts';
import { validatorDetails } from '../http/validator-details.ts';
import { publishWarnings, type PublishLookBack } from './publish-warnings.ts';
import { inTransaction } from './transaction.ts';

interface VersionRow {
  journey_id: string;
  version: number;
  spec_hash: string;
  published_at: string;
  idempotency_key: string;
  look_back_warnings: ErrorDetail[];
}

const summary = (r: VersionRow): PublishedVersion => ({
  journeyId: r.journey_id,
  version: r.version,
  specHash: r.spec_hash,
  publishedAt: new Date(Number(r.published_at)).toISOString(),
});

/** The instant of a publish, or how to read it inside the publish's transaction. */
export type PublishInstant = number | ((client: PoolClient) => Promise<number>);

/**
 * Publishes a spec as the journey's next version (docs/openapi.json): a repeated idempotency key
 * answers with the version it created; a spec compiled for another version number is stale (409).
 * Every profile becomes due at the publish instant, so segment, date and schedule entries start.
 * Its look-back warnings (counts over more days than `lookBack.retentionDays` and the stored versions
 * hold) are stored with the version: a replay answers the first publish's.
 */
export async function publishVersion(
  pool: Pool,
  lookBack: PublishLookBack,
  journeyId: string,
  key: string,
  body: unknown,
  instant: PublishInstant,
): Promise<PublishedVersion & { warnings: ErrorDetail[] }> {
  const format = specFormatProblems(body);
  if (format.length > 0)
    throw new ApiProblem(422, 'invalid-spec', 'The spec is not valid.', format);
  const problems = validatorDetails(body);
  if (problems.length > 0)
    throw new ApiProblem(422, 'invalid-spec', 'The spec is not valid.', problems);
  const spec: Spec = specSchema.parse(body);
  const hash = contentHash(specToJson(spec));
  return inTransaction(pool, async (client) => {
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [journeyId]);
    const existing = await client.query<VersionRow & { spec: Spec }>(
      'select * from journey_versions where journey_id = $1 and idempotency_key = $2',
      [journeyId, key],
    );
    const replay = existing.rows[0];
    if (replay !== undefined) {
      if (replay.spec_hash !== hash)
        throw new ApiProblem(
          409,
          'idempotency-key-reused',
          'This key was used for another request.',
        );
      return {
        ...summary(replay),
        warnings: await replayWarnings(client, lookBack, replay),
      };
    }
    // Refused once here rather than costing the whole render budget at every send of the step.
    // After the replay lookup: the check is timed, and a retried publish whose first attempt
    // committed answers its version whatever a slower render says now.
    const runaway = templateBudgetProblems(spec);
    if (runaway.length > 0)
      throw new ApiProblem(
        422,
        'invalid-spec',
        'A template does not render within the budget.',
        runaway,
      );
    if (spec.journey.id !== journeyId)
      throw new ApiProblem(422, 'invalid-spec', 'The spec belongs to another journey.', [
        { field: 'journey.id', code: 'journey-id-mismatch', message: 'Not this journey.' },
      ]);
    const count = await client.query<{ n: number }>(
      'select count(*)::int as n from journey_versions where journey_id = $1',
      [journeyId],
    );
    const next = (count.rows[0]?.n ?? 0) + 1;
    const refusal = nextVersionRefusal(spec.journey.version, next);
    if (refusal !== null)
      throw new ApiProblem(refusal.status, refusal.code, refusal.message, refusal.details);
    // Publishes go one at a time from here (prune batches hold the row shared): each reads its
    // instant, and the versions its warnings compare with, once every publish before it has
    // committed, so a version is never stored with an instant older than one published before it.
    await client.query('select revision from catalog where id = 1 for update');
    const now = typeof instant === 'number' ? instant : await instant(client);
    const warnings = await publishWarnings(client, lookBack, spec, {
      journeyId,
      version: next,
      at: now,
    });
    const inserted = await client.query<VersionRow>(
      `insert into journey_versions
         (journey_id, version, spec, spec_hash, published_at, idempotency_key, look_back_warnings)
       values ($1, $2, $3, $4, $5, $6, $7) returning *`,
      [journeyId, next, JSON.stringify(spec), hash, now, key, JSON.stringify(warnings)],
    );
    // A version published after a stop starts the journey again (docs/openapi.json): the stop
    // row is kept, as it covers only versions up to its last_version (runs in flight on them
    // stay ended; the catalog and the status read it that way).
    await client.query('update catalog set revision = revision + 1 where id = 1');
    // Locked in id order, as every writer of many profiles does (events, stops): in the table's
    // own order, a publish and a batch of events each held a row the other waited for.
    await client.query(
      `update profiles p set due_at = least(coalesce(p.due_at, $1), $1)
       from (select profile_id from profiles order by profile_id collate "C" for update) o
       where p.profile_id = o.profile_id`,
      [now],
    );
    return { ...summary(inserted.rows[0] as VersionRow), warnings };
  });
}

/**
 * The warnings a replay answers: those stored with the version. A version published before they
 * were stored (migration 013) has none recorded, so they are worked out again as its publish did,
 * from the versions stored before it, at its instant (for a version stored with none, that is
 * none again, unless EVENT_RETENTION_DAYS was lowered since).
 */
async function replayWarnings(
  client: PoolClient,
  lookBack: PublishLookBack,
  row: VersionRow & { spec: Spec },
): Promise<ErrorDetail[]> {
  if (row.look_back_warnings.length > 0) return row.look_back_warnings;
  const publish = { journeyId: row.journey_id, version: row.version, at: Number(row.published_at) };
  return publishWarnings(client, lookBack, row.spec, publish);
}

export async function listVersions(
  pool: Pool | PoolClient,
  journeyId: string,
): Promise<PublishedVersion[]> {
  const r = await pool.query<VersionRow>(
    'select * from journey_versions where journey_id = $1 order by version',
    [journeyId],
  );
  return r.rows.map(summary);
}

export async function getVersion(
  pool: Pool,
  journeyId: string,
  version: number,
): Promise<VersionDetail | null> {
  const r = await pool.query<VersionRow & { spec: Spec }>(
    'select * from journey_versions where journey_id = $1 and version = $2',
    [journeyId, version],
  );
  const row = r.rows[0];
  return row === undefined ? null : { ...summary(row), spec: row.spec };
}

export async function journeyStatus(
  pool: Pool | PoolClient,
  journeyId: string,
): Promise<JourneyStatus> {
  const versions = await listVersions(pool, journeyId);
  const active = await pool.query<{ v: number; n: number }>(
    `select active_version as v, count(*)::int as n from journey_profiles
     where journey_id = $1 and active_version is not null group by active_version`,
    [journeyId],
  );
  const byVersion: Record<string, number> = {};
  for (const v of versions) byVersion[String(v.version)] = 0;
  let total = 0;
  for (const row of active.rows) {
    byVersion[String(row.v)] = row.n;
    total += row.n;
  }
  const stop = await pool.query<{ stopped_at: string; last_version: number }>(
    `select stopped_at, last_version from journey_stops where journey_id = $1
     order by last_version desc limit 1`,
    [journeyId],
  );
  const row = stop.rows[0];
  // A stop covers the versions up to its last_version: a newer one is live again.
  const newest = versions.at(-1)?.version ?? 0;
  const stoppedAt = row === undefined || row.last_version < newest ? null : Number(row.stopped_at);
  const live = stoppedAt === null ? versions.at(-1) : undefined;
  return {
    journeyId,
    state: stoppedAt !== null ? 'stopped' : live === undefined ? 'draft' : 'live',
    liveVersion: live?.version ?? null,
    activeProfiles: total,
    activeProfilesByVersion: byVersion,
    stoppedAt: stoppedAt === null ? null : new Date(stoppedAt).toISOString(),
  };
}
