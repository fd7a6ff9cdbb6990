import { describe, expect, it } from 'vitest';
import { PRUNE_BATCH_SQL } from '../../src/executor/store/prune-events.ts';
import { directEngine } from './support/direct-engine.ts';

/**
 * How much a prune batch reads on tables of a realistic size, from Postgres's own plan with the
 * rows each scan read (EXPLAIN ANALYZE, rolled back): row counts, not timings.
 */
const DAY = 86_400_000;
const NOW = Date.UTC(2027, 6, 1, 12);
const KEEP_MS = 400 * DAY;
const BATCH_SIZE = 1_000;
const PROFILES = 10_000;
const JOURNEYS = 5;
const EVENTS_PER_PROFILE = 10;

const engine = directEngine('event-prune-plan');

interface PlanNode {
  Alias?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/**
 * `PROFILES` profiles, each with `EVENTS_PER_PROFILE` orders spread over the last `spanDays` days,
 * and a state in each of `JOURNEYS` journeys with one run ended long ago and one still in flight.
 */
async function seed(spanDays: number): Promise<void> {
  await engine.pool.query(
    `insert into profiles (profile_id, attributes, due_at)
     select 'p' || i, '{"consent":{},"tags":[],"custom":{}}', null from generate_series(1, $1) i`,
    [PROFILES],
  );
  await engine.pool.query(
    `insert into events (event_id, profile_id, name, at, received_at)
     select 'p' || i || ':' || j, 'p' || i, 'order_placed', $2::bigint - ((j * 97 + i) % $4) * $3::bigint, $2::bigint
     from generate_series(1, $1) i, generate_series(1, $5) j`,
    [PROFILES, NOW, DAY, spanDays, EVENTS_PER_PROFILE],
  );
  await engine.pool.query(
    `insert into journey_profiles (journey_id, profile_id, state, active_version)
     select 'j' || j, 'p' || i, jsonb_build_object('v', 2, 'started', 2, 'runs', jsonb_build_array(
         jsonb_build_object('id', 'r1', 'entryAt', $2::bigint - 800 * $3::bigint, 'end', 'completed'),
         jsonb_build_object('id', 'r2', 'entryAt', $2::bigint - 300 * $3::bigint, 'end', null))), 1
     from generate_series(1, $1) i, generate_series(1, $4) j`,
    [PROFILES, NOW, DAY, JOURNEYS],
  );
  await engine.pool.query('analyze events, profiles, journey_profiles');
}

async function batchPlan(): Promise<PlanNode> {
  const client = await engine.pool.connect();
  try {
    await client.query('begin');
    const r = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      `explain (analyze, format json) ${PRUNE_BATCH_SQL}`,
      [NOW, KEEP_MS, BATCH_SIZE],
    );
    return r.rows[0]!['QUERY PLAN'][0].Plan;
  } finally {
    await client.query('rollback');
    client.release();
  }
}

/** Rows the scans of `alias` read, those their filters then dropped included. */
function rowsRead(node: PlanNode, alias: string): number {
  const own =
    node.Alias === alias
      ? (node['Actual Rows'] +
          (node['Rows Removed by Filter'] ?? 0) +
          (node['Rows Removed by Index Recheck'] ?? 0)) *
        node['Actual Loops']
      : 0;
  return (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child, alias), own);
}

async function oldEvents(): Promise<number> {
  const r = await engine.pool.query<{ n: string }>(
    'select count(*) as n from events where at < $1',
    [NOW - KEEP_MS],
  );
  return Number(r.rows[0]!.n);
}

describe('a prune batch on realistic tables', () => {
  it('reads only the events older than the keeping when few are', async () => {
    await seed(402);
    const old = await oldEvents();
    expect(old).toBeGreaterThan(0);
    expect(old).toBeLessThan(BATCH_SIZE);

    expect(rowsRead(await batchPlan(), 'e')).toBeLessThanOrEqual(old);
  });

  it('reads only the journey states of the profiles whose old events it looks at', async () => {
    await seed(900);
    expect(await oldEvents()).toBeGreaterThan(BATCH_SIZE);

    expect(rowsRead(await batchPlan(), 'jp')).toBeLessThanOrEqual(BATCH_SIZE * JOURNEYS);
  });
});
